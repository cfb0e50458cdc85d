"""Which translations are behind their source, and what changed in the source since.

The source language is the site's default (Korean here); every other language follows it.
A page's source text is the whole file, normalized; a glossary entry's is its source-language
term, short and long text (aliases, spellings to avoid and docs links belong to each language
and are not translated).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bilingual_glossary.data.model import LANGS, Glossary, Term
from bilingual_glossary.l10n.markdown import normalize
from bilingual_glossary.l10n.record import Record, fingerprint
from bilingual_glossary.languages import suffix_language
from bilingual_glossary.page_source import read_page

State = Literal["current", "outdated", "unmarked"]
_SENTENCE_END = re.compile(r"(?<=[.!?。])[ \t]+(?=\S)")


@dataclass(frozen=True)
class Translation:
    key: str  # in the record: docs/pods.en.md or glossary:pod:en
    label: str  # what messages name: docs/pods.en.md or pod
    source: str  # where its source lives: docs/pods.md or glossary/pod.yml (ko)
    lang: str
    source_text: str  # normalized: what the fingerprint covers


@dataclass(frozen=True)
class Status:
    translation: Translation
    state: State
    diff: str = ""  # unified diff of the source since the translation was marked
    note: str = ""  # why there is no diff


def translation_langs(source_lang: str, langs: Sequence[str] = LANGS) -> tuple[str, ...]:
    """The site's languages other than the source's: the ones translations are in."""
    return tuple(lang for lang in langs if lang != source_lang)


def relative_label(path: Path, root: Path) -> str:
    """docs/pods.md: a path as messages and the record name it (relative to the project)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def source_pages(docs_dir: Path, source_lang: str, langs: Sequence[str] = LANGS) -> list[Path]:
    """The source-language pages: pods.md (or pods.ko.md), not pods.en.md."""
    return sorted(p for p in docs_dir.rglob("*.md")
                  if suffix_language(p.name, langs) in (None, source_lang))


def twin_path(source: Path, lang: str) -> Path:
    """docs/pods.md -> docs/pods.en.md."""
    stem = source.name[:-len(".md")]
    if suffix_language(source.name):
        stem = stem.rsplit(".", 1)[0]
    return source.with_name(f"{stem}.{lang}.md")


def read_source(path: Path) -> str:
    return normalize(read_page(path, str(path)))


def page_translations(root: Path, docs_dir: Path, source_lang: str,
                      langs: Sequence[str] = LANGS) -> list[Translation]:
    """Every translated page whose source exists (a missing twin is the structure check's)."""
    found: list[Translation] = []
    for source in source_pages(docs_dir, source_lang, langs):
        text: str | None = None
        for lang in translation_langs(source_lang, langs):
            twin = twin_path(source, lang)
            if twin.is_file():
                text = read_source(source) if text is None else text
                label = relative_label(twin, root)
                found.append(Translation(label, label, relative_label(source, root), lang, text))
    return found


def term_source_text(term: Term, lang: str) -> str:
    """The entry's translatable text, one sentence a line so a diff shows which one changed."""
    text = term.text[lang]

    def sentences(value: str) -> list[str]:
        return [sentence for line in value.split("\n")
                for sentence in _SENTENCE_END.sub("\n", line).split("\n")]

    lines = [f"term: {text.term}", "", "short:", *sentences(text.short)]
    if text.long:
        lines += ["", "long:", *sentences(text.long)]
    return normalize("\n".join(lines))


def term_translations(glossary: Glossary, source_lang: str) -> list[Translation]:
    return [Translation(f"glossary:{term.id}:{lang}", term.id,
                        f"{term.source} ({source_lang})", lang,
                        term_source_text(term, source_lang))
            for term in glossary for lang in translation_langs(source_lang, glossary.langs)]


def status(record: Record, translation: Translation, with_diff: bool = True) -> Status:
    entry = record.entries.get(translation.key)
    if entry is None:
        return Status(translation, "unmarked",
                      note="never marked: no record of the source it was translated from")
    if entry.sha256 == fingerprint(translation.source_text):
        return Status(translation, "current")
    if not with_diff:
        return Status(translation, "outdated")
    before = record.snapshot(translation.key)
    if before is None:
        snapshot = relative_label(record.snapshot_path(translation.key), record.directory.parent)
        return Status(translation, "outdated", note=(
            f"the snapshot {snapshot} is missing or does not match the record, so the change "
            "cannot be shown"))
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), translation.source_text.splitlines(keepends=True),
        fromfile=f"{translation.source} (when {translation.label} was marked)",
        tofile=f"{translation.source} (now)")
    return Status(translation, "outdated", diff="".join(diff))


def statuses(record: Record, translations: Iterable[Translation],
             with_diff: bool = True) -> list[Status]:
    return [status(record, t, with_diff) for t in translations]


def orphaned_keys(record: Record, translations: Iterable[Translation]) -> list[str]:
    """Record entries whose translation no longer exists."""
    keys = {t.key for t in translations}
    return sorted(key for key in record.entries if key not in keys)


def mark(record: Record, chosen: Iterable[Translation],
         all_translations: Iterable[Translation]) -> list[str]:
    """Record the current source of each chosen translation, drop entries of translations that
    no longer exist, save; one line per change."""
    lines: list[str] = []
    everything = list(all_translations)
    for key in orphaned_keys(record, everything):
        record.forget(key)
        lines.append(f"dropped {key}: no such translation any more")
    for translation in chosen:
        changed = record.mark(translation.key, translation.source, translation.source_text)
        what = "marked up to date" if changed else "already up to date"
        lines.append(f"{what}: {translation.label} ({translation.lang}) "
                     f"follows {translation.source}")
    record.save()
    return lines
