"""The loader: each kind of bad input gives one clear problem naming file, field and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary
from factory import VALID, make_glossary, only_problem, problems_of, term_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_valid_glossary_loads_with_relations(tmp_path: Path) -> None:
    glossary = load_glossary(make_glossary(tmp_path, VALID))
    assert list(glossary.terms) == ["cluster", "node", "pod"]
    assert glossary["pod"].text["ko"].term == "파드"
    assert [t.id for t in glossary.parts("cluster")] == ["node"]
    assert glossary.tags["fundamental"]["en"] == "Fundamentals"


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {**VALID, "pod.yml": "ko:\n  term: 파드\n  short: [x\n"})
    message = only_problem(folder)
    assert message.startswith("glossary/pod.yml: line 4: is not valid YAML")
    assert "Fix:" in message


def test_missing_language(tmp_path: Path) -> None:
    text = "ko:\n  term: 파드\n  short: 가장 작은 단위.\n"
    message = only_problem(make_glossary(tmp_path, {**VALID, "pod.yml": text}))
    assert message.startswith("glossary/pod.yml: en: is missing")
    assert "add a `en:` section" in message


def test_missing_field_and_empty_short_reported_together(tmp_path: Path) -> None:
    text = "ko:\n  short: ''\nen:\n  term: Pod\n  short: Smallest unit.\n"
    problems = problems_of(make_glossary(tmp_path, {**VALID, "pod.yml": text}))
    assert "glossary/pod.yml: ko.term: is missing." in problems[0]
    assert "glossary/pod.yml: ko.short: is empty." in problems[1]
    assert len(problems) == 2


@pytest.mark.parametrize("field", ["part_of", "kind_of", "related"])
def test_unknown_id_in_relation(tmp_path: Path, field: str) -> None:
    value: object = ["nodes"] if field == "related" else "nodes"
    files = {**VALID, "pod.yml": term_yaml("파드", "Pod", **{field: value})}
    message = only_problem(make_glossary(tmp_path, files))
    assert message.startswith(f"glossary/pod.yml: {field}: 'nodes' is not a term id.")
    assert "glossary/nodes.yml" in message


def test_part_of_cycle_is_printed(tmp_path: Path) -> None:
    files = {**VALID, "cluster.yml": term_yaml("클러스터", "Cluster", part_of="pod")}
    message = only_problem(make_glossary(tmp_path, files))
    assert "part_of: forms a cycle:" in message
    for step in ("cluster (part_of)", "node (part_of)", "pod (part_of)"):
        assert step in message


def test_kind_of_cycle(tmp_path: Path) -> None:
    files = {
        **VALID,
        "a.yml": term_yaml("가", "A", kind_of="b"),
        "b.yml": term_yaml("나", "B", kind_of="a"),
    }
    message = only_problem(make_glossary(tmp_path, files))
    assert "kind_of: forms a cycle: a (kind_of) → b (kind_of) → a." in message


def test_alias_claimed_by_two_terms(tmp_path: Path) -> None:
    files = {**VALID, "node.yml": term_yaml("노드", "Node", part_of="cluster")
             .replace("aliases: []", "aliases: [파드]", 1)}
    message = only_problem(make_glossary(tmp_path, files))
    # terms are checked in id order: node claims 파드 first, then pod's own name clashes
    assert message.startswith("glossary/pod.yml: ko.term: '파드' is already a name of 'node' "
                              "(glossary/node.yml)")


def test_same_name_in_english_is_case_insensitive(tmp_path: Path) -> None:
    files = {**VALID, "pods.yml": term_yaml("파드들", "POD")}
    message = only_problem(make_glossary(tmp_path, files))
    assert message.startswith("glossary/pods.yml: en.term: 'POD' is already a name of 'pod' "
                              "(glossary/pod.yml)")


def test_names_that_differ_only_in_spacing_clash_naming_both_files(tmp_path: Path) -> None:
    """The matcher finds 컨테이너 런타임 written without the space: it is one name."""
    files = {"container-runtime.yml": term_yaml("컨테이너 런타임", "Container runtime"),
             "runtime2.yml": term_yaml("컨테이너런타임", "Runtime two")}
    message = only_problem(make_glossary(tmp_path, files))
    assert message.startswith("glossary/runtime2.yml: ko.term: '컨테이너런타임' is already a "
                              "name of 'container-runtime' (glossary/container-runtime.yml)")
    assert "differ only in case, spaces, hyphens or CamelCase humps" in message


def test_spacing_variant_inside_one_term_is_named(tmp_path: Path) -> None:
    files = {"worker-node.yml": term_yaml("워커 노드", "Worker node")
             .replace("aliases: []", "aliases: [워커노드]", 1)}
    message = only_problem(make_glossary(tmp_path, files))
    assert message == ("glossary/worker-node.yml: ko.aliases: '워커노드' is the same name as "
                       "'워커 노드': names that differ only in case, spacing or hyphens are one "
                       "name, and every spacing is matched. Fix: list '워커 노드' once.")


def test_spacing_to_avoid_may_differ_from_the_term_only_in_spacing(tmp_path: Path) -> None:
    text = term_yaml("로드 밸런싱", "Load balancing").replace(
        "aliases: []", "aliases: []\n  avoid: [로드밸런싱]", 1)
    glossary = load_glossary(make_glossary(tmp_path, {"load-balancing.yml": text}))
    assert glossary["load-balancing"].text["ko"].avoid == ("로드밸런싱",)


def test_a_broken_file_is_one_problem_not_a_cascade(tmp_path: Path) -> None:
    """Other files that name the broken term are not also reported as naming an unknown id."""
    files = {**VALID, "pod.yml": "ko: [unclosed\n",
             "container.yml": term_yaml("컨테이너", "Container", part_of="pod",
                                        related=["pod"])}
    message = only_problem(make_glossary(tmp_path, files))
    assert message.startswith("glossary/pod.yml: line 2: is not valid YAML")


def test_per_language_docs_links(tmp_path: Path) -> None:
    text = term_yaml("파드", "Pod", docs="https://kubernetes.io/docs/concepts/workloads/pods/")
    text = text.replace("short: 파드의 정의.", "short: 파드의 정의.\n  docs: "
                        "https://kubernetes.io/ko/docs/concepts/workloads/pods/", 1)
    glossary = load_glossary(make_glossary(tmp_path, {"pod.yml": text}))
    assert glossary["pod"].docs("ko") == "https://kubernetes.io/ko/docs/concepts/workloads/pods/"
    assert glossary["pod"].docs("en") == "https://kubernetes.io/docs/concepts/workloads/pods/"


def test_bad_docs_link_in_a_language_section(tmp_path: Path) -> None:
    text = term_yaml("파드", "Pod").replace("short: Definition of Pod.",
                                            "short: Definition of Pod.\n  docs: pods.html", 1)
    message = only_problem(make_glossary(tmp_path, {"pod.yml": text}))
    assert message.startswith("glossary/pod.yml: en.docs: must be an http(s) URL.")


@pytest.mark.parametrize("name", ["Pod.yml", "pod_x.yml", "-pod.yml", "pod--x.yml"])
def test_invalid_id(tmp_path: Path, name: str) -> None:
    message = only_problem(make_glossary(tmp_path, {**VALID, name: term_yaml("가", "A")}))
    assert message.startswith(f"glossary/{name}: id: ")
    assert "lowercase letters, digits and single hyphens" in message


def test_non_yml_file_is_reported_not_ignored(tmp_path: Path) -> None:
    message = only_problem(make_glossary(tmp_path, {**VALID, "pod.yaml": "x: 1\n"}))
    assert message.startswith("glossary/pod.yaml: is not a term file")


def test_unknown_tag(tmp_path: Path) -> None:
    files = {**VALID, "pod.yml": term_yaml("파드", "Pod", tags=["basics"])}
    message = only_problem(make_glossary(tmp_path, files))
    assert message.startswith("glossary/pod.yml: tags: 'basics' is not a known tag.")
    assert "fundamental" in message


def test_unknown_keys_reported(tmp_path: Path) -> None:
    text = term_yaml("파드", "Pod", partof="node").replace("  short:", "  shrot: x\n  short:", 1)
    problems = problems_of(make_glossary(tmp_path, {**VALID, "pod.yml": text}))
    assert any(p.startswith("glossary/pod.yml: partof: is not a known field.") for p in problems)
    assert any(p.startswith("glossary/pod.yml: ko.shrot: is not a known field.") for p in problems)


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    files = {
        **VALID,
        "pod.yml": term_yaml("파드", "Pod", tags=["nope"]),
        "node.yml": "ko: [\n",
    }
    problems = problems_of(make_glossary(tmp_path, files))
    assert len(problems) == 2
    assert {p.split(":")[0] for p in problems} == {"glossary/pod.yml", "glossary/node.yml"}


def test_template_syntax_in_definition_stays_text(tmp_path: Path) -> None:
    text = term_yaml("파드", "Pod").replace("Definition of Pod.", "'{{ 7*7 }} stays'")
    glossary = load_glossary(make_glossary(tmp_path, {**VALID, "pod.yml": text}))
    assert glossary["pod"].text["en"].short == "{{ 7*7 }} stays"


def test_report_has_no_traceback(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, {"pod.yml": "en: {term: Pod, short: x}\n"})
    with pytest.raises(GlossaryError) as info:
        load_glossary(folder)
    report = info.value.report()
    assert report.splitlines()[0] == "The glossary has 1 problem:"
    assert "Traceback" not in report


YAML_TEXT = st.one_of(
    st.text(max_size=200),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["ko", "en", "term", "short", "aliases", "part_of",
                                           "related", "tags", "kind_of", "docs", "x"]),
                          children, max_size=5),
        max_leaves=20,
    ).map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=YAML_TEXT)
def test_loader_returns_glossary_or_own_error(tmp_path_factory: pytest.TempPathFactory,
                                              text: str) -> None:
    folder = make_glossary(tmp_path_factory.mktemp("prop"), {**VALID, "pod.yml": ""})
    (folder / "pod.yml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        glossary = load_glossary(folder)
    except GlossaryError as exc:
        assert exc.problems
        assert all(p.file.startswith("glossary/") for p in exc.problems)
    else:
        assert "pod" in glossary


def test_non_utf8_file(tmp_path: Path) -> None:
    folder = make_glossary(tmp_path, VALID)
    (folder / "pod.yml").write_bytes("ko:\n  term: 파드\n".encode("euc-kr"))
    assert only_problem(folder).startswith("glossary/pod.yml: is not UTF-8 text.")


@pytest.mark.parametrize(("extra", "expected"), [
    ({"docs": "kubernetes.io/docs"}, "docs: must be an http(s) URL."),
    ({"standalone": ""}, "standalone: must give the reason no page uses this term."),
    ({"inherit_parts": "no"}, "inherit_parts: must be true or false."),
    ({"related": "node"}, None),
])
def test_field_types(tmp_path: Path, extra: dict[str, object], expected: str | None) -> None:
    folder = make_glossary(tmp_path, {**VALID, "pod.yml": term_yaml("파드", "Pod", **extra)})
    if expected is None:
        assert load_glossary(folder)["pod"].related == ("node",)
    else:
        assert only_problem(folder).startswith(f"glossary/pod.yml: {expected}")
