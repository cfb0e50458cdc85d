"""`python -m bilingual_glossary export --format json|tbx|csv|all --out DIR`.

Writes the files the plugin adds to a build, without building: the entries' addresses are the
plugin's own, from the site as MkDocs configures it (site_config.py), so the files are the
build's, byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.export.addresses import SiteAddresses, site_addresses
from bilingual_glossary.export.files import FORMATS, OutputFolderError, export_files, write_files


def add_export_parser(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="write glossary.json, glossary.tbx and glossary.csv without building")
    export.add_argument("--format", choices=(*FORMATS, "all"), default="all",
                        help="which file to write (default: %(default)s; json brings its "
                             "schema, glossary.schema.json, along)")
    export.add_argument("--out", type=Path, required=True,
                        help="the folder to write to: new, empty, or one an earlier export "
                             "wrote (created if missing)")
    export.add_argument("--force", action="store_true",
                        help="write into --out even if it holds other files (they may be "
                             "overwritten)")
    export.add_argument("--site-url", default=None,
                        help="the published site's address for the entries' URLs (default: "
                             "site_url in mkdocs.yml; '' for URLs relative to the site root)")


def run_export(glossary: Glossary, addresses: SiteAddresses, args: argparse.Namespace,
               glossary_dir: Path) -> int:
    """`addresses` are the build's; --site-url puts the same pages under another address.
    The glossary folder is never an output folder."""
    if args.site_url is not None:
        site_url = args.site_url
        if site_url and not urlsplit(site_url.strip()).netloc:
            print(f"--site-url '{site_url}' is not an address. Fix: give the published "
                  "site's full address, e.g. https://example.org/docs/, or '' for none.",
                  file=sys.stderr)
            return 2
        addresses = site_addresses(site_url, addresses.glossary_pages)
    formats = FORMATS if args.format == "all" else (args.format,)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    try:
        written = write_files(out, export_files(glossary, addresses, formats), force=args.force,
                              protected=(glossary_dir,))
    except OutputFolderError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{out}: cannot write there ({exc.strerror}). Fix: pick a folder you can write "
              "to with --out.", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0
