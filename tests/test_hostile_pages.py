"""Hostile and careless page input (../shared/review/security.md: D5, D6, D12, D13): front
matter that is broken, a bomb, nested 100,000 deep, or a title with markup, and pages that
are not UTF-8. Each stops the build, or the CLI, with one line naming the page, the line and
the fix: never page text, a traceback, a MemoryError or a segfault."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bilingual_glossary.cli.main import main as cli_main
from bilingual_glossary.csp import add_policy, inline_scripts, policy
from conftest import build_site
from factory import term_yaml
from mkdocs.exceptions import PluginError
from plugin_harness import configure, write_project

CONFIG = """\
site_name: Test
theme: {name: mkdocs, language: ko}
plugins:
  - macros
  - bilingual-glossary:
      csp: true
nav: [index.md, glossary.md]
"""
GLOSSARY = {"_tags.yml": "basics: {ko: 기본, en: Basics}\n",
            "pod.yml": term_yaml("파드", "Pod", tags=["basics"])}
BOMB = "a0: &a0 lol\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))


def project(root: Path, front: str | None = None, body: str = "# 홈\n\n파드가 있다.\n") -> Path:
    page = (f"---\n{front}---\n" if front is not None else "") + body
    return write_project(root, CONFIG, {"index.md": page,
                                        "glossary.md": "# 용어집\n\n{{ glossary_page() }}\n"},
                         GLOSSARY)


def build(tmp_path: Path, config_file: Path) -> tuple[int, str]:
    result = build_site(tmp_path / "site", project=config_file.parent)
    return result.returncode, result.stdout + result.stderr


def the_fix_line(output: str) -> str:
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if "Fix:" in line]
    assert len(lines) == 1, output
    return lines[0]


def test_a_page_with_good_front_matter_builds(tmp_path: Path) -> None:
    """The control: the same project builds, and carries its policy."""
    code, output = build(tmp_path, project(tmp_path / "p", "title: 홈\nglossary: all\n"))
    assert code == 0, output
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert "glossary-term" in html  # glossary: all, read from the front matter


@pytest.mark.parametrize(("front", "expected"), [
    (BOMB, "docs/index.md: line 2: front matter: uses a YAML anchor or alias"),
    ("x: " + "[" * 2_000 + "]" * 2_000 + "\n",
     "docs/index.md: line 2: front matter: nests lists or mappings more than 10 levels deep."),
    ("x: " + "[" * 100_000 + "]" * 100_000 + "\n",
     "docs/index.md: line 2: front matter: nests lists or mappings more than 10 levels deep."),
    ("title: 홈\nglossary_allow: *x\n", "docs/index.md: line 3: front matter: "),
    ("title: 'unclosed\nglossary: all\n",
     "docs/index.md: line 2: front matter: a quoted value starts here"),
    ("title: 홈\ntitle: 다른 홈\n",
     "docs/index.md: line 3: front matter: 'title' appears twice in one mapping"),
    ("title: \"<script>alert('fm-title')</script>\\\"><img src=x onerror=alert('t2')>\"\n",
     "docs/index.md: title: '<script>alert('fm-title')</script>\"><img src=x "
     "onerror=alert('t2')>' has one of < > &"),
    ("title: R&D\n", "docs/index.md: title: 'R&D' has one of < > &"),
    ("just some text\n", "docs/index.md: line 2: front matter is not a list of `key: value`"),
    ("title:\n- null\n- false\n", "docs/index.md: title: must be text, not a list."),
    ("description: 2024-01-01\n",
     "docs/index.md: description: must be text, not a number or date."),
    ("x: <script>alert(1)</script>\n'", "docs/index.md: line 1: front matter starts here but "
     "no line of --- closes it"),
], ids=["alias-bomb", "nested-2k", "nested-100k", "alias", "unclosed-quote", "repeated-key",
        "title-html", "title-ampersand", "not-a-mapping", "title-list", "description-date",
        "unclosed"])
def test_bad_front_matter_stops_the_build_with_one_line(tmp_path: Path, front: str,
                                                        expected: str) -> None:
    code, output = build(tmp_path, project(tmp_path / "p", front))
    assert code == 1, output  # 139 would be a segfault
    line = the_fix_line(output)
    assert expected in line, line
    assert not (tmp_path / "site/index.html").exists()


def test_a_page_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    config = project(tmp_path / "p")
    (config.parent / "docs/index.md").write_bytes("# 홈\n\n파드\n".encode("cp949"))
    code, output = build(tmp_path, config)
    assert code == 1
    assert "docs/index.md: is not UTF-8 text (at byte 6). Fix: save the page as UTF-8." \
        in the_fix_line(output)


def test_the_front_matter_check_runs_before_mkdocs_reads_the_page(tmp_path: Path) -> None:
    """In-process: the plugin's on_page_read_source raises before page.meta is parsed."""
    site = configure(project(tmp_path / "p", BOMB))
    with pytest.raises(PluginError, match="uses a YAML anchor or alias"):
        site.render("index.md")
    assert site.page("index.md").meta == {}


# --- the CLI on the same pages -----------------------------------------------------------------

def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = (f"import sys; from bilingual_glossary.cli.main import main; "
            f"sys.exit(main(['--root', {str(root)!r}, *{list(args)!r}]))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("command", ["l10n", "coverage"])
def test_the_cli_names_a_page_that_is_not_utf8(tmp_path: Path, command: str) -> None:
    root = project(tmp_path / "p").parent
    (root / "docs/index.md").write_bytes("# 홈\n\n파드\n".encode("cp949"))
    result = cli(root, command)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("docs/index.md: is not UTF-8 text (byte 0xc6 at "
                                          "offset 6). Fix: save the page as UTF-8."), \
        result.stderr


@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_l10n_reads_deep_front_matter_without_a_traceback(tmp_path: Path, depth: int) -> None:
    root = project(tmp_path / "p", "x: " + "[" * depth + "]" * depth + "\n").parent
    result = cli(root, "l10n")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr


def test_new_with_no_glossary_folder_is_one_line(tmp_path: Path, capsys) -> None:
    assert cli_main(["--root", str(tmp_path), "new", "fresh-term"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"{tmp_path / 'glossary'}: the glossary folder does not exist. Fix: run "
                   "the command in the project folder, or pass --root or --glossary-dir.")


# --- the policy itself -------------------------------------------------------------------------

THEME_PAGE = """<html><head><meta charset="utf-8"><script>var theme = 1;</script>
<script type="application/ld+json">{"@type": "DefinedTermSet"}</script>
<script src="assets/app.js"></script></head><body><nav>{nav}</nav>
<article>{content}</article><script type="module">import "./x.js";</script></body></html>"""


def test_only_the_templates_inline_scripts_get_a_hash() -> None:
    content = "<p>text</p><script>alert('written in Markdown')</script>"
    page = THEME_PAGE.replace("{nav}", "").replace("{content}", content)
    assert inline_scripts(page) == ["var theme = 1;", "alert('written in Markdown')",
                                    'import "./x.js";']
    rule = policy(page, inline_scripts(content))
    assert rule.count("'sha256-") == 2  # the theme's script and the module, not the page's
    assert "'unsafe-inline'" not in rule.split("; ")[1]  # script-src
    # a page script repeated outside the content (a title in another page's navigation)
    elsewhere = THEME_PAGE.replace("{nav}", "<script>alert('written in Markdown')</script>")
    assert policy(elsewhere, inline_scripts(content)).count("'sha256-") == 2


def test_the_policy_comes_right_after_the_charset() -> None:
    page = add_policy(THEME_PAGE)
    assert page.index('<meta charset="utf-8">') < page.index("Content-Security-Policy") \
        < page.index("<script")


def test_mkdocs_serve_gets_no_policy(tmp_path: Path) -> None:
    """Live reload injects a script of its own; the policy would block it."""
    site = configure(project(tmp_path / "p", "title: 홈\n"))
    _, output = site.render("index.md")
    assert "Content-Security-Policy" in output
    site.plugin.on_startup(command="serve", dirty=False)
    _, output = site.render("index.md")
    assert "Content-Security-Policy" not in output
