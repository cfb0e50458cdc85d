"""Table-driven tests of the term matcher: Korean endings, English plurals, longest match,
and what a glossary file says about its term's mentions (action, not_after, not_before,
case_sensitive)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from bilingual_glossary import GlossaryError, load_glossary
from bilingual_glossary.data.model import Glossary, Term, TermText
from bilingual_glossary.data.names import words_key
from bilingual_glossary.data.sense import Sense
from bilingual_glossary.matching import exclusions
from bilingual_glossary.matching.annotate import Annotator
from bilingual_glossary.matching.endings import (
    EndingsTableError,
    korean_endings,
    parse_table,
)
from bilingual_glossary.matching.exclusions import MentionRules
from bilingual_glossary.matching.matcher import Matcher, english_plurals
from factory import make_glossary as write_glossary
from factory import term_yaml
from hypothesis import given, settings
from hypothesis import strategies as st

# (id, ko term, ko aliases, en term, en aliases)
TERMS = [
    ("kubernetes", "쿠버네티스", ["쿠버 네티스", "쿠베"], "Kubernetes", ["K8s"]),
    ("cluster", "클러스터", [], "Cluster", []),
    ("node", "노드", [], "Node", []),
    ("master-node", "마스터 노드", ["마스터노드", "마스터"], "Master node", ["master"]),
    ("worker-node", "워커 노드", ["워커노드", "워커"], "Worker node", ["worker"]),
    ("pod", "파드", ["포드"], "Pod", []),
    ("container", "컨테이너", [], "Container", []),
    ("image", "컨테이너 이미지", ["이미지"], "Container image", ["image"]),
    ("secret", "시크릿", [], "Secret", []),
    ("controller", "컨트롤러", [], "Controller", []),
    ("kube-controller-manager", "컨트롤러 매니저", ["kube-controller-manager"],
     "Controller manager", ["kube-controller-manager"]),
    ("horizontal-pod-autoscaler", "Horizontal Pod Autoscaler", ["HPA", "오토스케일러"],
     "Horizontal Pod Autoscaler", ["HPA"]),
    ("load-balancing", "로드 밸런싱", ["로드밸런싱", "부하 분산", "부하분산"],
     "Load balancing", ["load balancer"]),
    ("replica-set", "레플리카셋", ["레플리카 셋"], "ReplicaSet", ["replica set"]),
    ("etcd", "etcd", [], "etcd", []),
    ("kube-apiserver", "API 서버", ["kube-apiserver"], "API server", ["kube-apiserver"]),
    ("ingress", "인그레스", [], "Ingress", []),
    ("self-healing", "자가 치유", ["자동 복구"], "Self-healing", []),
    ("policy", "정책", [], "Policy", []),
    # for the endings table and the glossary's own rules; a sixth item holds extra fields:
    # "action" for the term, {"ko": {...}, "en": {...}} for TermText fields
    ("container-runtime", "컨테이너 런타임", [], "Container runtime", []),
    ("rollback", "롤백", [], "Rollback", [], {"action": True}),
    ("label", "레이블", [], "Label", []),
    ("namespace", "네임스페이스", [], "Namespace", []),
    ("service", "서비스", [], "Service", [], {
        "ko": {"not_after": ("마이크로", "아마존 웹"), "not_before": ("중단",)},
        "en": {"case_sensitive": True, "not_after": ("Amazon Web",), "not_before": ("mesh",)}}),
    ("service-account", "서비스 어카운트", [], "ServiceAccount", []),
    ("job", "잡", [], "Job", [], {
        "ko": {"not_after": ("을", "를"), "not_before": ("아", "고")},
        "en": {"case_sensitive": True}}),
]


def make_glossary(rows=TERMS) -> Glossary:
    terms = {}
    for term_id, ko, ko_aliases, en, en_aliases, *extra in rows:
        fields = extra[0] if extra else {}
        terms[term_id] = Term(id=term_id, action=fields.get("action", False), text={
            "ko": TermText(ko, tuple(ko_aliases), f"{ko} 정의.", **fields.get("ko", {})),
            "en": TermText(en, tuple(en_aliases), f"Definition of {en}.",
                           **fields.get("en", {})),
        })
    return Glossary(dict(sorted(terms.items())))


GLOSSARY = make_glossary()
KO = Matcher.for_glossary(GLOSSARY, "ko")
EN = Matcher.for_glossary(GLOSSARY, "en")
KO_ANNOTATOR = Annotator(GLOSSARY, "ko")
EN_ANNOTATOR = Annotator(GLOSSARY, "en")


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term_id) for m in matcher.find(text)]


# Korean picks a particle by the sound before it: 파드는 but 시크릿은.
ANY_SOUND = [
    "의", "에", "에서", "에게", "도", "만", "이란", "이나", "들", "들이", "들을", "들의", "에서는",
    "에는", "에게는", "들에서", "들과", "만의", "까지", "부터", "처럼", "마다",
]
AFTER_VOWEL = ["는", "가", "를", "와", "로", "란", "나", "로는"]  # 파드는
AFTER_CONSONANT = ["은", "이", "을", "과", "으로", "으로는"]  # 시크릿은


@pytest.mark.parametrize("particle", ANY_SOUND + AFTER_VOWEL + AFTER_CONSONANT)
def test_every_particle_after_a_latin_name(particle: str):
    assert found(KO, f"그 etcd{particle} 여기 있다.") == [("etcd", "etcd")]


@pytest.mark.parametrize("particle", ANY_SOUND + AFTER_VOWEL)
def test_particles_after_a_vowel(particle: str):
    assert found(KO, f"그 파드{particle} 여기 있다.") == [("파드", "pod")]


@pytest.mark.parametrize("particle", ANY_SOUND + AFTER_CONSONANT)
def test_particles_after_a_consonant(particle: str):
    assert found(KO, f"그 시크릿{particle} 여기 있다.") == [("시크릿", "secret")]


@pytest.mark.parametrize("text", [
    *(f"그 파드{p} 여기" for p in AFTER_CONSONANT),
    *(f"그 시크릿{p} 여기" for p in AFTER_VOWEL),
    "레이블으로", "네임스페이스으로",  # 으로 is wrong after a vowel and after ㄹ
])
def test_a_particle_of_the_wrong_sound_is_another_word(text: str):
    assert found(KO, text) == []


@pytest.mark.parametrize("text,expected", [
    # copula and connectives: the full term wins, not the shorter 컨테이너
    ("컨테이너 런타임이지만", [("컨테이너 런타임", "container-runtime")]),
    ("컨테이너 런타임이며", [("컨테이너 런타임", "container-runtime")]),
    ("컨테이너 런타임인 containerd", [("컨테이너 런타임", "container-runtime")]),
    ("시크릿이다.", [("시크릿", "secret")]),
    ("파드이고", [("파드", "pod")]),
    # after a vowel the copula may drop its 이
    ("파드다.", [("파드", "pod")]), ("파드지만", [("파드", "pod")]), ("파드며", [("파드", "pod")]),
    ("파드고", [("파드", "pod")]), ("파드라는", [("파드", "pod")]),
    ("시크릿다", []), ("시크릿지만", []),  # not after a final consonant
    # attached suffixes, alone and with particles
    ("노드별로", [("노드", "node")]), ("시크릿당", [("시크릿", "secret")]),
    ("네임스페이스용으로", [("네임스페이스", "namespace")]), ("파드내에", [("파드", "pod")]),
    ("파드간", [("파드", "pod")]), ("롤백시", [("롤백", "rollback")]),
    ("파드들마다", [("파드", "pod")]), ("노드마다", [("노드", "node")]),
    ("레이블별로", [("레이블", "label")]),
    # two suffixes in a row are a different word (서비스 시간 is not a mention)
    ("노드시간", []), ("파드내용", []),
    # a copula form then a particle
    ("파드인지를", [("파드", "pod")]),
])
def test_korean_endings_from_the_table(text: str, expected: list[tuple[str, str]]):
    assert found(KO, text) == expected


@pytest.mark.parametrize("text", ["롤백한다", "롤백하기 전에", "롤백된 버전", "롤백할 때",
                                  "롤백했다", "롤백해야", "롤백됩니다", "롤백시킨다"])
def test_verbs_of_a_term_that_names_an_action(text: str):
    assert found(KO, text) == [("롤백", "rollback")]


@pytest.mark.parametrize("text", ["노드한다", "파드된", "시크릿하기", "클러스터했다"])
def test_no_verbs_for_other_terms(text: str):
    assert found(KO, text) == []


def test_a_longer_action_name_that_fails_falls_back_to_the_verb_check():
    matcher = Matcher({"롤": "x", "롤백": "rollback", "롤백업": "y"}, "ko", actions=["롤백"])
    assert found(matcher, "롤백한다") == [("롤백", "rollback")]
    assert found(matcher, "롤백업을") == [("롤백업", "y")]
    assert found(matcher, "롤한다") == []


KOREAN_CASES = [
    # (text, expected matches)
    ("파드", [("파드", "pod")]),
    ("(파드)", [("파드", "pod")]),
    ("파드,노드.", [("파드", "pod"), ("노드", "node")]),
    ("파드입니다.", [("파드", "pod")]),
    ("3노드 클러스터", [("노드", "node"), ("클러스터", "cluster")]),
    ("노드(node)란", [("노드", "node")]),
    # not terms: a longer word, or a particle followed by more Hangul
    ("클러스터링", []),
    ("컨테이너선", []),
    ("시크릿가든", []),
    ("노드풀을 만든다", []),
    ("쿠버네티스적", []),
    # a term inside a longer Hangul word
    ("미니파드", []),
    ("슈퍼노드를", []),
    # longest match first, compounds that name a thing of their own included
    ("서비스 어카운트를", [("서비스 어카운트", "service-account")]),
    ("서비스어카운트는", [("서비스어카운트", "service-account")]),
    ("마스터 노드에서", [("마스터 노드", "master-node")]),
    ("워커 노드들이", [("워커 노드", "worker-node")]),
    ("마스터노드와 워커노드를", [("마스터노드", "master-node"), ("워커노드", "worker-node")]),
    ("컨트롤러 매니저가", [("컨트롤러 매니저", "kube-controller-manager")]),
    ("컨트롤러가", [("컨트롤러", "controller")]),
    ("컨테이너 이미지를", [("컨테이너 이미지", "image")]),
    ("컨테이너 안에", [("컨테이너", "container")]),
    ("Horizontal Pod Autoscaler는", [("Horizontal Pod Autoscaler", "horizontal-pod-autoscaler")]),
    # a longer name that fails its boundary falls back to a shorter one
    ("마스터 노드풀", [("마스터", "master-node")]),
    # aliases, spacing variants, whitespace runs and line breaks inside a name
    ("포드를", [("포드", "pod")]),
    ("부하분산과 부하 분산", [("부하분산", "load-balancing"), ("부하 분산", "load-balancing")]),
    ("로드\n  밸런싱을", [("로드\n  밸런싱", "load-balancing")]),
    ("로드-밸런싱을", [("로드-밸런싱", "load-balancing")]),  # a hyphen where the name has a space
    ("워커-노드", [("워커-노드", "worker-node")]),
    ("쿠버 네티스에 대해", [("쿠버 네티스", "kubernetes")]),
    ("HPA가", [("HPA", "horizontal-pod-autoscaler")]),
    ("오토스케일러는", [("오토스케일러", "horizontal-pod-autoscaler")]),
    # Latin names on Korean pages: whole words, particles allowed
    ("kube-apiserver가", [("kube-apiserver", "kube-apiserver")]),
    ("API 서버를", [("API 서버", "kube-apiserver")]),
    ("etcdctl", []),
    ("my-etcd", []),
    ("etcd.io", []),
    ("Etcd는", [("Etcd", "etcd")]),
    # Hangul right after a Latin name must be particles; a Hangul name may follow Latin
    ("etcd클러스터", [("클러스터", "cluster")]),
]


@pytest.mark.parametrize("text,expected", KOREAN_CASES)
def test_korean(text: str, expected: list[tuple[str, str]]):
    assert found(KO, text) == expected


ENGLISH_CASES = [
    ("Pod", [("Pod", "pod")]),
    ("pods", [("pods", "pod")]),
    ("PODS", [("PODS", "pod")]),
    ("Nodes and a node.", [("Nodes", "node"), ("node", "node")]),
    ("ReplicaSets", [("ReplicaSets", "replica-set")]),
    ("replica sets", [("replica sets", "replica-set")]),
    ("Replica\nSet", [("Replica\nSet", "replica-set")]),
    ("Ingresses", [("Ingresses", "ingress")]),
    ("policies", [("policies", "policy")]),
    ("K8s", [("K8s", "kubernetes")]),
    ("the Pod's IP", [("Pod", "pod")]),
    ("(pods)", [("pods", "pod")]),
    ("Self-healing", [("Self-healing", "self-healing")]),
    # longest match first
    ("master nodes", [("master nodes", "master-node")]),
    ("Master Node", [("Master Node", "master-node")]),
    ("worker nodes", [("worker nodes", "worker-node")]),
    ("Horizontal Pod Autoscalers", [("Horizontal Pod Autoscalers", "horizontal-pod-autoscaler")]),
    ("HPAs", [("HPAs", "horizontal-pod-autoscaler")]),
    ("Controller manager", [("Controller manager", "kube-controller-manager")]),
    ("container images", [("container images", "image")]),
    ("load balancers", [("load balancers", "load-balancing")]),
    # a CamelCase name also matches with spaces at its humps, in any case
    ("service accounts", [("service accounts", "service-account")]),
    ("Service Account", [("Service Account", "service-account")]),
    ("ServiceAccounts", [("ServiceAccounts", "service-account")]),
    ("Replica Sets", [("Replica Sets", "replica-set")]),
    # a hyphen where the name has a space or a hump, and a space where it has a hyphen: one
    # gap, as the loader's name rule has it (data/names.py)
    ("load-balancing rules", [("load-balancing", "load-balancing")]),
    ("the worker-node pool", [("worker-node", "worker-node")]),
    ("service-account tokens", [("service-account", "service-account")]),
    ("kube-controller-manager", [("kube-controller-manager", "kube-controller-manager")]),
    ("kube controller manager", [("kube controller manager", "kube-controller-manager")]),
    # whole words only
    ("podcast", []),
    ("apod", []),
    ("nodejs", []),
    ("pod-template", []),
    ("multi-container", []),
    ("etcd.io", []),
    ("secretive", []),
    ("Nodeless", []),
]


@pytest.mark.parametrize("text,expected", ENGLISH_CASES)
def test_english(text: str, expected: list[tuple[str, str]]):
    assert found(EN, text) == expected


@pytest.mark.parametrize("text,expected", [
    # case_sensitive: the name as written counts, the everyday lower-case word does not
    ("a Service and a service", [("Service", "service")]),
    ("Services", [("Services", "service")]),
    ("SERVICE", []),
    ("the kubelet's job is to run a Job", [("Job", "job")]),
    # not_after, with any spacing, case or hyphen between the words
    ("Amazon Web Services", []),
    ("amazon  web Services", []),
    ("Amazon-Web Services", []),
    ("Amazon Web. Services", [("Services", "service")]),  # punctuation ends the neighbourhood
    # other terms keep matching in any case
    ("Pod pod POD", [("Pod", "pod"), ("pod", "pod"), ("POD", "pod")]),
])
def test_english_rules_from_the_glossary(text: str, expected: list[tuple[str, str]]):
    assert found(EN, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("마이크로 서비스", []),
    ("마이크로서비스", []),  # Hangul before it: not a name in any case
    ("마이크로-서비스라고", []),
    ("아마존 웹 서비스(AWS)", []),
    ("아마존웹\n서비스", []),
    ("서비스 중단", []),
    ("서비스중단", []),
    ("서비스가 중단", [("서비스", "service")]),  # not_before is read right after the name
    ("웹 서비스", [("서비스", "service")]),  # 웹 alone is not listed here
    ("서비스를 만든다", [("서비스", "service")]),
    ("공을 잡은 손", []),
    ("손을 잡고", []),
    ("잡아", []),
    ("잡은 파드를 만든다", [("잡", "job"), ("파드", "pod")]),
    ("잡을 지운다", [("잡", "job")]),
])
def test_korean_rules_from_the_glossary(text: str, expected: list[tuple[str, str]]):
    assert found(KO, text) == expected


@pytest.mark.parametrize("html,expected", [
    ("<p><strong>마이크로</strong> 서비스</p>", set()),  # formatting tags are see-through
    ("<p>마이크로</p><p>서비스는</p>", {"service"}),  # a new paragraph is not a neighbour
    ("<p>마이크로 &#49436;비스</p>", set()),  # decoded on the slow path, same answer
    ("<p>아마존 &#50937; 서비스</p>", set()),
    ('<p>서비스 <a href="x">중단</a></p>', set()),
    ("<p>서비스 <em>중</em>단</p>", set()),
    ("<p>서비스<br>중단</p>", {"service"}),
])
def test_rules_are_judged_on_the_page_html(html: str, expected: set[str]):
    assert KO_ANNOTATOR.annotate(html, "g/").used == expected


def test_english_rules_on_the_page_html():
    html = "<p>Amazon <em>Web</em> Services, a service, a Service&nbsp;mesh, the Service.</p>"
    result = EN_ANNOTATOR.annotate(html, "g/")
    assert result.used == {"service"}
    assert result.html.count("glossary-term") == 1
    assert '">Service</a>.' in result.html


def test_english_names_do_not_match_on_korean_pages_and_vice_versa():
    assert found(KO, "Pod와 Node") == []
    assert found(EN, "파드와 노드") == []


@pytest.mark.parametrize("name,plurals", [
    ("Pod", ["Pods"]), ("ReplicaSet", ["ReplicaSets"]), ("worker node", ["worker nodes"]),
    ("Ingress", ["Ingresses"]), ("Policy", ["Policies"]), ("Key", ["Keys"]), ("HPA", ["HPAs"]),
    ("파드", []), ("kube-apiserver 2", []),
])
def test_english_plurals(name: str, plurals: list[str]):
    assert english_plurals(name) == plurals


def test_one_regex_per_language_whatever_the_glossary_size():
    generated = [(f"t{i}", f"용어{i}번", [], f"Term{i}x", []) for i in range(300)]
    big = make_glossary([*TERMS, *generated])
    matcher = Matcher.for_glossary(big, "ko")
    assert found(matcher, "용어7번을 보고 파드를") == [("용어7번", "t7"), ("파드", "pod")]
    # the trie shares prefixes: each name is not spelled out in full
    assert matcher.regex.pattern.count("용어") < 10


def test_same_glossary_gives_the_same_pattern():
    assert Matcher.for_glossary(GLOSSARY, "ko").regex.pattern == KO.regex.pattern


def test_empty_glossary_matches_nothing():
    matcher = Matcher.for_glossary(Glossary({}), "ko")
    assert list(matcher.find("파드")) == []


# --- the endings table: one file, read by the matcher and the coverage report -------------

def test_the_packaged_table_has_each_group_of_the_issue():
    table = korean_endings()
    forms = table.all_forms()
    for form in ["은", "는", "이다", "이지만", "이며", "이고", "이라", "인", "이나",
                 "별", "당", "용", "간", "내", "시", "들", "마다", "하", "되"]:
        assert form in forms, form
    assert dict(table.endings)["vowel"][:3] == ("는", "가", "를")


@pytest.mark.parametrize("data,message", [
    ([], "korean_endings.yml: must map plural, suffixes, endings and action_verbs."),
    ({"plural": ["들"], "suffixes": [], "endings": {"after_vowel": ["는"]}, "action_verbs": []},
     "korean_endings.yml: endings.after_vowel: is not a known condition."),
    ({"plural": ["들"], "suffixes": ["별 "], "endings": {}, "action_verbs": []},
     "korean_endings.yml: suffixes: must be a list of Hangul forms."),
    ({"plural": ["들"], "suffixes": [], "endings": {}, "action_verbs": [], "verbs": []},
     "korean_endings.yml: verbs: is not a known key."),
])
def test_a_broken_endings_table_names_the_key_and_the_fix(data, message: str):
    with pytest.raises(EndingsTableError) as info:
        parse_table(data)
    assert isinstance(info.value, GlossaryError)  # reported as the plugin reports those
    assert len(info.value.problems) == 1
    assert str(info.value.problems[0]).startswith(message)
    assert " Fix: " in str(info.value.problems[0])


# --- the loader's checks of the new fields ------------------------------------------------

def _load_with(tmp_path: Path, **fields: object) -> Glossary:
    """A two-term glossary; `fields` go into service.yml, whole ko/en sections included."""
    service = {"ko": {"term": "서비스", "short": "정의."},
               "en": {"term": "Service", "short": "Definition."}, **fields}
    files = {"cluster.yml": term_yaml("클러스터", "Cluster"),
             "service.yml": yaml.safe_dump(service, allow_unicode=True)}
    return load_glossary(write_glossary(tmp_path, files))


def _problem(tmp_path: Path, **fields: object) -> str:
    with pytest.raises(GlossaryError) as info:
        _load_with(tmp_path, **fields)
    problems = [str(p) for p in info.value.problems]
    assert len(problems) == 1, problems
    return problems[0]


def test_the_new_fields_load(tmp_path: Path):
    glossary = _load_with(tmp_path, action=True)
    assert glossary["service"].action is True
    assert glossary["cluster"].action is False
    text = glossary["cluster"].text["ko"]
    assert (text.not_after, text.not_before, text.case_sensitive) == ((), (), False)


def test_exclusions_load_per_language(tmp_path: Path):
    ko = {"term": "서비스", "short": "정의.", "not_after": ["마이크로", "아마존 웹"],
          "not_before": "중단"}
    en = {"term": "Service", "short": "Definition.", "case_sensitive": True}
    service = _load_with(tmp_path, ko=ko, en=en)["service"]
    assert service.text["ko"].not_after == ("마이크로", "아마존 웹")
    assert service.text["ko"].not_before == ("중단",)
    assert service.text["en"].case_sensitive is True


@pytest.mark.parametrize("section,expected", [
    ({"not_after": [1, 2]}, "ko.not_after: must be a list of non-empty text items."),
    ({"not_before": ["중단", "  중 단 "]},
     "ko.not_before: '중 단' is the same as '중단': spaces, hyphens and letter case"),
    ({"not_after": ["-"]}, "ko.not_after: '-' has no letters to compare."),
    ({"not_after": ["가" * 31]}, "is longer than 30 letters"),
    ({"case_sensitive": "yes"}, "ko.case_sensitive: must be true or false."),
])
def test_bad_exclusions_give_one_clear_problem(tmp_path: Path, section, expected: str):
    ko = {"term": "서비스", "short": "정의.", **section}
    message = _problem(tmp_path, ko=ko)
    assert message.startswith("glossary/service.yml: ")
    assert expected in message
    assert "Fix:" in message


def test_action_must_be_a_boolean(tmp_path: Path):
    message = _problem(tmp_path, action="yes")
    assert message.startswith("glossary/service.yml: action: must be true or false.")


# --- hostile input: the glossary's words are text, never patterns or markup ---------------

HOSTILE = make_glossary([
    ("pod", "파드", [], "Pod", [], {
        "ko": {"not_after": (".*", "(", "<b>", "&amp;"), "not_before": ("[", "\\", "$")},
        "en": {"case_sensitive": True, "not_after": ("a|b", "*")}}),
])


@pytest.mark.parametrize("text,expected", [
    ("파드는 여기", ["pod"]),
    (".* 파드", []), ("( 파드", []), ("파드[0]", []), ("파드\\n", []), ("파드$", []),
    ("x 파드 y", ["pod"]),
])
def test_hostile_exclusions_are_compared_as_text(text: str, expected: list[str]):
    assert [m.term_id for m in Matcher.for_glossary(HOSTILE, "ko").find(text)] == expected


def test_hostile_exclusions_in_html():
    annotator = Annotator(HOSTILE, "ko")
    assert annotator.annotate("<p>&lt;b&gt; 파드</p>", "g/").used == set()
    assert annotator.annotate("<p><b> 파드</b></p>", "g/").used == {"pod"}
    assert annotator.annotate("<p>&amp;amp; 파드</p>", "g/").used == set()
    english = Annotator(HOSTILE, "en")
    assert english.annotate("<p>a|b Pod, pod, Pod</p>", "g/").used == {"pod"}
    assert english.annotate("<p>a|b Pod, *Pod</p>", "g/").used == set()


# --- property: the quick look at the next letter never changes the answer -----------------

PIECES = st.sampled_from(["웹", "아마존", " ", "  ", "\n", "\u3000", "-", "<em>", "</em>",
                          "<p>", "</p>", '<span class="x">', "<br>", "&amp;", "&#50937;",
                          "&nbsp;", "중단", "중", "IP", "ip", "a", ">", "<", ";", ".", "공을",
                          '<em title="a>b">', "<span title='<p>'>", "<code>", "</code>"])
SIDE = st.lists(PIECES, max_size=8).map("".join)
RULES = MentionRules(not_after=("웹", "아마존웹", "을"), not_before=("중단", "ip"))


def _reads_everything(text: str, start: int, end: int, html: bool) -> bool:
    """The rules without the quick look: the whole neighbourhood, every time."""
    before = words_key(exclusions._side(text, start, -1, html))
    after = words_key(exclusions._side(text, end, 1, html))
    return not (before.endswith(RULES.not_after) or after.startswith(RULES.not_before))


@settings(max_examples=400, deadline=None)
@given(SIDE, SIDE, st.booleans())
def test_the_quick_look_agrees_with_reading_the_neighbourhood(before: str, after: str,
                                                              html: bool):
    text = f"{before}서비스{after}"
    start, end = len(before), len(before) + 3
    assert RULES.accepts(text, start, end, html) == _reads_everything(text, start, end, html)


# --- bounded work and character references (issue 23) ----------------------------------------

def _rows(*names: tuple[str, str]) -> list[tuple]:
    return [(f"t{i}", ko, [], en, []) for i, (ko, en) in enumerate(names)]


def test_a_name_of_hyphen_tokens_does_not_hang_on_a_run_of_hyphens():
    glossary = make_glossary(_rows(("가" + " -" * 12 + " 나", "a" + " -" * 12 + " b")))
    annotator = Annotator(glossary, "en")
    page = "<p>x a" + "-" * 40 + "c and a - - - - - - - - - - - - b</p>"
    started = time.perf_counter()
    result = annotator.annotate(page, "g/", every=True)
    assert time.perf_counter() - started < 1.0
    assert result.used == {"t0"}
    assert Matcher.for_glossary(glossary, "en").term_ids("a" + "-" * 5000 + "c") == set()


def test_a_space_still_finds_a_hyphen_after_a_hyphen_step():
    matcher = Matcher({"a - b": "x", "a c": "y"}, "en")
    assert [t for _, _, t in matcher.spans("a-b, a - b, a-c, a  c")] == ["x", "x", "y", "y"]


@pytest.mark.parametrize("page", [
    "<p>Tom &amp; Jerry say &quot;hi&quot; &para; &#34;x&#34; &#xa0;</p>",
    "<p>Tom &AMP; Jerry</p>",
])
def test_english_names_that_spell_references_are_not_found_inside_them(page: str):
    glossary = make_glossary(_rows(("앰프", "amp"), ("따옴표", "quot"), ("문단", "para"),
                                   ("숫자", "34"), ("공백", "xa0")))
    result = Annotator(glossary, "en").annotate(page, "g/", every=True)
    assert result.used == frozenset() and result.html == page


def test_a_name_after_an_escaped_ampersand_is_still_found():
    glossary = make_glossary(_rows(("디", "D")))
    result = Annotator(glossary, "en").annotate("<p>R&amp;D and D</p>", "g/", every=True)
    assert result.html.count('class="glossary-term"') == 2


NAME_PIECES = st.sampled_from(["a", "b", "-", " ", "  ", "&", "amp", ";", "가", "나", ".", "x"])
PAGE_PIECES = st.sampled_from(["a", "b", "-" * 40, "-", " ", " " * 30, "&amp;", "&nbsp;",
                               "가", "나", "<em>", "</em>", "\n", ".", "x", "&#34;"])


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.lists(NAME_PIECES, min_size=1, max_size=14).map("".join),
                      min_size=1, max_size=4),
       page=st.lists(PAGE_PIECES, max_size=60).map("".join))
def test_any_names_on_any_page_take_bounded_time(names: list[str], page: str):
    rows = [(f"t{i}", f"가{name}", [], name, []) for i, name in enumerate(names)
            if name.strip()]
    glossary = make_glossary(rows)
    for lang in ("ko", "en"):
        annotator = Annotator(glossary, lang)
        assert annotator.matcher.regex  # compiled before the clock starts
        started = time.perf_counter()
        annotator.annotate(f"<p>{page}</p>", "g/", every=True)
        list(annotator.matcher.spans(page))
        # a backtracking regex takes seconds to hours here; a linear one, milliseconds
        assert time.perf_counter() - started < 2.0, (names, page)


# --- sense: telling an ambiguous name's object from the everyday word (data/sense.py) ---------

SENSE = Sense(shown_by=("Service", "엔드포인트"), everyday_after=("원격", "필요한"),
              object_after=("NodePort", "헤드리스"), latin_name="everyday")
SENSE_GLOSSARY = make_glossary([
    ("service", "서비스", [], "Service", [], {"ko": {"sense": SENSE}}),
    ("pod", "파드", [], "Pod", []),
    ("image", "이미지", [], "Image", [], {"ko": {"sense": Sense(shown_by=("레지스트리",))}}),
])
SENSE_KO = Matcher.for_glossary(SENSE_GLOSSARY, "ko")
SENSE_ANNOTATOR = Annotator(SENSE_GLOSSARY, "ko")


@pytest.mark.parametrize("text,expected", [
    # a Latin-script name right before it: a component or product
    ("파드 앞의 Konnectivity 서비스가 돈다.", ["파드"]),
    ("파드와 (AWS 서비스)", ["파드"]),
    # but not code, and not the object's own kinds
    ("파드 앞의 `my-svc` 서비스가 돈다.", ["파드", "서비스"]),
    ("파드 앞의 NodePort 서비스가 돈다.", ["파드", "서비스"]),
    ("헤드리스 서비스에는 파드가 있다.", ["서비스", "파드"]),
    # a modifier that only the everyday word takes
    ("파드가 원격 서비스를 부른다.", ["파드"]),
    ("파드에 필요한 서비스", ["파드"]),
    # its English name in parentheses: the object, whatever comes before
    ("Konnectivity 서비스(Service)는 아니다.", ["서비스"]),
    ("원격 서비스 (Service)를 쓴다.", ["서비스"]),
])
def test_sense_cues_around_a_mention(text: str, expected: list[str]):
    assert [name for name, _ in found(SENSE_KO, text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("서비스를 만든다.", []),  # nothing on the page shows the object
    ("서비스를 만든다. 엔드포인트가 생긴다.", ["서비스"]),  # one of shown_by
    ("서비스를 만든다. 그다음 파드가 뜬다.", ["서비스", "파드"]),  # a term without a sense
    ("파드가 뜬다. 서비스를 만든다.", ["파드", "서비스"]),  # ... before it
    ("이미지와 서비스", []),  # terms with a sense do not show each other
])
def test_an_ambiguous_term_counts_only_where_the_page_shows_its_object(text, expected):
    assert [name for name, _ in found(SENSE_KO, text)] == expected
    marked = re.findall(r'data-term="([^"]*)"',
                        SENSE_ANNOTATOR.annotate(f"<p>{text}</p>", "g/").html)
    assert len(marked) == len(expected)


def test_the_page_shows_the_object_anywhere_even_in_code():
    page = "<p>서비스를 만든다.</p><pre><code>kind: Service</code></pre>"
    assert SENSE_ANNOTATOR.annotate(page, "g/").used == {"service"}
    assert list(SENSE_KO.spans("서비스를 만든다.", page="...Service...")) == [(0, 3, "service")]


def test_sense_cues_read_the_html_around_a_mention():
    result = SENSE_ANNOTATOR.annotate(
        "<p>파드, <code>my-svc</code> 서비스, <em>Konnectivity</em> 서비스, "
        "서비스<em>(Service)</em></p>", "g/", every=True)
    assert re.findall(r'data-term="([^"]*)"', result.html) == ["pod", "service", "service"]


def test_the_sense_field_loads(tmp_path: Path):
    ko = {"term": "서비스", "short": "정의.",
          "sense": {"shown_by": ["Service"], "everyday_after": "원격", "latin_name": "everyday"}}
    sense = _load_with(tmp_path, ko=ko)["service"].text["ko"].sense
    assert sense == Sense(shown_by=("Service",), everyday_after=("원격",), latin_name="everyday")


@pytest.mark.parametrize("sense,expected", [
    ("yes", "ko.sense: must be a mapping."),
    ({"shown": ["x"]}, "ko.sense.shown: is not a known field."),
    ({"shown_by": [1]}, "ko.sense.shown_by: must be a list of non-empty words."),
    ({"latin_name": "product"}, "ko.sense.latin_name: must be everyday or object"),
    ({"everyday_after": ["가" * 31]}, "ko.sense.everyday_after: '" + "가" * 31),
])
def test_a_bad_sense_field_gives_one_clear_problem(tmp_path: Path, sense, expected: str):
    message = _problem(tmp_path, ko={"term": "서비스", "short": "정의.", "sense": sense})
    assert message.startswith(f"glossary/service.yml: {expected}")
    assert "Fix:" in message


def test_latin_name_makes_no_sense_for_a_latin_name(tmp_path: Path):
    en = {"term": "Service", "short": "Definition.", "sense": {"latin_name": "everyday"}}
    message = _problem(tmp_path, en=en)
    assert message.startswith("glossary/service.yml: en.sense.latin_name: applies only")


def test_the_longer_name_wins_when_a_shorter_one_is_also_spelled_with_a_space():
    matcher = Matcher({"쿠버네티스": "k", "쿠버 네티스": "k", "쿠버네티스 클러스터": "c"}, "ko")
    text = "쿠버네티스 클러스터가, 쿠버 네티스, 쿠버-네티스, 쿠버네티스클러스터"
    assert [(text[s:e], t) for s, e, t in matcher.spans(text)] == [
        ("쿠버네티스 클러스터", "c"), ("쿠버 네티스", "k"), ("쿠버-네티스", "k"),
        ("쿠버네티스클러스터", "c")]


def test_a_glossary_of_many_spaced_names_compiles_quickly():
    names = {" ".join("ab"[(i >> bit) & 1] for bit in range(16)): f"t{i}" for i in range(300)}
    started = time.perf_counter()
    matcher = Matcher(names, "en")
    assert matcher.regex and time.perf_counter() - started < 5.0
    assert matcher.term_ids(next(iter(names))) == {"t0"}


def test_a_quoted_angle_bracket_in_a_tag_is_not_text_next_to_a_name():
    # the neighbourhood is read with html_scan's tokenizer: title="x>중단" is inside the tag
    result = KO_ANNOTATOR.annotate('<p>서비스<span title="x>중단">는</span> 돈다</p>', "g/")
    assert result.used == {"service"}
    result = KO_ANNOTATOR.annotate('<p>서비스<span title="x>y">중단</span>된다</p>', "g/")
    assert result.used == set()
