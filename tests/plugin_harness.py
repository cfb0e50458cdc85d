"""Drive the glossary plugin in-process, the way MkDocs does: load_config, then its events.

Like mkdocs-static-i18n's own tests: no subprocess, no copy of plugins/, and each event can be
checked on its own. A project is written into a temporary folder from the test's own files.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import Navigation, get_navigation
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


@dataclass
class Site:
    """A configured site whose pages can be rendered one event at a time."""

    config: MkDocsConfig
    files: Files
    nav: Navigation

    @property
    def plugin(self):
        return self.config.plugins["bilingual-glossary"]

    def page(self, src_uri: str) -> Page:
        file = self.files.get_file_from_path(src_uri)
        assert file is not None, f"{src_uri} is not in docs/"
        return file.page or Page(None, file, self.config)

    def render(self, src_uri: str) -> tuple[Page, str]:
        """Markdown to finished HTML through every plugin event; returns the page and output."""
        page = self.page(src_uri)
        plugins = self.config.plugins
        # on_pre_page, read, on_page_markdown, render, on_page_content
        _populate_page(page, self.config, self.files)
        context = plugins.on_page_context({"page": page}, page=page, config=self.config,
                                          nav=self.nav)
        assert context is not None
        output = f"<html><head></head><body><article>{page.content}</article></body></html>"
        return page, plugins.on_post_page(output, page=page, config=self.config)


def configure(config_file: Path, **overrides) -> Site:
    """load_config and the configuration, files and navigation events, as a build runs them."""
    config = load_config(str(config_file), **overrides)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    files = config.plugins.on_files(files, config=config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    return Site(config, files, nav)
