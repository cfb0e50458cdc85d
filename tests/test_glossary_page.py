"""The glossary pages: unit tests of the core, then static checks of the built pages."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bilingual_glossary import load_glossary
from bilingual_glossary.data import hangul
from bilingual_glossary.data.model import Glossary, Term, TermText
from bilingual_glossary.diagrams import diagram
from bilingual_glossary.glossary_page.page import fill_used_on, glossary_page_html
from bilingual_glossary.session import PageRef
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"ko": "glossary/index.html", "en": "en/glossary/index.html"}
HOSTILE = '"><script>alert(1)</script> {{ 7*7 }} {% if 1 %}x{% endif %}'


# --- a small DOM, enough to query the built pages -----------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self, skip_class: str = "headerlink") -> str:
        return "".join(c if isinstance(c, str) else c.text(skip_class)
                       for c in self.children
                       if isinstance(c, str) or skip_class not in c.classes)

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag)
                and (cls is None or cls in n.classes)]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}>"
        return found[0]

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v if v is not None else "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(
            Node(tag, {k: v if v is not None else "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- a hand-made glossary for the unit tests ----------------------------------------------

def make_term(term_id: str, ko: str, en: str, **fields) -> Term:
    ko_aliases = fields.pop("ko_aliases", ())
    en_aliases = fields.pop("en_aliases", ())
    ko_long = fields.pop("ko_long", "")
    docs = fields.pop("docs", None)  # the same page in both languages (docs is per language)
    return Term(id=term_id, text={
        "ko": TermText(ko, tuple(ko_aliases), f"{ko}의 정의.", ko_long, docs=docs),
        "en": TermText(en, tuple(en_aliases), f"Definition of {en}.", "", docs=docs),
    }, **fields)


def small_glossary(*extra: Term) -> Glossary:
    terms = [
        make_term("cluster", "클러스터", "Cluster", tags=("fundamental",)),
        make_term("node", "노드", "Node", part_of="cluster", tags=("fundamental",)),
        make_term("pod", "파드", "Pod", part_of="node", ko_aliases=("포드",),
                  related=("cluster",), tags=("workload",),
                  docs="https://kubernetes.io/docs/concepts/workloads/pods/"),
        make_term("kubelet", "Kubelet", "Kubelet", part_of="node"),
        make_term("api-server", "API 서버", "API server", part_of="cluster"),
        make_term("worker", "워커 노드", "Worker node", kind_of="node"),
        make_term("kkachi", "까치", "Magpie"),
        make_term("etcd", "etcd", "etcd", part_of="cluster"),
        *extra,
    ]
    return Glossary(terms={t.id: t for t in sorted(terms, key=lambda t: t.id)},
                    tags={"fundamental": {"ko": "기본 개념", "en": "Fundamentals"},
                          "workload": {"ko": "워크로드", "en": "Workloads"}})


def entry_names(html: str) -> list[str]:
    return [h.text() for h in parse(html).find_all("h3", "glossary-entry-name")]


def facts(article: Node) -> dict[str, Node]:
    """An entry's facts by label: the <dl>'s rows are <div>s of one <dt> and one <dd>."""
    rows = [c for c in article.find("dl", "glossary-entry-facts").children
            if isinstance(c, Node)]
    assert rows and all(row.tag == "div" for row in rows)
    return {row.find("dt").text(): row.find("dd") for row in rows}


# --- unit tests ---------------------------------------------------------------------------

def test_initial_consonants() -> None:
    assert hangul.initials("클러스터") == "ㅋㄹㅅㅌ"
    assert hangul.initials("파드") == "ㅍㄷ"
    assert hangul.initials("API 서버") == "API ㅅㅂ"
    assert hangul.index_consonant("까") == "ㄱ"  # double consonants fold into the plain one
    assert hangul.index_consonant("A") is None


def test_core_orders_korean_names_ganada_with_latin_names_last() -> None:
    html = glossary_page_html(small_glossary(), "ko")
    assert entry_names(html) == ["까치", "노드", "워커 노드", "클러스터", "파드",
                                 "API 서버", "etcd", "Kubelet"]
    groups = [(g.attrs["id"], g.find("h2").text())
              for g in parse(html).find_all("div", "glossary-group")]
    assert groups == [("group-giyeok", "ㄱ"), ("group-nieun", "ㄴ"), ("group-ieung", "ㅇ"),
                      ("group-kieuk", "ㅋ"), ("group-pieup", "ㅍ"), ("group-a", "A"),
                      ("group-e", "E"), ("group-k", "K")]


def test_core_orders_english_names_a_to_z() -> None:
    html = glossary_page_html(small_glossary(), "en")
    assert entry_names(html) == ["API server", "Cluster", "etcd", "Kubelet", "Magpie", "Node",
                                 "Pod", "Worker node"]


def test_index_lists_every_consonant_and_links_only_present_groups() -> None:
    tree = parse(glossary_page_html(small_glossary(), "ko"))
    index = tree.find("nav", "glossary-index")
    labels = [li.text() for li in index.find_all("li")]
    assert labels == [*"ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ", "A", "E", "K"]
    links = {a.text(): a.attrs["href"] for a in index.find_all("a")}
    assert links == {"ㄱ": "#group-giyeok", "ㄴ": "#group-nieun", "ㅇ": "#group-ieung",
                     "ㅋ": "#group-kieuk", "ㅍ": "#group-pieup", "A": "#group-a",
                     "E": "#group-e", "K": "#group-k"}


def test_entry_shows_names_relations_tags_and_docs() -> None:
    tree = parse(glossary_page_html(small_glossary(), "ko"))
    pod = next(a for a in tree.find_all("article") if a.attrs["data-term"] == "pod")
    assert pod.find("h3").attrs["id"] == "pod"
    assert "Pod" in pod.find("p", "glossary-entry-other").text()
    assert "포드" in pod.find("p", "glossary-entry-aliases").text()
    assert json.loads(pod.attrs["data-names"]) == ["파드", "포드", "Pod"]
    pod_facts = facts(pod)
    assert [a.attrs["href"] for a in pod_facts["상위 구성"].find_all("a")] == ["#node"]
    assert [a.attrs["href"] for a in pod_facts["관련 용어"].find_all("a")] == ["#cluster"]
    assert pod_facts["태그"].text() == "워크로드"
    docs = pod_facts["공식 문서"].find("a")
    assert docs.attrs["rel"] == "noopener"
    assert docs.attrs["href"] == "https://kubernetes.io/docs/concepts/workloads/pods/"

    node = next(a for a in tree.find_all("article") if a.attrs["data-term"] == "node")
    node_facts = facts(node)
    # contains: own parts in 가나다 order, Latin names last; kinds listed separately
    assert [a.text() for a in node_facts["구성 요소"].find_all("a")] == ["파드", "Kubelet"]
    assert [a.text() for a in node_facts["하위 종류"].find_all("a")] == ["워커 노드"]
    # the kind inherits the node's parts
    worker = next(a for a in tree.find_all("article") if a.attrs["data-term"] == "worker")
    worker_facts = facts(worker)
    assert [a.text() for a in worker_facts["구성 요소"].find_all("a")] == ["파드", "Kubelet"]
    assert [a.text() for a in worker_facts["상위 종류"].find_all("a")] == ["노드"]


def test_entry_markup_is_compact() -> None:
    """The page repeats an entry's markup 150 times and more: no class on what CSS reaches by
    position, names as compact JSON, no empty attributes (issue 10: under 350 KB)."""
    html = glossary_page_html(small_glossary(), "ko")
    start = html.index('<article class="glossary-entry" data-term="pod"')
    pod = html[start:html.index("</article>", start)]
    assert pod.startswith('<article class="glossary-entry" data-term="pod"'
                          """ data-names='["파드","포드","Pod"]' data-tags="workload">\n<div>\n""")
    assert ('<p class="glossary-entry-other"><span>영어</span> <b lang="en">Pod</b></p>'
            in pod)
    assert '<p class="glossary-entry-aliases"><span>다른 이름</span> 포드</p>' in pod
    assert ('<dl class="glossary-entry-facts" data-search-exclude>'
            '<div class="glossary-fact-part_of"><dt>상위 구성</dt>'
            '<dd><ul><li><a href="#node">노드</a></li></ul></dd></div>') in pod
    assert ('<div class="glossary-fact-tags"><dt>태그</dt><dd><ul><li>워크로드</li></ul></dd>'
            '</div>') in pod
    # an entry without tags has no data-tags at all
    assert '<article class="glossary-entry" data-term="kkachi"' \
           """ data-names='["까치","Magpie"]'>""" in html


def test_other_language_aliases_follow_the_name_in_its_language() -> None:
    node = make_term("node2", "워크노드", "Work node", en_aliases=("Minion", "Worker"))
    html = glossary_page_html(small_glossary(node), "ko")
    assert ('<p class="glossary-entry-other"><span>영어</span> <span lang="en"><b>Work node</b>'
            ' (Minion, Worker)</span></p>') in html


def test_hostile_definitions_stay_inert_text() -> None:
    evil = make_term("evil", HOSTILE, HOSTILE, ko_aliases=(HOSTILE + "2", "it's <&> '1'"),
                     ko_long=f"{HOSTILE}\n\n[x](javascript:alert(1)) ![i](http://evil.test/i.png)"
                             "\n\n<img src=x onerror=alert(1)>", tags=("evil",))
    glossary = small_glossary(evil)
    glossary = Glossary(terms=glossary.terms,
                        tags={**glossary.tags, "evil": {"ko": HOSTILE, "en": HOSTILE}})
    for lang in ("ko", "en"):
        html = glossary_page_html(glossary, lang)
        tree = parse(html)
        assert not tree.find_all("script")
        assert not tree.find_all("img")
        assert not any(k.startswith("on") for n in tree.iter() for k in n.attrs)
        assert not any(n.attrs.get("href", "").startswith("javascript:") for n in tree.iter())
        assert "evil.test" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html and "{% if 1 %}" in html  # data is never a template
        entry = next(a for a in tree.find_all("article") if a.attrs["data-term"] == "evil")
        names = json.loads(entry.attrs["data-names"])  # attributes round-trip
        assert HOSTILE in names and "it's <&> '1'" in names
        assert "it&#39;s &lt;&amp;&gt; &#39;1&#39;" in html  # ' cannot end data-names='…'
        assert entry.find("h3").text() == HOSTILE
        chip = next(b for b in tree.find_all("button") if b.attrs["data-tag"] == "evil")
        assert chip.text() == HOSTILE


def test_page_is_one_markdown_block() -> None:
    code = make_term("code", "코드", "Code",
                     ko_long="Before.\n\n    line 1\n\n    line 3\n\nAfter.")
    html = glossary_page_html(small_glossary(code), "ko")
    assert html.startswith("<div") and html.endswith("</div>")
    assert "\n\n" not in html and not any(not line.strip() for line in html.splitlines())
    assert "<pre><code>line 1&#10;&#10;line 3&#10;</code></pre>" in html


def test_diagrams_sit_next_to_terms_with_parts_or_kinds(monkeypatch) -> None:
    calls = []

    def fake_svg(glossary, root, lang, glossary_href, **options):
        calls.append((root, lang, glossary_href, options.get("depth")))
        return f"<figure data-search-exclude>tree of {root}</figure>"

    monkeypatch.setattr(diagram, "hierarchy_svg", fake_svg)
    tree = parse(glossary_page_html(small_glossary(), "en"))
    with_diagram = {a.attrs["data-term"] for a in tree.find_all("article")
                    if a.find_all("div", "glossary-entry-diagram")}
    assert with_diagram == {"cluster", "node", "worker"}
    assert {c[2] for c in calls} == {""}  # links stay on the page: "#id"
    assert all(isinstance(c[3], int) and c[3] <= 2 for c in calls)


def test_fill_used_on_links_pages_relative_to_the_glossary() -> None:
    html = glossary_page_html(small_glossary(), "en")
    # navigation order (2, 5), not URL order ("en/" < "en/pods/")
    usage = {"pod": [PageRef("Primer", "en/", 5), PageRef("Pods & <containers>", "en/pods/", 2)]}
    # the plugin's link rule: MkDocs' own, from the glossary page
    filled = fill_used_on(html, "en", usage, lambda url: get_relative_url(url, "en/glossary/"))
    assert "glossary-used-on" not in filled  # every placeholder is gone
    pod = next(a for a in parse(filled).find_all("article") if a.attrs["data-term"] == "pod")
    used = pod.find("div", "glossary-fact-used-on")
    assert used.find("dt").text() == "Used on"
    assert [(a.text(), a.attrs["href"]) for a in used.find_all("a")] == [
        ("Pods & <containers>", "../pods/"), ("Primer", "../")]
    assert "Pods &amp; &lt;containers&gt;" in filled
    node = next(a for a in parse(filled).find_all("article") if a.attrs["data-term"] == "node")
    assert not node.find_all("div", "glossary-fact-used-on")


# --- the built site -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary")


@pytest.fixture(scope="module")
def built(site_dir: Path) -> dict[str, Node]:
    return {lang: parse((site_dir / path).read_text(encoding="utf-8"))
            for lang, path in PAGES.items()}


def entries(tree: Node) -> list[Node]:
    return tree.find_all("article", "glossary-entry")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_term_has_an_entry_with_its_id(built, glossary, lang) -> None:
    found = {a.attrs["data-term"]: a for a in entries(built[lang])}
    assert sorted(found) == sorted(glossary.terms)
    for term in glossary:
        heading = found[term.id].find("h3")
        assert heading.attrs["id"] == term.id
        assert heading.text() == term.name(lang)
    ids = [n.attrs["id"] for n in built[lang].iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "ids on the page must be unique"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_entries_show_aliases_and_the_other_language(built, glossary, lang) -> None:
    other = "en" if lang == "ko" else "ko"
    for article in entries(built[lang]):
        term = glossary[article.attrs["data-term"]]
        text = article.text()
        assert term.text[other].term in article.find("p", "glossary-entry-other").text()
        for alias in term.text[lang].aliases:
            assert alias in article.find("p", "glossary-entry-aliases").text()
        assert term.text[lang].short in text
        names = json.loads(article.attrs["data-names"])
        # the spellings to avoid are there too: the filter finds a term by them
        assert set(names) == {*term.text[lang].matched_names, *term.text[other].matched_names}


def test_korean_page_is_in_ganada_order(built, glossary) -> None:
    names = [h.text() for h in built["ko"].find_all("h3", "glossary-entry-name")]
    hangul_names = [n for n in names if "가" <= n[0] <= "힣"]
    latin_names = names[len(hangul_names):]
    assert names[:len(hangul_names)] == hangul_names, "Hangul names come first"
    assert all(n[0].isascii() and n[0].isalpha() for n in latin_names)
    # 가나다 order is the order of the syllables' code points, letter by letter (spaces ignored)
    assert hangul_names == sorted(hangul_names, key=lambda n: n.replace(" ", ""))
    assert latin_names == sorted(latin_names, key=lambda n: n.casefold().replace(" ", "")
                                 .replace("-", ""))
    assert names.index("노드") < names.index("파드") < names.index("API 서버")
    for group in built["ko"].find_all("div", "glossary-group"):
        label = group.find("h2").text()
        for heading in group.find_all("h3"):
            first = heading.text()[0]
            if "가" <= first <= "힣":
                initial = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[(ord(first) - 0xAC00) // 588]
                assert {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}.get(
                    initial, initial) == label
            else:
                assert first.upper() == label


def test_english_page_is_in_a_to_z_order(built) -> None:
    names = [h.text() for h in built["en"].find_all("h3", "glossary-entry-name")]
    assert names == sorted(names, key=lambda n: n.casefold().replace(" ", "").replace("-", ""))
    for group in built["en"].find_all("div", "glossary-group"):
        assert {h.text()[0].upper() for h in group.find_all("h3")} == {group.find("h2").text()}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_index_links_go_to_every_group(built, lang) -> None:
    tree = built[lang]
    groups = [g.attrs["id"] for g in tree.find_all("div", "glossary-group")]
    links = [a.attrs["href"] for a in tree.find("nav", "glossary-index").find_all("a")]
    assert links == [f"#{g}" for g in groups]
    assert all(g.isascii() for g in groups)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_link_on_the_page_resolves(built, site_dir, lang) -> None:
    tree = built[lang]
    page_url = "/" + PAGES[lang].removesuffix("index.html")
    ids = {n.attrs["id"] for n in tree.iter() if "id" in n.attrs}
    content = tree.find("div", "glossary-page")
    checked = 0
    for link in content.find_all("a"):
        href = link.attrs["href"]
        if href.startswith("#"):
            assert unquote(href[1:]) in ids, f"{href} has no target on the page"
        elif href.startswith("https://"):
            assert link.attrs.get("rel") == "noopener"
            assert "glossary-fact-docs" in link.parent.parent.classes
        else:
            target = urlsplit(urljoin(page_url, href))
            path = site_dir / target.path.lstrip("/") / "index.html"
            assert path.exists(), f"{href} from {page_url} has no page"
            # used-on links stay in the page's language
            assert target.path.startswith("/en/") == (lang == "en")
        checked += 1
    assert checked > 200


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_used_on_lists_the_pages_that_use_the_term(built, lang) -> None:
    pod = next(a for a in entries(built[lang]) if a.attrs["data-term"] == "pod")
    used = [a.attrs["href"] for a in pod.find("div", "glossary-fact-used-on").find_all("a")]
    assert "../pods/" in used
    assert not any("glossary" in href for href in used)


def test_without_javascript_every_entry_shows(built) -> None:
    for tree in built.values():
        # the form is not hidden in the HTML (it shows from the first paint, so nothing moves);
        # glossary-page.css hides it unless the head script has marked <html> with glossary-js
        assert "hidden" not in tree.find("form", "glossary-filter").attrs
        assert not any("hidden" in a.attrs for a in entries(tree))
        assert not any("hidden" in g.attrs for g in tree.find_all("div", "glossary-group"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_indexes_each_entry_as_a_section(site_dir, glossary, lang) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    prefix = "glossary/" if lang == "ko" else "en/glossary/"
    docs = {d["location"]: d for d in index["docs"] if d["location"].startswith(prefix)}
    other = "en" if lang == "ko" else "ko"
    for term in glossary:
        doc = docs[f"{prefix}#{term.id}"]
        assert doc["title"] == term.name(lang)
        for name in (*term.text[lang].aliases, *term.text[other].names):
            assert name in doc["text"], f"{term.id}: '{name}' is not searchable"
        # relations, tags and diagram labels stay out: they name other terms
        for related in term.related:
            assert glossary[related].text[lang].short not in doc["text"]
    # the filter form and the letter index stay out of the page's own section
    page_text = docs[prefix]["text"]
    assert not any(names[lang] in page_text for names in glossary.tags.values())
    assert "ㅎ" not in page_text and ">Z<" not in page_text
