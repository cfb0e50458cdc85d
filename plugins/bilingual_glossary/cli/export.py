"""`python -m bilingual_glossary export --format json|tbx|csv|all --out DIR`.

Writes the files the plugin adds to a build, byte for byte, without building: the entries'
addresses come from mkdocs.yml (site_url, docs_dir, use_directory_urls, the languages, the
plugin's glossary_page), read as plain YAML, and the same rules the build follows.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bilingual_glossary.data.model import DEFAULT_LANG, LANGS, Glossary
from bilingual_glossary.export.addresses import i18n_glossary_pages, page_url, site_addresses
from bilingual_glossary.export.files import (
    FORMATS,
    OutputFolderError,
    export_files,
    write_files,
)

PLUGIN_NAME = "bilingual-glossary"


@dataclass(frozen=True)
class SiteSettings:
    site_url: str | None
    glossary_pages: dict[str, str]  # lang -> the glossary page's URL, relative to the root


class SettingsError(Exception):
    """mkdocs.yml cannot give the addresses; the message names the file, the key and the fix."""


def add_export_parser(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="write glossary.json, glossary.tbx and glossary.csv without building")
    export.add_argument("--format", choices=(*FORMATS, "all"), default="all",
                        help="which file to write (default: %(default)s; json brings its "
                             "schema, glossary.schema.json, along)")
    export.add_argument("--out", type=Path, required=True,
                        help="the folder to write to: new, empty, or one an earlier export "
                             "wrote (created if missing)")
    export.add_argument("--force", action="store_true",
                        help="write into --out even if it holds other files (they may be "
                             "overwritten)")
    export.add_argument("--site-url", default=None,
                        help="the published site's address for the entries' URLs (default: "
                             "site_url in mkdocs.yml; '' for URLs relative to the site root)")


def run_export(glossary: Glossary, args: argparse.Namespace) -> int:
    try:
        settings = read_site_settings(args.root / "mkdocs.yml")
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        return 1
    site_url = settings.site_url if args.site_url is None else args.site_url
    if site_url and not urlsplit(site_url.strip()).netloc:
        print(f"--site-url '{site_url}' is not an address. Fix: give the published site's "
              "full address, e.g. https://example.org/docs/, or '' for none.", file=sys.stderr)
        return 2
    addresses = site_addresses(site_url, settings.glossary_pages)
    formats = FORMATS if args.format == "all" else (args.format,)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    try:
        written = write_files(out, export_files(glossary, addresses, formats), force=args.force,
                              protected=(args.root / args.glossary_dir,))
    except OutputFolderError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{out}: cannot write there ({exc.strerror}). Fix: pick a folder you can write "
              "to with --out.", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def read_site_settings(config_file: Path) -> SiteSettings:
    """What the exports need from mkdocs.yml; MkDocs' defaults where it is missing or silent."""
    config: Any = {}
    if config_file.exists():
        loader = type("Loader", (yaml.SafeLoader,), {})
        # !ENV and !!python/name values: none of the keys read here may use them
        loader.add_multi_constructor("", lambda *_: None)
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=loader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{config_file}: is not valid YAML ({exc.__class__.__name__}). "
                                "Fix: run `mkdocs build` to see where.") from None
    if not isinstance(config, dict):
        raise SettingsError(f"{config_file}: is not a mapping of settings. Fix: check the "
                            "file; it should start with keys such as site_name:.")
    site_url = config.get("site_url")
    if site_url is not None and not isinstance(site_url, str):
        raise SettingsError(f"{config_file}: site_url must be an address. Fix: write e.g. "
                            "`site_url: https://example.org/docs/`, or pass --site-url.")
    page = _plugin_options(config.get("plugins"), PLUGIN_NAME).get("glossary_page",
                                                                    "glossary.md")
    if not isinstance(page, str) or not page.endswith(".md"):
        raise SettingsError(f"{config_file}: plugins.{PLUGIN_NAME}.glossary_page must name a "
                            "Markdown page. Fix: write e.g. `glossary_page: glossary.md`.")
    directory_urls = config.get("use_directory_urls", True) is not False
    default = _default_language(config, config_file)
    i18n = _plugin_options(config.get("plugins"), "i18n")
    languages = i18n.get("languages") if isinstance(i18n.get("languages"), list) else []
    if languages:  # mkdocs-static-i18n builds each language it lists
        built = [str(item.get("locale")) for item in languages
                 if isinstance(item, dict) and item.get("build", True) is not False]
        pages = i18n_glossary_pages(page, default, built, directory_urls)
    else:  # one build: the glossary page and its suffixed translations, where they exist
        docs_dir = config_file.parent / str(config.get("docs_dir") or "docs")
        stem = page[: -len(".md")]
        candidates = {lang: page if lang == default else f"{stem}.{lang}.md" for lang in LANGS}
        pages = {lang: page_url(src, directory_urls) for lang, src in candidates.items()
                 if (docs_dir / src).is_file()}
    return SiteSettings(site_url=site_url, glossary_pages=pages)


def _plugin_options(plugins: Any, name: str) -> dict[str, Any]:
    """A plugin's options from `plugins:`, a list (of names or one-key maps) or a map."""
    if isinstance(plugins, dict):
        options = plugins.get(name)
        return options if isinstance(options, dict) else {}
    for item in plugins if isinstance(plugins, list) else []:
        if isinstance(item, dict) and name in item:
            return item[name] if isinstance(item[name], dict) else {}
    return {}


def _default_language(config: dict[str, Any], config_file: Path) -> str:
    """The same order as the plugin: static-i18n's default language, else the theme's."""
    i18n = _plugin_options(config.get("plugins"), "i18n")
    languages = i18n.get("languages") if isinstance(i18n.get("languages"), list) else []
    lang = next((str(item.get("locale")) for item in languages
                 if isinstance(item, dict) and item.get("default")), None)
    theme = config.get("theme")
    if lang is None and isinstance(theme, dict) and theme.get("language"):
        lang = str(theme["language"])
    lang = (lang or DEFAULT_LANG).replace("_", "-").split("-")[0].lower()
    if lang not in LANGS:
        raise SettingsError(f"{config_file}: the site's language '{lang}' has no glossary text. "
                            f"Fix: set theme.language to one of {', '.join(LANGS)}.")
    return lang
