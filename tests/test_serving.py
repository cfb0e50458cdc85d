"""The contributor's loop while `mkdocs serve` runs (serving.py): a problem in a glossary file
or a page is a warning in the terminal and the same lines in a banner on every served page;
the banner goes when the file is fixed. A strict build fails on the same problems. Drafts
(`draft: true`, written by `make glossary-new`) are left out and named once per build."""

from __future__ import annotations

import html
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from bilingual_glossary.data.loader import load_glossary
from bilingual_glossary.serving import (
    BANNER_START,
    ProblemLog,
    mark_site,
    quiet_chatty_loggers,
    with_banner,
    without_banner,
)
from conftest import PUBLISHED_PREFIX, build_site, copy_project

BROKEN_LINE = ("glossary/pod.yml: line 2: is not valid YAML (did not find expected ',' or "
               "']'). Fix: fix the indentation or quoting there; quote text that contains ': ' "
               "or '#'.")


# --- the banner on its own ------------------------------------------------------------------

def test_the_banner_escapes_its_lines_and_comes_off_again() -> None:
    page = '<html lang="ko"><head></head><body class="x"><p>본문</p></body></html>'
    marked = with_banner(page, ["docs/a.md: <b>&</b> Fix: x."])
    assert marked.startswith('<html lang="ko"><head></head><body class="x">' + BANNER_START)
    assert "<code>docs/a.md: &lt;b&gt;&amp;&lt;/b&gt; Fix: x.</code>" in marked
    assert "빌드 문제 1건" in marked
    assert with_banner(marked, ["other"]).count(BANNER_START) == 1
    assert without_banner(marked) == page
    assert with_banner(marked, []) == page


def test_mark_site_adds_then_removes_the_banner_on_every_page(tmp_path: Path) -> None:
    for name in ("index.html", "en/pods/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text('<html lang="en"><body><p>x</p></body></html>',
                                     encoding="utf-8")
    assert mark_site(tmp_path, ["glossary/a.yml: ko.term: is empty. Fix: write it."]) == 2
    assert "1 build problem(s)" in (tmp_path / "en/pods/index.html").read_text(encoding="utf-8")
    assert mark_site(tmp_path, []) == 2
    assert BANNER_START not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_quiet_loggers_drop_info_and_keep_warnings() -> None:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_macros.test_serving")
    seen = ProblemLog()
    seen.setLevel(logging.DEBUG)  # to see what gets past the filter, INFO included
    seen.start()
    logger.addHandler(seen)
    try:
        quiet_chatty_loggers()
        logger.warning("a warning stays")
        logger.info("chatter goes")
        logger.error("an error stays")
        logger.warning("# Rendering Error\n\n_File_: `a.md`\n\n```\nTraceback (most recent)\n```")
    finally:
        logger.removeHandler(seen)
    assert seen.lines() == ["a warning stays", "an error stays",
                            "# Rendering Error _File_: `a.md`"]  # one line, no traceback


# --- drafts -----------------------------------------------------------------------------------

def test_a_draft_is_left_out_and_named_with_the_fields_to_fill(tmp_path: Path) -> None:
    folder = tmp_path / "p" / "glossary"
    copy_project(tmp_path / "p")
    (folder / "test-draft.yml").write_text(
        "draft: true\nko:\n  term: 초안\n  short: ''\nen:\n  term: Draft\n", encoding="utf-8")
    (folder / "test-ready.yml").write_text(
        "draft: true\nko: {term: 준비, short: 준비다.}\nen: {term: Ready, short: Ready.}\n",
        encoding="utf-8")
    glossary = load_glossary(folder)
    assert "test-draft" not in glossary and "test-ready" not in glossary and "pod" in glossary
    assert glossary.drafts == (
        "glossary/test-draft.yml: draft: is a draft, not shown or matched; still to fill: "
        "ko.short, en.short. Fix: fill those in, then delete the `draft: true` line to "
        "publish the term.",
        "glossary/test-ready.yml: draft: is a draft, not shown or matched; every field is filled. "
        "Fix: delete the `draft: true` line to publish the term.")
    text = (folder / "test-ready.yml").read_text(encoding="utf-8")
    (folder / "test-ready.yml").write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    published = load_glossary(folder)
    assert "test-ready" in published and len(published.drafts) == 1


def test_a_reference_to_a_draft_and_a_false_draft_line_are_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "glossary" / "test-draft.yml").write_text("draft: true\n", encoding="utf-8")
    (project / "glossary" / "job.yml").write_text(
        "draft: false\nko: {term: 잡, short: 잡이다.}\nen: {term: Job, short: A job.}\n",
        encoding="utf-8")
    node = project / "glossary" / "node.yml"
    node.write_text(node.read_text(encoding="utf-8") + "\nkind_of: test-draft\n", encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_glossary(project / "glossary")
    report = str(info.value)
    assert ("glossary/node.yml: kind_of: 'test-draft' is a draft (glossary/test-draft.yml), "
            "not yet published.") in report
    assert "glossary/job.yml: draft: must be true, or absent." in report


def test_the_strict_build_fails_on_a_draft(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    subprocess.run([sys.executable, "-m", "bilingual_glossary", "--root", str(project), "new",
                    "test-draft"], check=True, capture_output=True)
    result = build_site(tmp_path / "site", project=project)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert output.count("glossary/test-draft.yml: draft: is a draft") == 1  # once, not per language
    assert "Traceback" not in output


# --- a real `mkdocs serve` ------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait(url: str, check, what: str, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            body = _page(url)
            if check(body):
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{what} never came at {url}; last body ends:\n{body[-1500:]}")


def _banner_lines(page: str) -> list[str]:
    start = page.find(BANNER_START)
    if start < 0:
        return []
    return [html.unescape(line)
            for line in re.findall(r"<li><code>(.*?)</code></li>", page[start:page.find(
                "<!-- /bilingual-glossary", start)])]


def test_serve_shows_problems_on_every_page_and_clears_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(server.stdout), daemon=True)
    reader.start()
    base = f"http://127.0.0.1:{port}{PUBLISHED_PREFIX}"
    pages = [base, base + "en/pods/"]
    pod = project / "glossary" / "pod.yml"
    good_pod = pod.read_text(encoding="utf-8")
    try:
        first = _wait(base, lambda b: "</html>" in b, "the home page")
        assert BANNER_START not in first

        # a broken term file: the rebuild completes on the last good glossary, with a banner
        pod.write_text("en: [broken\n", encoding="utf-8")
        for url in pages:
            body = _wait(url, lambda b: BROKEN_LINE in _banner_lines(b), "the banner")
        assert 'class="glossary-term"' in body and 'data-term="pod"' in body  # last good one
        assert any(f"WARNING -  {BROKEN_LINE}" in line for line in log), "".join(log)[-2000:]

        # fixed: the banner goes from every page
        pod.write_text(good_pod, encoding="utf-8")
        for url in pages:
            _wait(url, lambda b: BANNER_START not in b and "</html>" in b, "a page, no banner")

        # a new term from the template: a draft, named on the page, not fatal
        subprocess.run([sys.executable, "-m", "bilingual_glossary", "new", "test-draft"],
                       cwd=project, check=True, capture_output=True)
        body = _wait(base, lambda b: any("test-draft.yml: draft:" in x for x in _banner_lines(b)),
                     "the draft's line")

        # page problems as well, ours and mkdocs-macros': every line once, no traceback
        pods_md = project / "docs" / "pods.md"
        pods_md.write_text("---\nglossary: sometimes\n---\n" + pods_md.read_text("utf-8")
                           + "\n{{ no_such_variable }}\n", encoding="utf-8")
        body = _wait(base + "en/", lambda b: any("no_such_variable" in x for x in _banner_lines(b)),
                     "the macro's line")
        lines = _banner_lines(body)  # and MkDocs' own: pods.md's anchors went with its text
        assert len(lines) == len(set(lines)) and any("cronjob" in x or "draft:" in x
                                                     for x in lines)
        assert ("pods.md: front matter 'glossary: sometimes' is not valid. Fix: use one of "
                "first, all, off.") in lines
        macro = [line for line in lines if "'no_such_variable' is undefined" in line]
        assert len(macro) == 1 and "Traceback" not in macro[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(log)
    # mkdocs-macros prints its own traceback for the undefined variable; nothing before it
    assert "Traceback" not in output.partition("no_such_variable")[0]
    assert "bilingual_glossary/" not in output  # and none from the plugin
    # a quiet terminal: no INFO chatter from mkdocs-macros or static-i18n
    assert "INFO    -  [macros]" not in output and "extra.alternate" not in output
    assert "WARNING -  [macros] - ERROR" in output  # its warnings do show
    assert "Documentation built in" in output
    assert output.count("Reloading browsers") >= 4  # the open tab reloads after each rebuild
