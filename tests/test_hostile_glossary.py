"""The security review's hostile and careless glossary inputs (../shared/review/security.md,
sections 2 and 4): each is one clear problem naming the file, the field or line, and the fix,
never a crash, a silent change or a cascade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bilingual_glossary import load_glossary
from bilingual_glossary.data.safe_yaml import MAX_DEPTH
from factory import VALID, make_glossary, only_problem, problems_of, term_yaml

ROOT = Path(__file__).resolve().parent.parent


def with_pod(tmp_path: Path, text: str) -> Path:
    return make_glossary(tmp_path, {**VALID, "pod.yml": text})


POD_BLOCK = """\
ko:
  term: 파드
  aliases: []
  short: 가장 작은 단위다.
en:
  term: Pod
  aliases: []
  short: >-
    The smallest unit, which isn't
    split.
part_of: node
"""


# --- the YAML itself: bounded, and no silent replacement ---------------------------------------

def test_a_control_pod_block_loads(tmp_path: Path) -> None:
    assert load_glossary(with_pod(tmp_path, POD_BLOCK))["pod"].text["ko"].term == "파드"


def test_an_unclosed_quote_is_reported_on_its_own_line(tmp_path: Path) -> None:
    # PyYAML's mark is line 9, where the runaway quote meets the apostrophe in "isn't"
    message = only_problem(with_pod(tmp_path, POD_BLOCK.replace("term: 파드", "term: '파드")))
    assert message.startswith("glossary/pod.yml: line 2: a quoted value starts here"), message
    assert "Fix: close the quote" in message


@pytest.mark.parametrize(("text", "expected"), [
    (POD_BLOCK.replace("  short: 가장 작은 단위다.\n",
                       "  short: 가장 작은 단위다.\n  short: 또.\n"),
     "glossary/pod.yml: line 5: 'short' appears twice in one mapping (lines 4 and 5)"),
    (POD_BLOCK + "ko:\n  term: 포드\n  short: 덮어쓴다.\n",
     "glossary/pod.yml: line 12: 'ko' appears twice in one mapping (lines 1 and 12)"),
], ids=["short-twice", "ko-twice"])
def test_a_repeated_key_is_an_error_not_a_replacement(tmp_path: Path, text: str,
                                                      expected: str) -> None:
    message = only_problem(with_pod(tmp_path, text))
    assert message.startswith(expected), message
    assert "Fix: merge the two" in message


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 3_000, 50_000, 100_000])
def test_deep_nesting_is_one_problem_not_a_segfault(tmp_path: Path, depth: int) -> None:
    text = POD_BLOCK + "related: " + "[" * depth + "]" * depth + "\n"
    folder = with_pod(tmp_path, text)
    # in a child process: a segfault there fails this test instead of ending the run
    code = ("import sys; from bilingual_glossary.cli.main import main; "
            f"sys.exit(main(['--root', {str(tmp_path)!r}, 'check']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"glossary/pod.yml: line 12: nests lists or mappings more than {MAX_DEPTH}" \
        in result.stderr
    assert result.stderr.count("Fix:") == 1, result.stderr
    assert folder.is_dir()


def test_an_alias_bomb_is_one_problem(tmp_path: Path) -> None:
    bomb = "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n"
                   for i in range(1, 10))
    message = only_problem(with_pod(tmp_path, 'a0: &a0 "lol"\n' + bomb))
    assert message.startswith("glossary/pod.yml: line 1: uses a YAML anchor or alias"), message


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    text = POD_BLOCK.replace("가장 작은 단위다.", "가" * 2_000_000)
    message = only_problem(with_pod(tmp_path, text))
    assert message.startswith("glossary/pod.yml: is 6,000,"), message
    assert "bytes, more than the" in message


# --- names: one normalization, no invisible or full-width characters ---------------------------

def test_an_nfd_name_is_the_same_name(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "파드")
    assert nfd != "파드"
    # pod's own name in NFD is read as the NFC name the pages use
    folder = with_pod(tmp_path, POD_BLOCK.replace("term: 파드", f"term: {nfd}"))
    assert load_glossary(folder)["pod"].text["ko"].term == "파드"
    # and another term cannot take it as a second, look-alike name
    (folder / "pods.yml").write_text(term_yaml(nfd, "Pods"), encoding="utf-8")
    message = only_problem(folder)
    assert "'파드' is already a name of" in message, message


@pytest.mark.parametrize(("name", "described", "position"), [
    ("파\u200b드", "U+200B ZERO WIDTH SPACE", 2),
    ("\u200b", "U+200B ZERO WIDTH SPACE", 1),
    ("\u2060", "U+2060 WORD JOINER", 1),
    ("파\u200d드", "U+200D ZERO WIDTH JOINER", 2),
    ("파\u00ad드", "U+00AD SOFT HYPHEN", 2),
    ("\u202eDOP", "U+202E RIGHT-TO-LEFT OVERRIDE", 1),
    ("\x1b[2J\x1b[31mPod", "U+001B", 1),
    ("Po\x00d", "U+0000", 3),
    ("Pod\ufffe", "U+FFFE", 4),
])
def test_an_invisible_character_in_a_name_is_named_with_its_place(
        tmp_path: Path, name: str, described: str, position: int) -> None:
    text = term_yaml("파드들", "Pods").replace("term: Pods", f"term: {json.dumps(name)}")
    folder = make_glossary(tmp_path, {**VALID, "pods.yml": text})
    message = only_problem(folder)
    assert message.startswith(f"glossary/pods.yml: en.term: has the invisible character "
                              f"{described}"), message
    assert f"at position {position}" in message
    assert "\x1b" not in message and "\u202e" not in message  # shown as \u001b, never sent


def test_a_full_width_name_is_refused_with_the_plain_spelling(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {**VALID, "pods.yml": term_yaml("파드들", "Ｐｏｄｓ")})
    message = only_problem(folder)
    assert message.startswith("glossary/pods.yml: en.term: has the full-width character 'Ｐ' "
                              "(U+FF30 FULLWIDTH LATIN CAPITAL LETTER P) at position 1: pages "
                              "write 'Pods'."), message


@pytest.mark.parametrize("alias", ["-", "- - -", "!!"])
def test_a_name_without_a_letter_is_refused(tmp_path: Path, alias: str) -> None:
    text = term_yaml("파드들", "Pods").replace("aliases: []", f"aliases: ['{alias}']", 1)
    message = only_problem(make_glossary(tmp_path, {**VALID, "pods.yml": text}))
    assert message.startswith(f"glossary/pods.yml: ko.aliases: '{alias}' has no letter"), message


@pytest.mark.parametrize(("char", "described"), [
    ("\ufffe", "U+FFFE"), ("\x00", "U+0000"), ("\x07", "U+0007"), ("\u202e", "U+202E"),
])
def test_characters_xml_cannot_carry_are_refused_in_any_text(tmp_path: Path, char: str,
                                                             described: str) -> None:
    # written as a YAML escape, the way the review wrote it
    text = POD_BLOCK.replace("가장 작은 단위다.", json.dumps(f"가장{char} 작은 단위다."))
    message = only_problem(with_pod(tmp_path, text))
    assert message.startswith(f"glossary/pod.yml: ko.short: has the character {described}"), \
        message
    assert "at position 3" in message
    # written raw into the file, YAML's reader refuses it: the line and the character
    raw = POD_BLOCK.replace("가장 작은 단위다.", f"가장{char} 작은 단위다.")
    where = "ko.short:" if char == "\u202e" else "line 4:"  # YAML reads U+202E
    assert only_problem(with_pod(tmp_path / "raw", raw)).startswith(
        f"glossary/pod.yml: {where} has the character {described}")


def test_text_may_keep_line_breaks_and_ordinary_unicode(tmp_path: Path) -> None:
    short = json.dumps("가장\u2028작은 단위\x85다. C++ (.*)[x]|$")
    text = POD_BLOCK.replace("가장 작은 단위다.", short)
    assert load_glossary(with_pod(tmp_path, text))["pod"].text["ko"].short


# --- files and ids -----------------------------------------------------------------------------

def test_a_path_in_a_relation_gets_a_fix_that_makes_sense(tmp_path: Path) -> None:
    message = only_problem(with_pod(tmp_path, POD_BLOCK.replace("part_of: node",
                                                                "part_of: ../node")))
    assert message == ("glossary/pod.yml: part_of: '../node' is not a term id. Fix: write the "
                       "id alone, without a folder or .yml: 'node'.")


def test_a_number_as_a_relation_says_to_quote_it(tmp_path: Path) -> None:
    files = {**VALID, "123.yml": term_yaml("백이십삼", "One two three"),
             "pod.yml": POD_BLOCK.replace("part_of: node", "part_of: 123")}
    assert only_problem(make_glossary(tmp_path, files)) == (
        "glossary/pod.yml: part_of: must be one term id. Fix: quote it: `part_of: '123'`.")


def test_a_term_file_in_a_subfolder_is_reported(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, VALID)
    (folder / "sub").mkdir()
    (folder / "sub" / "probe.yml").write_text(term_yaml("프로브", "Probe"), encoding="utf-8")
    assert only_problem(folder) == ("glossary/sub/: holds probe.yml, but term files in "
                                    "subfolders are not read. Fix: move them into glossary/ "
                                    "itself.")


def test_a_symlink_loop_and_a_link_out_of_the_folder(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, VALID)
    os.symlink("loop.yml", folder / "loop.yml")
    outside = tmp_path / "outside.yml"
    outside.write_text(term_yaml("밖", "Outside"), encoding="utf-8")
    os.symlink(outside, folder / "outside.yml")
    problems = problems_of(folder)
    assert problems[0] == ("glossary/loop.yml: is a symbolic link that leads nowhere (or in a "
                           "loop). Fix: replace the link with the term file itself.")
    assert problems[1].startswith("glossary/outside.yml: is a symbolic link out of the "
                                  "glossary folder")
    assert len(problems) == 2


@pytest.mark.parametrize(("tags", "field"), [
    ("fundamental: {ko: 기본 개념, en: Fundamentals}\nmy tag: {ko: 태그, en: Tag}\n", "my tag"),
    ("fundamental: {ko: 기본 개념, en: Fundamentals}\n42: {ko: 태그, en: Tag}\n", "42"),
])
def test_a_tag_id_must_be_an_id(tmp_path: Path, tags: str, field: str) -> None:
    message = only_problem(make_glossary(tmp_path, VALID, tags=tags))
    assert message.startswith(f"glossary/_tags.yml: {field}: is not a valid tag id."), message
    assert "quote an id made of digits" in message


@pytest.mark.parametrize("url", ['"https://kubernetes.io/docs/\\n"', "https://x.test/\"><b>",
                                 "'https://'", "javascript:alert(1)"])
def test_docs_must_be_one_whole_web_address(tmp_path: Path, url: str) -> None:
    text = POD_BLOCK.replace("part_of: node", f"part_of: node\ndocs: {url}")
    message = only_problem(with_pod(tmp_path, text))
    assert message.startswith("glossary/pod.yml: docs: must be an http(s) URL."), message


# --- one change, one problem -------------------------------------------------------------------

REFERRERS = {f"t{i}.yml": term_yaml(f"용어{i}", f"Term {i}", part_of="node") for i in range(9)}


def git_project(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = make_glossary(tmp_path, files)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "glossary"]):
        subprocess.run(["git", "-C", str(tmp_path), *command], check=True, env=env)
    return folder


def test_a_renamed_file_is_one_problem_with_a_hint(tmp_path: Path) -> None:
    folder = git_project(tmp_path, {**VALID, **REFERRERS})
    (folder / "node.yml").rename(folder / "nodes.yml")
    message = only_problem(folder)
    assert message.startswith("glossary/node.yml: is gone, but 10 files still refer to 'node': "
                              "pod.yml (part_of), pod.yml (related), t0.yml (part_of)"), message
    assert "Was it renamed to 'nodes' (glossary/nodes.yml is new)?" in message
    assert "Fix: if so, write 'nodes' for 'node' in those files" in message


def test_a_deleted_file_is_one_problem_without_git(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {**VALID, **REFERRERS})
    (folder / "node.yml").unlink()
    message = only_problem(folder)
    assert message.startswith("glossary/node.yml: does not exist, but 10 files refer to "
                              "'node'"), message


def test_a_clash_blames_the_file_that_is_new(tmp_path: Path) -> None:
    replica = term_yaml("레플리카셋", "ReplicaSet")
    folder = git_project(tmp_path, {**VALID, "replica-set.yml": replica})
    # probe.yml sorts first, so it claims the name first; yet it is the new file
    probe = term_yaml("프로브", "Probe").replace("aliases: []", "aliases: [ReplicaSet]", 2)
    (folder / "probe.yml").write_text(probe, encoding="utf-8")
    assert only_problem(folder).startswith(
        "glossary/probe.yml: en.aliases: 'ReplicaSet' is already a name of 'replica-set' "
        "(glossary/replica-set.yml)")


def test_the_sites_glossary_still_loads() -> None:
    """The control: the real glossary passes every rule above."""
    assert len(load_glossary(ROOT / "glossary")) > 0


def test_an_id_named_twice_by_one_file_is_still_one_familiar_line(tmp_path: Path) -> None:
    """Found by tests/test_fuzz.py: `related: [replica, replica]` read as two files."""
    files = {**VALID, "probe.yml": term_yaml("프로브", "Probe", related=["replica", "replica"])}
    assert only_problem(make_glossary(tmp_path, files)).startswith(
        "glossary/probe.yml: related: 'replica' is not a term id. Fix: use an existing id")


def test_a_tag_removed_from_the_tags_file_is_one_problem(tmp_path: Path) -> None:
    files = {f"t{i}.yml": term_yaml(f"용어{i}", f"Term {i}", tags=["workload"])
             for i in range(9)}
    message = only_problem(make_glossary(tmp_path, {**VALID, **files}))
    assert message == (
        "glossary/_tags.yml: workload: is not defined here, but 9 files use the tag: t0.yml, "
        "t1.yml, t2.yml, t3.yml, t4.yml and 4 more. Fix: add `workload: {ko: ..., en: ...}` "
        "back, or change the tag in those files (use one of: fundamental).")
