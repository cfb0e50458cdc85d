"""The glossary as an installed MkDocs plugin on a site other than ours.

A small single-language English site in a temporary folder, with its own glossary folder
name and no i18n plugin: its options, its macros, its annotations and tooltips, the assets
the plugin ships, and `mkdocs serve` picking up glossary edits.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from importlib.metadata import entry_points
from pathlib import Path

import bilingual_glossary
import pytest
from bilingual_glossary.plugin import GlossaryPlugin
from conftest import build_site
from factory import TAGS, term_yaml
from mkdocs.exceptions import Abort, PluginError
from plugin_harness import configure, write_project

CONFIG = """\
site_name: Other site
theme:
  name: mkdocs
  language: en
plugins:
  - search
  - macros:
      on_undefined: strict
  - bilingual-glossary:
      glossary_dir: terms
      glossary_page: reference/terms.md
      annotate: all
nav:
  - index.md
  - guide.md
  - reference/terms.md
"""
PAGES = {
    "index.md": "# Home\n\nA Pod runs on a node. Another pod.\n",
    "guide.md": "# Guide\n\n{{ term('node', 'machines') }} host pods.\n\n```\npod in code\n```\n",
    "reference/terms.md": "# Terms\n\n{{ glossary_page() }}\n",
}
GLOSSARY = {
    "_tags.yml": TAGS,
    "pod.yml": term_yaml("파드", "Pod", part_of="node"),
    "node.yml": term_yaml("노드", "Node"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path, CONFIG, PAGES, GLOSSARY, glossary_dir="terms")


def test_the_package_registers_an_mkdocs_plugin_entry_point() -> None:
    found = {ep.name: ep for ep in entry_points(group="mkdocs.plugins")}
    assert found["bilingual-glossary"].load() is GlossaryPlugin


def test_a_single_language_site_with_its_own_folder_names(project: Path) -> None:
    site = configure(project)
    assert site.plugin.default_lang == "en"  # the theme's language, no i18n plugin
    _, home = site.render("index.md")
    # annotate: all links every mention; the glossary page is reference/terms/
    assert home.count('href="reference/terms/#pod"') == 2
    assert 'href="reference/terms/#node"' in home
    assert re.findall(r'id="glossary-tip-([^"]+)"', home) == ["node", "pod"]
    assert '<p class="glossary-tip__short">Definition of Pod.</p>' in home
    _, guide = site.render("guide.md")
    assert ('<a class="glossary-term" data-term="node" href="../reference/terms/#node" '
            'aria-describedby="glossary-tip-node">machines</a>') in guide
    assert "pod in code" in guide and "<code>pod in code" in guide


@pytest.mark.parametrize("option,message", [
    ("annotate: sometimes", "option 'annotate': Expected one of: ('first', 'all', 'off') but "
                            "received: 'sometimes'"),
    ("used_on_limit: 0", "option 'used_on_limit': Expected a whole number of at least 1, got 0."),
    ("glossary_dir: [a, b]", "option 'glossary_dir': Expected type: <class 'str'> but received: "
                             "<class 'list'>"),
])
def test_plugin_options_are_validated_by_mkdocs(project: Path, caplog, option: str,
                                                message: str) -> None:
    project.write_text(project.read_text(encoding="utf-8").replace("annotate: all", option),
                       encoding="utf-8")
    with pytest.raises(Abort):
        configure(project)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == [f"Config value 'plugins': Plugin 'bilingual-glossary' {message}"]


def test_an_unknown_option_is_a_warning_that_fails_a_strict_build(project: Path,
                                                                  caplog) -> None:
    project.write_text(project.read_text(encoding="utf-8").replace(
        "annotate: all", "colour: blue"), encoding="utf-8")
    configure(project)
    assert [r.getMessage() for r in caplog.records if r.levelname == "WARNING"] == [
        "Config value 'plugins': Plugin 'bilingual-glossary' option 'colour': Unrecognised "
        "configuration name: colour"]


def test_a_missing_glossary_folder_is_one_clear_error(project: Path) -> None:
    project.write_text(project.read_text(encoding="utf-8").replace(
        "glossary_dir: terms", "glossary_dir: nowhere"), encoding="utf-8")
    with pytest.raises(PluginError) as info:
        configure(project)
    assert str(info.value).splitlines()[1].startswith(
        f"  - {project.parent / 'nowhere'}: the glossary folder does not exist.")


def test_a_site_whose_language_has_no_glossary_text_is_told_so(project: Path) -> None:
    project.write_text(project.read_text(encoding="utf-8").replace(
        "language: en", "language: fr_FR"), encoding="utf-8")
    with pytest.raises(PluginError) as info:
        configure(project)
    # the site's language is fr: every term needs its text in French
    assert "pod.yml: fr: is missing: every term needs text in each of the site's " \
           "languages. Fix: add a `fr:` section" in str(info.value)


def test_built_site_serves_the_plugin_assets(project: Path, tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", project.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "out"
    script = out / "assets" / "bilingual-glossary" / "glossary-tooltip.js"
    packaged = Path(bilingual_glossary.__file__).parent / "assets" / "glossary-tooltip.js"
    assert script.read_bytes() == packaged.read_bytes()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/bilingual-glossary/glossary-tooltip.js"' in home
    assert 'href="assets/bilingual-glossary/glossary-tooltip.css"' in home
    assert "glossary-filter.js" not in home  # the filter script only where it is used
    terms = (out / "reference" / "terms" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/bilingual-glossary/glossary-filter.js"' in terms
    assert 'href="../../assets/bilingual-glossary/glossary-page.css"' in terms
    assert '<h3 class="glossary-entry-name" id="pod">Pod' in terms


def test_used_on_lists_in_navigation_order_with_a_limit(tmp_path: Path) -> None:
    pages = {f"p{n}.md": f"# Page {n}\n\nA pod.\n" for n in range(5)}
    nav = "".join(f"  - p{n}.md\n" for n in (3, 1, 4, 0, 2))
    config = CONFIG.replace("  - index.md\n  - guide.md\n", nav).replace(
        "annotate: all", "annotate: first\n      used_on_limit: 3\n"
        "      used_on_exclude: [p1.md]")
    config_file = write_project(tmp_path, config, {**PAGES, **pages}, GLOSSARY,
                                glossary_dir="terms")
    result = build_site(tmp_path / "out", config_file.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    terms = (tmp_path / "out" / "reference" / "terms" / "index.html").read_text(encoding="utf-8")
    pod = terms[terms.index('id="pod"'):]
    used_on = pod[pod.index("glossary-fact-used-on"):pod.index("</dl>")]
    assert re.findall(r'<a href="([^"]+)">', used_on) == ["../../p3/", "../../p4/", "../../p0/"]
    assert "and 3 more" in used_on  # p2, index and guide; p1 is excluded


# --- mkdocs serve -------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, wanted: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{wanted!r} never appeared at {url}; last body:\n{body[-2000:]}")


def test_serve_rebuilds_on_glossary_edits_and_recovers_from_a_broken_one(project: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project)],
        cwd=project.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []  # the server's output, read as it comes
    reader = threading.Thread(target=lambda: log.extend(server.stdout), daemon=True)
    reader.start()
    pod = project.parent / "terms" / "pod.yml"
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(url, "Definition of Pod.")
        pod.write_text(term_yaml("파드", "Pod", part_of="node").replace(
            "Definition of Pod.", "An edited definition."), encoding="utf-8")
        _wait_for(url, "An edited definition.")
        pod.write_text("en: [broken\n", encoding="utf-8")
        # one clear message, in the terminal and in a banner on the page (serving.py); the
        # rebuild completes with the last good glossary
        _wait_for(url, "terms/pod.yml: line 2: is not valid YAML")
        deadline = time.monotonic() + 30
        while not any("is not valid YAML" in line for line in log):
            assert time.monotonic() < deadline, "".join(log)[-2000:]
            time.sleep(0.1)
        pod.write_text(term_yaml("파드", "Pod", part_of="node").replace(
            "Definition of Pod.", "Fixed again."), encoding="utf-8")
        _wait_for(url, "Fixed again.")
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(log)
    assert "terms/pod.yml: line 2: is not valid YAML" in output
    assert "Traceback" not in output
