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
from bilingual_glossary.site_config import (
    SiteConfigError,
    SiteFacts,
    glossary_settings,
    site_facts,
)

# One section per language of the site; the examples are the glossary's own languages'.
SECTION = """\
{lang}:
  term: ''          # {term}
  aliases: []       # other accepted names and synonyms{aliases}
  short: ''         # one or two plain sentences{short}: the tooltip
  long: ''          # optional Markdown for the glossary page
  avoid: []         # spellings pages must not use (still matched, then flagged){avoid}
  docs:             # the official page in this language{docs}
"""
EXAMPLES = {
    "ko": {"term": "Korean name, as the site's style guide spells it, e.g. 파드",
           "aliases": ", e.g. [자동 확장] for 오토스케일링", "short": " (해라체)",
           "avoid": ", e.g. [포드] for 파드", "docs": ", e.g. https://example.org/ko/docs/..."},
    "en": {"term": "English name, e.g. Pod", "aliases": ", e.g. [autoscale]", "short": "",
           "avoid": "", "docs": ", e.g. https://example.org/docs/..."},
}
# `make glossary-new` writes a draft: not shown or matched until this first line goes
DRAFT_LINE = ("draft: true         # a draft is not shown or matched; delete this line to "
              "publish the term\n")
RELATIONS = """\
part_of:            # the term this one sits inside, e.g. node
kind_of:            # the term this one is a kind of, e.g. node for worker-node
related: []         # ids of related terms
tags: []            # from glossary/_tags.yml (a glossary without that file has no tags)
"""


def template(term_id: str, langs: tuple[str, ...]) -> str:
    """A new term's file: a section for each of the site's languages, then the relations."""
    sections = "".join(
        SECTION.format(lang=lang, **EXAMPLES.get(lang, {
            "term": f"the name in '{lang}'", "aliases": "", "short": "", "avoid": "",
            "docs": ""}))
        for lang in langs)
    return (f"{DRAFT_LINE}# {term_id}: fill in {', '.join(langs)}, check with "
            "`make glossary-check`, then delete the line above.\n"
            f"{sections}{RELATIONS}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bilingual_glossary",
                                     description="Check and extend the site's glossary.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder, where mkdocs.yml is (default: the current one)")
    parser.add_argument("--glossary-dir", default=None,
                        help="the term files' folder, relative to --root, for check and new "
                             "(default: the plugin's glossary_dir in mkdocs.yml, else glossary)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every file in the glossary folder")
    cover = commands.add_parser("coverage", help="which pages use which terms")
    cover.add_argument("--strict", action="store_true",
                       help="exit 1 if a term is used by no page (unless standalone)")
    new = commands.add_parser("new", help="write <glossary folder>/ID.yml from a template")
    new.add_argument("id", help="the new term's id: lowercase letters, digits, hyphens")
    add_export_parser(commands)
    l10n_cli.add_commands(commands)  # l10n, l10n-mark: translations and terminology
    args = parser.parse_args(argv)
    config_file = args.root / "mkdocs.yml"

    if args.command in ("check", "new"):  # the glossary folder alone; mkdocs.yml if it loads
        settings = glossary_settings(config_file)
        glossary_dir, langs = settings or (args.root / "glossary", LANGS)
        if args.glossary_dir is not None:
            glossary_dir = args.root / args.glossary_dir
        if args.command == "new":
            return new_term(glossary_dir, args.id, langs)
        try:
            glossary = load_glossary(glossary_dir, langs)
        except GlossaryError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        for draft in glossary.drafts:  # a strict build fails on a draft: so does the check
            print(draft, file=sys.stderr)
        if glossary.drafts:
            print(f"glossary has {len(glossary.drafts)} draft(s): {len(glossary)} terms, "
                  f"{len(glossary.tags)} tags")
            return 1
        print(f"glossary OK: {len(glossary)} terms, {len(glossary.tags)} tags")
        return 0

    try:  # the rest needs the site as MkDocs and the plugin see it
        site = site_facts(config_file)
    except SiteConfigError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        glossary = load_glossary(site.glossary_dir, site.langs)
    except GlossaryError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.command == "export":
        return run_export(glossary, site.addresses, args, site.glossary_dir)
    if args.command in l10n_cli.COMMANDS:
        return l10n_cli.run(args, glossary, site)
    try:
        return print_coverage(glossary, site, strict=args.strict)
    except GlossaryError as exc:  # a page that cannot be read: one line per problem
        print("\n".join(map(str, exc.problems)), file=sys.stderr)
        return 1


def new_term(glossary_dir: Path, term_id: str, langs: tuple[str, ...] = LANGS) -> int:
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
    path.write_text(template(term_id, langs), encoding="utf-8")
    print(f"wrote {label}: fill in {', '.join(langs)}, run `make glossary-check`, then delete "
          "its first line, `draft: true`, to publish the term (a draft is not shown until then).")
    return 0


def print_coverage(glossary: Glossary, site: SiteFacts, strict: bool) -> int:
    coverage = scan_docs(glossary, site.docs_dir, site.default_lang, site.page_langs)
    langs = glossary.langs
    width = max(len(t.id) for t in glossary) if len(glossary) else 10
    print("Pages that use each term")
    print(f"  {'term':<{width}}  " + "  ".join(f"{lang:>3}" for lang in langs))
    for term in glossary:
        counts = "  ".join(f"{len(coverage.pages[lang].get(term.id, [])):>3}" for lang in langs)
        note = "  (standalone)" if term.standalone else ""
        print(f"  {term.id:<{width}}  {counts}{note}")
    missing = False
    print("\nTerms no page uses")
    for lang in langs:
        unused = coverage.unused(glossary, lang)
        missing = missing or bool(unused)
        print(f"  {lang}: {', '.join(unused) if unused else 'none'}")
    print("\nBold phrases that are not terms or aliases")
    for page, line, phrase in coverage.loose_bold:
        print(f"  {site.docs_dir.name}/{page}:{line}: {phrase}")
    if not coverage.loose_bold:
        print("  none")
    return 1 if strict and missing else 0
