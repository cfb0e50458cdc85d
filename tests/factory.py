"""Small glossaries and projects written by the tests themselves (not copies of the site)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary

TAGS = "fundamental: {ko: 기본 개념, en: Fundamentals}\n"


def term_yaml(ko: str, en: str, **extra: object) -> str:
    data: dict[str, object] = {
        "ko": {"term": ko, "aliases": [], "short": f"{ko}의 정의."},
        "en": {"term": en, "aliases": [], "short": f"Definition of {en}."},
        **extra,
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def make_glossary(tmp_path: Path, files: dict[str, str], tags: str = TAGS,
                  name: str = "glossary") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    (folder / "_tags.yml").write_text(tags, encoding="utf-8")
    for file_name, text in files.items():
        (folder / file_name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


# three terms that load cleanly; a test swaps one file for the input it checks
VALID = {
    "cluster.yml": term_yaml("클러스터", "Cluster", tags=["fundamental"]),
    "node.yml": term_yaml("노드", "Node", part_of="cluster"),
    "pod.yml": term_yaml("파드", "Pod", part_of="node", related=["node"]),
}


def problems_of(folder: Path) -> list[str]:
    """The problems load_glossary reports for the folder (it must report some)."""
    with pytest.raises(GlossaryError) as info:
        load_glossary(folder)
    return [str(p) for p in info.value.problems]


def only_problem(folder: Path) -> str:
    problems = problems_of(folder)
    assert len(problems) == 1, problems
    return problems[0]
