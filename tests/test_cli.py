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
    """The site's glossary and pages, without mkdocs.yml (check and new work without it)."""
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


@pytest.fixture
def site_project(project: Path) -> Path:
    """The whole site: coverage reads its languages and folders from mkdocs.yml."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    return project


TWO_LANGUAGES = """\
site_name: t
theme: {name: mkdocs, language: ko}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: ko, name: 한국어, default: true, build: true}
        - {locale: en, name: English, build: true}
  - bilingual-glossary
"""


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
    text = written.read_text(encoding="utf-8")
    assert text.startswith("draft: true") and "ko:" in text
    check = run_cli("check", root=project)  # a draft: one line with the fields still to fill
    assert check.returncode == 1
    assert check.stderr.splitlines() == [
        "glossary/pod-disruption-budget.yml: draft: is a draft, not shown or matched; still to "
        "fill: ko.term, ko.short, en.term, en.short. Fix: fill those in, then delete the "
        "`draft: true` line to publish the term."]
    written.write_text(text.split("\n", 1)[1], encoding="utf-8")  # published too early
    check = run_cli("check", root=project)
    assert check.returncode == 1
    for field in ("ko.term", "ko.short", "en.term", "en.short"):
        assert f"glossary/pod-disruption-budget.yml: {field}: is empty." in check.stderr


def test_a_filled_in_template_passes_check(project: Path) -> None:
    """The template, filled in the way its comments say, is a valid term."""
    before = run_cli("check", root=project)
    assert before.returncode == 0, before.stderr
    count = int(before.stdout.split("glossary OK: ")[1].split()[0])
    assert run_cli("new", "pod-disruption-budget", root=project).returncode == 0
    written = project / "glossary" / "pod-disruption-budget.yml"
    text = written.read_text(encoding="utf-8")
    for lang, name, short in (
            ("ko", "파드 중단 예산", "자발적 중단 중에도 살아 있어야 할 파드 수다."),
            ("en", "Pod disruption budget",
             "How many Pods must stay up during a voluntary disruption.")):
        section, rest = text.split(f"{lang}:\n", 1)
        rest = rest.replace("term: ''", f"term: '{name}'", 1)
        rest = rest.replace("short: ''", f"short: '{short}'", 1)
        text = f"{section}{lang}:\n{rest}"
    text = text.replace("part_of:            #", "part_of: pod        #")
    assert "term: ''" not in text and "short: ''" not in text and "part_of: pod" in text
    written.write_text(text + "standalone: a term of the CLI test\n", encoding="utf-8")
    assert run_cli("check", root=project).returncode == 1  # still a draft
    assert text.startswith("draft: true")
    written.write_text(text.split("\n", 1)[1] + "standalone: a term of the CLI test\n",
                       encoding="utf-8")
    check = run_cli("check", root=project)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(f"glossary OK: {count + 1} terms")


def test_new_refuses_an_existing_or_invalid_id(project: Path) -> None:
    existing = run_cli("new", "pod", root=project)
    assert existing.returncode == 1
    assert "glossary/pod.yml already exists" in existing.stderr
    invalid = run_cli("new", "Pod_Thing", root=project)
    assert invalid.returncode == 2
    assert "not a valid term id" in invalid.stderr
    assert not (project / "glossary" / "Pod_Thing.yml").exists()


def test_coverage_prints_counts_unused_terms_and_loose_bold(tmp_path: Path) -> None:
    """A project of its own, so every count below is known: 파드/Pod on two Korean pages and
    one English page, 노드/Node on one Korean page, 서비스/Service on none."""
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "_tags.yml").write_text("basics: {ko: 기본, en: Basics}\n", encoding="utf-8")
    for term_id, ko, en in (("pod", "파드", "Pod"), ("node", "노드", "Node"),
                            ("service", "서비스", "Service")):
        (glossary / f"{term_id}.yml").write_text(
            f"ko: {{term: {ko}, short: {ko}의 정의다.}}\n"
            f"en: {{term: {en}, short: Definition of {en}.}}\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# 가\n\n파드는 노드에서 돈다.\n", encoding="utf-8")
    (docs / "b.md").write_text(
        "# 나\n\n**파드는** 작다. **전혀 상관없는 강조**\n\n```\n**코드 안**\n```\n",
        encoding="utf-8")
    (docs / "a.en.md").write_text("# A\n\nA Pod runs on a server.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(TWO_LANGUAGES, encoding="utf-8")
    result = run_cli("coverage", root=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Pages that use each term\n"
        "  term      ko   en\n"
        "  node       1    0\n"
        "  pod        2    1\n"
        "  service    0    0\n"
        "\n"
        "Terms no page uses\n"
        "  ko: service\n"
        "  en: node, service\n"
        "\n"
        "Bold phrases that are not terms or aliases\n"
        "  docs/b.md:3: 전혀 상관없는 강조\n")


def test_coverage_reports_a_page_that_is_not_utf8_in_one_line(site_project: Path) -> None:
    project = site_project
    (project / "docs" / "broken.md").write_bytes("# 파드\n".encode("euc-kr"))
    result = run_cli("coverage", root=project)
    assert result.returncode == 1
    assert result.stderr.strip() == ("docs/broken.md: is not UTF-8 text (byte 0xc6 at offset 2). "
                                     "Fix: save the page as UTF-8.")
    assert "Traceback" not in result.stdout + result.stderr


def test_coverage_strict_fails_when_a_term_is_unused(site_project: Path) -> None:
    project = site_project
    (project / "glossary" / "zzz-unused.yml").write_text(
        "ko: {term: 아무도안씀, short: 쓰이지 않는 용어.}\n"
        "en: {term: Nobodyuses, short: A term no page uses.}\n", encoding="utf-8")
    result = run_cli("coverage", "--strict", root=project)
    assert result.returncode == 1
    assert "zzz-unused" in result.stdout.split("Terms no page uses")[1]
