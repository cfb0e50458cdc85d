"""While `mkdocs serve` runs, problems are shown, not fatal; and the terminal stays quiet.

A strict build stops at the first glossary or page problem. A preview that stopped would hold
every request until the file is fixed, with the message only in the terminal. So, while
serving, the plugin builds with the last good glossary, logs each problem as a warning (one
line: file, field or line, fix), and this module copies those same lines into a banner at the
top of every built page. The next rebuild without problems writes pages without it.

Plain Python (logging and files): plugin.py decides when to call it.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.session import BuildSession

BANNER_START = "<!-- bilingual-glossary: build problems -->"
BANNER_END = "<!-- /bilingual-glossary: build problems -->"
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([a-zA-Z]+)", re.IGNORECASE)

# Interface text: a status line (noun ending) and a sentence to the reader (해요체).
_TEXT = {
    "ko": ("빌드 문제 {n}건",
           "터미널에 나온 메시지와 같아요. 파일을 고쳐 저장하면 이 안내는 사라져요."),
    "en": ("{n} build problem(s)",
           "The same messages as in the terminal. Fix the file and save; this notice goes away."),
}
_STYLE = ("margin:0;padding:.6rem 1rem;background:#fff3cd;color:#3d2e00;"
          "border-bottom:2px solid #c77c00;font:14px/1.5 system-ui,sans-serif;"
          "word-break:keep-all;overflow-wrap:anywhere")

# Loggers whose INFO lines repeat on every rebuild: mkdocs-macros' variables and macros,
# static-i18n's per-language overrides and its note on relative `extra.alternate` links
# (relative on purpose in mkdocs.yml). Their warnings and errors always pass.
MAX_LINE = 500  # characters of one banner line

CHATTY_LOGGERS = ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n")


class ProblemLog(logging.Handler):
    """Each warning or error logged under `mkdocs` during one rebuild, once, in order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._lines: dict[str, None] = {}
        self.active = False

    def start(self) -> None:
        self._lines.clear()
        self.active = True

    def emit(self, record: logging.LogRecord) -> None:
        if not self.active:
            return
        try:
            message = record.getMessage()
        except Exception:  # a malformed log call elsewhere must not break the build
            message = str(record.msg)
        # one record, one line: a multi-line report (mkdocs-macros' rendering error) is joined,
        # and a fenced traceback after it stays in the terminal
        text = " ".join(line.strip() for line in message.split("```")[0].splitlines()
                        if line.strip())
        if text:
            self._lines.setdefault(text if len(text) <= MAX_LINE else text[:MAX_LINE] + " …")

    def lines(self) -> list[str]:
        return list(self._lines)


class _BelowWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_QUIET = _BelowWarning()


def quiet_chatty_loggers(prefixes: tuple[str, ...] = CHATTY_LOGGERS) -> None:
    """Drop the INFO lines of the loggers under `prefixes` (never a warning or an error).

    A filter on each logger, not on a handler: handlers belong to whoever runs MkDocs."""
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if (isinstance(logger, logging.Logger) and name.startswith(prefixes)
                and _QUIET not in logger.filters):
            logger.addFilter(_QUIET)


def fallback_session(glossary: Glossary | None, langs: tuple[str, ...]) -> BuildSession:
    """A build's state on the last good glossary, or on an empty one before any was good
    (or when the site's languages have changed since)."""
    if glossary is None or tuple(glossary.langs) != tuple(langs):
        glossary = Glossary(terms={}, langs=tuple(langs))
    return BuildSession(glossary, {lang: Annotator(glossary, lang) for lang in glossary.langs})


def banner_html(lines: list[str], lang: str) -> str:
    title, note = _TEXT.get(lang, _TEXT["en"])
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)
    return (f'{BANNER_START}<div class="glossary-build-problems" role="alert" '
            f'style="{_STYLE}"><strong>{html.escape(title.format(n=len(lines)))}</strong> '
            f'{html.escape(note)}<ul style="margin:.3rem 0 0 1.2rem;padding:0">{items}</ul>'
            f"</div>{BANNER_END}")


def without_banner(page: str) -> str:
    start = page.find(BANNER_START)
    end = page.find(BANNER_END, start)
    if start < 0 or end < 0:
        return page
    return page[:start] + page[end + len(BANNER_END):]


def with_banner(page: str, lines: list[str]) -> str:
    """The page with the banner just inside <body>; without one when `lines` is empty."""
    page = without_banner(page)
    body = _BODY_TAG.search(page) if lines else None
    if body is None:
        return page
    lang = _HTML_LANG.search(page[:body.start()])
    banner = banner_html(lines, (lang.group(1).lower() if lang else "en"))
    return page[:body.end()] + banner + page[body.end():]


def mark_site(site_dir: Path | str, lines: list[str]) -> int:
    """Add (or remove) the banner on every built page; returns how many files changed.

    Only pages this build wrote: site_dir is the preview's own temporary folder."""
    changed = 0
    for path in sorted(Path(site_dir).rglob("*.html")):
        try:
            page = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        marked = with_banner(page, lines)
        if marked != page:
            path.write_text(marked, encoding="utf-8")
            changed += 1
    return changed
