"""Macro output is never read by Markdown: the security review's term() payloads (D1), in a
real build, stay text. And the glossary page needs no macro plugin: the directive
`<!-- bilingual-glossary -->` holds it, and a glossary page without one is one clear error.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import build_site
from test_macros import article, make_project

# The review's names (security.md, D1), each a term's name in Korean or English.
PAYLOADS = {
    "md-link": ("[클릭](javascript:alert('md-ko'))", "[click](javascript:alert('md-en'))"),
    "md-attr": ('*굵게*{: onclick=alert("attr-ko") }',
                '*bold*{: onmouseover=alert("attr-en") tabindex=0 }'),
    "md-image": ("![그림](https://evil.test/pixel-ko.png)", "![img](https://evil.test/pixel-en.png)"),
    "md-ref": ("[참조][evil]", "[ref][evil]"),
    "md-data": ("[데이터](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    "md-external": ("[외부](https://evil.test/phish)", "[external](https://evil.test/phish)"),
    "md-code": ("`코드` __밑줄__", "`code` __under__"),
}
CALLS = "\n\n".join(f"{{{{ term('{term_id}') }}}}" for term_id in PAYLOADS)
# the author's own text goes the same way; the reference definition is the page's own
PAGE = (f"# 시작\n\n{CALLS}\n\n"
        "{{ term('pod', \"[x](javascript:alert('text'))\") }}\n\n"
        "- {{ hierarchy_chain('node') }}\n\n"
        "## {{ term('md-attr') }} {#attr}\n\n"
        "[evil]: javascript:alert('ref-def')\n")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("payloads"),
                           {"index.md": PAGE, "index.en.md": PAGE.replace("# 시작", "# Start")})
    for term_id, (ko, en) in PAYLOADS.items():
        (project / "glossary" / f"{term_id}.yml").write_text(yaml.safe_dump({
            "ko": {"term": ko, "aliases": [], "short": "짧은 정의."},
            "en": {"term": en, "aliases": [], "short": "A short definition."},
            "tags": []}, allow_unicode=True), encoding="utf-8")
    result = build_site(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.mark.parametrize("page,lang", [("index.html", 0), ("en/index.html", 1)])
def test_term_names_written_in_markdown_stay_text(hostile_site: Path, page: str, lang: int):
    body = article(hostile_site / page)
    parsed = parse(body)
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "em", "strong", "code"), (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for value in (attrs.get("href"), attrs.get("src")):
            assert value is None or not re.match(r"\s*(javascript|data):", value, re.I)
            assert value is None or "evil.test" not in value
    links = [attrs for tag, attrs in parsed.tags if tag == "a"]
    # one link per term() call (its own), none nested inside it from the name
    assert [a.get("data-term") for a in links if a.get("class") == "glossary-term"][:8] == [
        *PAYLOADS, "pod"]
    text = "".join(parsed.text)
    for names in PAYLOADS.values():
        assert names[lang] in text  # shown as written
    assert "[x](javascript:alert('text'))" in text


def test_the_figure_stays_in_its_list_item(hostile_site: Path):
    body = article(hostile_site / "index.html")
    item = body[body.index("<li>"):body.index("</li>")]
    assert "<figure" in item and "<svg" in item
    assert "<p><figure" not in body


def test_a_term_in_a_heading_shows_its_name_in_the_table_of_contents(hostile_site: Path):
    html = (hostile_site / "index.html").read_text(encoding="utf-8")
    toc = html[html.index('<nav class="md-nav md-nav--secondary"'):]
    toc = toc[:toc.index("</nav>")]
    entry = re.search(r'<a href="#attr" class="md-nav__link">(.*?)</a>', toc, re.S)
    assert entry is not None, toc
    assert parse(entry.group(1)).tags == [("span", {"class": "md-ellipsis"})]  # text only
    assert '*굵게*{: onclick=alert("attr-ko") }' in "".join(parse(entry.group(1)).text)


def test_no_placeholder_is_left_in_any_page(hostile_site: Path):
    for page in hostile_site.rglob("*.html"):
        assert "bilingualglossary" not in page.read_text(encoding="utf-8"), page


# --- the glossary page without mkdocs-macros ----------------------------------------------

def without_macros(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  - macros:")
    end = text.index("  - bilingual-glossary:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")


DIRECTIVE_PAGES = {
    "glossary.md": "# 용어집\n\n<!-- bilingual-glossary -->\n",
    "glossary.en.md": "# Glossary\n\n<!-- bilingual-glossary -->\n",
    "index.md": "# 시작\n\n파드는 노드에서 돈다. [노드 항목](glossary.md#node)\n",
    "index.en.md": "# Start\n\nA Pod runs on a node. [The node entry](glossary.md#node)\n",
}


def test_without_mkdocs_macros_the_directive_holds_the_glossary(tmp_path: Path):
    project = make_project(tmp_path, {})
    for name, text in DIRECTIVE_PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    without_macros(project)
    result = build_site(project / "site", project)
    # strict: the link to glossary.md#node is valid because the entries' ids are known
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for page, glossary in (("index.html", "glossary/index.html"),
                           ("en/index.html", "en/glossary/index.html")):
        ids = {attrs.get("id") for _, attrs in
               parse((site / glossary).read_text(encoding="utf-8")).tags}
        hrefs = [attrs["href"] for tag, attrs in parse(article(site / page)).tags
                 if tag == "a" and attrs.get("class") == "glossary-term"]
        assert len(hrefs) == 2
        for href in hrefs:  # every annotation points at an entry that exists
            assert href.startswith("glossary/#") and href.split("#")[1] in ids
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "bilingual-glossary -->" not in glossary


@pytest.mark.parametrize("glossary,expected", [
    ("# 용어집\n\n용어를 모은다.\n",
     "glossary.md: is the glossary page (the plugin's glossary_page option) but holds no "
     "glossary. Fix: add a line <!-- bilingual-glossary --> where the entries go."),
    ("# 용어집\n\n{{ glossary_page() }}\n",
     "glossary.md: {{ glossary_page() }} stays text without the mkdocs-macros plugin. "
     "Fix: write <!-- bilingual-glossary --> in its place."),
    ("# 용어집\n\n<!-- bilingual-glossary -->\n\n<!-- bilingual-glossary -->\n",
     "glossary.md: shows the glossary 2 times. Fix: keep one"),
])
def test_a_glossary_page_without_its_glossary_is_one_clear_error(tmp_path: Path, glossary: str,
                                                                 expected: str):
    project = make_project(tmp_path, {})
    for name, text in DIRECTIVE_PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    (project / "docs" / "glossary.md").write_text(glossary, encoding="utf-8")
    without_macros(project)
    result = build_site(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert [line for line in output.splitlines() if "glossary.md:" in line] == [
        line for line in output.splitlines() if expected in line], output
    assert expected in output


def test_macros_without_a_glossary_page_are_one_line_each(tmp_path: Path):
    """term() and hierarchy() on a site whose glossary page is missing: no traceback."""
    project = make_project(tmp_path, {
        "index.md": "# 시작\n\n{{ term('pod') }}\n\n{{ hierarchy('node') }}\n"})
    (project / "docs" / "glossary.md").unlink()
    (project / "docs" / "glossary.en.md").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - glossary.md\n", ""),
                      encoding="utf-8")
    result = build_site(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if "there is no glossary page in 'ko'" in line]
    assert len(lines) == 2, output
    assert "index.md: {{ term(...) }}" in lines[0]
    assert "index.md: {{ hierarchy(...) }}" in lines[1]


def test_glossary_page_macro_on_another_page_is_an_error(tmp_path: Path):
    project = make_project(tmp_path, {"index.md": "# 시작\n\n{{ glossary_page() }}\n"})
    result = build_site(project / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert ("index.md: {{ glossary_page(...) }}: belongs on the glossary page only" in output), \
        output
