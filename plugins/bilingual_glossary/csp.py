"""A Content-Security-Policy for each built page, as a <meta http-equiv> tag (GitHub Pages
sends no headers of a site's choosing).

Scripts run only from the site itself ('self') or when they are one of the inline scripts the
theme's templates and this plugin write: each of those is allowed by its SHA-256 hash, counted
per page, because Material's scripts differ with the page's depth and the 404 page has its
own. A script that comes from a page's content (raw HTML in Markdown, or anything a macro or a
glossary text could smuggle in) gets no hash: the caller passes the script texts it saw in
page content, and those stay blocked on every page, even where the theme repeats the text
(a title in the navigation). Inline event handlers (onclick=, onerror=) and javascript: links
are blocked too, since no 'unsafe-inline' or 'unsafe-hashes' is given; so are images,
scripts and connections to other hosts.

Styles keep 'unsafe-inline': Material and the plugin's diagrams set style="" attributes, and
a style cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript",
                     "text/ecmascript", "application/ecmascript"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script in `html` that a browser would run (no src, and a
    JavaScript type; a JSON-LD or other data block is not run, so it needs no hash)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
                      for m in _ATTRIBUTE.finditer(match.group(1))}
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() in _JAVASCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


@lru_cache(maxsize=256)  # the theme's few scripts recur on every page: hash each once
def script_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(output: str, content_scripts: Iterable[str] = ()) -> str:
    """The policy for one finished page: its inline scripts, less those from page content."""
    blocked = set(content_scripts)
    hashes = dict.fromkeys(script_hash(text) for text in inline_scripts(output)
                           if text not in blocked)
    allowed = "".join(f" {h}" for h in hashes)
    return "; ".join(directive.format(hashes=allowed) for directive in DIRECTIVES)


def add_policy(output: str, content_scripts: Iterable[str] = ()) -> str:
    """`output` with the policy as the first thing in <head> after the charset (which must
    stay in the first 1024 bytes), before any script. A page without <head> is left alone."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(output, content_scripts)}">'
    head = _HEAD.search(output)
    if head is None:
        return output
    charset = _CHARSET.search(output, head.end())
    at = charset.end() if charset and charset.start() - head.end() < 200 else head.end()
    return output[:at] + tag + output[at:]
