"""`python -m bilingual_glossary l10n` and `l10n-mark` (make l10n, make l10n-mark).

l10n       lists structural drift between twin pages and spellings to avoid (both make it exit
           1), then every translation behind its source with the source's diff since (never
           an error: a translation may lag).
l10n-mark  records the current source of the given translations as the one they follow.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.data.model import Glossary
from bilingual_glossary.l10n.freshness import (
    Status,
    Translation,
    mark,
    orphaned_keys,
    page_translations,
    relative_label,
    statuses,
    term_translations,
)
from bilingual_glossary.l10n.record import RECORD_FILE, Record
from bilingual_glossary.l10n.structure import check_docs
from bilingual_glossary.l10n.terminology import (
    AvoidedSpellings,
    lint_glossary,
    lint_page,
    page_allow,
)
from bilingual_glossary.languages import page_language
from bilingual_glossary.page_source import read_page

if TYPE_CHECKING:  # the MkDocs adapter; this module reads only the plain values it found
    from bilingual_glossary.site_config import SiteFacts

COMMANDS = ("l10n", "l10n-mark")


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register the two commands on the CLI's subparsers."""
    report = commands.add_parser(
        "l10n", help="translations behind their source, drift between twin pages, "
                     "spellings to avoid")
    report.add_argument("--no-diff", action="store_true",
                        help="list outdated translations without the source's changes")
    mark_cmd = commands.add_parser(
        "l10n-mark", help="record that translations are up to date with their source")
    mark_cmd.add_argument("files", nargs="*", metavar="FILE",
                          help="translated pages, e.g. docs/pods.en.md (a source page such as "
                               "docs/pods.md stands for its translations)")
    mark_cmd.add_argument("--term", action="append", default=[], metavar="ID",
                          help="a glossary entry's translated text, e.g. --term pod")
    mark_cmd.add_argument("--all", action="store_true",
                          help="every translated page and glossary text")
    for parser in (report, mark_cmd):
        parser.add_argument("--l10n-dir", default=None,
                            help="the record's folder, relative to --root (default: the "
                                 "plugin's l10n_dir in mkdocs.yml)")


def run(args: argparse.Namespace, glossary: Glossary, site: SiteFacts) -> int:
    """The folders and the source language are the site's, as the plugin has them."""
    root: Path = site.root
    docs_dir = site.docs_dir
    record_dir = root / args.l10n_dir if args.l10n_dir is not None else site.l10n_dir
    source_lang = site.default_lang
    label = f"{relative_label(record_dir, root)}/{RECORD_FILE}"
    try:
        record = Record.load(record_dir, label)
    except GlossaryError as exc:  # about the record, not the glossary: no glossary header
        print("\n".join(map(str, exc.problems)), file=sys.stderr)
        return 1
    try:
        translations = [*page_translations(root, docs_dir, source_lang, site.langs),
                        *term_translations(glossary, source_lang)]
        if args.command == "l10n-mark":
            return _mark(args, record or Record(record_dir), translations, root, docs_dir)
        return _report(args, glossary, record, label, translations, site)
    except GlossaryError as exc:  # a page that cannot be read (page_source.py)
        print("\n".join(map(str, exc.problems)), file=sys.stderr)
        return 1


def _report(args: argparse.Namespace, glossary: Glossary, record: Record | None, label: str,
            translations: list[Translation], site: SiteFacts) -> int:
    root, docs_dir = site.root, site.docs_dir
    drift = check_docs(root, docs_dir, site.default_lang, site.langs)
    print("Structure of twin pages (heading ids, code blocks, internal links, macros)")
    _print_list(drift, "  no differences")

    hits = _lint(glossary, site)
    print("\nSpellings to avoid (the glossary's avoid: lists)")
    _print_list(hits, "  none")

    print("\nTranslations behind their source")
    outdated: list[Status] = []
    if record is None:
        print(f"  no record yet ({label}): once every translation is up to date, run "
              "`make l10n-mark ALL=1` to start tracking them")
    else:
        outdated = [s for s in statuses(record, translations, with_diff=not args.no_diff)
                    if s.state != "current"]
        for item in outdated:
            _print_outdated(item)
        if not outdated:
            print("  none: every translation follows its current source")
        for key in orphaned_keys(record, translations):
            print(f"  note: {label} still lists {key}, which no longer exists; the next "
                  "`make l10n-mark` drops it")
    freshness = (f"{len(outdated)} of {len(translations)} translations outdated"
                 if record is not None else f"{len(translations)} translations not tracked yet")
    print(f"\n{_plural(len(drift), 'structural difference')}, "
          f"{_plural(len(hits), 'spelling')} to avoid, {freshness}.")
    return 1 if drift or hits else 0


def _print_list(items: list[str], empty: str) -> None:
    for item in items:
        print(f"  {item}")
    if not items:
        print(empty)


def _print_outdated(item: Status) -> None:
    t = item.translation
    how = f"FILE={t.label}" if t.key == t.label else f"ID={t.label}"
    why = item.note or f"{t.source} changed since the translation was marked"
    print(f"  outdated {t.label} ({t.lang}): {why}")
    for line in item.diff.splitlines():
        print(f"    {line}")
    print(f"    when it is updated: make l10n-mark {how}")


def _lint(glossary: Glossary, site: SiteFacts) -> list[str]:
    root, docs_dir = site.root, site.docs_dir
    found: list[str] = []
    spellings: dict[str, AvoidedSpellings] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        rel = page.relative_to(docs_dir).as_posix()
        lang = site.page_langs.get(rel) or page_language(rel, site.default_lang,
                                                          langs=site.langs)
        if lang not in glossary.langs:  # no glossary text, nothing to avoid
            continue
        if lang not in spellings:
            spellings[lang] = AvoidedSpellings(glossary, lang)
        page_label = relative_label(page, root)
        source = read_page(page, page_label)
        try:
            allow = page_allow(source)
        except ValueError as exc:
            found.append(f"{page_label}: {exc}")
            continue
        found += [str(hit) for hit in lint_page(source, page_label, spellings[lang], allow)]
    for lang in sorted(spellings):
        found += [str(hit) for hit in lint_glossary(glossary, spellings[lang])]
    return found


def _mark(args: argparse.Namespace, record: Record, translations: list[Translation],
          root: Path, docs_dir: Path) -> int:
    if not (args.files or args.term or args.all):
        print("Name what was brought up to date. Fix: make l10n-mark FILE=docs/pods.en.md, "
              "make l10n-mark ID=pod, or make l10n-mark ALL=1 for everything.", file=sys.stderr)
        return 2
    chosen: dict[str, Translation] = {}
    problems: list[str] = []
    if args.all:
        chosen = {t.key: t for t in translations}
    by_source: dict[str, list[Translation]] = {}
    for t in translations:
        by_source.setdefault(t.source, []).append(t)
    for name in args.files:
        found = _pages_named(name, translations, by_source, root, docs_dir)
        if not found:
            problems.append(f"'{name}' is not a translated page. Fix: name an English page "
                            "such as docs/pods.en.md.")
        chosen.update((t.key, t) for t in found)
    for term_id in args.term:
        found = [t for t in translations if t.key.startswith(f"glossary:{term_id}:")]
        if not found:
            problems.append(f"'{term_id}' is not a glossary term id. Fix: use a file name in "
                            "glossary/ without .yml, e.g. ID=pod.")
        chosen.update((t.key, t) for t in found)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    for line in mark(record, chosen.values(), translations):  # GlossaryError: see run()
        print(line)
    print(f"Wrote {relative_label(record.path, root)}. Commit it with the translation.")
    return 0


def _pages_named(name: str, translations: list[Translation],
                 by_source: dict[str, list[Translation]], root: Path,
                 docs_dir: Path) -> list[Translation]:
    """docs/pods.en.md, pods.en.md or an absolute path; a source page means its twins."""
    path = Path(name)
    candidates = [path] if path.is_absolute() else [root / path, docs_dir / path]
    for candidate in candidates:
        label = relative_label(candidate, root)
        found = [t for t in translations if t.key == label] or by_source.get(label, [])
        if found:
            return found
    return []


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
