"""Matching and tooltips as a Python-Markdown extension, for builds without MkDocs plugins.

Zensical (and any tool that runs Python-Markdown) ignores MkDocs plugins but runs extensions:

    markdown_extensions:
      - bilingual_glossary.extension: {glossary_dir: glossary, lang: ko, glossary_url: /glossary/}

Each page gets the plugin's annotation (the same Annotator, so 파드는 and Pod를 match) and the
hidden tooltips of the terms it links, and a page with the directive `<!-- bilingual-glossary -->`
gets the glossary itself. Without `glossary_url` a term links nowhere; its tooltip still works.
The MkDocs plugin is the full experience ("used on" lists, exports, front matter); when both
are configured the plugin takes the extension out, so a page is annotated once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.data.model import LANGS
from bilingual_glossary.glossary_page.directive import DIRECTIVE
from bilingual_glossary.glossary_page.page import glossary_page_html
from bilingual_glossary.languages import normalize_lang
from bilingual_glossary.session import BuildSession, GlossaryCache
from bilingual_glossary.tooltips.markup import annotation_start, tooltips_html
from bilingual_glossary.ui import DEFAULTS

NAME = "bilingual_glossary.extension"  # as mkdocs.yml lists it
_DIRECTIVE_LINE = re.compile(r"[ \t]{0,3}<!--[ \t]*bilingual-glossary[ \t]*-->[ \t]*")

# Python-Markdown makes a new extension for every page it renders, and Zensical a new
# Markdown too: the glossary and its compiled matchers (about 20 ms) are kept per folder, and
# reloaded when a file in it changes (GlossaryCache compares the folder's files).
_CACHES: dict[Path, GlossaryCache] = {}


class GlossaryExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary_dir": ["glossary", "the folder of term files, relative to the folder "
                                         "the build runs in"],
            "lang": ["", "the language of the pages: one of " + ", ".join(LANGS)],
            "glossary_url": ["", "the glossary page's URL, for the links; empty: no links"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        lang = normalize_lang(self.getConfig("lang"))  # ko_KR, ko-KR and KO are ko
        if lang not in LANGS:
            raise ValueError(f"{NAME}: lang '{lang}' has no glossary text. Fix: set the "
                             f"extension's lang to one of {', '.join(LANGS)}.")
        folder = Path(str(self.getConfig("glossary_dir"))).resolve()
        cache = _CACHES.setdefault(folder, GlossaryCache())
        try:
            session = cache.session(folder)
        except GlossaryError as exc:
            raise ValueError(f"{NAME}: {exc.report()}") from None
        page = _Page()
        md.preprocessors.register(_GlossaryDirective(md, session, lang, page),
                                  "bilingual_glossary_page", 25)  # before html_block (20)
        # after raw_html (30) and amp_substitute (20): the page's finished HTML
        md.postprocessors.register(
            _Annotate(md, session, lang, str(self.getConfig("glossary_url")), page),
            "bilingual_glossary", 5)


class _Page:
    """What one conversion has seen: the glossary page is not annotated."""

    def __init__(self) -> None:
        self.is_glossary = False


class _GlossaryDirective(Preprocessor):
    def __init__(self, md: Markdown, session: BuildSession, lang: str, page: _Page) -> None:
        super().__init__(md)
        self.session, self.lang, self.page = session, lang, page

    def run(self, lines: list[str]) -> list[str]:
        self.page.is_glossary = False
        out = []
        for line in lines:
            if _DIRECTIVE_LINE.fullmatch(line):
                self.page.is_glossary = True
                # the stash: Markdown puts the HTML back at the end and never reads it
                html = glossary_page_html(self.session.glossary, self.lang)
                out += ["", self.md.htmlStash.store(html), ""]
            else:
                out.append(line)
        return out


class _Annotate(Postprocessor):
    def __init__(self, md: Markdown, session: BuildSession, lang: str, glossary_url: str,
                 page: _Page) -> None:
        super().__init__(md)
        self.annotator = session.annotator(lang)
        self.url, self.page = glossary_url, page

    def run(self, text: str) -> str:
        if self.page.is_glossary:
            return text
        result = self.annotator.annotate(text, self.url)
        html = result.html if self.url else _without_links(result.html, result.linked)
        return html + tooltips_html(self.annotator.tooltips, result.linked,
                                    DEFAULTS[self.annotator.lang])


def _without_links(html: str, term_ids: frozenset[str]) -> str:
    """Annotations that link nowhere: no href, still focusable for the tooltip."""
    for term_id in term_ids:
        start = annotation_start(term_id, "")
        html = html.replace(start, start.replace(f' href="#{term_id}"', ' tabindex="0"'))
    return html


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)


__all__ = ["DIRECTIVE", "GlossaryExtension", "makeExtension"]
