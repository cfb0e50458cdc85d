"""When two names are the same name: the one rule for the loader, the matcher and the CLI."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")


def name_key(text: str) -> str:
    """The comparison key of a name or of matched text: case folded, without whitespace.

    Korean spacing varies (컨테이너 런타임, 컨테이너런타임) and rendered HTML may break a line
    anywhere, so two names that differ only there are one name.
    """
    return _WHITESPACE.sub("", text).casefold()


# --- neighbouring words of a mention (not_after / not_before) ---------------------------------

MAX_WORDS_LENGTH = 30  # the longest entry, as compared: the matcher looks only this far
_WORD_GAPS = re.compile(r"[\s\-\u2010\u2011]+")


def words_key(text: str) -> str:
    """How a not_after/not_before entry and the text next to a name are compared: without
    spaces or hyphens, case folded. So `아마존 웹` also stops 아마존웹 서비스 and 아마존-웹."""
    return _WORD_GAPS.sub("", text).casefold()
