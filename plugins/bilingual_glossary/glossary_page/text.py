"""Words of the glossary page's interface, in each language.

Korean text is in 해라체 (…다, …한다), like the pages. Status templates use {count} and
{total}, the index note {letter}; the filter script fills them in.
"""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "ko": {
        "lead": ("쿠버네티스 용어 {total}개를 가나다순으로 모았다. "
                 "영어 이름이나 초성(ㅍㄷ)으로도 찾을 수 있다."),
        "filter_label": "용어 찾기",
        "filter_placeholder": "예: 파드, Pod, ㅍㄷ",
        "filter_hint": "한국어 이름, 영어 이름, 다른 이름, 초성으로 찾는다.",
        "tags_label": "태그로 좁히기",
        "match_label": "고른 태그를",
        "match_all": "모두 가진 용어",
        "match_any": "하나라도 가진 용어",
        "index_label": "자음 색인",
        "index_none": "‘{letter}’에는 지금 필터에 맞는 용어가 없다.",
        "index_clear": "필터를 지우고 ‘{letter}’ 보기",
        "latin_group": "로마자",
        "clear": "지우기",
        "status_all": "용어 {total}개",
        "status_some": "용어 {total}개 중 {count}개가 일치한다.",
        "status_one": "용어 {total}개 중 1개가 일치한다.",
        "status_none": "일치하는 용어가 없다.",
        "no_match": "일치하는 용어가 없다. 검색어를 줄이거나 태그 선택을 풀면 더 많이 보인다.",
        "other_name": "영어",
        "aliases": "다른 이름",
        "avoid": "쓰지 않는 표기",
        "part_of": "상위 구성",
        "parts": "구성 요소",
        "kind_of": "상위 종류",
        "kinds": "하위 종류",
        "related": "관련 용어",
        "tags": "태그",
        "docs": "공식 문서",
        "used_on": "쓰인 곳",
        "used_on_more": "그 밖에 {count}곳",
        "diagram": "{name}의 구조",
        "permalink": "이 항목의 링크",
    },
    "en": {
        "lead": "{total} Kubernetes terms in A–Z order, each with its Korean name. "
                "Type a name in either language to narrow the list.",
        "filter_label": "Find a term",
        "filter_placeholder": "e.g. Pod, 파드",
        "filter_hint": "Matches English and Korean names, other names and Hangul initials.",
        "tags_label": "Narrow by tag",
        "match_label": "Show terms with",
        "match_all": "all selected tags",
        "match_any": "any selected tag",
        "index_label": "Letter index",
        "index_none": "No term under {letter} matches the filter.",
        "index_clear": "Clear the filter and show {letter}",
        "latin_group": "A–Z",
        "clear": "Clear",
        "status_all": "{total} terms",
        "status_some": "{count} of {total} terms match.",
        "status_one": "1 of {total} terms matches.",
        "status_none": "No terms match.",
        "no_match": "No terms match. Try a shorter query or deselect a tag.",
        "other_name": "Korean",
        "aliases": "Also called",
        "avoid": "Avoid",
        "part_of": "Part of",
        "parts": "Contains",
        "kind_of": "Kind of",
        "kinds": "Kinds",
        "related": "Related",
        "tags": "Tags",
        "docs": "Official docs",
        "used_on": "Used on",
        "used_on_more": "and {count} more",
        "diagram": "Structure of {name}",
        "permalink": "Link to this entry",
    },
}

# The other language whose name each page shows next to the term.
OTHER_LANG = {"ko": "en", "en": "ko"}
