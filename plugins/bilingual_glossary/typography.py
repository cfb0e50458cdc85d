"""Korean line breaking that CSS alone cannot give: a particle stays with the inline code it
follows (`standalone`에는, `part_of`는), and a name with its English name (파드(Pod)에는, below).

Inline code must be allowed to break anywhere (overflow-wrap: anywhere, docs/stylesheets/
site.css): a long path or URL is one word, and without that a table of field names is wider
than a phone. But the last letter of the code is then a break point too, and in a narrow table
column Chromium splits `standalone` from 에는. CSS offers no way to take that one break point
away, so each short code and the Hangul right after it are wrapped in one unbreakable
<span class="ko-keep">. Long code (a URL) is left alone: it has to break somewhere.

The plugin applies it to the finished HTML of every Korean page (option `keep_particles`); the
text is unchanged, so search and the glossary annotations see the same words. The plugin's
tooltip stylesheet holds the .ko-keep rule, so another site gets it with the plugin.
"""

from __future__ import annotations

import re

# Longer code than this may need to break inside itself to fit a phone (a URL, a long path).
MAX_KEPT_CODE = 24
# An attribute-free inline <code> (Markdown's `...`), then the Hangul run glued to it.
_CODE_THEN_HANGUL = re.compile(rf"(<code>[^<]{{1,{MAX_KEPT_CODE}}}</code>)([\uac00-\ud7a3]+)")


def keep_particles_with_code(html: str) -> str:
    return _CODE_THEN_HANGUL.sub(r'<span class="ko-keep">\1\2</span>', html)


# --- a Korean name and its English gloss: 파드(Pod)에는 ---------------------------------------
#
# Chromium may break before "(" and after ")" even under keep-all (a bracket is not a letter),
# so 서비스 / (Service)에는 splits a word a Korean reader reads as one. Each such unit becomes
# <span class="ko-gloss">서비스<span class="ko-keep">(Service)에는</span></span>: the inline
# block moves to the next line whole when it does not fit the rest of a line, and only a unit
# wider than the whole column (퍼시스턴트볼륨클레임(PersistentVolumeClaim)에서는 on a phone)
# breaks inside, at its one break point, before "(". The particle never leaves the ")".

_HANGUL = "\uac00-\ud7a3"
WORD_JOINER = "\u2060"  # no line break on either side of it
# the English name: Latin letters first, at most 40 characters, nothing that could be markup
_GLOSS = rf"\([A-Za-z][A-Za-z0-9 .\-]{{0,39}}\)[{_HANGUL}]{{0,8}}"
_WORD_THEN_GLOSS = re.compile(rf"([{_HANGUL}]{{1,30}})({_GLOSS})")
_GLOSS_FIRST = re.compile(rf"^{_GLOSS}")
_TOKENS = re.compile(r"(<[^<>]*>)")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# never inside these: code, scripts, the head
_SKIPPED = frozenset({"head", "script", "style", "pre", "code", "textarea", "svg", "title"})
# a linked or emphasised name before its gloss: <a ...>서비스</a>(Service)
_INLINE = frozenset({"a", "strong", "em", "b", "i", "span"})
_LINKED_NAME = re.compile(rf"[^<>]{{0,40}}[{_HANGUL}]")


def _unit(word: str, gloss: str) -> str:
    return f'<span class="ko-gloss">{word}<span class="ko-keep">{gloss}</span></span>'


# Every unit has "(" and a Latin letter right after Hangul or after the end of an inline
# element (</a>): a page without that is returned after one quick search, not read tag by tag
# (which took most of this module's time, 0.5 ms a page).
_MAYBE_GLOSS = re.compile(
    rf"\((?=[A-Za-z])(?:(?<=[{_HANGUL}]\()|"
    + "|".join(rf"(?<=</{name}>\()" for name in sorted(_INLINE)) + ")", re.I)


def keep_glosses(html: str) -> str:
    """Wraps each Korean name and its parenthesized English name (and particle) in text."""
    return html if _MAYBE_GLOSS.search(html) is None else _keep_glosses(html)


def _keep_glosses(html: str) -> str:
    tokens = _TOKENS.split(html)
    out: list[str] = []
    skipped: list[str] = []
    for token in tokens:
        if token.startswith("<"):
            tag = _TAG_NAME.match(token)
            if tag and tag.group(2).lower() in _SKIPPED and not token.endswith("/>"):
                name = tag.group(2).lower()
                if not tag.group(1):
                    skipped.append(name)
                elif name in skipped:
                    del skipped[len(skipped) - 1 - skipped[::-1].index(name):]
            out.append(token)
            continue
        if skipped or "(" not in token:
            out.append(token)
            continue
        first = _GLOSS_FIRST.match(token)
        if first and len(out) >= 3 and _linked_name(out[-3:]):
            if " " in out[-2].strip():
                # a name of several words (클라우드 컨트롤러 매니저) may break at its spaces, as
                # any text does, never before "(": a word joiner (U+2060) keeps its last word
                # with the English name. No inline block: its first line would stand above a
                # list item's bullet.
                token = (f'<span class="ko-keep">{WORD_JOINER}{first.group(0)}</span>'
                         + token[first.end():])
                rest_at = token.index("</span>") + len("</span>")
            else:
                out[-3] = '<span class="ko-gloss">' + out[-3]
                token = (f'<span class="ko-keep">{first.group(0)}</span></span>'
                         + token[first.end():])
                rest_at = token.index("</span></span>") + len("</span></span>")
            out.append(token[:rest_at] + _WORD_THEN_GLOSS.sub(
                lambda m: _unit(m.group(1), m.group(2)), token[rest_at:]))
            continue
        out.append(_WORD_THEN_GLOSS.sub(lambda m: _unit(m.group(1), m.group(2)), token))
    return "".join(out)


def _linked_name(last: list[str]) -> bool:
    """<a ...>, a short text ending in Hangul, </a>: the name of a gloss that follows."""
    opening, text, closing = last
    tag, end = _TAG_NAME.match(opening), _TAG_NAME.match(closing)
    return bool(tag and end and not tag.group(1) and end.group(1)
                and tag.group(2).lower() == end.group(2).lower() in _INLINE
                and _LINKED_NAME.fullmatch(text))


def keep_korean_words(html: str) -> str:
    """Every Korean line-breaking unit CSS cannot keep: code and particle, name and gloss."""
    return keep_glosses(keep_particles_with_code(html))
