"""Table-driven tests of the term matcher: Korean particles, English plurals, longest match."""

from __future__ import annotations

import pytest
from bilingual_glossary.data.model import Glossary, Term, TermText
from bilingual_glossary.matching.matcher import Matcher, english_plurals

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
]


def make_glossary(rows=TERMS) -> Glossary:
    terms = {}
    for term_id, ko, ko_aliases, en, en_aliases in rows:
        terms[term_id] = Term(id=term_id, text={
            "ko": TermText(ko, tuple(ko_aliases), f"{ko} 정의."),
            "en": TermText(en, tuple(en_aliases), f"Definition of {en}."),
        })
    return Glossary(dict(sorted(terms.items())))


GLOSSARY = make_glossary()
KO = Matcher.for_glossary(GLOSSARY, "ko")
EN = Matcher.for_glossary(GLOSSARY, "en")


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.term_id) for m in matcher.find(text)]


PARTICLES = [
    "는", "은", "이", "가", "을", "를", "의", "에", "에서", "에게", "로", "으로", "와", "과", "도",
    "만", "란", "이란", "나", "이나", "들", "들이", "들을", "들의", "에서는", "에는", "으로는",
    "에게는", "들에서", "들과", "만의",
]


@pytest.mark.parametrize("particle", PARTICLES)
@pytest.mark.parametrize("name,term_id", [("파드", "pod"), ("시크릿", "secret"),
                                          ("etcd", "etcd")])
def test_korean_particle_stays_outside_the_match(name: str, term_id: str, particle: str):
    text = f"그 {name}{particle} 여기 있다."
    assert found(KO, text) == [(name, term_id)]


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
    # longest match first
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
