"""A build session reuses an unchanged glossary (static-i18n configures once per language)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bilingual_glossary.session import start_session

ROOT = Path(__file__).resolve().parent.parent


def test_unchanged_glossary_is_loaded_once_and_a_change_reloads(tmp_path: Path) -> None:
    folder = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", folder)
    first = start_session(folder)
    second = start_session(folder)
    assert second is not first  # usage starts empty for every build
    assert second.glossary is first.glossary
    pod = folder / "pod.yml"
    pod.write_text(pod.read_text(encoding="utf-8").replace("term: Pod", "term: Podlet"),
                   encoding="utf-8")
    os.utime(pod, ns=(1, 1))
    third = start_session(folder)
    assert third.glossary["pod"].name("en") == "Podlet"
