"""Hangul helpers for the glossary page: initial consonants, 가나다 order and index groups.

Unicode orders precomposed Hangul syllables (U+AC00-U+D7A3) by initial, medial and final jamo
in the same order as Korean dictionaries, so comparing syllables compares in 가나다 order.
"""

from __future__ import annotations

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3
SYLLABLES_PER_INITIAL = 21 * 28  # medials x finals

# The 19 initial consonants in syllable order, as compatibility jamo (what a keyboard types).
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
# The jump index folds double consonants into their plain ones, as dictionaries do.
INDEX_CONSONANTS = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_FOLD = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
# ASCII anchor names for the index groups (the jamo's own names).
CONSONANT_NAMES = {
    "ㄱ": "giyeok", "ㄴ": "nieun", "ㄷ": "digeut", "ㄹ": "rieul", "ㅁ": "mieum",
    "ㅂ": "bieup", "ㅅ": "siot", "ㅇ": "ieung", "ㅈ": "jieut", "ㅊ": "chieut",
    "ㅋ": "kieuk", "ㅌ": "tieut", "ㅍ": "pieup", "ㅎ": "hieut",
}


def is_syllable(char: str) -> bool:
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def initial(char: str) -> str | None:
    """The initial consonant of a Hangul syllable (파 -> ㅍ), or None for anything else."""
    if not is_syllable(char):
        return None
    return INITIALS[(ord(char) - SYLLABLE_FIRST) // SYLLABLES_PER_INITIAL]


def initials(text: str) -> str:
    """Initial consonants of every syllable, other characters kept: 클러스터 -> ㅋㄹㅅㅌ."""
    return "".join(initial(char) or char for char in text)


def index_consonant(char: str) -> str | None:
    """The jump-index group of a syllable: its initial with doubles folded (까 -> ㄱ)."""
    found = initial(char)
    return _FOLD.get(found, found) if found else None


def compact(name: str) -> str:
    """The name as compared for ordering: case folded, without spaces and hyphens.

    Korean spacing varies (워커 노드, 워커노드), so order is letter by letter.
    """
    return "".join(ch for ch in name.casefold() if not ch.isspace() and ch != "-")
