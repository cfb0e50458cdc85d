"""The term() macro and a hostile glossary, in real builds of a small copy of the project.

Two extra builds: one that succeeds (macro links, hostile text, search index), one that
stops on an unknown term id.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site

HOSTILE = '"><script>alert(1)</script> {{ 7*7 }}'
HOSTILE_TERM = f"""\
ko:
  term: 악성용어
  aliases: []
  short: '{HOSTILE.replace("'", "''")}'
en:
  term: '<b>Evil</b> {{{{ 7*7 }}}}'
  aliases: [evilterm]
  short: '{HOSTILE.replace("'", "''")}'
tags: []
"""

KO_PAGE = """\
# 시작

{{ term('pod') }}는 작다. {{ term('pod', '파드<들>') }}도 있다. 악성용어를 조심하라.

노드는 파드를 실행한다. 다시 노드.
"""

OFF_PAGE = """\
---
glossary: off
---

# 끄기

노드는 파드를 실행한다. {{ term('node') }}
"""

EN_PAGE = """\
# Start

{{ term('pod') }} and {{ term('hostile') }}. Nodes run pods. An evilterm.
"""


def make_project(dest: Path, pages: dict[str, str]) -> Path:
    """The real site's configuration and theme overrides with a small glossary and the given
    pages; the plugin itself is the installed package."""
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "docs" / "stylesheets", dest / "docs" / "stylesheets")
    glossary = dest / "glossary"
    glossary.mkdir()
    shutil.copy(ROOT / "glossary" / "_tags.yml", glossary / "_tags.yml")
    for term_id, ko, en in (("pod", "파드", "Pod"), ("node", "노드", "Node")):
        (glossary / f"{term_id}.yml").write_text(yaml.safe_dump({
            "ko": {"term": ko, "aliases": [], "short": f"{ko}의 짧은 정의."},
            "en": {"term": en, "aliases": [], "short": f"Short definition of {en}."},
            "tags": []}, allow_unicode=True), encoding="utf-8")
    (glossary / "hostile.yml").write_text(HOSTILE_TERM, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # every Korean page in the nav (static-i18n adds the English twins): strict fails on
    # a page left out of it
    listed = sorted(name for name in pages if not name.endswith(".en.md") and name != "index.md")
    config = config[:config.index("\nnav:")] + "\nnav:\n  - 시작: index.md\n" + "".join(
        f"  - {name}\n" for name in ["glossary.md", *listed])
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    pages = {"glossary.md": "# 용어집\n\n{{ glossary_page() }}\n",
             "glossary.en.md": "# Glossary\n\n{{ glossary_page() }}\n", **pages}
    for name, text in pages.items():
        (dest / "docs" / name).write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("macros"),
                           {"index.md": KO_PAGE, "index.en.md": EN_PAGE,
                            "off.md": OFF_PAGE, "off.en.md": OFF_PAGE})
    site = project / "site"
    result = build_site(site, project)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_term_macro_writes_the_annotation_in_the_page_language(built: Path):
    ko = article(built / "index.html")
    assert ('<a class="glossary-term" data-term="pod" href="glossary/#pod" '
            'aria-describedby="glossary-tip-pod">파드</a>는') in ko
    en = article(built / "en" / "index.html")
    assert ('<a class="glossary-term" data-term="pod" href="glossary/#pod" '
            'aria-describedby="glossary-tip-pod">Pod</a>') in en


def test_term_macro_with_author_text_escapes_it(built: Path):
    ko = article(built / "index.html")
    assert 'aria-describedby="glossary-tip-pod">파드&lt;들&gt;</a>도' in ko


def test_macro_links_count_as_first_occurrence(built: Path):
    ko = article(built / "index.html")
    assert ko.count('data-term="pod"') == 2  # the two macro links, no automatic third
    assert ko.count('data-term="node"') == 1  # first occurrence only


def test_front_matter_glossary_off_keeps_only_the_authors_links(built: Path):
    html = (built / "off" / "index.html").read_text(encoding="utf-8")
    body = article(built / "off" / "index.html")
    assert "노드는 파드를 실행한다." in body  # no automatic annotation
    assert body.count('class="glossary-term"') == 1  # the term() link
    assert re.findall(r'id="glossary-tip-([^"]+)"', html) == ["node"]


def test_hostile_glossary_text_is_inert(built: Path):
    for page in (built / "index.html", built / "en" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        ours = article(page) + html[html.index('<div class="glossary-tips"'):]
        assert "{{ 7*7 }}" in ours
        assert "49" not in ours
        assert "<b>Evil</b>" not in html
    en = article(built / "en" / "index.html")
    assert '<a class="glossary-term" data-term="hostile"' in en
    assert "&lt;b&gt;Evil&lt;/b&gt; {{ 7*7 }}</a>" in en


def test_tooltips_sit_after_the_article_for_every_annotation(built: Path):
    html = (built / "index.html").read_text(encoding="utf-8")
    tips = html[html.index('<div class="glossary-tips"'):]
    assert html.index("</article>") < html.index('<div class="glossary-tips"')
    assert tips.index("</div></div></body>") >= 0
    described = set(re.findall(r'aria-describedby="glossary-tip-([^"]+)"', html))
    assert described == set(re.findall(r'id="glossary-tip-([^"]+)"', tips)) == {
        "pod", "node", "hostile"}


def test_search_index_has_no_tooltip_text(built: Path):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    # the glossary pages show the definitions themselves; every other page must not index them
    texts = " ".join(doc["text"] for doc in index["docs"]
                     if doc["location"].split("#")[0] not in ("glossary/", "en/glossary/"))
    assert "노드는" in texts  # the page itself is indexed
    for definition in ("파드의 짧은 정의", "노드의 짧은 정의", "Short definition of", "alert(1)"):
        assert definition not in texts


def test_unknown_term_id_stops_the_build_with_one_line(tmp_path: Path):
    project = make_project(tmp_path, {
        "index.md": "# 시작\n\n{{ term('pod') }}\n",
        "broken.md": "# 깨짐\n\n{{ term('no-such-term') }}는 없다.\n"})
    result = build_site(tmp_path / "site", project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "no-such-term" in line]
    assert len(lines) == 1, output
    assert "broken.md" in lines[0]
    assert "unknown term id 'no-such-term'" in lines[0]


# --- the macro functions themselves, without a build -------------------------------------

@pytest.fixture
def term_macro():
    from bilingual_glossary import load_glossary
    from bilingual_glossary.macros import MacroContext, make_macros
    from bilingual_glossary.session import BuildSession

    session = BuildSession(load_glossary(ROOT / "glossary"), annotators={})
    where = {"ctx": MacroContext(session, "pods.md", "ko", "../glossary/")}
    macros = make_macros(lambda: where["ctx"])
    yield macros["term"], session.macro_errors, where, session


def test_term_macro_in_each_language(term_macro):
    from bilingual_glossary.macros import MacroContext

    term, errors, where, session = term_macro

    def html(token: str) -> str:  # what the plugin swaps in once Markdown is done
        assert token.isalnum()  # nothing Markdown could read
        return session.placeholders.restore(token)[0]

    assert html(term("pod")) == ('<a class="glossary-term" data-term="pod" '
                                 'href="../glossary/#pod" aria-describedby="glossary-tip-pod">'
                                 '파드</a>')
    assert html(term("pod", "<파드들>")).endswith(">&lt;파드들&gt;</a>")
    where["ctx"] = MacroContext(session, "pods.en.md", "en", "../glossary/")
    assert html(term("pod")).endswith('href="../glossary/#pod" '
                                      'aria-describedby="glossary-tip-pod">Pod</a>')
    assert errors == []


@pytest.mark.parametrize("args,message", [
    (("no-such-term",), "pods.md: {{ term(...) }}: unknown term id 'no-such-term'. Fix: "),
    ((), "unknown term id ''"),
    (("pod", 3), "the text of term('pod') must be quoted text"),
    (("pod", "a", "b"), "takes a term id and an optional text, not 3 arguments"),
])
def test_term_macro_errors_are_collected_as_one_line(term_macro, args, message):
    term, errors, _, _ = term_macro
    assert term(*args) == ""
    assert len(errors) == 1 and message in errors[0] and "\n" not in errors[0]
