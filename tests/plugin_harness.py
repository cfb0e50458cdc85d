"""Drive the glossary plugin in-process, the way MkDocs does: load_config, then its events.

Like mkdocs-static-i18n's own tests: no subprocess, no copy of plugins/, and each event can be
checked on its own. A project is written into a temporary folder from the test's own files.
The configuration steps are the package's own (bilingual_glossary.site_config, which the CLI
uses too); a page is rendered through MkDocs' public Page methods and the plugin events.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from bilingual_glossary.site_config import ConfiguredSite, configure_site
from mkdocs.structure.pages import Page


def write_project(root: Path, config_yaml: str, pages: dict[str, str],
                  glossary: dict[str, str] | None = None, glossary_dir: str = "glossary") -> Path:
    """mkdocs.yml, docs/ and a glossary folder under root; returns the mkdocs.yml path."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    if glossary is not None:
        folder = root / glossary_dir
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in glossary.items():
            (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config_file = root / "mkdocs.yml"
    config_file.write_text(textwrap.dedent(config_yaml), encoding="utf-8")
    return config_file


class Site(ConfiguredSite):
    """A configured site whose pages can be rendered one event at a time."""

    def page(self, src_uri: str) -> Page:
        file = self.files.get_file_from_path(src_uri)
        assert file is not None, f"{src_uri} is not in docs/"
        return file.page or Page(None, file, self.config)

    def render(self, src_uri: str) -> tuple[Page, str]:
        """Markdown to finished HTML through every plugin event; returns the page and output."""
        page = self.page(src_uri)
        plugins, config, files = self.config.plugins, self.config, self.files
        page = plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = plugins.on_page_markdown(page.markdown, page=page, config=config,
                                                 files=files)
        page.render(config, files)
        page.content = plugins.on_page_content(page.content, page=page, config=config,
                                               files=files)
        context = plugins.on_page_context({"page": page}, page=page, config=config,
                                          nav=self.nav)
        assert context is not None
        output = f"<html><head></head><body><article>{page.content}</article></body></html>"
        return page, plugins.on_post_page(output, page=page, config=config)


def configure(config_file: Path, **overrides) -> Site:
    """load_config and the configuration, files and navigation events, as a build runs them."""
    site = configure_site(config_file, **overrides)
    return Site(site.config, site.files, site.nav)
