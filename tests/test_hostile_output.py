"""Outputs stay safe whatever the glossary holds, and writing never loses a file
(../shared/review/security.md: D4 formula cells, D10 ill-formed XML, D14 export --out,
D7 l10n-mark)."""

from __future__ import annotations

import csv
import io
import shutil
import xml.dom.minidom
from pathlib import Path

import pytest
from bilingual_glossary.cli.main import main as cli_main
from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.export.addresses import site_addresses
from bilingual_glossary.export.files import MANIFEST
from bilingual_glossary.export.glossary_csv import build_csv
from bilingual_glossary.export.glossary_tbx import build_tbx, xml_text
from conftest import copy_project
from factory import make_glossary, term_yaml

ROOT = Path(__file__).resolve().parent.parent
FORMULAS = {
    "hyperlink.yml": term_yaml("하이퍼링크", "Hyperlink").replace(
        "short: Definition of Hyperlink.",
        "short: '=HYPERLINK(\"http://evil.test/\",\"x\") click'"),
    "sum.yml": "ko: {term: \"@SUM(1+1)*cmd|' /C calc'!A0\", short: \"-2+3+cmd|' /C calc'!A0\"}\n"
               "en: {term: Sum, short: A sum.}\n",
    "plus.yml": term_yaml("플러스", "+cmd|' /C calc'!A0"),
}


def rows(data: bytes) -> dict[str, list[str]]:
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return {row[0]: row for row in table[1:]}


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    glossary = load_glossary(make_glossary(tmp_path, FORMULAS))
    body = rows(build_csv(glossary))
    assert body["hyperlink"][4] == "'=HYPERLINK(\"http://evil.test/\",\"x\") click"
    assert body["sum"][1] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert body["sum"][3] == "'-2+3+cmd|' /C calc'!A0"
    assert body["plus"][2] == "'+cmd|' /C calc'!A0"
    for row in body.values():
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    # an ordinary cell is left as it is
    assert body["hyperlink"][1] == "하이퍼링크"


@pytest.mark.parametrize("bad", ["\ufffe", "\uffff", "\x00", "\x0b", "\ud800"])
def test_xml_text_drops_what_xml_forbids(bad: str) -> None:
    """The loader refuses these; the TBX writer stays well-formed even if one gets through."""
    attribute, text = xml_text("x" + bad + '<&"'), xml_text("y" + bad)
    document = f'<a b="{attribute}">{text}</a>'
    parsed = xml.dom.minidom.parseString(document.encode("utf-8", "surrogatepass"))
    assert parsed.documentElement.getAttribute("b") == 'x<&"'


def test_the_tbx_of_hostile_names_is_well_formed(tmp_path: Path) -> None:
    glossary = load_glossary(make_glossary(tmp_path, {
        **FORMULAS,
        "cdata.yml": term_yaml("<![CDATA[ ]]>", "]]> & &amp; <?xml ?>"),
    }))
    tbx = build_tbx(glossary, site_addresses(None, {"ko": "glossary/", "en": "en/glossary/"}))
    xml.dom.minidom.parseString(tbx)  # raises if ill-formed


# --- export --out: only into a folder of its own ------------------------------------------------

def export(out: Path, *extra: str) -> int:
    return cli_main(["--root", str(ROOT), "export", "--format", "csv", "--out", str(out),
                     *extra])


def test_export_does_not_overwrite_a_users_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "userdir"
    out.mkdir()
    (out / "glossary.csv").write_text("my own notes\n", encoding="utf-8")
    assert export(out) == 1
    assert capsys.readouterr().err.strip() == (
        f"{out}: holds files an export did not write (glossary.csv); they could be "
        "overwritten. Fix: pick an empty or new folder, or add --force to write there anyway.")
    assert (out / "glossary.csv").read_text(encoding="utf-8") == "my own notes\n"
    assert export(out, "--force") == 0
    assert (out / "glossary.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_export_may_replace_its_own_earlier_output(tmp_path: Path) -> None:
    out = tmp_path / "exports"
    assert export(out) == 0
    assert export(out) == 0  # the manifest says these are its own files
    assert cli_main(["--root", str(ROOT), "export", "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {MANIFEST, "glossary.csv", "glossary.tbx",
                                               "glossary.json", "glossary.schema.json"}
    # a file changed since it was written is no longer the export's own
    (out / "glossary.csv").write_text("edited\n", encoding="utf-8")
    assert export(out) == 1
    assert (out / "glossary.csv").read_text(encoding="utf-8") == "edited\n"


def test_export_replaces_a_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "glossary.csv").symlink_to(victim)
    assert export(out) == 1  # not its own file
    assert export(out, "--force") == 0
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert not (out / "glossary.csv").is_symlink()


def test_export_never_writes_into_the_glossary_folder(tmp_path: Path, capsys) -> None:
    assert export(ROOT / "glossary", "--force") == 1
    assert "is the glossary's own folder" in capsys.readouterr().err
    assert not (ROOT / "glossary" / "glossary.csv").exists()


# --- l10n-mark: no symbolic links out, no deleting what it did not write ----------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def mark(project: Path, *args: str) -> int:
    return cli_main(["--root", str(project), "l10n-mark", *args])


def test_l10n_mark_keeps_a_file_it_did_not_write(project: Path) -> None:
    notes = project / "l10n/sources/notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    assert mark(project, "docs/pods.en.md") == 0
    assert notes.read_text(encoding="utf-8") == "my notes\n"


def test_l10n_mark_still_drops_the_snapshot_of_a_translation_that_is_gone(project: Path) -> None:
    """The control for the test above: its own snapshots of removed entries do go."""
    snapshot = project / "l10n/sources/docs/pods.en.md.txt"
    assert snapshot.is_file()
    (project / "docs/pods.en.md").unlink()
    assert mark(project, "docs/index.en.md") == 0
    assert not snapshot.exists()
    assert (project / "l10n/sources/docs/index.en.md.txt").is_file()


def test_l10n_mark_refuses_a_symlinked_sources_folder(project: Path, tmp_path: Path,
                                                      capsys) -> None:
    victim = tmp_path / "victim"
    (victim / "notes").mkdir(parents=True)
    (victim / "todo.txt").write_text("todo\n", encoding="utf-8")
    (victim / "notes/draft.txt").write_text("draft\n", encoding="utf-8")
    sources = project / "l10n/sources"
    shutil.rmtree(sources)
    sources.symlink_to(victim)
    lock = (project / "l10n/lock.json").read_bytes()
    assert mark(project, "docs/pods.en.md") == 1
    assert capsys.readouterr().err.strip() == (
        "l10n/sources: is a symbolic link; the record is written only inside the project. "
        "Fix: replace l10n/sources with a real folder or file (git rm it, then run "
        "`make l10n-mark ALL=1`).")
    assert sorted(p.name for p in victim.rglob("*")) == ["draft.txt", "notes", "todo.txt"]
    assert (project / "l10n/lock.json").read_bytes() == lock
