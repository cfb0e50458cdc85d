"""Keeping the two languages and the terminology in sync (issue 12): the l10n subpackage.

Unit tests of the record, the structure check and the terminology lint on hand-written input,
the CLI on a small project, two real strict builds of a small bilingual site (the notice, the
badge, and a lint hit that fails the build), and the real tree's structure and terminology.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.cli.main import main
from bilingual_glossary.data.model import Glossary, Term, TermText
from bilingual_glossary.l10n.freshness import (
    Translation,
    mark,
    page_translations,
    status,
    term_source_text,
)
from bilingual_glossary.l10n.markdown import normalize
from bilingual_glossary.l10n.record import Record
from bilingual_glossary.l10n.site import add_notice, fill_badges, notice_html
from bilingual_glossary.l10n.structure import check_docs, compare, read_structure
from bilingual_glossary.l10n.terminology import (
    AvoidedSpellings,
    allowed_spellings,
    lint_glossary,
    lint_page,
    page_allow,
)
from mkdocs.exceptions import PluginError
from plugin_harness import configure, write_project

ROOT = Path(__file__).resolve().parent.parent


# --- a glossary written here, so content edits elsewhere do not move these tests ----------

def _text(term: str, avoid: tuple[str, ...] = (), short: str = "", long: str = "",
          **rules) -> TermText:
    return TermText(term=term, aliases=(), short=short or f"{term}.", long=long, avoid=avoid,
                    **rules)


def _glossary() -> Glossary:
    terms = {
        "kubernetes": Term("kubernetes", {"ko": _text("쿠버네티스", ("쿠버 네티스",)),
                                          "en": _text("Kubernetes")},
                           source="glossary/kubernetes.yml"),
        "load-balancer": Term("load-balancer", {"ko": _text("로드 밸런서"),
                                                "en": _text("Load balancer", ("loadbalancer",))},
                              source="glossary/load-balancer.yml"),
        "load-balancing": Term("load-balancing", {"ko": _text("로드 밸런싱", ("로드밸런싱",)),
                                                  "en": _text("Load balancing")},
                               source="glossary/load-balancing.yml"),
        "pod": Term("pod", {"ko": _text("파드", ("포드",),
                                        short="파드는 작다. 포드라고 쓰지 않는다."),
                            "en": _text("Pod")}, source="glossary/pod.yml"),
        "service": Term("service", {"ko": _text("서비스", ("써비스",), not_after=("마이크로",)),
                                    "en": _text("Service")}, source="glossary/service.yml"),
    }
    return Glossary(terms=terms)


@pytest.fixture(scope="module")
def korean() -> AvoidedSpellings:
    return AvoidedSpellings(_glossary(), "ko")


# --- terminology lint ---------------------------------------------------------------------

def _hits(source: str, avoided: AvoidedSpellings, allow=()) -> list[str]:
    return [str(h).split(" (", 1)[0] for h in lint_page(textwrap.dedent(source), "docs/pods.md",
                                                          avoided, allow)]


def test_a_spelling_to_avoid_in_prose_names_file_line_spelling_and_preferred_name(korean):
    hits = _hits("""\
        ---
        title: 파드
        ---

        # 파드 {#pod}

        포드는 가장 작은 단위다.
        """, korean)
    assert hits == ["docs/pods.md:7: 포드 -> 파드"]


def test_the_message_says_how_to_fix_it(korean):
    [hit] = lint_page("포드를 만든다.\n", "docs/pods.md", korean)
    assert str(hit) == ("docs/pods.md:1: 포드 -> 파드 (glossary/pod.yml lists '포드' under avoid. "
                        "Fix: write 파드, put the spelling in quotation marks if the text is "
                        "about it, or allow it on this page with front matter "
                        "glossary_allow: [포드].)")


def test_code_quotations_links_and_markup_are_exempt(korean):
    source = """\
        `포드` 인라인 코드와 <code>포드</code>, {{ term('pod', '포드') }}.
        흔히 '포드'라고 잘못 쓴다. “포드”나 "포드", 「포드」도 인용이다.
        [파드](https://example.com/포드) <span title="포드">파드</span>
        <!-- 포드 -->

        ```text
        포드
        ```

            ~~~
            포드
            ~~~

        > 포드라는 말을 인용한다.
        이 줄도 같은 인용문이다: 포드.

        이 줄은 아니다: 포드.
        """
    assert _hits(source, korean) == ["docs/pods.md:17: 포드 -> 파드"]


def test_front_matter_title_and_description_are_prose_and_other_keys_are_not(korean):
    source = """\
        ---
        title: "포드 안내"
        description: >-
          파드와
          포드를 다룬다.
        tags: [포드]
        ---
        """
    assert _hits(source, korean) == ["docs/pods.md:2: 포드 -> 파드", "docs/pods.md:5: 포드 -> 파드"]


def test_korean_endings_match_but_other_words_do_not(korean):
    hits = _hits("포드들이 뜬다. 포드에서는 돈다.\n", korean)
    assert hits == ["docs/pods.md:1: 포드 -> 파드"] * 2
    assert _hits("포드캐스트를 듣는다. 에어포드가 있다.\n", korean) == []


def test_spellings_compare_literally_so_the_preferred_spacing_never_trips(korean):
    # avoid: 로드밸런싱 beside the term 로드 밸런싱; avoid: 쿠버 네티스 beside 쿠버네티스
    assert _hits("로드 밸런싱과 쿠버네티스를 쓴다.\n", korean) == []
    assert _hits("로드밸런싱과 쿠버 네티스를 쓴다.\n", korean) == [
        "docs/pods.md:1: 로드밸런싱 -> 로드 밸런싱", "docs/pods.md:1: 쿠버 네티스 -> 쿠버네티스"]


def test_english_spellings_ignore_case_and_include_the_plural():
    english = AvoidedSpellings(_glossary(), "en")
    hits = [str(h).split(" (", 1)[0] for h in lint_page(
        "A LoadBalancer, two loadbalancers, a load balancer, loadbalancer-ish, `LoadBalancer`.\n",
        "docs/x.en.md", english)]
    assert hits == ["docs/x.en.md:1: LoadBalancer -> Load balancer",
                    "docs/x.en.md:1: loadbalancers -> Load balancer"]


def test_not_after_words_rule_a_mention_out_as_for_tooltips(korean):
    assert _hits("마이크로 써비스와 써비스.\n", korean) == ["docs/pods.md:1: 써비스 -> 서비스"]


def test_a_page_can_allow_a_spelling_in_its_front_matter(korean):
    source = "---\nglossary_allow: [포드]\n---\n포드와 로드밸런싱.\n"
    allow = page_allow(source)
    assert allow == ("포드",)
    assert _hits(source, korean, allow) == ["docs/pods.md:4: 로드밸런싱 -> 로드 밸런싱"]


@pytest.mark.parametrize("value", [5, [""], {"포드": 1}, ["포드", 3]])
def test_a_malformed_allow_list_is_one_clear_error(value):
    with pytest.raises(ValueError, match=r"glossary_allow.*Fix: write glossary_allow: \[포드\]"):
        allowed_spellings(value)


def test_glossary_texts_are_linted_too(korean):
    hits = [str(h) for h in lint_glossary(_glossary(), korean)]
    assert len(hits) == 1
    assert hits[0].startswith("glossary/pod.yml: ko.short: 포드 -> 파드 (")
    assert "glossary_allow" not in hits[0]  # a glossary text has no front matter


# --- structure of twin pages --------------------------------------------------------------

TWIN_KO = """\
---
title: 파드
---

# 파드 {#pods}

[노드](cluster.md#node)와 [같은 페이지](#pod), <a href="./glossary.md">용어집</a>.
[공식 문서](https://kubernetes.io/ko/docs/)

## 파드란 {#pod}

{{ term('pod', '파드들') }} {{ hierarchy('cluster', examples=3) }}

```yaml
kind: Pod
```

{% raw %}`{{ term('node') }} [코드 안 링크](nowhere.md)`{% endraw %}
"""
TWIN_EN = """\
---
title: Pods
---

# Pods {#pods}

[Node](cluster.md#node) and [this page](#pod), <a href="glossary.md">glossary</a>.
[Official docs](https://kubernetes.io/docs/)

## What a Pod is {#pod}

{{ term("pod") }} {{ hierarchy("cluster", examples = 3) }}

~~~yaml
kind: Pod
~~~
"""


def test_twins_with_the_same_skeleton_have_no_drift():
    assert compare("docs/p.md", read_structure(TWIN_KO), "docs/p.en.md",
                   read_structure(TWIN_EN)) == []


@pytest.mark.parametrize(("edit", "expected"), [
    (("{#pod}", "{#what-a-pod-is}"),
     ["docs/p.en.md: heading id #pod (docs/p.md:10) is missing.",
      "docs/p.en.md:10: heading id #what-a-pod-is is not in docs/p.md."]),
    (("~~~yaml\nkind: Pod\n~~~\n", ""),
     ["docs/p.en.md: has 0 code blocks, docs/p.md has 1 (lines 14)."]),
    (("cluster.md#node", "cluster.md#nodes"),
     ["docs/p.en.md: internal link to cluster.md#node (docs/p.md:7) is missing.",
      "docs/p.en.md:7: internal link to cluster.md#nodes is not in docs/p.md."]),
    (('{{ term("pod") }}', "{{ term('node') }}"),
     ["docs/p.en.md:12: {{ term('node') }} appears once, in docs/p.md 0 times.",
      "docs/p.en.md: {{ term('pod') }} appears 0 times, in docs/p.md:12 once."]),
    (("examples = 3", "examples=2"),
     ["docs/p.en.md:12: {{ hierarchy('cluster', examples=2) }} appears once, in docs/p.md 0 "
      "times.",
      "docs/p.en.md: {{ hierarchy('cluster', examples=3) }} appears 0 times, in docs/p.md:12 "
      "once."]),
])
def test_each_kind_of_drift_names_the_file_and_what_differs(edit, expected):
    old, new = edit
    assert old in TWIN_EN
    problems = compare("docs/p.md", read_structure(TWIN_KO), "docs/p.en.md",
                       read_structure(TWIN_EN.replace(old, new)))
    assert [p.split(" Fix: ", 1)[0] for p in problems] == expected
    assert all(" Fix: " in p for p in problems)


def test_a_macro_in_a_string_or_a_raw_block_is_not_a_call():
    ko = "{{ term('pod') }}\n"
    en = ("{{ term('pod') }} {{ \"{{ term('node') }}\" }}\n"
          "{% raw %}{{ term('node') }}{% endraw %}\n")
    assert compare("docs/p.md", read_structure(ko), "docs/p.en.md", read_structure(en)) == []
    [(call, line)] = read_structure(en + "\n{{ term('node') | upper }}\n").macros[1:]
    assert (call, line) == ("term('node')", 4)


def test_heading_ids_in_another_order_are_drift():
    ko = "# A {#a}\n## B {#b}\n## C {#c}\n"
    en = "# A {#a}\n## C {#c}\n## B {#b}\n"
    [problem] = compare("docs/p.md", read_structure(ko), "docs/p.en.md", read_structure(en))
    assert problem.startswith("docs/p.en.md: heading ids are in another order than in docs/p.md")


def test_check_docs_reports_a_missing_twin_and_a_translation_without_source(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A {#a}\n", encoding="utf-8")
    (docs / "a.en.md").write_text("# A {#a}\n", encoding="utf-8")
    (docs / "b.md").write_text("# B {#b}\n", encoding="utf-8")
    (docs / "c.en.md").write_text("# C {#c}\n", encoding="utf-8")
    problems = [p.split(" Fix: ", 1)[0] for p in check_docs(tmp_path, docs, "ko")]
    assert problems == ["docs/b.md: has no translation docs/b.en.md.",
                        "docs/c.en.md: has no source page docs/c.md."]


# --- the record and freshness -------------------------------------------------------------

def _page(text: str) -> Translation:
    return Translation("docs/p.en.md", "docs/p.en.md", "docs/p.md", "en", normalize(text))


def test_a_change_in_the_source_makes_the_translation_outdated_with_a_diff(tmp_path):
    record = Record(tmp_path / "l10n")
    before = _page("# 파드\n\n파드는 작다.\n")
    mark(record, [before], [before])
    assert status(Record.load(tmp_path / "l10n", "lock.json"), before).state == "current"

    after = _page("# 파드\n\n파드는 가장 작다.\n")
    result = status(Record.load(tmp_path / "l10n", "lock.json"), after)
    assert result.state == "outdated"
    assert "-파드는 작다.\n" in result.diff
    assert "+파드는 가장 작다.\n" in result.diff
    assert result.diff.startswith("--- docs/p.md (when docs/p.en.md was marked)\n"
                                  "+++ docs/p.md (now)\n")


def test_spacing_line_ends_and_unicode_form_do_not_count_as_changes(tmp_path):
    record = Record(tmp_path / "l10n")
    text = "# 파드\n\n파드는 작다.\n"
    mark(record, [_page(text)], [_page(text)])
    decomposed = unicodedata.normalize("NFD", text).replace("\n", "  \r\n") + "\n\n"
    assert decomposed != text
    assert status(record, _page(decomposed)).state == "current"


def test_a_never_marked_translation_and_a_lost_snapshot(tmp_path):
    record = Record(tmp_path / "l10n")
    page = _page("원문\n")
    assert status(record, page).state == "unmarked"
    mark(record, [page], [page])
    record.snapshot_path(page.key).unlink()
    result = status(record, _page("바뀐 원문\n"))
    assert (result.state, result.diff) == ("outdated", "")
    assert "snapshot l10n/sources/docs/p.en.md.txt is missing" in result.note


def test_marking_drops_entries_of_translations_that_are_gone(tmp_path):
    record = Record(tmp_path / "l10n")
    old, kept = _page("원문\n"), Translation("glossary:pod:en", "pod", "glossary/pod.yml (ko)",
                                            "en", "term: 파드\n")
    mark(record, [old, kept], [old, kept])
    assert record.snapshot_path(old.key).is_file()
    lines = mark(record, [], [kept])
    assert lines == ["dropped docs/p.en.md: no such translation any more"]
    saved = json.loads((tmp_path / "l10n" / "lock.json").read_text(encoding="utf-8"))
    assert list(saved["translations"]) == ["glossary:pod:en"]
    assert not record.snapshot_path(old.key).exists()


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "l10n/lock.json: line 1: is not valid JSON"),
    ('{"format": 1, "translations": {"docs/p.en.md": {"source": "docs/p.md"}}}',
     "l10n/lock.json: translations.docs/p.en.md: needs a source and a 64-digit sha256."),
    ('{"format": 1, "translations": {"../etc/x.md": {"source": "x", "sha256": "' + "0" * 64
     + '"}}}', "l10n/lock.json: translations.../etc/x.md: is not a page"),
    ('{"format": 2, "translations": {}}', "l10n/lock.json: format: is 2"),
])
def test_a_damaged_record_is_one_clear_error(tmp_path, content, expected):
    (tmp_path / "lock.json").write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        Record.load(tmp_path, "l10n/lock.json")
    [problem] = raised.value.problems
    assert str(problem).startswith(expected)
    assert "Fix: restore the file from version control" in str(problem)


def test_a_glossary_entry_fingerprints_its_source_texts_one_sentence_a_line():
    term = _glossary()["pod"]
    assert term_source_text(term, "ko") == ("term: 파드\n\nshort:\n"
                                            "파드는 작다.\n포드라고 쓰지 않는다.\n")


# --- the CLI on a small project -----------------------------------------------------------

GLOSSARY = {
    "_tags.yml": "fundamental: {ko: 기본 개념, en: Fundamentals}\n",
    "pod.yml": """\
        ko: {term: 파드, aliases: [], avoid: [포드], short: 가장 작은 배포 단위다.}
        en: {term: Pod, aliases: [], short: The smallest deployable unit.}
        """,
    "node.yml": """\
        ko: {term: 노드, aliases: [], short: 파드가 실행되는 머신이다.}
        en: {term: Node, aliases: [], short: A machine that runs Pods.}
        """,
}
PAGES = {
    "index.md": "---\ntitle: 홈\n---\n\n# 홈 {#home}\n\n"
                "[파드](pods.md#pod)를 본다. 흔히 '포드'라고도 쓴다.\n",
    "index.en.md": "---\ntitle: Home\n---\n\n# Home {#home}\n\nSee [Pods](pods.md#pod).\n",
    "pods.md": "---\ntitle: 파드\nglossary_allow: [포드]\n---\n\n"
               "# 파드 {#pods}\n\n## 파드 {#pod}\n\n"
               "파드는 노드에서 실행된다. 포드라고도 한다.\n",
    "pods.en.md": "---\ntitle: Pods\n---\n\n# Pods {#pods}\n\n## Pod {#pod}\n\n"
                  "A Pod runs on a node.\n",
    "glossary.md": "---\ntitle: 용어집\nglossary: \"off\"\n---\n\n# 용어집 {#glossary}\n\n"
                   "{{ glossary_page() }}\n",
    "glossary.en.md": "---\ntitle: Glossary\nglossary: \"off\"\n---\n\n# Glossary {#glossary}\n\n"
                      "{{ glossary_page() }}\n",
}
MKDOCS_YML = """\
site_name: L10n test
site_url: https://example.com/l10n/
theme:
  name: material
  language: ko
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {locale: ko, name: 한국어, default: true, build: true}
        - {locale: en, name: English, build: true}
  - macros:
      on_undefined: strict
      j2_comment_start_string: "{##"
      j2_comment_end_string: "##}"
  - bilingual-glossary:
      exports: []
markdown_extensions: [attr_list, admonition, toc]
nav: [index.md, pods.md, glossary.md]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "glossary").mkdir()
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    for name, text in GLOSSARY.items():
        (root / "glossary" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


def _cli(root: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_make_l10n_lists_outdated_pages_and_terms_with_the_source_diff(project, capsys):
    code, out, _ = _cli(project, "l10n", capsys=capsys)
    assert code == 0
    assert "no record yet (l10n/lock.json)" in out
    code, out, _ = _cli(project, "l10n-mark", "--all", capsys=capsys)
    assert code == 0 and "Wrote l10n/lock.json" in out
    code, out, _ = _cli(project, "l10n", capsys=capsys)
    assert (code, "\n  outdated " in out) == (0, False)
    assert "0 of 5 translations outdated." in out

    _edit(project / "docs/pods.md", "파드는 노드에서", "파드는 워커 노드에서")
    _edit(project / "docs/index.en.md", "See", "Read")  # a fix to a translation: no change
    _edit(project / "glossary/pod.yml", "가장 작은 배포 단위다.", "가장 작은 배포 단위이다.")
    code, out, _ = _cli(project, "l10n", capsys=capsys)
    assert code == 0  # being behind is not an error
    outdated = [line.strip() for line in out.splitlines() if "outdated" in line
                and not line.startswith(("0 ", "1 ", "2 "))]
    assert outdated == [
        "outdated docs/pods.en.md (en): docs/pods.md changed since the translation was marked",
        "outdated pod (en): glossary/pod.yml (ko) changed since the translation was marked"]
    assert "    -파드는 노드에서 실행된다. 포드라고도 한다.\n" in out
    assert "    +파드는 워커 노드에서 실행된다. 포드라고도 한다.\n" in out
    assert "    -가장 작은 배포 단위다.\n    +가장 작은 배포 단위이다.\n" in out
    assert "make l10n-mark FILE=docs/pods.en.md" in out and "make l10n-mark ID=pod" in out
    assert "0 structural differences, 0 spellings to avoid, 2 of 5 translations outdated." in out

    code, out, _ = _cli(project, "l10n-mark", "docs/pods.en.md", "--term", "pod", capsys=capsys)
    assert code == 0
    assert "marked up to date: docs/pods.en.md (en) follows docs/pods.md" in out
    assert "marked up to date: pod (en) follows glossary/pod.yml (ko)" in out
    code, out, _ = _cli(project, "l10n", capsys=capsys)
    assert "none: every translation follows its current source" in out


def test_make_l10n_fails_on_drift_and_on_spellings_to_avoid(project, capsys):
    _edit(project / "docs/pods.en.md", "{#pod}", "{#a-pod}")
    _edit(project / "docs/index.md", "를 본다.", "를 본다. 포드도 본다.")
    code, out, _ = _cli(project, "l10n", capsys=capsys)
    assert code == 1
    assert "  docs/pods.en.md: heading id #pod (docs/pods.md:8) is missing." in out
    assert "  docs/index.md:7: 포드 -> 파드 (glossary/pod.yml" in out


def test_the_marking_command_names_what_it_cannot_mark(project, capsys):
    assert _cli(project, "l10n-mark", capsys=capsys)[0] == 2
    code, _, err = _cli(project, "l10n-mark", "docs/nope.en.md", "--term", "nope",
                        capsys=capsys)
    assert code == 1
    assert "'docs/nope.en.md' is not a translated page. Fix:" in err
    assert "'nope' is not a glossary term id. Fix:" in err
    assert not (project / "l10n").exists()  # nothing was written


def test_a_source_page_name_marks_its_translations(project, capsys):
    code, out, _ = _cli(project, "l10n-mark", "pods.md", capsys=capsys)
    assert code == 0 and "docs/pods.en.md (en) follows docs/pods.md" in out
    assert [t.key for t in page_translations(project, project / "docs", "ko")] == [
        "docs/glossary.en.md", "docs/index.en.md", "docs/pods.en.md"]


# --- the built site -----------------------------------------------------------------------

def _build(root: Path, dest: Path) -> subprocess.CompletedProcess[str]:
    """A strict build, not quiet: `mkdocs -q` drops warnings before --strict can count them."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
         "-d", str(dest)],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True,
        text=True, timeout=300)


def _notices(html: str) -> list[str]:
    return re.findall(r'<div class="[^"]*\btranslation-outdated\b[^"]*"[^>]*>.*?</div>', html,
                      re.S)


def test_the_site_shows_outdated_pages_and_entries_and_lints_spellings(project, tmp_path,
                                                                       capsys):
    assert main(["--root", str(project), "l10n-mark", "--all"]) == 0
    capsys.readouterr()
    _edit(project / "docs/pods.md", "파드는 노드에서", "파드는 워커 노드에서")
    _edit(project / "docs/index.en.md", "See", "Read")
    _edit(project / "glossary/pod.yml", "가장 작은 배포 단위다.", "가장 작은 배포 단위이다.")
    site = tmp_path / "site"
    result = _build(project, site)
    assert result.returncode == 0, result.stderr  # outdated is never a build failure

    page = (site / "en/pods/index.html").read_text(encoding="utf-8")
    [notice] = _notices(page)
    assert "This translation is out of date" in notice
    assert 'lang="en"' in notice
    href = re.search(r'<a href="([^"]+)" hreflang="ko">Read the Korean original</a>',
                     notice).group(1)
    assert href == "../../pods/"
    assert 'lang="ko"' in (site / "pods/index.html").read_text(encoding="utf-8")[:300]
    assert page.index("</h1>") < page.index(notice) < page.index('id="pod"')
    search = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "out of date" not in search

    for fresh in ("en/index.html", "pods/index.html", "index.html", "en/glossary/index.html"):
        assert _notices((site / fresh).read_text(encoding="utf-8")) == [], fresh

    glossary_en = (site / "en/glossary/index.html").read_text(encoding="utf-8")
    badges = re.findall(r'<h3 class="glossary-entry-name" id="([a-z-]+)">[^<]*'
                        r'<a class="translation-outdated-badge" href="([^"]+)"', glossary_en)
    assert badges == [("pod", "../../glossary/#pod")]
    assert "translation-outdated-badge" not in (site / "glossary/index.html").read_text(
        encoding="utf-8")
    assert "glossary-badge:" not in glossary_en  # every placeholder is filled or removed

    _edit(project / "docs/index.md", "를 본다.", "를 본다.\n포드도 본다.")
    failed = _build(project, tmp_path / "site2")
    assert failed.returncode != 0
    assert "docs/index.md:8: 포드 -> 파드 (glossary/pod.yml" in failed.stderr
    assert "docs/pods.md" not in failed.stderr  # its front matter allows 포드
    assert "Traceback" not in failed.stderr


def test_notice_and_badge_escape_what_they_are_given():
    notice = notice_html("en", "ko", '"><script>x</script>')
    assert "<script>" not in notice and "&quot;&gt;&lt;script&gt;" in notice
    assert add_notice("<h1>T</h1><p>x</p>", "<i>N</i>") == "<h1>T</h1><i>N</i><p>x</p>"
    assert add_notice("<p>x</p>", "<i>N</i>") == "<i>N</i><p>x</p>"
    html = "<h3>Pod<!--glossary-badge:pod--></h3><h3>Node<!--glossary-badge:node--></h3>"
    filled = fill_badges(html, "en", "ko", {"pod"}, None)
    assert filled.count("translation-outdated-badge") == 1
    assert "glossary-badge:" not in filled


# --- the real tree ------------------------------------------------------------------------

def test_the_real_twin_pages_have_no_structural_drift():
    assert check_docs(ROOT, ROOT / "docs", "ko") == []


def test_the_real_pages_and_glossary_use_no_spelling_to_avoid():
    glossary = load_glossary(ROOT / "glossary")
    spellings = {lang: AvoidedSpellings(glossary, lang) for lang in ("ko", "en")}
    assert all(spellings.values()), "the glossary lists no spelling to avoid in some language"
    found: list[str] = []
    pages = sorted((ROOT / "docs").rglob("*.md"))
    assert len(pages) >= 12
    for path in pages:
        lang = "en" if path.name.endswith(".en.md") else "ko"
        source = path.read_text(encoding="utf-8")
        found += map(str, lint_page(source, f"docs/{path.name}", spellings[lang],
                                    page_allow(source)))
    for avoided in spellings.values():
        found += map(str, lint_glossary(glossary, avoided))
    assert found == []


def test_the_real_record_is_readable_with_a_snapshot_for_every_entry():
    # without the record no page would ever show as outdated; without a snapshot that
    # matches its fingerprint, make l10n could not show what changed
    record = Record.load(ROOT / "l10n", "l10n/lock.json")
    assert record is not None, "l10n/lock.json is missing: run make l10n-mark ALL=1"
    assert len(record.entries) >= 12
    missing = [key for key in record.entries if record.snapshot(key) is None]
    assert missing == [], "restore l10n/sources from git, or mark these again"


# --- the plugin's events in-process (tests/plugin_harness.py), without mkdocs-static-i18n ---

HARNESS_CONFIG = """\
site_name: Harness
theme:
  name: mkdocs
  language: ko
plugins:
  - macros:
      j2_comment_start_string: "{##"
      j2_comment_end_string: "##}"
  - bilingual-glossary:
      exports: []
markdown_extensions: [attr_list, toc]
nav: [index.md, pods.md, pods.en.md, glossary.md, glossary.en.md]
"""


@pytest.fixture
def harness_project(tmp_path: Path) -> Path:
    pages = {name: text for name, text in PAGES.items() if name != "index.en.md"}
    return write_project(tmp_path / "harness", HARNESS_CONFIG, pages,
                         {name: textwrap.dedent(text) for name, text in GLOSSARY.items()})


def test_without_static_i18n_a_suffixed_page_is_in_the_sites_one_language(harness_project,
                                                                          capsys):
    """A site's languages are its theme's and static-i18n's: without static-i18n, pods.en.md
    is one more Korean page, so it is never an outdated translation."""
    root = harness_project.parent
    assert main(["--root", str(root), "l10n-mark", "--all"]) == 0
    capsys.readouterr()
    _edit(root / "docs/pods.md", "파드는 노드에서", "파드는 워커 노드에서")
    site = configure(harness_project)
    assert site.plugin.langs == ("ko",)
    page, _ = site.render("pods.en.md")
    assert page.url == "pods.en/" and _notices(page.content) == []
    _, korean = site.render("pods.md")
    assert _notices(korean) == []


def test_the_build_warns_once_per_hit_and_stops_on_a_malformed_allow_list(harness_project,
                                                                          caplog):
    root = harness_project.parent
    _edit(root / "docs/index.md", "를 본다.", "를 본다.\n포드도 본다.")
    site = configure(harness_project)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site.render("index.md")
    assert [r.getMessage().split(" (", 1)[0] for r in caplog.records
            if r.levelno == logging.WARNING] == ["docs/index.md:8: 포드 -> 파드"]
    _edit(root / "docs/pods.md", "glossary_allow: [포드]", "glossary_allow: {포드: 1}")
    site = configure(harness_project)
    with pytest.raises(PluginError, match=r"^docs/pods\.md: front matter 'glossary_allow' must "
                                          r"be a list of spellings\. Fix: "):
        site.render("pods.md")


def test_a_damaged_record_stops_the_build_with_one_message(harness_project):
    root = harness_project.parent
    (root / "l10n").mkdir()
    (root / "l10n/lock.json").write_text("{", encoding="utf-8")
    with pytest.raises(PluginError, match=r"l10n/lock\.json: line 1: is not valid JSON"):
        configure(harness_project)
