"""The glossary page: every term as an entry, grouped 가나다 (Korean) or A–Z (English).

glossary_page_html() returns one HTML block, for the glossary directive (directive.py).
Each entry's heading carries the term id, so the site search indexes every entry as its own
section. "Used on" links depend on the other pages, so the block holds a placeholder per entry
that fill_used_on() replaces once every page has been read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bilingual_glossary.data import hangul
from bilingual_glossary.data.model import Glossary, Term
from bilingual_glossary.diagrams import diagram
from bilingual_glossary.glossary_page.definitions import render_long, without_blank_lines
from bilingual_glossary.glossary_page.text import OTHER_LANG, UI
from bilingual_glossary.templating import ENTRY, Markup, Templates, default_templates
from bilingual_glossary.ui import UiText

if TYPE_CHECKING:
    from bilingual_glossary.session import PageRef

DIAGRAM_DEPTH = 1  # the entry's direct parts and kinds; the full tree is on the hierarchy page
DIAGRAM_EXAMPLES = 1
OTHER_GROUP = ("group-other", "#")
_USED_ON = re.compile(r"<!--glossary-used-on:([a-z0-9-]+)-->")


@dataclass(frozen=True)
class Group:
    id: str  # ASCII anchor: group-giyeok, group-a, group-other
    label: str  # ㄱ, A or #
    terms: tuple[Term, ...]


def _group_of(name: str, lang: str) -> tuple[int, str, str]:
    """(rank, anchor, label): Hangul first on the Korean page, then A–Z, then the rest."""
    first = name[:1]
    consonant = hangul.index_consonant(first) if first else None
    if consonant and lang == "ko":
        return 0, f"group-{hangul.CONSONANT_NAMES[consonant]}", consonant
    letter = first.upper()
    if "A" <= letter <= "Z":
        return 1, f"group-{letter.lower()}", letter
    return 2, *OTHER_GROUP


def sort_key(name: str, lang: str) -> tuple[int, str, str]:
    """Order on the page: the group's rank, then letter by letter, then the exact name."""
    return _group_of(name, lang)[0], hangul.compact(name), name


def ordered_terms(glossary: Glossary, lang: str) -> list[Term]:
    return sorted(glossary, key=lambda t: sort_key(t.name(lang), lang))


def grouped_terms(glossary: Glossary, lang: str) -> list[Group]:
    groups: dict[str, tuple[str, list[Term]]] = {}
    for term in ordered_terms(glossary, lang):
        _, anchor, label = _group_of(term.name(lang), lang)
        groups.setdefault(anchor, (label, []))[1].append(term)
    return [Group(anchor, label, tuple(terms)) for anchor, (label, terms) in groups.items()]


def index_letters(lang: str, groups: Sequence[Group]) -> list[tuple[str, str | None]]:
    """(label, anchor or None) for the jump index: the full alphabet, absent letters unlinked.

    The Korean page lists the 14 basic consonants, then the Latin letters that occur.
    """
    present = {g.label: g.id for g in groups}
    if lang == "ko":
        letters = [*hangul.INDEX_CONSONANTS,
                   *(g.label for g in groups if g.label not in hangul.INDEX_CONSONANTS
                     and g.id != OTHER_GROUP[0])]
    else:
        letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    if OTHER_GROUP[1] in present:
        letters.append(OTHER_GROUP[1])
    return [(letter, present.get(letter)) for letter in letters]


def glossary_page_html(glossary: Glossary, lang: str, table: UiText = UI,
                       templates: Templates | None = None) -> str:
    """The page's one HTML block; `table` holds the interface words (ui.ui_table) and
    `templates` the entry's markup (the plugin's own without one)."""
    ui = table[lang]
    templates = templates or default_templates()
    groups = grouped_terms(glossary, lang)
    total = len(glossary)
    status = {key: ui[key] for key in ("status_all", "status_some", "status_one", "status_none")}
    parts = [
        f'<div class="glossary-page" lang="{lang}" data-total="{total}"'
        f' data-status="{_attr(json.dumps(status, ensure_ascii=False))}">',
        f'<p class="glossary-lead">{escape(ui["lead"].format(total=total))}</p>',
        _tools_html(glossary, lang, groups, ui),
        f'<p class="glossary-no-match" hidden data-search-exclude>{escape(ui["no_match"])}</p>',
        '<div class="glossary-groups" id="glossary-entries">',
    ]
    for group in groups:
        parts.append(f'<div class="glossary-group" id="{group.id}">')
        parts.append(f'<h2 class="glossary-group-title" data-search-exclude>'
                     f'{escape(group.label)}</h2>')
        parts.extend(_entry_html(glossary, term, lang, ui, templates) for term in group.terms)
        parts.append("</div>")
    parts.append("</div>")
    # back to the index and filter once they have scrolled away (glossary-filter.js shows it)
    parts.append(f'<a class="glossary-back" href="#glossary-tools" hidden data-search-exclude>'
                 f'{escape(ui["back_to_index"])}</a>')
    parts.append("</div>")
    return without_blank_lines("\n".join(parts))


def _tools_html(glossary: Glossary, lang: str, groups: Sequence[Group],
                ui: Mapping[str, str]) -> str:
    used_tags = [tag for tag in glossary.tags if any(tag in t.tags for t in glossary)]
    chips = "".join(
        f'<button type="button" class="glossary-chip" data-tag="{_attr(tag)}"'
        f' aria-pressed="false">{escape(glossary.tags[tag][lang])}</button>'
        for tag in used_tags)
    index = "".join(
        f'<li><a class="glossary-index-link" href="#{anchor}">{escape(label)}</a></li>'
        if anchor
        else f'<li><span class="glossary-index-empty">{escape(label)}</span></li>'
        for label, anchor in index_letters(lang, groups))
    # Each excluded element must not contain an element with the same tag: Material's search
    # parser matches elements by tag, so a nested </div> would end the exclusion early.
    return (
        '<div class="glossary-tools" id="glossary-tools">'
        # Shown from the first paint when scripts run (the plugin's head script marks <html>
        # with glossary-js), so nothing below it moves once the filter script is ready; hidden
        # by CSS without JavaScript, where every entry simply shows.
        f'<form class="glossary-filter" role="search" aria-label="{_attr(ui["filter_label"])}"'
        ' data-search-exclude>'
        f'<label class="glossary-filter-label" for="glossary-filter-input">'
        f'{escape(ui["filter_label"])}</label>'
        '<input type="search" id="glossary-filter-input" class="glossary-filter-input"'
        f' name="q" autocomplete="off" spellcheck="false"'
        f' placeholder="{_attr(ui["filter_placeholder"])}"'
        ' aria-describedby="glossary-filter-hint" aria-controls="glossary-entries">'
        f'<p class="glossary-filter-hint" id="glossary-filter-hint">'
        f'{escape(ui["filter_hint"])}</p>'
        f'<div class="glossary-chips" role="group" aria-label="{_attr(ui["tags_label"])}">'
        f'{chips}</div>'
        f'{_match_html(ui) if used_tags else ""}'
        '<p class="glossary-status" role="status" aria-live="polite">'
        f'{escape(ui["status_all"].format(total=len(glossary)))}</p>'
        '</form>'
        f'<nav class="glossary-index" aria-label="{_attr(ui["index_label"])}"'
        f' data-search-exclude><ul>{index}</ul>'
        f'{_index_note_html(ui)}</nav>'
        '</div>'
    )


def _match_html(ui: Mapping[str, str]) -> str:
    """How selected tags combine, said in words and switchable: all of them, or any one."""
    options = "".join(
        f'<label class="glossary-match-option"><input type="radio" name="match"'
        f' value="{value}"{" checked" if value == "all" else ""}>'
        f' <span>{escape(ui[key])}</span></label>'
        for value, key in (("all", "match_all"), ("any", "match_any")))
    return (f'<fieldset class="glossary-match"><legend class="glossary-match-legend">'
            f'{escape(ui["match_label"])}</legend>{options}</fieldset>')


def _index_note_html(ui: Mapping[str, str]) -> str:
    """Where a greyed-out letter, when clicked, says that nothing under it matches the filter
    and offers a button that clears the filter and goes there: the reader's filter is never
    dropped silently. An empty live region (no height) until then; the filter script fills in
    {letter}."""
    return (f'<div class="glossary-index-note" aria-live="polite"'
            f' data-none="{_attr(ui["index_none"])}" data-clear="{_attr(ui["index_clear"])}">'
            '</div>')


def _entry_html(glossary: Glossary, term: Term, lang: str, ui: Mapping[str, str],
                templates: Templates) -> str:
    other = OTHER_LANG.get(lang)
    if other not in glossary.langs:  # a site in one language: no name in another
        other = None
    text = term.text[lang]
    other_text = term.text[other] if other else None
    # the spellings to avoid too: a reader who knows the term as 라벨 or 부하분산 still finds it
    names = [*text.matched_names, *(other_text.matched_names if other_text else ())]
    return templates.render(
        ENTRY, id=term.id, name=text.term, short=text.short, aliases=text.aliases,
        # shown, so that a reader who types 포드 finds 파드 in the site search
        avoid=text.avoid, tags=term.tags, ui=ui,
        names=Markup(_names_attr(names)),
        # filled by l10n/site.py fill_badges(): a badge when the translation is outdated
        badge=Markup(f"<!--glossary-badge:{escape(term.id)}-->"),
        other=Markup(_other_name_html(other_text, other, ui) if other_text and other else ""),
        long=Markup(render_long(text.long)),
        facts=Markup(_facts_html(glossary, term, lang, ui)),
        diagram=Markup(_diagram_html(glossary, term, lang)))


def _other_name_html(other_text, other_lang: str, ui: Mapping[str, str]) -> str:
    """The name in the other language in bold (<b>: a keyword, not extra importance), its
    aliases after it in brackets; the first <span> is the label (styled by position)."""
    if other_text.aliases:
        name = (f'<span lang="{other_lang}"><b>{escape(other_text.term)}</b>'
                f' ({escape(", ".join(other_text.aliases))})</span>')
    else:
        name = f'<b lang="{other_lang}">{escape(other_text.term)}</b>'
    return (f'<p class="glossary-entry-other"><span>{escape(ui["other_name"])}</span>'
            f' {name}</p>')


def _facts_html(glossary: Glossary, term: Term, lang: str, ui: Mapping[str, str]) -> str:
    """Where the term sits, its tags and docs; left out of the search index (names of other
    terms would make every neighbour match)."""
    rows: list[tuple[str, str, str]] = []

    def by_name(terms) -> list[Term]:
        return sorted(terms, key=lambda t: sort_key(t.name(lang), lang))

    def links(key: str, terms: Sequence[Term]) -> None:
        if terms:
            items = "".join(f'<li><a href="#{_attr(t.id)}">{escape(t.name(lang))}</a></li>'
                            for t in terms)
            rows.append((key, ui[key], f'<ul>{items}</ul>'))

    links("part_of", [glossary[term.part_of]] if term.part_of else [])
    links("parts", by_name(glossary.effective_parts(term.id)))
    links("kind_of", [glossary[term.kind_of]] if term.kind_of else [])
    links("kinds", by_name(glossary.kinds(term.id)))
    links("related", by_name(glossary[r] for r in term.related))
    if term.tags:
        tags = "".join(f'<li>{escape(glossary.tags[tag][lang])}</li>' for tag in term.tags)
        rows.append(("tags", ui["tags"], f'<ul>{tags}</ul>'))
    docs = term.docs(lang)
    if docs:
        rows.append(("docs", ui["docs"], f'<a href="{_attr(docs)}" rel="noopener"'
                                         f' hreflang="{lang}">{_docs_label_html(docs)}</a>'))
    body = "".join(_fact_row(key, label, value) for key, label, value in rows)
    return (f'<dl class="glossary-entry-facts" data-search-exclude>{body}'
            f'<!--glossary-used-on:{term.id}--></dl>')


def _fact_row(key: str, label: str, value: str) -> str:
    # one class per row and none inside it: the page repeats this for every term, so the CSS
    # reaches the rows, lists and items by position (.glossary-entry-facts > div, dd ul)
    return (f'<div class="glossary-fact-{key}"><dt>{escape(label)}</dt>'
            f'<dd>{value}</dd></div>')


def _docs_label(url: str) -> str:
    """example.org/docs/concepts/pods: where the link goes, without the scheme."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")


def _docs_label_html(url: str) -> str:
    """The label, escaped, with a line-break opportunity after each slash: on a phone the
    address wraps between path segments (example.org/docs/ | concepts/) and not mid-word."""
    return "/<wbr>".join(escape(segment) for segment in _docs_label(url).split("/"))


def _diagram_html(glossary: Glossary, term: Term, lang: str) -> str:
    """A small tree of the term's parts and kinds, for terms that have any."""
    if not diagram.has_hierarchy(glossary, term.id):
        return ""
    svg = diagram.hierarchy_svg(glossary, term.id, lang, "", depth=DIAGRAM_DEPTH,
                                examples=DIAGRAM_EXAMPLES, compact=True)
    if not svg.strip():
        return ""
    # the figure carries data-search-exclude itself: its labels name other terms
    return f'<div class="glossary-entry-diagram">{svg.strip()}</div>'


def fill_used_on(html: str, lang: str, usage: Mapping[str, Sequence[PageRef]],
                 href: Callable[[str], str], limit: int = 10, table: UiText = UI) -> str:
    """Replace each entry's placeholder with links to the pages that use the term: the first
    `limit` in navigation order, then "and N more", so the page grows with the terms only.
    `href` turns a page's site-relative URL into a link from the glossary page (the plugin
    passes MkDocs' own get_relative_url)."""
    ui = table[lang]

    def row(match: re.Match[str]) -> str:
        pages = sorted(usage.get(match.group(1)) or [], key=lambda p: (p.order, p.url))
        if not pages:
            return ""
        items = "".join(f'<li><a href="{_attr(href(p.url))}">'
                        f'{escape(p.title)}</a></li>' for p in pages[:limit])
        if len(pages) > limit:
            more = escape(ui["used_on_more"].format(count=len(pages) - limit))
            items += f'<li>{more}</li>'
        return _fact_row("used-on", ui["used_on"], f'<ul>{items}</ul>')

    return _USED_ON.sub(row, html)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _names_attr(names: Sequence[str]) -> str:
    """The names as compact JSON for a single-quoted attribute: the JSON's double quotes stay
    as they are (no &quot; for every one of them); &, <, > and ' become references."""
    text = json.dumps(list(names), ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;"))
