"""The plugin reuses an unchanged glossary (static-i18n configures once per language)."""

from __future__ import annotations

import os
from pathlib import Path

from bilingual_glossary.session import GlossaryCache
from factory import make_glossary, term_yaml


def test_unchanged_glossary_is_loaded_once_and_a_change_reloads(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {"pod.yml": term_yaml("파드", "Pod")})
    cache = GlossaryCache()
    first = cache.load(folder)
    assert cache.load(folder) is first
    pod = folder / "pod.yml"
    pod.write_text(term_yaml("파드", "Podlet"), encoding="utf-8")
    os.utime(pod, ns=(1, 1))
    assert cache.load(folder)["pod"].name("en") == "Podlet"


def test_each_cache_keeps_its_own_glossary(tmp_path: Path) -> None:
    """State belongs to each plugin instance: two sites in one process stay apart."""
    one = make_glossary(tmp_path / "a", {"pod.yml": term_yaml("파드", "Pod")})
    two = make_glossary(tmp_path / "b", {"node.yml": term_yaml("노드", "Node")})
    first, second = GlossaryCache(), GlossaryCache()
    assert list(first.load(one).terms) == ["pod"]
    assert list(second.load(two).terms) == ["node"]
    assert list(first.load(one).terms) == ["pod"]
