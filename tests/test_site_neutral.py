"""The glossary on any site (issue 19): languages from the site, optional tags, one name rule
shared by the loader and the matcher."""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.data.names import name_key
from bilingual_glossary.languages import normalize_lang, page_language, site_languages
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.matcher import Matcher
from factory import TAGS, term_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plugin_harness import configure, write_project


def write_glossary(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder: Path, langs: tuple[str, ...] = ("ko", "en")) -> list[str]:
    with pytest.raises(GlossaryError) as info:
        load_glossary(folder, langs)
    return [str(p) for p in info.value.problems]


# --- one language rule ---------------------------------------------------------------------

@pytest.mark.parametrize("code", ["en_US", "en-US", "EN", "en", " en_us "])
def test_locales_and_language_tags_are_one_language(code: str) -> None:
    assert normalize_lang(code) == "en"


def test_a_page_locale_is_normalized_too() -> None:
    # mkdocs-static-i18n sets the locale as written in mkdocs.yml (locale: en_US)
    assert page_language("pods.md", "ko", "en_US") == "en"


def test_site_languages_are_the_theme_language_plus_static_i18n_ones() -> None:
    assert site_languages("ko") == ("ko",)
    assert site_languages("ko_KR", ["ko", "en_US", "EN"]) == ("ko", "en")
    assert site_languages("fr", ["fr", "de"]) == ("fr", "de")


# --- a term needs text in the site's languages, and only those -----------------------------

def test_an_english_only_glossary_writes_only_en(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {
        "pod.yml": "en: {term: Pod, short: The smallest unit.}\n"})
    glossary = load_glossary(folder, ("en",))
    assert glossary.langs == ("en",)
    assert glossary["pod"].text["en"].term == "Pod" and "ko" not in glossary["pod"].text


def test_a_language_the_site_has_is_required(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {"pod.yml": "en: {term: Pod, short: Unit.}\n"})
    assert problems(folder, ("en", "de")) == [
        "glossary/pod.yml: de: is missing: every term needs text in each of the site's "
        "languages. Fix: add a `de:` section with term, aliases and short."]


def test_a_section_in_another_language_is_not_read_but_a_typo_is_an_error(tmp_path) -> None:
    folder = write_glossary(tmp_path / "glossary", {"pod.yml": term_yaml("파드", "Pod")})
    assert "ko" not in load_glossary(folder, ("en",))["pod"].text
    (folder / "pod.yml").write_text(term_yaml("파드", "Pod", colour="blue"), encoding="utf-8")
    [message] = problems(folder, ("en",))
    assert message.startswith("glossary/pod.yml: colour: is not a known field.")


def test_other_languages_match_exact_names_on_word_boundaries(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {
        "pod.yml": "fr: {term: nœud de travail, short: Une machine.}\n"})
    matcher = Matcher.for_glossary(load_glossary(folder, ("fr",)), "fr")
    assert matcher.term_ids("Un nœud de travail tourne.") == {"pod"}
    assert matcher.term_ids("Des nœuds de travails.") == set()  # no English plurals
    assert matcher.term_ids("sous-nœud de travail") == set()


# --- tags are optional --------------------------------------------------------------------

def test_a_glossary_without_a_tags_file_has_no_tags(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {"pod.yml": term_yaml("파드", "Pod"),
                                             "node.yml": term_yaml("노드", "Node")})
    glossary = load_glossary(folder)
    assert len(glossary) == 2 and dict(glossary.tags) == {}


def test_a_term_naming_a_tag_without_a_tags_file_is_one_clear_error(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {
        "pod.yml": term_yaml("파드", "Pod", tags=["fundamental", "workload"])})
    assert problems(folder) == [
        "glossary/_tags.yml: is missing, so the glossary has no tags, but 1 term names tags: "
        "pod (fundamental, workload). Fix: list the tags in glossary/_tags.yml with their names "
        "in each language, or remove them from the terms."]


# --- one name rule ----------------------------------------------------------------------------

@pytest.mark.parametrize("first,second", [
    ("load balancer", "load-balancer"),
    ("load balancer", "Load Balancer"),
    ("ServiceAccount", "service account"),
    ("로드 밸런서", "로드밸런서"),
])
def test_two_terms_may_not_share_a_name_under_the_matchers_rule(tmp_path, first, second):
    folder = write_glossary(tmp_path / "glossary", {
        "a.yml": term_yaml("가", first) if first.isascii() else term_yaml(first, "A"),
        "b.yml": term_yaml("나", second) if second.isascii() else term_yaml(second, "B")})
    [message] = problems(folder)
    assert message.startswith("glossary/b.yml: ")
    assert "is already a name of 'a' (glossary/a.yml)" in message


def test_avoid_may_list_a_spacing_of_the_terms_own_name(tmp_path: Path) -> None:
    text = yaml.safe_load(term_yaml("워커 노드", "Worker node"))
    text["ko"]["avoid"] = ["워커노드"]
    text["en"]["avoid"] = ["worker-node"]
    folder = write_glossary(tmp_path / "glossary", {"worker-node.yml": yaml.safe_dump(
        text, allow_unicode=True)})
    glossary = load_glossary(folder)
    assert glossary["worker-node"].text["ko"].avoid == ("워커노드",)


# names as glossaries write them: words (with CamelCase humps) joined by one space or hyphen
WORD = st.text(alphabet="abAB", min_size=1, max_size=3)
NAME = st.lists(st.tuples(WORD, st.sampled_from(" -")), min_size=1, max_size=3).map(
    lambda parts: "".join(word + gap for word, gap in parts)[:-1])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=NAME, second=NAME)
def test_the_loader_and_the_matcher_agree_on_when_two_names_are_one(tmp_path, first, second):
    """The loader accepts two terms exactly when the matcher can tell their names apart; an
    accepted pair links each name, as written, to its own term."""
    folder = tmp_path / f"g{abs(hash((first, second)))}"
    write_glossary(folder, {"a.yml": f"en: {{term: '{first}', short: A.}}\n",
                            "b.yml": f"en: {{term: '{second}', short: B.}}\n"})
    matcher = Matcher({first: "a"}, "en")
    same_to_matcher = matcher.lookup(second) == "a"
    try:
        glossary = load_glossary(folder, ("en",))
    except GlossaryError:
        assert same_to_matcher and name_key(first) == name_key(second)
        return
    assert not same_to_matcher
    both = Matcher.for_glossary(glossary, "en")
    for text, term_id in ((first, "a"), (second, "b")):
        assert [(s, e, t) for s, e, t in both.spans(text)] == [(0, len(text), term_id)]


def test_the_longest_name_as_written_wins_over_a_gap_that_matches_nothing(tmp_path) -> None:
    folder = write_glossary(tmp_path / "glossary", {
        "worker-node.yml": term_yaml("워커 노드", "Worker node"),
        "node-pool.yml": term_yaml("워커노드 풀", "Worker node pool")})
    matcher = Matcher.for_glossary(load_glossary(folder), "ko")
    assert list(matcher.spans("워커노드 풀이다")) == [(0, 6, "node-pool")]
    assert list(matcher.spans("워커노드다")) == [(0, 4, "worker-node")]


# --- coverage asks the matcher ---------------------------------------------------------------

def test_a_phrase_names_a_term_exactly_when_the_matcher_links_it(tmp_path: Path) -> None:
    folder = write_glossary(tmp_path / "glossary", {
        "container-runtime.yml": term_yaml("컨테이너 런타임", "Container runtime"),
        "network-policy.yml": "ko: {term: 네트워크 폴리시, short: 규칙.}\n"
                              "en: {term: Network policy, aliases: [policy], short: Rules.}\n"})
    glossary = load_glossary(folder)
    ko, en = Annotator(glossary, "ko").matcher, Annotator(glossary, "en").matcher
    assert ko.term_of("컨테이너런타임") == "container-runtime"
    assert ko.term_of("컨테이너 런타임은") == "container-runtime"
    assert ko.term_of("컨테이너 런타임 설정") is None
    assert en.term_of("policies") == "network-policy"
    assert en.term_of("Container-runtime") == "container-runtime"
    assert en.term_of("runtime") is None


# --- the plugin on other sites --------------------------------------------------------------

ENGLISH_ONLY = """\
site_name: t
theme: {name: mkdocs}
plugins:
  - bilingual-glossary
"""


def test_an_english_only_site_needs_only_en_text(tmp_path: Path) -> None:
    site = configure(write_project(
        tmp_path, ENGLISH_ONLY, {"glossary.md": "# Terms\n", "pods.md": "A pod and a pod.\n"},
        {"pod.yml": "en: {term: Pod, short: The smallest unit.}\n"}))
    assert (site.plugin.default_lang, site.plugin.langs) == ("en", ("en",))
    _, output = site.render("pods.md")
    assert 'data-term="pod"' in output


def test_a_static_i18n_locale_with_a_region_builds(tmp_path: Path) -> None:
    config = """\
    site_name: t
    theme: {name: mkdocs, language: ko}
    plugins:
      - i18n:
          docs_structure: suffix
          languages:
            - {locale: ko, name: 한국어, default: true, build: true}
            - {locale: en_US, name: English, build: true}
      - bilingual-glossary
    """
    site = configure(write_project(
        tmp_path, config, {"glossary.md": "# 용어집\n", "glossary.en_US.md": "# Terms\n",
                           "pods.md": "파드\n", "pods.en_US.md": "A Pod.\n"},
        {"_tags.yml": TAGS, "pod.yml": term_yaml("파드", "Pod")}))
    assert site.plugin.langs == ("ko", "en")
    assert site.plugin.addresses.glossary_pages == {"en": "en_US/glossary/", "ko": "glossary/"}


def test_a_page_in_a_language_without_glossary_text_is_left_alone(tmp_path, caplog) -> None:
    site = configure(write_project(
        tmp_path, ENGLISH_ONLY.replace("{name: mkdocs}", "{name: mkdocs, language: fr}"),
        {"glossary.md": "# Termes\n", "pods.md": "Un Pod.\n", "nodes.md": "Un Pod.\n"},
        {"pod.yml": "fr: {term: Pod, short: Unité.}\n"}))
    # a language whose text the session does not hold, as a site's new language before its
    # glossary text is written
    site.plugin.session.annotators.pop("fr")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.bilingual_glossary"):
        for name in ("pods.md", "nodes.md"):
            _, output = site.render(name)
            assert "<p>Un Pod.</p>" in output and "glossary-tip" not in output
    lines = [r.getMessage() for r in caplog.records if "left unannotated" in r.getMessage()]
    assert lines == ["pages in 'fr' are left unannotated: the glossary has no text in that "
                     "language (it has fr)."]


# --- the core stays free of MkDocs -----------------------------------------------------------

MKDOCS_GLUE = {"plugin.py", "config.py", "site_config.py"}


def test_only_the_adapter_modules_import_mkdocs() -> None:
    import ast

    package = Path(__file__).resolve().parent.parent / "plugins" / "bilingual_glossary"
    importers = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                importers.add(path.relative_to(package).as_posix())
    assert importers <= MKDOCS_GLUE, importers - MKDOCS_GLUE


# --- the CLI reads the site as the plugin does ------------------------------------------------

KOREAN_ONLY = """\
site_name: t
theme: {name: mkdocs, language: ko}
plugins:
  - bilingual-glossary:
      glossary_dir: terms
"""


def test_a_korean_site_without_tags_builds_and_its_cli_needs_only_ko(tmp_path, capsys) -> None:
    from bilingual_glossary.cli.main import main

    project = write_project(tmp_path, KOREAN_ONLY,
                            {"index.md": "# 홈\n\n파드는 노드에서 돈다.\n",
                             "glossary.md": "# 용어\n"},
                            {"pod.yml": "ko: {term: 파드, short: 가장 작은 단위다.}\n",
                             "node.yml": "ko: {term: 노드, short: 일하는 기계다.}\n"},
                            glossary_dir="terms")
    site = configure(project)
    _, output = site.render("index.md")
    assert 'data-term="pod"' in output and 'data-term="node"' in output
    # check and new find terms/ and the site's one language in mkdocs.yml
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().out == "glossary OK: 2 terms, 0 tags\n"
    assert main(["--root", str(tmp_path), "new", "service"]) == 0
    written = (tmp_path / "terms" / "service.yml").read_text(encoding="utf-8")
    assert "ko:" in written and "en:" not in written
    assert "wrote terms/service.yml: fill in ko" in capsys.readouterr().out


ENGLISH_DEFAULT = """\
site_name: t
theme: {name: mkdocs, language: en}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: ko, name: 한국어, build: true}
  - bilingual-glossary
"""


def test_coverage_and_l10n_use_the_sites_default_language(tmp_path, capsys) -> None:
    from bilingual_glossary.cli.main import main

    write_project(tmp_path, ENGLISH_DEFAULT,
                  {"index.md": "# Home\n\nA Pod and a **Node**.\n",
                   "index.ko.md": "# 홈\n\n파드.\n",
                   "glossary.md": "# Terms\n", "glossary.ko.md": "# 용어\n"},
                  {"pod.yml": term_yaml("파드", "Pod"), "node.yml": term_yaml("노드", "Node")})
    assert main(["--root", str(tmp_path), "coverage"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Pages that use each term\n"
                          "  term   en   ko\n"
                          "  node    1    0\n"
                          "  pod     1    1\n")
    assert "Bold phrases that are not terms or aliases\n  none\n" in out
    assert main(["--root", str(tmp_path), "l10n-mark", "--all"]) == 0
    out = capsys.readouterr().out
    assert "docs/index.ko.md (ko) follows docs/index.md" in out
    assert "pod (ko) follows glossary/pod.yml (en)" in out


def test_a_site_in_english_and_french_tracks_french_translations(tmp_path, capsys) -> None:
    from bilingual_glossary.cli.main import main

    config = ENGLISH_DEFAULT.replace("{locale: ko, name: 한국어, build: true}",
                                     "{locale: fr, name: Français, build: true}")
    write_project(tmp_path, config,
                  {"index.md": "# Home\n\nA worker node.\n",
                   "index.fr.md": "# Accueil\n\nUn nœud de travail.\n",
                   "glossary.md": "# Terms\n", "glossary.fr.md": "# Termes\n"},
                  {"worker-node.yml": "en: {term: Worker node, short: A machine.}\n"
                                      "fr: {term: nœud de travail, short: Une machine.}\n"})
    assert main(["--root", str(tmp_path), "l10n-mark", "--all"]) == 0
    out = capsys.readouterr().out
    assert "docs/index.fr.md (fr) follows docs/index.md" in out
    assert "worker-node (fr) follows glossary/worker-node.yml (en)" in out
    assert main(["--root", str(tmp_path), "coverage"]) == 0
    assert "  worker-node    1    1\n" in capsys.readouterr().out


def test_mkdocs_enabled_false_turns_the_whole_plugin_off(tmp_path: Path) -> None:
    config = ENGLISH_ONLY.replace("  - bilingual-glossary\n",
                                  "  - bilingual-glossary:\n      enabled: false\n")
    site = configure(write_project(tmp_path, config, {"pods.md": "A pod.\n"}))  # no glossary
    assert "bilingual-glossary" not in site.config.plugins  # no glossary is even read
    _, output = site.render("pods.md")
    assert output == "<html><head></head><body><article><p>A pod.</p></article></body></html>"


def test_the_harness_drives_mkdocs_through_public_names_only() -> None:
    """tests/plugin_harness.py renders pages with Page's public methods and the plugin events,
    and configures sites with the package's own site_config (the CLI's): no private MkDocs
    function such as mkdocs.commands.build._populate_page."""
    import ast

    tree = ast.parse((Path(__file__).parent / "plugin_harness.py").read_text(encoding="utf-8"))
    private = [alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               and (node.module or "").startswith("mkdocs")
               for alias in node.names if alias.name.startswith("_")]
    assert private == []
    from plugin_harness import configure as harness_configure

    assert "configure_site" in harness_configure.__code__.co_names


def test_the_extension_takes_a_locale_for_its_language(tmp_path: Path) -> None:
    import markdown

    folder = write_glossary(tmp_path / "glossary", {"pod.yml": term_yaml("파드", "Pod")})
    html = markdown.markdown("파드는 작다.", extensions=[
        "bilingual_glossary.extension"], extension_configs={
        "bilingual_glossary.extension": {"glossary_dir": str(folder), "lang": "ko_KR"}})
    assert 'data-term="pod"' in html
