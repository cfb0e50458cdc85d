"""The annotator on HTML: where it links terms, what it leaves alone, and what it writes."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

import markupsafe
import pytest
from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.data.model import Glossary, Term, TermText
from bilingual_glossary.matching.annotate import Annotator, annotated_ids, term_link, tooltips_html
from bilingual_glossary.matching.policy import NO_LIMITS, MarkPolicy
from bilingual_glossary.tooltips.markup import tooltip_table
from bilingual_glossary.tooltips.switch import HEAD_SCRIPT as SWITCH_HEAD_SCRIPT
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from site_html import search_docs
from test_matcher import make_glossary

GLOSSARY = make_glossary()
KO = Annotator(GLOSSARY, "ko")
EN = Annotator(GLOSSARY, "en")
HREF = "../glossary/"


def link(term_id: str, text: str, href: str = HREF) -> str:
    return (f'<a class="glossary-term" data-term="{term_id}" href="{href}#{term_id}" '
            f'aria-describedby="glossary-tip-{term_id}">{text}</a>')


def ko(html: str, every: bool = False) -> str:
    """Matching and markup, without the page policy (tested on its own below)."""
    return KO.annotate(html, HREF, every=every, policy=NO_LIMITS).html


# --- the page policy of `annotate: first` (policy.py) ------------------------------------

def marked(html: str, policy: MarkPolicy | None = None, every: bool = False) -> list[str]:
    out = KO.annotate(html, HREF, every=every, policy=policy or MarkPolicy()).html
    return re.findall(r'data-term="([^"]*)"', out)


FIVE = "<p>파드와 노드, 컨테이너, 시크릿, 레이블</p>"


def test_a_paragraph_gets_at_most_three_marks_in_reading_order():
    assert marked(FIVE) == ["pod", "node", "container"]
    assert marked(FIVE.replace("<p>", "<li>").replace("</p>", "</li>")) == [
        "pod", "node", "container"]


def test_blocks_count_in_upper_case_markup_too():
    # 'İ' lengthens under lower(): the page goes through the case-insensitive scanner
    page = "<P>파드와 노드, 컨테이너, 시크릿</P><LI>시크릿 İ</LI>"
    assert marked(page) == ["pod", "node", "container", "secret"]


def test_a_term_skipped_in_a_full_paragraph_is_marked_at_its_next_mention():
    assert marked(FIVE + "<p>시크릿을 쓴다.</p><p>또 시크릿.</p>") == [
        "pod", "node", "container", "secret"]


def test_the_limit_is_per_block_and_a_site_can_change_it():
    assert marked(FIVE, MarkPolicy(per_block=1)) == ["pod"]
    assert marked(FIVE, MarkPolicy(per_block=0)) == ["pod", "node", "container", "secret",
                                                      "label"]
    # two paragraphs, three marks each
    assert len(marked(FIVE + "<p>네임스페이스, 잡, 인그레스, 클러스터</p>")) == 6


def test_a_term_is_not_marked_in_its_own_section():
    page = ('<h2 id="pod">파드</h2><p>파드는 노드에서 돈다.</p>'
            '<h3 id="more">더</h3><p>파드가 여기도.</p>'
            '<h2 id="next">다음</h2><p>파드를 쓴다.</p>')
    out = KO.annotate(page, HREF).html
    assert re.findall(r'data-term="([^"]*)"', out) == ["node", "pod"]
    assert out.index('data-term="pod"') > out.index('id="next"')
    assert marked(page, MarkPolicy(own_section=True)) == ["pod", "node"]


def test_the_policy_leaves_annotate_all_and_term_links_alone():
    assert marked(FIVE, every=True) == ["pod", "node", "container", "secret", "label"]
    page = (f'<h2 id="pod">x</h2><p>{link("pod", "파드")} {link("node", "노드")} '
            "노드 컨테이너 시크릿 레이블</p>")
    # the author's links stay and do not use up the paragraph's three automatic marks
    assert marked(page) == ["pod", "node", "container", "secret", "label"]


# --- the output contract ------------------------------------------------------------------

def test_markup_and_particle_outside_the_link():
    assert ko("<p>파드는 작다.</p>") == f"<p>{link('pod', '파드')}는 작다.</p>"


def test_english_page_links_plurals_and_capitals():
    result = EN.annotate("<p>Pods run on Nodes.</p>", "../../en/glossary/")
    assert result.html == (f"<p>{link('pod', 'Pods', '../../en/glossary/')} run on "
                           f"{link('node', 'Nodes', '../../en/glossary/')}.</p>")


def test_first_occurrence_only_by_default():
    out = ko("<p>파드와 파드, 노드의 파드</p>")
    assert out == f"<p>{link('pod', '파드')}와 파드, {link('node', '노드')}의 파드</p>"


def test_every_occurrence_when_asked():
    out = ko("<p>파드와 파드</p>", every=True)
    assert out == f"<p>{link('pod', '파드')}와 {link('pod', '파드')}</p>"


def test_longest_match_wins_inside_html():
    out = ko("<p>마스터 노드와 워커 노드들이 있다</p>")
    assert out == (f"<p>{link('master-node', '마스터 노드')}와 "
                   f"{link('worker-node', '워커 노드')}들이 있다</p>")


def test_name_broken_across_lines_keeps_its_whitespace():
    name = "로드\n밸런싱"
    assert ko(f"<p>{name}을</p>") == f"<p>{link('load-balancing', name)}을</p>"


# --- where it never annotates -------------------------------------------------------------

UNTOUCHED = [
    "<code>파드</code>",
    "<pre><code>파드를 만든다</code></pre>",
    '<div class="highlight"><pre><span></span><code><span class="n">파드</span></code></pre></div>',
    '<a href="pods/">파드</a>',
    "<h1>파드</h1>", "<h2>파드는</h2>", "<h3>파드</h3>", "<h4>파드</h4>", "<h5>파드</h5>",
    "<h6>파드</h6>",
    "<button>파드</button>",
    '<svg viewBox="0 0 1 1"><text>파드</text><a href="#p"><title>파드</title></a></svg>',
    "<script>var s = '<p>파드</p>';</script>",
    "<style>/* 파드 */ p > a { color: red }</style>",
    "<textarea>파드</textarea>",
    '<p class="no-glossary">파드</p>',
    '<div class="note no-glossary"><p>파드와 <em>노드</em></p><div><p>컨테이너</p></div></div>',
    '<span class="no-glossary"><strong>파드</strong></span>',
    link("pod", "파드"),
    '<a class="glossary-term" data-term="pod" href="x">파드 <strong>노드</strong></a>',
    '<img alt="파드" title="노드">',
    '<span title="파드 > 노드" data-x=\'파드\'></span>',
    "<!-- 파드 -->",
    "<p>클러스터링과 컨테이너선, 시크릿가든</p>",
]


@pytest.mark.parametrize("html", UNTOUCHED)
def test_left_alone(html: str):
    assert ko(html, every=True) == html


def test_text_after_skipped_elements_is_annotated_again():
    html = ('<p><code>파드</code> 파드</p><h2>노드</h2><p>노드</p>'
            '<div class="no-glossary"><div>컨테이너</div></div><p>컨테이너</p>')
    assert ko(html) == (f'<p><code>파드</code> {link("pod", "파드")}</p><h2>노드</h2>'
                        f'<p>{link("node", "노드")}</p><div class="no-glossary"><div>컨테이너'
                        f'</div></div><p>{link("container", "컨테이너")}</p>')


def test_attribute_with_angle_bracket_and_comment_do_not_confuse_the_scanner():
    html = '<p title="a > 파드"><!-- <code> 파드 --> 파드</p><code title="x>y">노드</code> 노드'
    assert ko(html) == ('<p title="a > 파드"><!-- <code> 파드 --> '
                        f'{link("pod", "파드")}</p><code title="x>y">노드</code> '
                        f'{link("node", "노드")}')


def test_entities_match_decoded_and_stay_escaped():
    html = "<p>로드&nbsp;밸런싱 &amp; 시크릿 &lt;파드&gt; &#54028;&#46300;는</p>"
    assert ko(html, every=True) == (
        f"<p>{link('load-balancing', '로드&nbsp;밸런싱')} &amp; {link('secret', '시크릿')} "
        f"&lt;{link('pod', '파드')}&gt; {link('pod', '&#54028;&#46300;')}는</p>")


def test_entity_next_to_a_name_counts_as_its_decoded_character():
    # &#47553; is 링: 클러스터링 is not a term
    assert ko("<p>클러스터&#47553;</p>") == "<p>클러스터&#47553;</p>"


def test_letter_whose_lower_case_is_longer_keeps_offsets_right():
    # "İ".lower() has two characters: the page is scanned without lower-casing
    assert ko("<p>İ 파드</p>") == f"<p>İ {link('pod', '파드')}</p>"
    out = EN.annotate("<P>İ PODS</P>", HREF).html
    assert out == f"<P>İ {link('pod', 'PODS')}</P>"


def test_void_elements_and_self_closing_svg():
    html = '<p>파드<br class="no-glossary">노드<svg/>컨테이너<img src="x">시크릿</p>'
    assert ko(html) == (f'<p>{link("pod", "파드")}<br class="no-glossary">'
                        f'{link("node", "노드")}<svg/>{link("container", "컨테이너")}'
                        f'<img src="x">{link("secret", "시크릿")}</p>')


def test_unclosed_paragraph_and_list_items():
    assert ko('<p class="no-glossary">파드<p>노드</p>') == (
        f'<p class="no-glossary">파드<p>{link("node", "노드")}</p>')
    assert ko('<div><p class="no-glossary">파드</div>노드') == (
        f'<div><p class="no-glossary">파드</div>{link("node", "노드")}')
    assert ko('<ul><li class="no-glossary">파드<li>노드</ul>') == (
        f'<ul><li class="no-glossary">파드<li>{link("node", "노드")}</ul>')
    assert ko('<ul><li class="no-glossary">파드<ul><li>노드<li>시크릿</ul>컨테이너</li>'
              '<li>클러스터</li></ul>') == (
        '<ul><li class="no-glossary">파드<ul><li>노드<li>시크릿</ul>컨테이너</li>'
        f'<li>{link("cluster", "클러스터")}</li></ul>')
    assert ko("<ul><li>파드<li>노드</ul>") == (
        f"<ul><li>{link('pod', '파드')}<li>{link('node', '노드')}</ul>")


def test_unclosed_quote_does_not_annotate_inside_the_tag():
    html = '<p>앞</p><span title="파드>노드'
    assert 'data-term' not in ko(html)


# --- which terms the page uses ------------------------------------------------------------

def test_used_counts_every_term_in_prose_headings_links_and_existing_annotations():
    html = (f'<h2>클러스터</h2><p>파드와 파드 <a href="x">노드</a> {link("secret", "비밀")}</p>'
            '<pre><code>컨테이너</code></pre><p class="no-glossary">컨트롤러</p>'
            '<img alt="etcd">')
    result = KO.annotate(html, HREF)
    assert result.used == {"cluster", "pod", "node", "secret"}


@pytest.mark.parametrize("every", [False, True])
def test_linked_lists_every_annotation_in_the_result(every: bool):
    html = (f'<p>파드와 {link("node", "노드")}</p><div class="no-glossary">'
            f'{link("secret", "시크릿")}</div><h2>컨테이너</h2>')
    result = KO.annotate(html, HREF, every=every)
    assert result.linked == annotated_ids(result.html) == {"pod", "node", "secret"}


def test_a_term_macro_link_counts_as_the_first_occurrence():
    html = f"<p>파드를 보자. {link('pod', '파드들')}</p>"
    assert KO.annotate(html, HREF).html == html


def test_no_terms_returns_the_same_string():
    html = "<p>아무것도 없다</p>"
    result = KO.annotate(html, HREF)
    assert result.html is html
    assert result.used == frozenset()


# --- term_link, tooltips, annotated_ids ---------------------------------------------------

HOSTILE = '"><script>alert(1)</script> {{ 7*7 }} & \'x\''


def hostile_glossary() -> Glossary:
    text = TermText(HOSTILE, (), HOSTILE)
    return Glossary({"pod": Term(id="pod", text={"ko": text, "en": text})})


def test_term_link_uses_the_page_language_or_the_author_text():
    assert term_link(GLOSSARY, "ko", "pod", HREF) == link("pod", "파드")
    assert term_link(GLOSSARY, "en", "pod", HREF) == link("pod", "Pod")
    assert term_link(GLOSSARY, "ko", "pod", HREF, "파드들") == link("pod", "파드들")


def test_hostile_text_is_escaped_everywhere():
    glossary = hostile_glossary()
    escaped = html_lib.escape(HOSTILE)
    for markup in (term_link(glossary, "ko", "pod", HREF),
                   term_link(glossary, "ko", "pod", HREF, HOSTILE),
                   tooltips_html(tooltip_table(glossary, "ko"), {"pod"}),
                   tooltips_html(tooltip_table(glossary, "en"), {"pod"})):
        assert "<script" not in markup
        assert "{{ 7*7 }}" in markup  # templates render values, never read them as templates
        # html.escape or Jinja's autoescape (&#34; for a quote): the same text either way
        assert escaped in markup or str(markupsafe.escape(HOSTILE)) in markup
    hrefs = term_link(glossary, "ko", "pod", '"><script>x</script>')
    assert "<script" not in hrefs


def test_tooltip_content_in_each_language():
    ko_tips = tooltips_html(tooltip_table(GLOSSARY, "ko"), {"pod"})
    assert ko_tips == (
        '<div class="glossary-tips" data-glossary-tips>'
        '<div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>'
        '<p class="glossary-tip__title"><strong class="glossary-tip__name">파드</strong> '
        '<span class="glossary-tip__original" lang="en">(Pod)</span></p>'
        '<p class="glossary-tip__short">파드 정의.</p></div></div>')
    en_tips = tooltips_html(tooltip_table(GLOSSARY, "en"), {"pod"})
    assert "(Pod)" not in en_tips and "Definition of Pod." in en_tips


def test_tooltip_skips_the_original_when_it_is_the_same_name():
    assert "glossary-tip__original" not in tooltips_html(tooltip_table(GLOSSARY, "ko"), {"etcd"})


def test_tooltips_for_no_terms_or_unknown_terms_are_empty():
    assert tooltips_html(tooltip_table(GLOSSARY, "ko"), set()) == ""
    assert tooltips_html(tooltip_table(GLOSSARY, "ko"), {"no-such-term"}) == ""


def test_tooltips_are_sorted_and_unique():
    tips = tooltips_html(tooltip_table(GLOSSARY, "ko"), ["pod", "node", "pod"])
    assert re.findall(r'id="glossary-tip-([^"]+)"', tips) == ["node", "pod"]


def test_annotated_ids_reads_any_attribute_order():
    html = (link("pod", "파드") + "<a href='x' data-term='node' class='x glossary-term'>노</a>"
            '<a class="glossary-termx" data-term="secret">s</a><a href="y">파드</a>')
    assert annotated_ids(html) == {"pod", "node"}


def test_annotated_ids_reads_tags_with_the_annotators_grammar():
    # '>' inside a quoted value does not end the tag; comments and script text hold no tags
    html = ('<a title="a>b" class="glossary-term" data-term="pod">파드</a>'
            '<!-- <a class="glossary-term" data-term="node"> -->'
            '<script>var s = \'<a class="glossary-term" data-term="secret">\';</script>'
            '<A CLASS="glossary-term" DATA-TERM="cluster">c</A>')
    assert annotated_ids(html) == {"pod", "cluster"}


def test_every_link_points_at_its_tooltip():
    out = ko("<p>파드와 노드, 시크릿</p>")
    described = set(re.findall(r'aria-describedby="glossary-tip-([^"]+)"', out))
    tips = tooltips_html(tooltip_table(GLOSSARY, "ko"), annotated_ids(out))
    assert described == set(re.findall(r'id="glossary-tip-([^"]+)"', tips)) == {
        "pod", "node", "secret"}


# --- the built site ----------------------------------------------------------------------

def test_search_index_holds_definitions_only_on_the_glossary(site_dir):
    """Tooltips are added after the search plugin has read the page."""
    glossary = load_glossary(ROOT / "glossary")
    entries = {doc["location"]: doc["text"] for doc in search_docs(site_dir)}
    shorts = {term.text[lang].short for term in glossary for lang in ("ko", "en")}
    for location, text in entries.items():
        if not location.startswith(("glossary/", "en/glossary/")):
            assert [short for short in shorts if short in text] == [], location
        assert "glossary-tip" not in text
        # nor the reader's switch, which sits in the content beside the title
        if location.startswith(("pods/", "en/pods/")):
            assert "용어 표시" not in text and "Term marks" not in text, location
    for lang, location in (("ko", "glossary/#pod"), ("en", "en/glossary/#pod")):
        assert glossary["pod"].text[lang].short in entries[location]


def test_built_pages_link_terms_and_carry_their_tooltips(site_dir):
    page = (site_dir / "pods" / "index.html").read_text(encoding="utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    assert re.search(r'<a class="glossary-term" data-term="pod" href="\.\./glossary/#pod" '
                     r'aria-describedby="glossary-tip-pod">파드</a>', body)
    described = set(re.findall(r'aria-describedby="glossary-tip-([^"]+)"', page))
    tips = page[page.index('<div class="glossary-tips"'):page.index("</body>")]
    assert described == set(re.findall(r'id="glossary-tip-([^"]+)"', tips))


# --- the plugin's page events: switches and the pages it skips ----------------------------

class _Marks(HTMLParser):
    """Marks per paragraph, list item or cell, and marks inside their own term's section."""

    BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[int] = []  # indexes into counts of the blocks open here
        self.counts: list[int] = []
        self.sections: list[tuple[int, str | None]] = []
        self.in_own_section: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in self.BLOCKS:
            self.open.append(len(self.counts))
            self.counts.append(0)
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            while self.sections and self.sections[-1][0] >= int(tag[1]):
                self.sections.pop()
            self.sections.append((int(tag[1]), attributes.get("id")))
        elif tag == "a" and "glossary-term" in (attributes.get("class") or "").split():
            if self.open:
                self.counts[self.open[-1]] += 1
            term_id = attributes.get("data-term")
            if any(section_id == term_id for _, section_id in self.sections):
                self.in_own_section.append(term_id or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS and self.open:
            self.open.pop()


@pytest.mark.parametrize("page", ["index.html", "pods/index.html", "en/index.html",
                                  "en/pods/index.html"])
def test_home_and_pods_pages_read_calmly(site_dir, page: str):
    reader = _Marks()
    reader.feed((site_dir / page).read_text(encoding="utf-8"))
    assert sum(reader.counts) >= 5  # the page is annotated at all
    assert max(reader.counts) <= 3
    assert reader.in_own_section == []


SITE_YML = """\
site_name: t
site_url: https://example.org/docs/
theme: {name: mkdocs, language: ko}
plugins:
  - bilingual-glossary:
      tooltips: !ENV [GLOSSARY_TOOLTIPS, true]
"""
PROSE = "파드와 파드\n"


def small_site(tmp_path, pages: dict[str, str]):
    from factory import TAGS, term_yaml
    from plugin_harness import configure, write_project

    glossary = {"_tags.yml": TAGS, "pod.yml": term_yaml("파드", "Pod", part_of="node"),
                "node.yml": term_yaml("노드", "Node")}
    config_file = write_project(tmp_path, SITE_YML,
                                {"glossary.md": "# 용어집\n\n<!-- bilingual-glossary -->\n",
                                 "pods.md": PROSE, **pages},
                                glossary)
    return configure(config_file)


def article_of(output: str) -> str:
    return output[output.index("<article>") + 9:output.index("</article>")]


@pytest.mark.parametrize("front_matter,expected", [
    ("", f"<p>{link('pod', '파드', '../glossary/')}와 파드</p>"),
    ("glossary: all", f"<p>{link('pod', '파드', '../glossary/')}와 "
                      f"{link('pod', '파드', '../glossary/')}</p>"),
    ("glossary: 'off'", "<p>파드와 파드</p>"),
    ("glossary: off", "<p>파드와 파드</p>"),  # YAML reads a bare off as false
    ("glossary: true", f"<p>{link('pod', '파드', '../glossary/')}와 파드</p>"),
])
def test_front_matter_switch(tmp_path, front_matter, expected):
    page_text = f"---\n{front_matter}\n---\n{PROSE}" if front_matter else PROSE
    site = small_site(tmp_path, {"page.md": page_text})
    _, output = site.render("page.md")
    assert article_of(output) == expected
    assert [ref.url for ref in site.plugin.session.usage["ko"]["pod"]] == ["page/"]


def test_invalid_front_matter_value_is_one_clear_error(tmp_path):
    from mkdocs.exceptions import PluginError

    site = small_site(tmp_path, {"page.md": "---\nglossary: sometimes\n---\n파드\n"})
    with pytest.raises(PluginError) as info:
        site.render("page.md")
    assert str(info.value) == ("page.md: front matter 'glossary: sometimes' is not valid. "
                               "Fix: use one of first, all, off.")


def test_annotated_content_is_swapped_in_after_the_search_plugin():
    from bilingual_glossary.plugin import GlossaryPlugin

    assert GlossaryPlugin.on_page_context.mkdocs_priority < 0  # search runs at the default, 0


def test_glossary_page_is_never_annotated(tmp_path):
    # the page names terms, as every glossary page does: only the guard keeps them unlinked
    site = small_site(tmp_path, {"glossary.md": "# 용어집\n\n파드와 노드를 모은다.\n\n"
                                                "<!-- bilingual-glossary -->\n"})
    page, output = site.render("glossary.md")
    assert page.url == "glossary/"
    assert 'class="glossary-term"' not in output
    assert "파드와 노드를 모은다." in output  # names the annotator would link on another page
    assert 'id="pod"' in output
    # the same names on another page are linked: the glossary page is the exception
    _, other = site.render("pods.md")
    assert 'class="glossary-term"' in other


def test_environment_switch_turns_annotation_off(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSARY_TOOLTIPS", "off")
    site = small_site(tmp_path, {})
    assert site.plugin.config.tooltips is False
    _, output = site.render("pods.md")
    assert article_of(output) == "<p>파드와 파드</p>"
    assert "glossary-tips" not in output
    monkeypatch.setenv("GLOSSARY_TOOLTIPS", "on")
    site = small_site(tmp_path / "again", {})
    assert site.plugin.config.tooltips is True
    _, output = site.render("pods.md")
    assert link("pod", "파드", "../glossary/") in output


def test_tooltips_of_an_annotated_page(tmp_path):
    site = small_site(tmp_path, {"page.md": "노드와 파드\n"})
    _, output = site.render("page.md")
    assert re.findall(r'id="glossary-tip-([^"]+)"', output) == ["node", "pod"]


def test_tooltips_are_appended_before_the_body_end(tmp_path):
    site = small_site(tmp_path, {})
    _, output = site.render("pods.md")
    # the reader's switch for term marks adds its script to the head (tooltips/switch.py)
    assert output.startswith(f"<html><head>{SWITCH_HEAD_SCRIPT}</head><body><article><p>"
                             f"{link('pod', '파드', '../glossary/')}와 파드</p></article>"
                             '<div class="glossary-tips"')
    assert output.endswith("</div></div></body></html>")


def test_the_switch_button_sits_before_the_page_title_once(tmp_path):
    site = small_site(tmp_path, {"titled.md": "# 제목\n\n파드와 노드\n"})
    _, output = site.render("titled.md")
    assert output.count('class="glossary-toggle"') == 1
    assert re.search(r'</button><h1 id="[^"]*">제목</h1>', output)
    assert SWITCH_HEAD_SCRIPT in output
    _, untitled = site.render("pods.md")  # theme: mkdocs writes no title of its own
    assert "glossary-toggle" not in untitled and SWITCH_HEAD_SCRIPT in untitled


# --- property: annotation changes nothing but the added links -----------------------------

SKIPPED = {"code", "pre", "a", "h1", "h2", "h3", "h4", "h5", "h6"}
NAMES = [name for term in GLOSSARY for name in term.text["ko"].names]
WORDS = st.sampled_from([*NAMES, "는", "를", "들이", "에서는", "링", "선", " ", "  ", "\n", ".",
                         ", ", "(", ")", "그리고", "작은", "&amp;", "&lt;", "&nbsp;", "x", "3",
                         "&para;", "&#39;"])
# a reference that stands for a letter (파) sends the page down the decoding path
RARE_WORDS = st.sampled_from(["&#54028;드", "&#xD30C;드는", "클러스터&#47553;", "&eacute;"])
TEXT = st.lists(st.one_of(WORDS, WORDS, WORDS, WORDS, RARE_WORDS), max_size=12).map("".join)


def _element(children):
    wrappers = st.sampled_from([
        ("p", ""), ("li", ""), ("strong", ""), ("em", ""), ("span", ' title="파드 > 노드"'),
        ("code", ""), ("pre", ""), ("a", ' href="x.html"'), ("h1", ""), ("h2", ' id="x"'),
        ("h6", ""), ("div", ' class="no-glossary"'), ("div", ""), ("button", ""),
        ("td", ""), ("ul", ""), ("span", " title='노드 < 파드'"), ("h2", ' id="pod"'),
        ("h3", " id='node'"),
    ])
    return st.tuples(wrappers, st.lists(children, max_size=4)).map(
        lambda t: f"<{t[0][0]}{t[0][1]}>{''.join(t[1])}</{t[0][0]}>")


def _leaf_elements(text):
    """Elements that hold only text: raw-text elements, whose content is text even where it
    looks like tags, and <p>/<li> that skip annotation (an inner <p> or <li> would end them)."""
    raw = st.tuples(st.sampled_from(["script", "textarea"]), text).map(
        lambda t: f"<{t[0]}>{t[1]}<p>{t[1]}</p><!-- --></{t[0]}>")
    skipped = st.tuples(st.sampled_from(["p", "li"]), text).map(
        lambda t: f'<{t[0]} class="no-glossary">{t[1]}<em>{t[1]}</em></{t[0]}>')
    return st.one_of(raw, skipped)


HTML = st.recursive(st.one_of(TEXT, TEXT, TEXT, _leaf_elements(TEXT)), _element, max_leaves=25)


ANNOTATION = re.compile(r'<a class="glossary-term" data-term="[^"]*" href="[^"]*" '
                        r'aria-describedby="[^"]*">([^<]*)</a>')


class _Reader(HTMLParser):
    """An independent parser: visible text, the elements, and annotations in wrong places."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, tuple]] = []
        self.open: list[tuple[str, list]] = []
        self.misplaced: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and ("class", "glossary-term") in attrs:
            ancestors = [t for t, _ in self.open]
            skipped = any(t in SKIPPED or t in ("button", "script", "textarea")
                          or ("class", "no-glossary") in a
                          for t, a in self.open)
            if skipped:
                self.misplaced.append(ancestors)
            tag = "annotation"
        else:
            self.elements.append((tag, tuple(attrs)))
        self.open.append((tag, attrs))

    def handle_endtag(self, tag):
        open_tag, _ = self.open.pop()
        if open_tag != "annotation":
            assert open_tag == tag
            self.elements.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text.append(data)

    def read(self, html: str) -> _Reader:
        self.feed(html)
        self.close()
        return self


@settings(max_examples=300, deadline=None)
@given(HTML, st.booleans())
def test_annotation_keeps_text_and_elements(html: str, every: bool):
    result = KO.annotate(html, HREF, every=every)
    before = _Reader().read(html)
    after = _Reader().read(result.html)
    assert "".join(after.text) == "".join(before.text)
    assert after.elements == before.elements
    assert after.misplaced == []
    # the links wrap unchanged slices: removing them gives back the input byte for byte
    assert ANNOTATION.sub(r"\1", result.html) == html
    assert annotated_ids(result.html) <= result.used
    if not every:
        ids = re.findall(r'data-term="([^"]+)"', result.html)
        assert len(ids) == len(set(ids))


PLAIN_TEXT = st.lists(WORDS, max_size=12).map("".join)


EN_NAMES = [name for term in GLOSSARY for name in term.text["en"].names]
EN_WORDS = st.sampled_from([*EN_NAMES, *(f"{name}s" for name in EN_NAMES), "Pods", "NODE",
                            "the", " ", "\n", ".", "-", "_", "x", "3", "(", "&amp;", "&nbsp;",
                            "&para;", "“", "/"])
EN_TEXT = st.lists(EN_WORDS, max_size=12).map("".join)


def _assert_paths_agree(annotator: Annotator, html: str) -> None:
    source = ">" + html  # what annotate() scans
    fast_existing: set[str] = set()
    slow_existing: set[str] = set()

    def ids(names):
        return [(*m.span("name"), mode, annotator.matcher.lookup(m.group("name")))
                for m, mode in names]

    fast = ids(annotator._names(source, fast_existing))
    assert fast == ids(annotator._names_decoded(source, slow_existing))
    assert fast_existing == slow_existing


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.one_of(PLAIN_TEXT, PLAIN_TEXT, _leaf_elements(PLAIN_TEXT)), _element,
                    max_leaves=25))
def test_one_pass_scanner_agrees_with_matching_text_run_by_text_run(html: str):
    """The fast path (raw HTML, one regex) finds what the decoding path finds."""
    _assert_paths_agree(KO, html)


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.one_of(EN_TEXT, EN_TEXT, _leaf_elements(EN_TEXT)), _element,
                    max_leaves=25))
def test_one_pass_scanner_agrees_on_english_pages(html: str):
    """The same in English: plurals, capitals, words joined by '-' or '.'."""
    _assert_paths_agree(EN, html)
