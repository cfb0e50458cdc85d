"""Content rules that can be checked mechanically (issue 11).

- Korean pages: an API kind's first use in prose carries its English name in parentheses,
  as the Kubernetes Korean localization guide asks (디플로이먼트(Deployment), 노드(Node), ...).
- Glossary: each language links its own official docs; Korean entries link kubernetes.io/ko/
  pages for at least 80% of the terms, English entries never do.
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
    # Not a kind (volumes are declared inside a Pod's spec), but the site treats it as one of the
    # core objects; the guide allows English in parentheses wherever it helps clarity.
    "Volume": ("볼륨",),
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
    assert len(entries) >= 45, f"only {len(entries)} glossary terms"
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
