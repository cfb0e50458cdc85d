"""Content rules that can be checked mechanically (issues 11 and 20).

- Korean pages: an API kind's first use in prose carries its English name in parentheses,
  as the Kubernetes Korean localization guide asks (디플로이먼트(Deployment), 노드(Node), ...).
- Glossary: each language links its own official docs; Korean entries link kubernetes.io/ko/
  pages for at least 80% of the terms, English entries never do; every kubernetes.io link is a
  page of kubernetes/website (tests/data/kubernetes-website-paths.tsv).
- Korean names: the localization's names (tests/data/k8s-ko-term-names.tsv) are the glossary's,
  and pages do not drift to other words for what the guide names (지표 for 메트릭 ...).
- The site speaks in its own voice: concept pages do not quote or correct an "original article";
  the home pages credit the source post once, saying what is and is not known about it.
- Every page has a meta description of its own, in its own language.
- No page's <title> repeats the site name (the home pages used to read "X - X").
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

DOCS = ROOT / "docs"
GLOSSARY = ROOT / "glossary"
SITE_NAMES = {"ko": "쿠버네티스 입문", "en": "Kubernetes Primer"}
HANGUL = re.compile(r"[가-힣]")

# API kinds (the `kind` column of `kubectl api-resources`) and their Korean names, written out
# from the localization guide's 한글화 용어집 (kubernetes/website,
# content/ko/docs/contribute/localization_ko.md) and ../shared/reference/k8s-ko-term-names.tsv.
# Deliberately not read from glossary/: this is the reference the pages are checked against.
API_KINDS_KO: dict[str, tuple[str, ...]] = {
    # The guide leaves 파드 and 서비스 without English for brevity; this site is a primer for
    # readers who will meet the English names in kubectl and YAML, so it writes 파드(Pod) and
    # 서비스(Service) at first use too, as every other kind.
    "Pod": ("파드",),
    "Service": ("서비스",),
    "Node": ("노드",),
    "Deployment": ("디플로이먼트",),
    "ReplicaSet": ("레플리카셋",),
    "StatefulSet": ("스테이트풀셋",),
    "DaemonSet": ("데몬셋",),
    "Job": ("잡",),
    "Secret": ("시크릿",),
    "ConfigMap": ("컨피그맵",),
    "Namespace": ("네임스페이스",),
    "Ingress": ("인그레스",),
    "PersistentVolume": ("퍼시스턴트볼륨", "퍼시스턴트 볼륨"),
    "ServiceAccount": ("서비스어카운트", "서비스 어카운트"),
    "PersistentVolumeClaim": ("퍼시스턴트볼륨클레임", "퍼시스턴트 볼륨 클레임"),
    "CronJob": ("크론잡",),
    # Not here: volume. Volumes are declared inside a Pod's spec, not a kind, and the guide
    # writes 볼륨 with no English.
}
# Horizontal Pod Autoscaler is written in English in Korean pages too: nothing to check.

# Particles that may follow a one-syllable name such as 잡 (so 잡는다 is not the kind Job).
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "로", "와", "과",
             "도", "만", "이나", "나", "들", "이다", "마다", "처럼")

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]+`")
TERM_MACRO = re.compile(
    r"""\{\{-?\s*term\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]*)['"]\s*)?\)\s*-?\}\}""")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
HEADING = re.compile(r"^\s{0,3}#{1,6}\s.*$", re.M)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
HTML_TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"\*\*|__")


def page_lang(path: Path) -> str:
    return "en" if path.name.endswith(".en.md") else "ko"


def source_pages(lang: str) -> list[Path]:
    return sorted(p for p in DOCS.glob("*.md") if page_lang(p) == lang)


def front_matter(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def glossary_term_name(term_id: str, lang: str) -> str:
    data = yaml.safe_load((GLOSSARY / f"{term_id}.yml").read_text(encoding="utf-8"))
    return data[lang]["term"]


def prose(source: str, lang: str) -> str:
    """The page's running text as a reader sees it: no front matter, code, headings or markup.

    A {{ term('pod') }} macro stands for the term's name in the page language (what it renders),
    so a first use inside the macro counts as the first use.
    """
    text = FRONT_MATTER.sub("", source)
    text = FENCE.sub("", text)
    text = INLINE_CODE.sub("", text)
    text = TERM_MACRO.sub(lambda m: m.group(2) if m.group(2) is not None
                          else glossary_term_name(m.group(1), lang), text)
    text = JINJA.sub("", text)
    text = HEADING.sub("", text)
    text = HTML_COMMENT.sub("", text)
    text = HTML_TAG.sub("", text)
    text = LINK.sub(r"\1", text)
    return EMPHASIS.sub("", text)


def first_use(text: str, names: tuple[str, ...], longer: list[str]) -> re.Match | None:
    """The earliest occurrence of any of names that is a word of its own (not the tail of a
    longer Hangul word) and not part of a longer listed name (볼륨 inside 퍼시스턴트 볼륨)."""
    masked = text
    for other in longer:
        masked = masked.replace(other, "□" * len(other))
    found = []
    for name in names:
        tail = ""
        if len(name) == 1:  # 잡: only before "(", a particle, or a non-Hangul character
            tail = rf"(?=\(|[^가-힣]|$|(?:{'|'.join(PARTICLES)})(?![가-힣]))"
        match = re.search(rf"(?<![가-힣]){re.escape(name)}{tail}", masked)
        if match:
            found.append(match)
    return min(found, key=lambda m: m.start()) if found else None


def test_api_kind_list_is_the_reference_list() -> None:
    # the written-out list must stay a list of Korean names (no computed or empty entries)
    assert len(API_KINDS_KO) >= 10
    for english, names in API_KINDS_KO.items():
        assert re.fullmatch(r"[A-Z][A-Za-z]+", english)
        assert names and all(HANGUL.search(n) for n in names)


@pytest.mark.parametrize("path", source_pages("ko"), ids=lambda p: p.name)
def test_korean_api_kinds_have_english_in_parentheses_at_first_use(path: Path) -> None:
    text = prose(path.read_text(encoding="utf-8"), "ko")
    all_names = [n for names in API_KINDS_KO.values() for n in names]
    problems, checked = [], 0
    for english, names in API_KINDS_KO.items():
        longer = [n for n in all_names if n not in names and any(x in n for x in names)]
        match = first_use(text, names, longer)
        if match is None:
            continue
        checked += 1
        after = text[match.end():match.end() + len(english) + 2]
        if not re.match(rf"\(\s*{english}\b", after):
            context = text[max(0, match.start() - 20):match.end() + 20].replace("\n", " ")
            problems.append(f"{match.group(0)} needs ({english}) at its first use: …{context}…")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
    if path.name != "glossary.md":  # the glossary page is generated: no prose of its own
        assert checked, f"{path.name}: no API kind found, so the rule was never checked"


def test_the_parenthesis_check_catches_a_missing_english_name() -> None:
    text = prose("---\ntitle: x\n---\n\n# 디플로이먼트 {#d}\n\n디플로이먼트는 파드를 관리한다.\n"
                 "디플로이먼트(Deployment)는 ...\n", "ko")
    match = first_use(text, ("디플로이먼트",), [])
    assert match and not text[match.end():].startswith("(Deployment")
    ok = prose("[노드](cluster.md#node)(Node)와 워커 노드, `잡`과 "
               "{{ term('job', '잡') }}(Job)", "ko")
    node = first_use(ok, ("노드",), [])
    assert node and ok[node.end():].startswith("(Node)")
    job = first_use(ok, ("잡",), [])
    assert job and ok[job.end():].startswith("(Job)")
    assert first_use("복잡한 일을 잡는다", ("잡",), []) is None
    masked = first_use("퍼시스턴트 볼륨(PersistentVolume)과 볼륨(Volume)", ("볼륨",),
                       ["퍼시스턴트 볼륨"])
    assert masked and masked.start() > 5


# --- glossary: official docs links per language ---------------------------------------------

def glossary_entries() -> dict[str, dict]:
    entries = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
               for p in sorted(GLOSSARY.glob("*.yml")) if not p.name.startswith("_")}
    assert len(entries) >= 58, f"only {len(entries)} glossary terms"
    return entries


def test_every_entry_links_official_docs_in_each_language() -> None:
    entries = glossary_entries()
    for term_id, data in entries.items():
        assert "docs" not in data, f"{term_id}: move the top-level docs: into ko: and en:"
        for lang in ("ko", "en"):
            docs = data[lang].get("docs")
            assert docs and re.match(r"^https://\S+$", docs), f"{term_id}: {lang}.docs missing"


def test_korean_entries_link_korean_pages_and_english_entries_never_do() -> None:
    entries = glossary_entries()
    korean = [tid for tid, d in entries.items()
              if d["ko"]["docs"].startswith("https://kubernetes.io/ko/docs/")]
    share = len(korean) / len(entries)
    assert share >= 0.8, f"only {share:.0%} of the Korean entries link kubernetes.io/ko/"
    for term_id, data in entries.items():
        en = data["en"]["docs"]
        assert "/ko/" not in en, f"{term_id}: en.docs links a Korean page: {en}"
        ko = data["ko"]["docs"]
        if ko.startswith("https://kubernetes.io/ko/"):
            assert ko.endswith("/"), f"{term_id}: write kubernetes.io pages as .../page/"


# --- built site: descriptions and titles ----------------------------------------------------

META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def built_page(site_dir: Path, source: Path) -> Path:
    lang = page_lang(source)
    stem = source.name.removesuffix(".en.md").removesuffix(".md")
    parts = ([] if lang == "ko" else ["en"]) + ([] if stem == "index" else [stem])
    return site_dir.joinpath(*parts, "index.html")


ALL_SOURCES = source_pages("ko") + source_pages("en")


@pytest.mark.parametrize("source", ALL_SOURCES, ids=lambda p: p.name)
def test_every_page_has_its_own_description_in_its_language(source: Path) -> None:
    description = front_matter(source).get("description")
    assert isinstance(description, str) and description.strip(), (
        f"{source.name}: add `description: ...` to the front matter")
    has_hangul = bool(HANGUL.search(description))
    assert has_hangul == (page_lang(source) == "ko"), (
        f"{source.name}: the description is not in the page's language")
    others = [p.name for p in ALL_SOURCES if p != source
              and front_matter(p).get("description", "").strip() == description.strip()]
    assert not others, f"{source.name} shares its description with {others}"


def test_built_pages_carry_distinct_descriptions(site_dir: Path) -> None:
    seen: dict[str, str] = {}
    for source in ALL_SOURCES:
        page = built_page(site_dir, source).read_text(encoding="utf-8")
        found = META_DESCRIPTION.findall(page)
        assert len(found) == 1, f"{source.name}: {len(found)} meta descriptions"
        text = html.unescape(found[0])
        assert text == str(front_matter(source).get("description", "")).strip(), (
            f"{source.name}: the page shows {text!r}, not its own description")
        assert text not in seen, f"{source.name} and {seen.get(text)} share a description"
        seen[text] = source.name
    assert len(seen) == len(ALL_SOURCES) >= 10


def test_no_title_repeats_the_site_name(site_dir: Path) -> None:
    homes = {"ko": site_dir / "index.html", "en": site_dir / "en" / "index.html"}
    for lang, home in homes.items():
        title = html.unescape(TITLE.search(home.read_text(encoding="utf-8")).group(1)).strip()
        assert title == SITE_NAMES[lang], f"home page <title> is {title!r}"
    checked = 0
    for source in ALL_SOURCES:
        page = built_page(site_dir, source).read_text(encoding="utf-8")
        title = html.unescape(TITLE.search(page).group(1)).strip()
        name = SITE_NAMES[page_lang(source)]
        assert title.count(name) == 1, f"{source.name}: <title> {title!r} repeats {name!r}"
        checked += 1
    assert checked >= 10


# --- glossary: docs links point at pages that exist upstream ---------------------------------

DATA = ROOT / "tests" / "data"
KUBERNETES_IO = re.compile(r"^https://kubernetes\.io/(?:(ko)/)?docs/([^#?]*?)/?(?:[#?].*)?$")


def website_paths() -> set[str]:
    rows = (DATA / "kubernetes-website-paths.tsv").read_text(encoding="utf-8").splitlines()
    paths = set()
    for row in rows:
        if row.startswith("#") or not row.strip() or row.startswith("commit\t"):
            continue
        commit, path = row.split("\t")
        assert re.fullmatch(r"[0-9a-f]{40}", commit), f"not a commit: {row!r}"
        paths.add(path)
    return paths


def source_files(url: str) -> list[str]:
    """The files of kubernetes/website that can serve a kubernetes.io docs URL."""
    match = KUBERNETES_IO.match(url)
    assert match, f"not a kubernetes.io docs page: {url}"
    base = f"content/{match.group(1) or 'en'}/docs/{match.group(2)}".rstrip("/")
    return [f"{base}.md", f"{base}/_index.md", f"{base}.html"]


def test_every_kubernetes_io_link_is_a_page_of_the_website() -> None:
    paths = website_paths()
    assert len(paths) >= 100
    checked = 0
    for term_id, data in glossary_entries().items():
        for lang in ("ko", "en"):
            url = data[lang]["docs"]
            if not url.startswith("https://kubernetes.io/"):
                continue  # e.g. Docker's own documentation for docker
            assert any(f in paths for f in source_files(url)), (
                f"glossary/{term_id}.yml: {lang}.docs {url} is not a page of kubernetes/website "
                f"(tests/data/kubernetes-website-paths.tsv); fix the link or add the page's row")
            checked += 1
    assert checked >= 100


def test_the_link_check_maps_urls_to_source_files() -> None:
    assert source_files("https://kubernetes.io/ko/docs/concepts/workloads/pods/") == [
        "content/ko/docs/concepts/workloads/pods.md",
        "content/ko/docs/concepts/workloads/pods/_index.md",
        "content/ko/docs/concepts/workloads/pods.html"]
    assert source_files("https://kubernetes.io/docs/concepts/x/#part")[0] == (
        "content/en/docs/concepts/x.md")
    paths = website_paths()
    assert not any(f in paths for f in source_files("https://kubernetes.io/docs/concepts/pod/"))


# --- Korean names follow the localization -----------------------------------------------------

def term_names_table() -> list[dict[str, str]]:
    lines = [line for line in (DATA / "k8s-ko-term-names.tsv").read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def spaceless(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


def test_glossary_uses_the_localizations_korean_names() -> None:
    rows = term_names_table()
    assert len(rows) >= 30
    entries = glossary_entries()
    for row in rows:
        assert row["id"] in entries, f"glossary/{row['id']}.yml is missing ({row['korean']})"
        ko = entries[row["id"]]["ko"]
        names = {spaceless(n) for n in [ko["term"], *ko.get("aliases", [])]}
        assert spaceless(row["korean"]) in names, (
            f"glossary/{row['id']}.yml: the Korean docs call it {row['korean']!r}; "
            f"use it as ko.term or list it in ko.aliases")
        assert row["korean"] not in ko.get("avoid", [])


# Words the guide's 한글화 용어집 replaces (content/ko/docs/contribute/localization_ko.md:
# "metric | 메트릭", "resource | 리소스", "Type | 타입",
# "ServiceAccount | 서비스어카운트(ServiceAccount)", and the ko Secret page's 저장된 데이터 암호화)
# in the forms the pages used to drift to.
DRIFT = {
    "지표": "메트릭",
    "자원 요청": "리소스 요청",
    "남은 자원": "리소스",
    "자원 할당량": "리소스 쿼터",
    "LoadBalancer 유형": "LoadBalancer 타입",
    "서비스 어카운트(ServiceAccount)": "서비스어카운트(ServiceAccount)",
    "저장 데이터 암호화": "저장된 데이터 암호화(Encryption at Rest)",
}


def korean_texts() -> dict[str, str]:
    texts = {p.name: prose(p.read_text(encoding="utf-8"), "ko") for p in source_pages("ko")
             if not p.name.startswith("contributing")}
    for term_id, data in glossary_entries().items():
        texts[f"glossary/{term_id}.yml"] = " ".join(
            str(data["ko"].get(field, "")) for field in ("short", "long"))
    return texts


def test_korean_texts_use_the_guides_words() -> None:
    problems = [f"{where}: write {right!r}, not {wrong!r}"
                for where, text in korean_texts().items()
                for wrong, right in DRIFT.items() if wrong in text]
    assert not problems, "\n".join(problems)


# --- the site's own voice ----------------------------------------------------------------------

# A concept page that quotes or corrects an unseen article: "원문은 …", "원문 글쓴이", "the
# original article says …". The home pages credit the source instead (below).
SOURCE_FRAME = re.compile(
    r"원문|원글|원래 글|original (?:article|post|text)|the (?:blog )?post says", re.I)


def concept_pages() -> list[Path]:
    return [p for p in sorted(DOCS.glob("*.md")) if not p.name.startswith("contributing")]


@pytest.mark.parametrize("path", concept_pages(), ids=lambda p: p.name)
def test_pages_speak_in_their_own_voice(path: Path) -> None:
    text = prose(path.read_text(encoding="utf-8"), page_lang(path))
    found = [m.group(0) for m in SOURCE_FRAME.finditer(text)]
    assert not found, (f"{path.name}: {found}: say it in the site's voice "
                       "(흔히 …라고 설명하지만 / it is often said that …)")


def test_glossary_texts_speak_in_their_own_voice() -> None:
    for term_id, data in glossary_entries().items():
        for lang in ("ko", "en"):
            text = " ".join(str(data[lang].get(f, "")) for f in ("short", "long"))
            assert not SOURCE_FRAME.search(text), f"glossary/{term_id}.yml ({lang})"


def test_the_voice_check_catches_a_quoted_article() -> None:
    assert SOURCE_FRAME.search(prose("원문은 노드를 이렇게 설명한다.", "ko"))
    assert SOURCE_FRAME.search(prose("The original article says so.", "en"))
    assert not SOURCE_FRAME.search(prose("흔히 이렇게 설명하지만 정확히는 다르다.", "ko"))


# The credit: the post is a Korean introductory blog post; its author, title and address are not
# known, and the home page says so rather than inventing them.
CREDIT = {
    "ko": (re.compile(r"한국어 블로그 글"), re.compile(r"글쓴이.*제목.*주소")),
    "en": (re.compile(r"Korean blog post"), re.compile(r"author, title or address")),
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_page_credits_the_source_post_once(lang: str) -> None:
    home = DOCS / ("index.md" if lang == "ko" else "index.en.md")
    text = prose(home.read_text(encoding="utf-8"), lang)
    names, unknown = CREDIT[lang]
    assert len(names.findall(text)) == 1, f"{home.name}: credit the source post exactly once"
    assert unknown.search(text), (
        f"{home.name}: say that the post's author, title and address are unknown")
    others = [p.name for p in source_pages(lang) if p != home
              and names.search(prose(p.read_text(encoding="utf-8"), lang))]
    assert not others, f"the credit belongs on the home page only, not on {others}"


# --- relations ---------------------------------------------------------------------------------

# Too broad on their own to be a name of one term: 마스터 브랜치, 워커 프로세스, a primary DB …
BARE_AMBIGUOUS = {"마스터", "워커", "master", "worker"}


def test_no_term_is_named_by_an_ambiguous_bare_word() -> None:
    for term_id, data in glossary_entries().items():
        for lang in ("ko", "en"):
            names = {spaceless(n) for n in [data[lang]["term"], *data[lang].get("aliases", [])]}
            assert not names & BARE_AMBIGUOUS, f"glossary/{term_id}.yml: {names & BARE_AMBIGUOUS}"


def test_workload_resources_are_not_kinds_of_workload() -> None:
    # workload.yml defines a workload as the application; Deployments and the like are the
    # resources that run it (kind_of: workload-resource)
    entries = glossary_entries()
    assert not [t for t, d in entries.items() if d.get("kind_of") == "workload"]
    resources = {t for t, d in entries.items() if d.get("kind_of") == "workload-resource"}
    assert {"deployment", "replica-set", "statefulset", "daemonset", "job", "cronjob"} <= resources
