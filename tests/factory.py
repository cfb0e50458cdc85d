"""Small glossaries and projects written by the tests themselves (not copies of the site)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

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
