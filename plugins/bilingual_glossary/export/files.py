"""The export files by name, shared by the plugin (added to the build) and the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
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


MANIFEST = ".glossary-export.json"  # what the last export wrote there, and its fingerprints


class OutputFolderError(Exception):
    """The folder holds something the export did not write; the message says what and how."""


def write_files(out_dir: Path, files: dict[str, bytes], force: bool = False,
                protected: tuple[Path, ...] = ()) -> list[Path]:
    """Write `files` into `out_dir`: a new or empty folder, or one that holds only what an
    earlier export wrote there, unchanged (its manifest says so). Anything else needs `force`.
    Never into a `protected` folder (the term files), and never through a symbolic link: an
    old file is replaced, not written into."""
    resolved = out_dir.resolve()
    for folder in protected:
        if resolved == folder.resolve():
            raise OutputFolderError(f"{out_dir}: is the glossary's own folder; the exports "
                                    "would become term files. Fix: pick another folder.")
    if out_dir.exists() and not force:
        strangers = _not_ours(out_dir)
        if strangers:
            shown = ", ".join(strangers[:3]) + (" ..." if len(strangers) > 3 else "")
            raise OutputFolderError(
                f"{out_dir}: holds files an export did not write ({shown}); they could be "
                "overwritten. Fix: pick an empty or new folder, or add --force to write there "
                "anyway.")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    manifest = _read_manifest(out_dir)
    for name, content in files.items():
        path = out_dir / name
        _replace(path, content)
        manifest[name] = hashlib.sha256(content).hexdigest()
        written.append(path)
    about = "Files written by `python -m bilingual_glossary export`, with their SHA-256."
    _replace(out_dir / MANIFEST, (json.dumps({"about": about, "files": manifest}, indent=2,
                                             sort_keys=True) + "\n").encode("utf-8"))
    return written


def _read_manifest(out_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _not_ours(out_dir: Path) -> list[str]:
    """Entries of `out_dir` that no earlier export wrote, or that changed since."""
    if not out_dir.is_dir():
        return [out_dir.name]  # a file where the folder should be: mkdir says so
    manifest = _read_manifest(out_dir)
    strangers = []
    for entry in sorted(out_dir.iterdir()):
        if entry.name == MANIFEST and not entry.is_symlink():
            continue
        known = manifest.get(entry.name)
        if (known is None or entry.is_symlink() or not entry.is_file()
                or hashlib.sha256(entry.read_bytes()).hexdigest() != known):
            strangers.append(entry.name)
    return strangers


def _replace(path: Path, content: bytes) -> None:
    """A new file in place of the old one (a symbolic link is replaced, not followed)."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
