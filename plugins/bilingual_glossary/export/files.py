"""The export files by name, shared by the plugin (added to the build) and the CLI."""

from __future__ import annotations

from pathlib import Path

from bilingual_glossary.data.model import Glossary
from bilingual_glossary.export.addresses import SiteAddresses
from bilingual_glossary.export.glossary_csv import build_csv
from bilingual_glossary.export.glossary_json import SCHEMA_NAME, build_json, schema_bytes
from bilingual_glossary.export.glossary_tbx import build_tbx

FORMATS = ("json", "tbx", "csv")
FILE_NAMES = {"json": "glossary.json", "tbx": "glossary.tbx", "csv": "glossary.csv"}


def export_files(glossary: Glossary, addresses: SiteAddresses,
                 formats: tuple[str, ...] | list[str] = FORMATS) -> dict[str, bytes]:
    """File name -> content for each format asked for, in FORMATS order. JSON brings its
    schema along, so the $schema address in glossary.json resolves on the site."""
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        if fmt not in formats:
            continue
        if fmt == "json":
            files[FILE_NAMES[fmt]] = build_json(glossary, addresses)
            files[SCHEMA_NAME] = schema_bytes()
        elif fmt == "tbx":
            files[FILE_NAMES[fmt]] = build_tbx(glossary, addresses)
        else:
            files[FILE_NAMES[fmt]] = build_csv(glossary)
    return files


def write_files(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        path = out_dir / name
        path.write_bytes(content)
        written.append(path)
    return written
