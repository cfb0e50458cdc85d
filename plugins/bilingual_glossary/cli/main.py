"""Contributor CLI: `python -m bilingual_glossary check | coverage [--strict] | new ID |
export --format json|tbx|csv|all --out DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bilingual_glossary.cli.coverage import scan_docs
from bilingual_glossary.cli.export import add_export_parser, run_export
from bilingual_glossary.data.errors import GlossaryError
from bilingual_glossary.data.loader import ID_PATTERN, load_glossary
from bilingual_glossary.data.model import LANGS, Glossary
from bilingual_glossary.l10n import cli as l10n_cli

TEMPLATE = """\
# {id}: fill in both languages, then run `make glossary-check`.
ko:
  term: ''          # Korean name (Kubernetes Korean localization), e.g. 파드
  aliases: []       # other spellings and synonyms, e.g. [포드]
  short: ''         # one or two plain sentences: the tooltip
  long: ''          # optional Markdown for the glossary page
  avoid: []         # spellings to avoid in pages (still matched), e.g. [포드]
  docs:             # the official Korean page, e.g. https://kubernetes.io/ko/docs/...
en:
  term: ''
  aliases: []
  short: ''
  long: ''
  avoid: []
  docs:             # the official English page, e.g. https://kubernetes.io/docs/...
part_of:            # the term this one sits inside, e.g. node
kind_of:            # the term this one is a kind of, e.g. node for worker-node
related: []         # ids of related terms
tags: []            # from glossary/_tags.yml
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bilingual_glossary",
                                     description="Check and extend the site's glossary.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder, where mkdocs.yml is (default: the current one)")
    parser.add_argument("--glossary-dir", default="glossary",
                        help="the term files' folder, relative to --root (default: %(default)s)")
    parser.add_argument("--docs-dir", default="docs",
                        help="the pages' folder, relative to --root (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every file in glossary/")
    cover = commands.add_parser("coverage", help="which pages use which terms")
    cover.add_argument("--strict", action="store_true",
                       help="exit 1 if a term is used by no page (unless standalone)")
    new = commands.add_parser("new", help="write glossary/ID.yml from a template")
    new.add_argument("id", help="the new term's id: lowercase letters, digits, hyphens")
    add_export_parser(commands)
    l10n_cli.add_commands(commands)  # l10n, l10n-mark: translations and terminology
    args = parser.parse_args(argv)

    glossary_dir = args.root / args.glossary_dir
    if args.command == "new":
        return new_term(glossary_dir, args.id)
    try:
        glossary = load_glossary(glossary_dir)
    except GlossaryError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"glossary OK: {len(glossary)} terms, {len(glossary.tags)} tags")
        return 0
    if args.command == "export":
        return run_export(glossary, args)
    if args.command in l10n_cli.COMMANDS:
        return l10n_cli.run(args, glossary)
    try:
        return print_coverage(glossary, args.root / args.docs_dir, strict=args.strict)
    except GlossaryError as exc:  # a page that cannot be read: one line per problem
        print("\n".join(map(str, exc.problems)), file=sys.stderr)
        return 1


def new_term(glossary_dir: Path, term_id: str) -> int:
    if not ID_PATTERN.match(term_id):
        print(f"'{term_id}' is not a valid term id. Fix: use lowercase letters, digits and "
              "single hyphens, e.g. worker-node.", file=sys.stderr)
        return 2
    path = glossary_dir / f"{term_id}.yml"
    label = f"{glossary_dir.name}/{term_id}.yml"
    if not glossary_dir.is_dir():
        print(f"{glossary_dir}: the glossary folder does not exist. Fix: run the command in "
              "the project folder, or pass --root or --glossary-dir.", file=sys.stderr)
        return 1
    if path.exists() or path.is_symlink():
        print(f"{label} already exists. Fix: edit it, or pick another id.", file=sys.stderr)
        return 1
    path.write_text(TEMPLATE.format(id=term_id), encoding="utf-8")
    print(f"wrote {label}: fill in ko and en, then run `make glossary-check`.")
    return 0


def print_coverage(glossary: Glossary, docs_dir: Path, strict: bool) -> int:
    coverage = scan_docs(glossary, docs_dir)
    width = max(len(t.id) for t in glossary) if len(glossary) else 10
    print("Pages that use each term")
    print(f"  {'term':<{width}}  " + "  ".join(f"{lang:>3}" for lang in LANGS))
    for term in glossary:
        counts = "  ".join(f"{len(coverage.pages[lang].get(term.id, [])):>3}" for lang in LANGS)
        note = "  (standalone)" if term.standalone else ""
        print(f"  {term.id:<{width}}  {counts}{note}")
    missing = False
    print("\nTerms no page uses")
    for lang in LANGS:
        unused = coverage.unused(glossary, lang)
        missing = missing or bool(unused)
        print(f"  {lang}: {', '.join(unused) if unused else 'none'}")
    print("\nBold phrases that are not terms or aliases")
    for page, line, phrase in coverage.loose_bold:
        print(f"  docs/{page}:{line}: {phrase}")
    if not coverage.loose_bold:
        print("  none")
    return 1 if strict and missing else 0
