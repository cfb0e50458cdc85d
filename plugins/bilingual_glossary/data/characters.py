"""Which characters a glossary file may hold: the one rule for names and for every other text.

Every text ends up in HTML, XML (glossary.tbx) and CSV. XML 1.0 forbids most control
characters and U+FFFE/U+FFFF, so one of them makes glossary.tbx unreadable; a NUL or an ANSI
escape does harm in HTML and terminals; a bidi override reorders what a reviewer sees. Names
have a stricter rule: a name is matched against page text, so an invisible character
(zero-width space, joiner, soft hyphen) or a full-width letter makes a name that looks right
and never matches, or a second name that looks the same as another.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

NAME_FIELDS = ("term", "aliases", "avoid")  # under ko: and en:
_FULL_WIDTH = range(0xFF01, 0xFF5F)  # Ｐｏｄ: full-width forms of ASCII letters and signs
_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_ALLOWED_CONTROLS = "\t\n\r\x85"  # line breaks XML allows; YAML folds NEL like one


def describe(ch: str) -> str:
    """U+200B ZERO WIDTH SPACE: how a message names a character that may not show."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def shown(text: str) -> str:
    """`text` with every control, format or unassigned character written as \\uXXXX, so a
    message shows where it is and a terminal never runs it (an ANSI escape, a bidi override)."""
    return "".join(f"\\u{ord(ch):04x}" if _hidden(ch) else ch for ch in text)


def _hidden(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp")


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def text_problem(text: str) -> str | None:
    """Why `text` cannot be published, naming the first bad character and where; or None."""
    for index, ch in enumerate(text, 1):
        code = ord(ch)
        category = unicodedata.category(ch)
        if ((category == "Cc" and ch not in _ALLOWED_CONTROLS) or category == "Cs"
                or _noncharacter(code) or code in _BIDI):
            return (f"has the character {describe(ch)} at position {index} ('{shown(text)}'), "
                    "which XML and HTML cannot carry safely")
    return None


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a name of a term, naming the character and where; or None."""
    for index, ch in enumerate(name, 1):
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Cn", "Co", "Cs"):
            return (f"has the invisible character {describe(ch)} at position {index} "
                    f"('{shown(name)}'): the name would look right and match nothing")
        if ord(ch) in _FULL_WIDTH:
            plain = "".join(chr(ord(c) - 0xFEE0) if ord(c) in _FULL_WIDTH else c for c in name)
            return (f"has the full-width character '{ch}' ({describe(ch)}) at position "
                    f"{index}: pages write '{plain}'")
    if not any(ch.isalnum() for ch in name):
        return f"'{name}' has no letter or digit: it would match punctuation in every page"
    return None


def character_problems(data: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(field, message, fix) for each text in a parsed term or tags file that breaks the rules
    above. Names (ko.term, en.aliases ...) get the name rule; every other text the text rule."""
    if isinstance(data, dict):
        for key, value in data.items():
            field = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and (problem := text_problem(key)):
                yield shown(field), f"the key {problem}.", "retype the key."
                continue
            yield from character_problems(value, field)
    elif isinstance(data, list):
        for value in data:
            yield from character_problems(value, path)
    elif isinstance(data, str) and data.strip():  # an empty text is reported by the loader
        is_name = path.count(".") == 1 and path.split(".")[1] in NAME_FIELDS
        problem = name_problem(data) if is_name else text_problem(data)
        if problem and "no letter" in problem:
            yield path, f"{problem}.", "write a name with letters in it, or remove it."
        elif problem:
            fix = ("retype the name with plain letters: delete the character, or write the "
                   "ordinary letter." if is_name else "delete the character.")
            yield path, f"{problem}.", fix
