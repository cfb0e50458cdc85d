"""When two names are the same name: the one rule for the loader, the matcher and the CLI."""

from __future__ import annotations

import re

_GAPS = re.compile(r"[\s-]+")


def name_key(text: str) -> str:
    """The comparison key of a name or of matched text: case folded, without whitespace or
    hyphens. This is the matcher's rule, and the loader's: a gap inside a name (a space, a
    CamelCase hump) matches any run of spaces or hyphens, or none, so two names that differ
    only there are one name.

    Korean spacing varies (컨테이너 런타임, 컨테이너런타임), rendered HTML may break a line
    anywhere, and load-balancer is as common as load balancer.
    """
    return _GAPS.sub("", text).casefold()


# --- neighbouring words of a mention (not_after / not_before) ---------------------------------

MAX_WORDS_LENGTH = 30  # the longest entry, as compared: the matcher looks only this far
_WORD_GAPS = re.compile(r"[\s\-\u2010\u2011]+")


def words_key(text: str) -> str:
    """How a not_after/not_before entry and the text next to a name are compared: without
    spaces or hyphens, case folded. So `아마존 웹` also stops 아마존웹 서비스 and 아마존-웹."""
    return _WORD_GAPS.sub("", text).casefold()
