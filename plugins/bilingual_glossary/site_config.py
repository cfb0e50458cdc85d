"""The MkDocs adapter of the contributor CLI: a site's facts, from MkDocs and the plugin itself.

The commands that need the site (coverage, export, l10n, l10n-mark) load mkdocs.yml with
MkDocs' own load_config and run the plugins' configuration, files and navigation events, as a
build does. The default language, the languages, the folders, the glossary pages' URLs
(static-i18n's included) and site_url are then read from the glossary plugin's instance: the
CLI derives none of them again, so the export is the build's, byte for byte.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation, get_navigation

from bilingual_glossary.export.addresses import SiteAddresses
from bilingual_glossary.languages import normalize_lang
from bilingual_glossary.plugin import GlossaryPlugin, config_languages

PLUGIN_NAME = "bilingual-glossary"


class SiteConfigError(Exception):
    """mkdocs.yml does not load or does not configure the plugin; the message says why."""


@dataclass
class ConfiguredSite:
    """A site after load_config and the configuration, files and navigation events."""

    config: MkDocsConfig
    files: Files
    nav: Navigation

    @property
    def plugin(self) -> GlossaryPlugin:
        return self.config.plugins[PLUGIN_NAME]


@dataclass(frozen=True)
class SiteFacts:
    """What the CLI needs from a site, as the plugin has it."""

    root: Path  # the folder of mkdocs.yml
    default_lang: str
    langs: tuple[str, ...]  # the default language first
    docs_dir: Path
    glossary_dir: Path
    l10n_dir: Path
    addresses: SiteAddresses  # site_url and each language's glossary page URL
    # docs-relative path -> its language, for every page of every language
    page_langs: dict[str, str] = field(default_factory=dict)


def configure_site(config_file: Path, **overrides) -> ConfiguredSite:
    """load_config and the configuration, files and navigation events, as a build runs them.
    Raises MkDocs' own exceptions (ConfigurationError, PluginError ...)."""
    config = load_config(str(config_file), **overrides)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    files = config.plugins.on_files(files, config=config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    return ConfiguredSite(config, files, nav)


def site_facts(config_file: Path) -> SiteFacts:
    """The site's facts; SiteConfigError when mkdocs.yml does not load or has no plugin."""
    if not config_file.is_file():
        raise SiteConfigError(f"{config_file}: does not exist; this command reads the site's "
                              "configuration. Fix: run it in the site's folder, or name that "
                              "folder with --root.")
    # MkDocs' own notes about the build (pages outside nav ...) are not this command's
    with _mkdocs_errors(config_file), _quiet():
        site = configure_site(config_file)
    if PLUGIN_NAME not in site.config.plugins:
        raise SiteConfigError(f"{config_file}: plugins: has no {PLUGIN_NAME} (or it is turned "
                              f"off). Fix: add `- {PLUGIN_NAME}` under plugins:.")
    plugin = site.plugin
    assert plugin.addresses is not None  # set in on_nav
    page_langs: dict[str, str] = {}
    for file in site.files.documentation_pages():
        page_langs.setdefault(file.src_uri, plugin.page_lang(file))
        for lang, twin in (getattr(file, "alternates", None) or {}).items():
            page_langs.setdefault(twin.src_uri, normalize_lang(lang))
    root = Path(site.config.config_file_path).parent
    return SiteFacts(root=root, default_lang=plugin.default_lang, langs=plugin.langs,
                     docs_dir=Path(site.config.docs_dir), glossary_dir=plugin.glossary_dir,
                     l10n_dir=root / plugin.config.l10n_dir, addresses=plugin.addresses,
                     page_langs=page_langs)


def glossary_settings(config_file: Path) -> tuple[Path, tuple[str, ...]] | None:
    """For `check` and `new`: the glossary folder and the site's languages from mkdocs.yml,
    or None when it does not load (they then work without it). Runs no plugin event."""
    if not config_file.is_file():
        return None
    try:
        with _quiet():
            config = load_config(str(config_file))
    except (MkDocsException, OSError):
        return None
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        return None
    return (config_file.parent / plugin.config.glossary_dir,
            config_languages(config))


@contextmanager
def _mkdocs_errors(config_file: Path) -> Iterator[None]:
    """MkDocs' and the plugin's errors as one SiteConfigError (their message, no traceback)."""
    try:
        yield
    except MkDocsException as exc:
        message = str(exc).strip() or exc.__class__.__name__
        raise SiteConfigError(f"{config_file}: {message}") from None
    except OSError as exc:
        raise SiteConfigError(f"{config_file}: cannot be read ({exc.strerror}).") from None


@contextmanager
def _quiet() -> Iterator[None]:
    """No MkDocs log lines below an error while the CLI configures the site."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
