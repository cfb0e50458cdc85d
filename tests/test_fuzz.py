"""Fuzzing: generated glossaries and front matter, loaded and built into a small site.

Every outcome is either a clean result or one message per problem, each naming a file and a
fix: never a traceback, a hang or a crash. Fixed example budgets and no stored database, so
the run takes the same ~30 s each time; a hang fails the test through pytest-timeout (thread
method: it works even inside a C regex loop).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.csp import script_hash
from bilingual_glossary.page_source import front_matter
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from plugin_harness import write_project

# no shrinking: on Python 3.11 it traces every line, and a site build then takes minutes
FUZZ = settings(deadline=None, database=None, derandomize=True,
                phases=(Phase.explicit, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# what the review threw at every field, mixed with Hypothesis' own text
HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}",
    "[x](javascript:alert(1))", "*x*{: onmouseover=alert(1) }", "![i](https://evil.test/p.png)",
    "=HYPERLINK(\"http://evil.test/\")", "@SUM(1+1)", "&amp; &para; &quot;", "]]> <![CDATA[",
    "\u200b", "\u202eDOP", "\x00", "\x1b[31m", "\ufffe", "\u2028", "Ｐｏｄ", "-", "",
    "파드", "Pod", "노드", "https://kubernetes.io/docs/", "javascript:alert(1)", "../node",
])
TEXT = st.one_of(HOSTILE, st.text(max_size=20),
                 st.tuples(HOSTILE, st.text(max_size=8), HOSTILE).map("".join))
SCALAR = st.one_of(TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
VALUE = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(TEXT, inner, max_size=3), max_leaves=6)
IDS = st.one_of(st.sampled_from(["pod", "node", "nope", "a", "../node", "123"]), TEXT)
LANG = st.fixed_dictionaries(
    {"term": TEXT, "short": TEXT},
    optional={"aliases": st.lists(TEXT, max_size=3), "avoid": st.lists(TEXT, max_size=2),
              "long": TEXT, "docs": TEXT, "case_sensitive": SCALAR,
              "not_after": st.lists(TEXT, max_size=2), "extra": VALUE})
TERM = st.fixed_dictionaries(
    {"ko": LANG, "en": LANG},
    optional={"part_of": IDS, "kind_of": IDS, "related": st.lists(IDS, max_size=3),
              "tags": st.lists(st.sampled_from(["basics", "nope", "my tag"]), max_size=2),
              "docs": TEXT, "standalone": SCALAR, "action": SCALAR, "inherit_parts": SCALAR})


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def file_texts(draw: st.DrawFn) -> str:
    """A term file: a well-formed term, any YAML value, raw text, or a term cut short."""
    kind = draw(st.sampled_from(["term", "term", "value", "raw", "cut"]))
    if kind == "value":
        return dump(draw(VALUE))
    if kind == "raw":
        return draw(st.text(max_size=200))
    text = dump(draw(TERM))
    if kind == "cut":
        start = draw(st.integers(0, len(text)))
        return text[:start] + draw(st.sampled_from(["'", "[", ": ", "\n  - ", "&a ", "*a"])) \
            + text[start + 1:]
    return text


# a term that mostly loads: plain names, and definitions with markup but no control characters
PRINTABLE = st.one_of(HOSTILE.filter(str.isprintable), st.text(
    st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=30))
PLAIN_LANG = st.fixed_dictionaries(
    {"term": st.sampled_from(["프로브", "Probe", "레플리카", "Replica", "R&D", "C++"]),
     "short": PRINTABLE.filter(str.strip)}, optional={"long": PRINTABLE, "aliases": st.lists(
         st.sampled_from(["포드", "probes", "<b>", "a&b"]), max_size=2, unique=True)})
PLAIN_TERM = st.fixed_dictionaries(
    {"ko": PLAIN_LANG, "en": PLAIN_LANG},
    optional={"part_of": st.sampled_from(["pod", "probe"]),
              "related": st.lists(st.sampled_from(["pod", "replica"]), max_size=2)})
PLAIN_GLOSSARY = st.dictionaries(st.sampled_from(["probe", "replica"]), PLAIN_TERM.map(dump),
                                 max_size=2)
PLAIN_FRONT = st.dictionaries(st.sampled_from(["title", "description"]), PRINTABLE,
                              max_size=2).map(dump)
GLOSSARY = st.dictionaries(st.sampled_from(["pod", "node", "probe", "Bad", "x-y", "a"]),
                           file_texts(), min_size=1, max_size=3)
TAGS = "basics: {ko: 기본, en: Basics}\n"
POD = dump({"ko": {"term": "파드", "short": "파드다."}, "en": {"term": "Pod", "short": "A Pod."}})


def write_glossary(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_tags.yml").write_text(TAGS, encoding="utf-8")
    for stem, text in files.items():
        (folder / f"{stem}.yml").write_text(text, encoding="utf-8", errors="surrogatepass")


def assert_one_line_problems(problems: list) -> None:
    assert problems, "a GlossaryError with no problem"
    for problem in problems:
        line = str(problem)
        assert problem.file and problem.message and problem.fix, line
        assert "\n" not in line and "\r" not in line and "\x1b" not in line, line


@pytest.mark.timeout(120, method="thread")
@settings(FUZZ, max_examples=150)
@given(files=GLOSSARY)
def test_generated_glossaries_load_or_name_each_problem(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "glossary"
        write_glossary(folder, {"pod": POD, **files})
        try:
            glossary = load_glossary(folder)
        except GlossaryError as exc:
            assert_one_line_problems(exc.problems)
            return
        for term in glossary:  # what loads is what the outputs may carry
            for lang in ("ko", "en"):
                assert term.text[lang].term.strip()


FRONT_KEYS = st.sampled_from(["title", "description", "glossary", "glossary_allow", "hide",
                              "x"])
FRONT_MATTER = st.one_of(
    st.dictionaries(FRONT_KEYS, VALUE, max_size=4).map(dump),
    st.text(max_size=120),
    st.tuples(st.dictionaries(FRONT_KEYS, TEXT, max_size=3).map(dump),
              st.sampled_from(["'", "[", "&a x", "*a", "\t", ": :", "x: [" * 30])).map("".join),
)


@pytest.mark.timeout(120, method="thread")
@settings(FUZZ, max_examples=200)
@given(text=FRONT_MATTER)
def test_generated_front_matter_reads_or_names_each_problem(text: str) -> None:
    try:
        data = front_matter(text, "docs/x.md")
    except GlossaryError as exc:
        assert_one_line_problems(exc.problems)
        return
    assert isinstance(data, dict)
    title = data.get("title")
    assert not (isinstance(title, str) and set(title) & set("<>&"))


CONFIG = """\
site_name: Fuzz
theme: {name: mkdocs, language: ko}
plugins:
  - macros:
      on_undefined: strict
  - bilingual-glossary:
      csp: true
nav: [index.md, glossary.md]
"""


@pytest.mark.timeout(300, method="thread")
@settings(FUZZ, max_examples=25)
@given(files=st.one_of(*[PLAIN_GLOSSARY] * 4, GLOSSARY),
       front=st.one_of(*[PLAIN_FRONT] * 4, FRONT_MATTER))
def test_a_small_site_builds_or_stops_with_one_message_per_problem(
        files: dict[str, str], front: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        body = "# 홈\n\n파드가 노드에 있다. {{ term('pod') }}\n"
        config_file = write_project(root, CONFIG, {
            "index.md": f"---\n{front.rstrip(chr(10))}\n---\n{body}",
            "glossary.md": "# 용어집\n\n{{ glossary_page() }}\n"})
        write_glossary(root / "glossary", {"pod": POD, **files})
        config = load_config(str(config_file), site_dir=str(root / "site"))
        with caplog.at_level(logging.WARNING):
            try:
                config.plugins.on_startup(command="build", dirty=False)
                build(config)
            except Abort:
                errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
                framing = [m for m in errors if m.startswith("Error reading page")]
                own = [m for m in errors if m not in framing]
                assert own, errors
                for message in own:
                    assert "Traceback" not in message
                    for line in message.splitlines():
                        assert "Fix:" in line or line.startswith("The glossary has"), message
                return
        built.append(1)
        html = (root / "site" / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html
        # a script the page's text may carry is never one the policy allows
        assert script_hash("alert(1)") not in html


built: list[int] = []
