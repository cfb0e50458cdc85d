"""The `sense` field of a term's language section: how a mention of an ambiguous name (서비스,
잡, 이미지 ...) is told apart from the everyday word. Read here, checked on each match in
matching/exclusions.py, described for contributors in docs/contributing*.md (#sense).

    sense:
      shown_by: [Service, 파드, 엔드포인트]    # a page must show one of these for any mark
      everyday_after: [원격, 다른, 필요한]     # right before the name: the everyday word
      object_after: [NodePort, 헤드리스]       # right before the name: the object, always
      latin_name: everyday                  # `Konnectivity 서비스` names a component

Besides these, the term's name followed by its English name in parentheses (서비스(Service))
is always the object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bilingual_glossary.data.errors import Problem
from bilingual_glossary.data.names import MAX_WORDS_LENGTH, words_key

KEYS = ("shown_by", "everyday_after", "object_after", "latin_name")
LATIN_NAME_VALUES = ("everyday", "object")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Sense:
    shown_by: tuple[str, ...] = ()  # as written: found in a page as they stand
    everyday_after: tuple[str, ...] = ()
    object_after: tuple[str, ...] = ()
    latin_name: str = "object"  # what a Latin-script word right before the name makes it


def parse_sense(value: Any, names: tuple[str, ...], where: str, label: str
                ) -> tuple[Sense | None, list[Problem]]:
    """The Sense in `value` (None when absent) and every problem with it. `names` are the
    section's names, `where` its field prefix (ko.sense), `label` the file for messages."""
    if value is None:
        return None, []
    if not isinstance(value, dict):
        return None, [Problem(label, where, "must be a mapping.",
                              f"indent {', '.join(KEYS)} under `sense:`, or remove it.")]
    problems: list[Problem] = []
    for key in sorted(str(k) for k in value if k not in KEYS):
        problems.append(Problem(label, f"{where}.{key}", "is not a known field.",
                                f"use one of: {', '.join(KEYS)}."))
    lists: dict[str, tuple[str, ...]] = {}
    for key in KEYS[:3]:
        words = value.get(key, [])
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip()
                                                  for w in words):
            problems.append(Problem(label, f"{where}.{key}",
                                    "must be a list of non-empty words.",
                                    f"write `{key}: [a, b]`, or remove it."))
            continue
        for word in words:
            if len(words_key(word)) > MAX_WORDS_LENGTH:
                problems.append(Problem(
                    label, f"{where}.{key}", f"'{word}' is longer than {MAX_WORDS_LENGTH} "
                    "letters.", "keep only a word or two."))
        lists[key] = tuple(" ".join(w.split()) for w in words)
    latin = value.get("latin_name", "object")
    if latin not in LATIN_NAME_VALUES:
        problems.append(Problem(label, f"{where}.latin_name",
                                f"must be everyday or object, not {latin!r}.",
                                "write `latin_name: everyday` if `Konnectivity 서비스` "
                                "names a product, not the object; or remove the field."))
    elif latin == "everyday" and any(_LATIN.search(name) for name in names):
        problems.append(Problem(label, f"{where}.latin_name",
                                "applies only to names without Latin letters.",
                                "remove it from this language's section."))
    if problems:
        return None, problems
    return Sense(latin_name=latin, **lists), []
