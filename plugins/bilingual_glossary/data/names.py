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
