"""MkDocs hooks: load the glossary, annotate pages, add tooltips, fill the glossary's 'used on'.

Thin: every decision is made in the glossary core; this file turns MkDocs objects into
plain values and GlossaryError into one clean PluginError (no traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from glossary.annotate import tooltips_html  # noqa: E402
from glossary.errors import GlossaryError  # noqa: E402
from glossary.page import fill_used_on  # noqa: E402
from glossary.session import BuildSession, PageRef, start_session  # noqa: E402
from site_context import glossary_href, is_glossary_page, page_lang  # noqa: E402

MODES = {"first", "all", "off"}
_session: BuildSession | None = None


def on_config(config):
    global _session
    glossary_dir = Path(config.config_file_path).parent / "glossary"
    enabled = os.environ.get("GLOSSARY_TOOLTIPS", "on").lower() not in {"off", "0", "false"}
    try:
        _session = start_session(glossary_dir, tooltips_enabled=enabled)
    except GlossaryError as exc:
        raise PluginError(exc.report()) from None
    return config


def on_page_markdown(markdown, page, config, files):
    if _session.macro_errors:
        errors, _session.macro_errors[:] = list(_session.macro_errors), []
        raise PluginError("\n".join(errors))
    mode = str(page.meta.get("glossary", "first")).lower()
    if mode not in MODES:
        raise PluginError(f"{page.file.src_uri}: front matter 'glossary: {mode}' is not valid. "
                          f"Fix: use one of {', '.join(sorted(MODES))}.")
    return markdown


def on_page_content(html, page, config, files):
    lang = page_lang(page)
    mode = str(page.meta.get("glossary", "first")).lower()
    if is_glossary_page(page, lang) or mode == "off" or not _session.tooltips_enabled:
        return html
    result = _session.annotator(lang).annotate(html, glossary_href(page, lang),
                                               every=mode == "all")
    _session.record_usage(lang, PageRef(page.title or page.url, page.url), result.used)
    return result.html


def on_post_page(output, page, config):
    lang = page_lang(page)
    if is_glossary_page(page, lang):
        output = fill_used_on(output, lang, _session.usage[lang], page.url)
    tips = tooltips_html(_session.glossary, lang, _used_on_page(output))
    if tips:
        output = output.replace("</body>", tips + "</body>", 1)
    return output


def _used_on_page(output: str) -> set[str]:
    from glossary.annotate import annotated_ids

    return annotated_ids(output)
