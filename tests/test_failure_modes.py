"""Bad input that had no test: each stops with one clear message naming the file, the field
and the fix, with no traceback and no cascade of follow-on problems.

- an invalid `glossary:` value in a page's front matter (the build stops);
- a missing or broken glossary/_tags.yml;
- a name repeated within one term.

(A page that is not UTF-8 is in test_cli.py; the 404 page without JavaScript and the tooltip's
placement are in test_site_prefixed.py and test_tooltips_browser.py.)
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bilingual_glossary import GlossaryError, load_glossary
from conftest import build_site

POD = "ko: {term: 파드, short: 파드다.}\nen: {term: Pod, short: A Pod.}\ntags: [basics]\n"
NODE = "ko: {term: 노드, short: 노드다.}\nen: {term: Node, short: A node.}\ntags: [basics]\n"
TAGS = "basics: {ko: 기본, en: Basics}\n"


def glossary_dir(tmp_path: Path, tags: str | None = TAGS, **terms: str) -> Path:
    folder = tmp_path / "glossary"
    folder.mkdir()
    if tags is not None:
        (folder / "_tags.yml").write_text(tags, encoding="utf-8")
    for term_id, text in ({"pod": POD, "node": NODE} | terms).items():
        (folder / f"{term_id}.yml").write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(GlossaryError) as info:
        load_glossary(folder)
    return [str(problem) for problem in info.value.problems]


# --- _tags.yml ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("tags", "expected"), [
    # tags are optional, but these terms name one: one problem for both
    (None, "glossary/_tags.yml: is missing, so the glossary has no tags, but 2 terms name "
           "tags: node (basics); pod (basics). Fix: list the tags in glossary/_tags.yml with "
           "their names in each language, or remove them from the terms."),
    ("- basics\n- workloads\n", "glossary/_tags.yml: must map each tag id to its names. Fix: "
                                "write e.g. `fundamental: {ko: 기본 개념, en: Fundamentals}`."),
    ("basics: {ko: 기본}\n", "glossary/_tags.yml: basics: needs a non-empty name in each "
                            "language. Fix: write `basics: {ko: ..., en: ...}`."),
    ("basics: [unclosed\n", "glossary/_tags.yml: line 2: is not valid YAML (did not find "
                           "expected ',' or ']'). Fix: fix the indentation or quoting there; "
                           "quote text that contains ': ' or '#'."),
], ids=["missing", "a-list", "one-language", "bad-yaml"])
def test_a_broken_tags_file_is_one_problem(tmp_path: Path, tags: str | None,
                                           expected: str) -> None:
    # both terms use the tag: a cascade would add "'basics' is not a known tag" twice
    assert problems(glossary_dir(tmp_path, tags)) == [expected]


def test_an_unknown_tag_is_still_reported_when_the_tags_file_is_fine(tmp_path: Path) -> None:
    folder = glossary_dir(tmp_path, pod=POD.replace("[basics]", "[basic]"))
    assert problems(folder) == ["glossary/pod.yml: tags: 'basic' is not a known tag. Fix: use "
                                "one of: basics, or add it to glossary/_tags.yml."]


# --- a name repeated within one term ------------------------------------------------------------

@pytest.mark.parametrize(("pod", "expected"), [
    ("ko: {term: 파드, aliases: [포드, 파드], short: 파드다.}\n"
     "en: {term: Pod, short: A Pod.}\n",
     ["glossary/pod.yml: ko.aliases: repeats '파드'. Fix: list '파드' once."]),
    ("ko: {term: 파드, aliases: [포드, 포드], short: 파드다.}\n"
     "en: {term: Pod, aliases: [Pods, Pods], short: A Pod.}\n",
     ["glossary/pod.yml: ko.aliases: repeats '포드'. Fix: list '포드' once.",
      "glossary/pod.yml: en.aliases: repeats 'Pods'. Fix: list 'Pods' once."]),
    ("ko: {term: 파드, aliases: [포드], avoid: [포드], short: 파드다.}\n"
     "en: {term: Pod, short: A Pod.}\n",
     ["glossary/pod.yml: ko.avoid: repeats '포드'. Fix: list '포드' once."]),
], ids=["alias-is-the-term", "alias-twice", "alias-also-avoided"])
def test_a_name_repeated_within_one_term(tmp_path: Path, pod: str,
                                         expected: list[str]) -> None:
    assert problems(glossary_dir(tmp_path, pod=pod + "tags: [basics]\n")) == expected


# --- front matter ------------------------------------------------------------------------------

def small_project(root: Path, front_matter: str) -> Path:
    """A two-page site with the glossary plugin (and mkdocs-macros, which it registers with)."""
    root.mkdir()
    glossary_dir(root)
    (root / "mkdocs.yml").write_text(textwrap.dedent("""\
        site_name: Test
        theme: {name: mkdocs, language: ko}
        plugins:
          - macros
          - bilingual-glossary:
              glossary_dir: glossary
              glossary_page: glossary.md
        nav: [index.md, glossary.md]
        """), encoding="utf-8")
    docs = root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(f"---\n{front_matter}\n---\n# 홈\n\n파드와 노드가 있다.\n",
                                   encoding="utf-8")
    (docs / "glossary.md").write_text("# 용어집\n\n{{ glossary_page() }}\n", encoding="utf-8")
    return root


def test_a_valid_front_matter_value_builds(tmp_path: Path) -> None:
    """The control for the test below: the same project builds with a valid value."""
    project = small_project(tmp_path / "project", "glossary: all")
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'class="glossary-term"' in (tmp_path / "site" / "index.html").read_text("utf-8")


def test_an_invalid_glossary_front_matter_value_stops_the_build(tmp_path: Path) -> None:
    project = small_project(tmp_path / "project", "glossary: sometimes")
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    # MkDocs frames it ("Error reading page 'index.md':"); the plugin's message is one line
    lines = [line for line in output.splitlines() if "Fix:" in line]
    assert len(lines) == 1, output
    assert lines[0].endswith("index.md: front matter 'glossary: sometimes' is not valid. "
                             "Fix: use one of first, all, off."), output
