"""MkDocs hooks: load the glossary, annotate pages, add tooltips, fill the glossary's 'used on'.

Thin: every decision is made in the glossary core; this file turns MkDocs objects into
plain values and GlossaryError into one clean PluginError (no traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))

from glossary.annotate import annotated_ids, tooltips_html
from glossary.errors import GlossaryError
from glossary.page import fill_used_on
from glossary.session import BuildSession, PageRef, start_session
from site_context import glossary_href, is_glossary_page, page_lang

MODES = {"first", "all", "off"}
_session: BuildSession | None = None
_annotated: dict[str, str] = {}  # page source -> annotated content, until it is rendered
_linked: dict[str, frozenset[str]] = {}  # page source -> ids of its annotations


def _mode(page) -> str:
    """The page's `glossary:` front matter; YAML reads a bare `off` as false."""
    value = page.meta.get("glossary", "first")
    if isinstance(value, bool):
        return "first" if value else "off"
    return str(value).strip().lower()


def on_config(config):
    global _session
    glossary_dir = Path(config.config_file_path).parent / "glossary"
    enabled = os.environ.get("GLOSSARY_TOOLTIPS", "on").lower() not in {"off", "0", "false"}
    _annotated.clear()
    _linked.clear()
    try:
        _session = start_session(glossary_dir, tooltips_enabled=enabled)
    except GlossaryError as exc:
        raise PluginError(exc.report()) from None
    return config


def on_page_markdown(markdown, page, config, files):
    if _session.macro_errors:
        errors, _session.macro_errors[:] = list(_session.macro_errors), []
        raise PluginError("\n".join(errors))
    mode = _mode(page)
    if mode not in MODES:
        raise PluginError(f"{page.file.src_uri}: front matter 'glossary: {mode}' is not valid. "
                          f"Fix: use one of {', '.join(sorted(MODES))}.")
    return markdown


def on_page_content(html, page, config, files):
    lang = page_lang(page)
    if is_glossary_page(page, lang) or not _session.tooltips_enabled:
        return html
    mode = _mode(page)
    result = _session.annotator(lang).annotate(html, glossary_href(page, lang),
                                               every=mode == "all")
    _session.record_usage(lang, PageRef(page.title or page.url, page.url), result.used)
    if mode != "off":
        _linked[page.file.src_uri] = result.linked
        if result.html is not html:
            _annotated[page.file.src_uri] = result.html
    # Material's search plugin indexes page.content in on_page_context: give it the plain
    # HTML (the same text, fewer tags to parse) and swap the annotated one in just after.
    return html


@event_priority(-50)  # after the search plugin's on_page_context (priority 0)
def on_page_context(context, page, config, nav):
    annotated = _annotated.pop(page.file.src_uri, None)
    if annotated is not None:
        page.content = annotated
    return context


def on_post_page(output, page, config):
    lang = page_lang(page)
    if is_glossary_page(page, lang):
        output = fill_used_on(output, lang, _session.usage[lang], page.url)
    # after the search plugin has read the content: tooltip text stays out of the index
    linked = _linked.pop(page.file.src_uri, None)
    if linked is None:  # a page the annotator skipped may still hold term() links
        linked = annotated_ids(output)
    tips = tooltips_html(_session.glossary, lang, linked)
    head, body_end, tail = output.rpartition("</body>")
    return f"{head}{tips}{body_end}{tail}" if tips and body_end else output
