"""The contributor CLI, run as contributors run it: `python -m bilingual_glossary ...`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bilingual_glossary", "--root", str(root),
                           *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_check_passes_on_the_real_glossary() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("glossary OK: ")


def test_check_reports_bad_file_without_traceback(project: Path) -> None:
    (project / "glossary" / "pod.yml").write_text("ko: [unclosed\n", encoding="utf-8")
    result = run_cli("check", root=project)
    assert result.returncode == 1
    assert "glossary/pod.yml: line 2: is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_new_writes_a_template_that_check_then_asks_to_fill(project: Path) -> None:
    result = run_cli("new", "pod-disruption-budget", root=project)
    assert result.returncode == 0, result.stderr
    written = project / "glossary" / "pod-disruption-budget.yml"
    assert "ko:" in written.read_text(encoding="utf-8")
    check = run_cli("check", root=project)
    assert check.returncode == 1
    for field in ("ko.term", "ko.short", "en.term", "en.short"):
        assert f"glossary/pod-disruption-budget.yml: {field}: is empty." in check.stderr


def test_new_refuses_an_existing_or_invalid_id(project: Path) -> None:
    existing = run_cli("new", "pod", root=project)
    assert existing.returncode == 1
    assert "glossary/pod.yml already exists" in existing.stderr
    invalid = run_cli("new", "Pod_Thing", root=project)
    assert invalid.returncode == 2
    assert "not a valid term id" in invalid.stderr
    assert not (project / "glossary" / "Pod_Thing.yml").exists()


def test_coverage_prints_counts_unused_terms_and_loose_bold(project: Path) -> None:
    (project / "docs" / "extra.md").write_text(
        "# 추가\n\n**파드는** 작다. **전혀 상관없는 강조**\n\n```\n**코드 안**\n```\n",
        encoding="utf-8")
    result = run_cli("coverage", root=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Pages that use each term" in out
    assert "Terms no page uses" in out
    assert "docs/extra.md:3: 전혀 상관없는 강조" in out
    assert "파드는" not in out.split("Bold phrases")[1]
    assert "코드 안" not in out


def test_coverage_strict_fails_when_a_term_is_unused(project: Path) -> None:
    (project / "glossary" / "zzz-unused.yml").write_text(
        "ko: {term: 아무도안씀, short: 쓰이지 않는 용어.}\n"
        "en: {term: Nobodyuses, short: A term no page uses.}\n", encoding="utf-8")
    result = run_cli("coverage", "--strict", root=project)
    assert result.returncode == 1
    assert "zzz-unused" in result.stdout.split("Terms no page uses")[1]
