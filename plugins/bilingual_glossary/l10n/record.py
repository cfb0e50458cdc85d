"""The translation record: for each translation, a fingerprint of the source it was made from.

`l10n/lock.json` maps each translation (`docs/pods.en.md`, `glossary:pod:en`) to the SHA-256
of its source text as it was when the translation was last marked up to date; `l10n/sources/`
keeps that source text, so `make l10n` can show what changed since. A translation is behind
when its source's fingerprint today differs from the recorded one: commit dates play no part,
so a fix to the translation never hides a change in the source.

Both files are written by `make l10n-mark` only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bilingual_glossary.data.errors import GlossaryError, Problem

RECORD_FILE = "lock.json"
SOURCES_DIR = "sources"
FORMAT = 1
ABOUT = ("For each translation, the SHA-256 of the source it was made from. Written by "
         "`make l10n-mark`; `make l10n` lists the translations whose source has changed since.")
# docs/pods.en.md, docs/guide/setup.en.md; glossary:pod:en
_PAGE_KEY = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?(?:/|$))[^\\:*?\"<>|]+\.md$")
_TERM_KEY = re.compile(r"^glossary:[a-z0-9]+(?:-[a-z0-9]+)*:[a-z]{2,3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
FIX_RECORD = ("restore the file from version control (git checkout -- {path}), or remove the "
              "entry and mark that translation again with `make l10n-mark`.")


def fingerprint(text: str) -> str:
    """SHA-256 of an already normalized source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    source: str  # where the source lives, for people reading the file
    sha256: str


class Record:
    """The fingerprints and snapshots in one folder (default `l10n/`)."""

    def __init__(self, directory: Path, entries: dict[str, Entry] | None = None) -> None:
        self.directory = directory
        self.entries: dict[str, Entry] = dict(entries or {})
        # the keys whose snapshots this record wrote: the only files save() may delete
        self._owned: set[str] = set(self.entries)

    @property
    def path(self) -> Path:
        return self.directory / RECORD_FILE

    @classmethod
    def load(cls, directory: Path, label: str) -> Record | None:
        """The record in `directory`, or None when the project keeps none. `label` names the
        file in messages. Raises GlossaryError naming the file, the entry and the fix."""
        path = directory / RECORD_FILE
        if not path.is_file():
            return None
        fix = FIX_RECORD.format(path=label)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise GlossaryError([Problem(label, "", f"cannot be read ({exc}).", fix)]) from None
        except json.JSONDecodeError as exc:
            raise GlossaryError([Problem(label, f"line {exc.lineno}",
                                         f"is not valid JSON ({exc.msg}).", fix)]) from None
        problems: list[Problem] = []
        entries: dict[str, Entry] = {}
        translations = data.get("translations") if isinstance(data, dict) else None
        if not isinstance(translations, dict):
            problems.append(Problem(label, "translations", "is missing or not a mapping.", fix))
        elif data.get("format") != FORMAT:
            problems.append(Problem(label, "format", f"is {data.get('format')!r}, this version "
                                    f"reads format {FORMAT}.", fix))
        else:
            for key, value in translations.items():
                field = f"translations.{key}"
                if not (_PAGE_KEY.match(key) or _TERM_KEY.match(key)):
                    problems.append(Problem(label, field, "is not a page (docs/pods.en.md) or "
                                            "a glossary text (glossary:pod:en).", fix))
                elif not (isinstance(value, dict) and isinstance(value.get("source"), str)
                          and isinstance(value.get("sha256"), str)
                          and _SHA256.match(value["sha256"])):
                    problems.append(Problem(label, field, "needs a source and a 64-digit "
                                            "sha256.", fix))
                else:
                    entries[key] = Entry(value["source"], value["sha256"])
        if problems:
            raise GlossaryError(problems)
        return cls(directory, entries)

    def snapshot_path(self, key: str) -> Path:
        """sources/docs/pods.en.md.txt, sources/glossary/pod.en.txt: the source text of that
        translation as it was when it was marked."""
        if key.startswith("glossary:"):
            _, term_id, lang = key.split(":")
            return self.directory / SOURCES_DIR / "glossary" / f"{term_id}.{lang}.txt"
        return self.directory / SOURCES_DIR / f"{key}.txt"

    def snapshot(self, key: str) -> str | None:
        """The recorded source text, or None when it is missing or not the fingerprinted one."""
        entry = self.entries.get(key)
        try:
            text = self.snapshot_path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if entry is not None and fingerprint(text) == entry.sha256 else None

    def mark(self, key: str, source: str, text: str) -> bool:
        """Record `text` as the source of translation `key`; whether anything changed."""
        entry = Entry(source, fingerprint(text))
        changed = self.entries.get(key) != entry or self.snapshot(key) != text
        self.entries[key] = entry
        self._owned.add(key)
        self._write(self.snapshot_path(key), text)
        return changed

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def save(self) -> None:
        """Write lock.json (sorted, so a mark shows as a small diff) and drop the snapshots of
        entries that are gone. Only those: a file someone else put in sources/ stays."""
        data = {"about": ABOUT, "format": FORMAT,
                "translations": {key: {"source": e.source, "sha256": e.sha256}
                                 for key, e in sorted(self.entries.items())}}
        self._write(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        sources = self.directory / SOURCES_DIR
        for key in sorted(self._owned - set(self.entries)):
            path = self.snapshot_path(key)
            self._refuse_links(path)
            if path.is_file():
                path.unlink()
            folder = path.parent  # and the folders that emptied, up to sources/
            while folder != sources and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self._owned = set(self.entries)

    def _refuse_links(self, path: Path) -> None:
        """A committed symbolic link (l10n/sources -> ../../elsewhere) would make a mark write
        or delete outside the project: refuse any link from the record's folder down."""
        for step in [*reversed(path.relative_to(self.directory).parents), path]:
            candidate = self.directory / step
            if candidate.is_symlink():
                label = candidate.relative_to(self.directory.parent)
                raise GlossaryError([Problem(
                    str(label), "", "is a symbolic link; the record is written only inside "
                    "the project.", f"replace {label} with a real folder or file (git rm it, "
                    "then run `make l10n-mark ALL=1`).")])

    def _write(self, path: Path, text: str) -> None:
        self._refuse_links(path)
        _write(path, text)


def _write(path: Path, text: str) -> None:
    """Replace the file in one step, so an interrupted mark leaves the old one whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
