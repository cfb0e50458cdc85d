"""Beyond MkDocs 1: the Markdown extension (Zensical) and ProperDocs.

- bilingual_glossary.extension annotates with the plugin's own Annotator (particles and all),
  adds the tooltips, and puts the glossary where the directive is;
- with both plugin and extension configured, a page is annotated once;
- ProperDocs builds this site with --strict, and finds the plugin in its own entry points;
- zensical builds a small one-language Korean site with tooltips from the extension, and in
  Chromium a term there that links nowhere still shows its tooltip on hover and on focus.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import markdown
import pytest
from conftest import ROOT, build_site
from test_macros import article, make_project

BIN = Path(sys.executable).parent
POD = ("ko: {term: 파드, short: 가장 작은 배포 단위다.}\n"
       "en: {term: Pod, short: The smallest unit.}\n")
NODE = "ko: {term: 노드, short: 머신 한 대다.}\nen: {term: Node, short: One machine.}\n"
ASSETS = ROOT / "plugins" / "bilingual_glossary" / "assets"


def small_glossary(root: Path, folder: str = "terms") -> Path:
    terms = root / folder
    terms.mkdir(parents=True)
    (terms / "pod.yml").write_text(POD + "tags: []\n", encoding="utf-8")
    (terms / "node.yml").write_text(NODE + "tags: []\n", encoding="utf-8")
    (terms / "_tags.yml").write_text("basics: {ko: 기본, en: Basics}\n", encoding="utf-8")
    return terms


def convert(text: str, **options: str) -> str:
    md = markdown.Markdown(extensions=["bilingual_glossary.extension"],
                           extension_configs={"bilingual_glossary.extension": options})
    return md.convert(text)


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    small_glossary(tmp_path)
    monkeypatch.chdir(tmp_path)  # glossary_dir is relative to the folder the build runs in
    return tmp_path


def test_extension_annotates_korean_with_particles_and_adds_tooltips(in_project: Path):
    html = convert("파드는 가장 작은 단위다. 노드를 본다. 다시 파드.", glossary_dir="terms",
                   lang="ko", glossary_url="../glossary/")
    assert ('<a class="glossary-term" data-term="pod" href="../glossary/#pod" '
            'aria-describedby="glossary-tip-pod">파드</a>는') in html
    assert '<a class="glossary-term" data-term="node"' in html
    assert html.count('data-term="pod"') == 1  # the first mention only, as the plugin does
    tips = html[html.index('<div class="glossary-tips"'):]
    assert re.findall(r'id="glossary-tip-([^"]+)"', tips) == ["node", "pod"]
    assert "가장 작은 배포 단위다." in tips


def test_without_a_glossary_url_a_term_links_nowhere(in_project: Path):
    html = convert("A Pod runs on a node.", glossary_dir="terms", lang="en")
    start = re.search(r'<a class="glossary-term" data-term="pod"[^>]*>', html)
    assert start is not None and "href" not in start.group()
    assert 'tabindex="0"' in start.group()  # still reachable by keyboard for the tooltip
    assert 'aria-describedby="glossary-tip-pod"' in start.group()
    assert 'id="glossary-tip-pod"' in html


def test_extension_puts_the_glossary_at_the_directive(in_project: Path):
    html = convert("# 용어집\n\n파드와 노드를 모은다.\n\n<!-- bilingual-glossary -->\n",
                   glossary_dir="terms", lang="ko")
    assert 'id="pod"' in html and 'id="node"' in html
    assert 'class="glossary-term"' not in html  # the glossary page is not annotated
    assert "bilingual-glossary -->" not in html


@pytest.mark.parametrize("options,message", [
    ({"glossary_dir": "terms", "lang": "fr"}, "lang 'fr' has no glossary text. Fix:"),
    ({"glossary_dir": "missing", "lang": "ko"}, "The glossary has 1 problem"),
])
def test_extension_configuration_errors_are_one_message(in_project: Path, options, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        convert("파드", **options)


def test_plugin_and_extension_together_annotate_once(tmp_path: Path):
    page = "# 시작\n\n파드는 노드에서 돈다. 파드를 본다.\n"
    project = make_project(tmp_path, {"index.md": page, "index.en.md": "# Start\n\nA Pod.\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n",
        "markdown_extensions:\n  - bilingual_glossary.extension:\n"
        "      glossary_dir: glossary\n      lang: ko\n", 1), encoding="utf-8")
    result = build_site(project / "site", project)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert article(project / "site" / "index.html").count('data-term="pod"') == 1
    assert html.count('<div class="glossary-tips"') == 1
    assert html.count('id="glossary-tip-pod"') == 1
    assert "bilingual_glossary.extension is left out" in result.stdout + result.stderr


# --- ProperDocs ----------------------------------------------------------------------------

def test_properdocs_finds_the_plugin_in_its_own_entry_points():
    found = {ep.name: ep.value for ep in entry_points(group="properdocs.plugins")}
    assert found.get("bilingual-glossary") == "bilingual_glossary.plugin:GlossaryPlugin"
    mkdocs = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")}
    assert mkdocs.get("bilingual-glossary") == "bilingual_glossary.plugin:GlossaryPlugin"


def test_properdocs_builds_this_site_strictly(tmp_path: Path):
    site = tmp_path / "site"
    result = subprocess.run(
        [str(BIN / "properdocs"), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
         "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output
    pods = article(site / "pods" / "index.html")
    assert '<a class="glossary-term" data-term="pod"' in pods
    glossary = (site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="pod"' in glossary and "bilingualglossary" not in glossary


# --- Zensical -------------------------------------------------------------------------------

ZENSICAL_CONFIG = """\
site_name: 작은 사이트
theme:
  language: ko
  font: false
extra_css:
  - assets/glossary-tooltip.css
extra_javascript:
  - assets/glossary-tooltip.js
markdown_extensions:
  - bilingual_glossary.extension:
      glossary_dir: terms
      lang: ko
      glossary_url: /glossary/
nav:
  - index.md
  - glossary.md
"""


def zensical_build(root: Path, config: str) -> Path:
    """A one-language Korean site built by zensical with the extension; returns site/."""
    small_glossary(root)
    docs = root / "docs"
    (docs / "assets").mkdir(parents=True)
    for name in ("glossary-tooltip.css", "glossary-tooltip.js"):  # what the site lists itself
        shutil.copy(ASSETS / name, docs / "assets" / name)
    (docs / "index.md").write_text("# 시작\n\n파드는 가장 작은 단위다. 노드에서 돈다.\n",
                                   encoding="utf-8")
    (docs / "glossary.md").write_text("# 용어집\n\n<!-- bilingual-glossary -->\n",
                                      encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([str(BIN / "zensical"), "build"], cwd=root,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zensical_build(tmp_path_factory.mktemp("zensical"), ZENSICAL_CONFIG)


def test_zensical_builds_a_korean_site_with_tooltips_from_the_extension(zensical_site: Path):
    html = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert ('<a class="glossary-term" data-term="pod" href="/glossary/#pod" '
            'aria-describedby="glossary-tip-pod">파드</a>는') in html
    assert re.search(r'<div class="glossary-tip" id="glossary-tip-pod" role="tooltip" hidden>'
                     r".*가장 작은 배포 단위다\.", html)
    assert "glossary-tooltip.css" in html and "glossary-tooltip.js" in html
    glossary = (zensical_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="pod"' in glossary and 'id="node"' in glossary


@pytest.mark.browser
def test_on_zensical_a_term_that_links_nowhere_still_shows_its_tooltip(tmp_path: Path, browser):
    from conftest import _serve

    config = ZENSICAL_CONFIG.replace("      glossary_url: /glossary/\n", "")
    with _serve(zensical_build(tmp_path, config), "/") as url:
        page = browser.new_page()
        page.goto(url)
        term = page.locator("a.glossary-term[data-term=pod]")
        assert term.get_attribute("href") is None
        tip = page.locator("#glossary-tip-pod")
        assert not tip.is_visible()
        term.hover()
        tip.wait_for(state="visible", timeout=5000)
        assert "가장 작은 배포 단위다." in tip.inner_text()
        page.mouse.move(0, 0)
        tip.wait_for(state="hidden", timeout=5000)
        term.focus()  # tabindex: keyboard readers reach it too
        tip.wait_for(state="visible", timeout=5000)
