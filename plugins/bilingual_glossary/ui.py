"""Every word the plugin shows a reader, per language, in one table a site can override.

A site overrides any of them with the plugin's `ui:` option, by language and key:

    plugins:
      - bilingual-glossary:
          ui:
            en: {lead: "{total} networking terms in A–Z order."}

The defaults never name a subject (they ship to every site). Korean follows the interface
register: labels and status lines end in nouns (3개 일치, 찾을 수 없음), whole sentences to
the reader are 해요체 (…해요, …하세요), never 해라체 or 합쇼체; descriptions of the glossary's
own content (definitions) are not here. Placeholders in braces are filled in by the code
({total}, {count}, {letter}, {name}, {source}); an override may use the same ones only.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

UiText = Mapping[str, Mapping[str, str]]  # lang -> key -> text

DEFAULTS: dict[str, dict[str, str]] = {
    "ko": {
        # the glossary page
        "lead": ("용어 {total}개를 가나다순으로 모았어요. "
                 "영어 이름이나 초성(ㅍㄷ)으로도 찾을 수 있어요."),
        "filter_label": "용어 찾기",
        "filter_placeholder": "예: 파드, Pod, ㅍㄷ",
        "filter_hint": "한국어 이름, 영어 이름, 다른 이름, 초성으로 찾을 수 있어요.",
        "tags_label": "태그로 좁히기",
        "match_label": "고른 태그를",
        "match_all": "모두 가진 용어",
        "match_any": "하나라도 가진 용어",
        "index_label": "자음 색인",
        "index_none": "‘{letter}’에는 지금 필터에 맞는 용어가 없어요.",
        "index_clear": "필터를 지우고 ‘{letter}’ 보기",
        "latin_group": "로마자",
        "clear": "지우기",
        "status_all": "용어 {total}개",
        "status_some": "용어 {total}개 중 {count}개 일치",
        "status_one": "용어 {total}개 중 1개 일치",
        "status_none": "일치하는 용어 없음",
        "no_match": "일치하는 용어가 없어요. 검색어를 줄이거나 태그 선택을 풀어 보세요.",
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
        "details": "자세히",
        "back_to_index": "색인과 필터로",
        "print_title": "용어집",
        # tooltips and the reader's switch
        "switch": "용어 표시",
        "switch_on": "용어 표시 켜짐: 누르면 밑줄과 설명 끄기",
        "switch_off": "용어 표시 꺼짐: 누르면 밑줄과 설명 켜기",
        "tip_close": "닫기",
        "tip_open": "용어집에서 보기",
        "tip_again": "용어를 한 번 더 누르면 용어집으로 가요.",
        "print_terms": "이 페이지의 용어",
        # an outdated translation ({source}: the source language's name)
        "notice_title": "번역이 원문보다 오래됨",
        "notice_text": ("이 번역을 마지막으로 고친 뒤에 {source} 원문이 바뀌었어요. 빠지거나 "
                        "달라진 내용이 있을 수 있어요."),
        "notice_link": "{source} 원문 보기",
        "badge": "번역 갱신 필요",
        "badge_label": "번역 갱신 필요: 번역한 뒤에 {source} 항목이 바뀜. {source} 항목 보기",
    },
    "en": {
        "lead": "{total} terms in A–Z order. Type a name in either language to narrow the list.",
        "filter_label": "Find a term",
        "filter_placeholder": "e.g. Pod, 파드",
        "filter_hint": "Matches names in both languages, other names and Hangul initials.",
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
        "status_some": "{count} of {total} terms match",
        "status_one": "1 of {total} terms matches",
        "status_none": "No terms match",
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
        "details": "Details",
        "back_to_index": "Index and filter",
        "print_title": "Glossary",
        "switch": "Term marks",
        "switch_on": "Term marks on: press to hide underlines and definitions",
        "switch_off": "Term marks off: press to show underlines and definitions",
        "tip_close": "Close",
        "tip_open": "Open in glossary",
        "tip_again": "Tap the term again to open its glossary entry.",
        "print_terms": "Terms on this page",
        "notice_title": "This translation is out of date",
        "notice_text": ("The {source} original of this page has changed since this translation "
                        "was last brought up to date, so parts of it may be missing or no "
                        "longer accurate."),
        "notice_link": "Read the {source} original",
        "badge": "Outdated",
        "badge_label": ("Outdated: the {source} entry has changed since this text was "
                        "translated. Read the {source} entry"),
    },
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def ui_table(overrides: object, where: str = "plugins.bilingual-glossary.ui") -> UiText:
    """The defaults with a site's overrides applied. Raises ValueError with one message that
    names the key and the fix for an unknown language or key, text that is not a string, or
    a placeholder the code does not fill in."""
    if overrides is None:
        overrides = {}
    if not isinstance(overrides, Mapping):
        raise ValueError(f"{where}: expected languages with their texts, e.g. "
                         f"`ui: {{en: {{lead: ...}}}}`, got {type(overrides).__name__}.")
    table = {lang: dict(texts) for lang, texts in DEFAULTS.items()}
    for lang, texts in overrides.items():
        if lang not in table:
            raise ValueError(f"{where}.{lang}: no such language. Fix: use one of "
                             f"{', '.join(sorted(table))}.")
        if not isinstance(texts, Mapping):
            raise ValueError(f"{where}.{lang}: expected key: text pairs, e.g. `lead: ...`.")
        for key, text in texts.items():
            default = table[lang].get(key)
            if default is None:
                raise ValueError(f"{where}.{lang}.{key}: no such text. Fix: use one of "
                                 f"{', '.join(sorted(DEFAULTS[lang]))}.")
            if not isinstance(text, str):
                raise ValueError(f"{where}.{lang}.{key}: expected text, got "
                                 f"{type(text).__name__}. Fix: quote it.")
            try:
                unknown = placeholders(text) - placeholders(default)
            except ValueError as exc:  # an unmatched brace
                raise ValueError(f"{where}.{lang}.{key}: {exc}. Fix: write a brace as "
                                 "{{ or }}.") from None
            if unknown:
                allowed = ", ".join(f"{{{p}}}" for p in sorted(placeholders(default)))
                raise ValueError(f"{where}.{lang}.{key}: unknown placeholder "
                                 f"{', '.join(f'{{{p}}}' for p in sorted(unknown))}. Fix: use "
                                 f"{allowed or 'no placeholder'} here.")
            table[lang][key] = text
    return table
