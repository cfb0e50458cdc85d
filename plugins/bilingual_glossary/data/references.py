"""Messages about the glossary folder as a whole: what is new since the last commit, files
the loader cannot or will not read, and ids that other files refer to but no file defines.

A contributor's change is the useful frame: in a clash the new file is the one to fix, and a
deleted or renamed file is one problem ("was it renamed?"), not one line per file that still
refers to the old id.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from pathlib import Path
from typing import Protocol

from bilingual_glossary.data.errors import Problem

ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
UNKNOWN_TAG = "'{tag}' is not a known tag."


class Collector(Protocol):
    def add(self, file: str, field: str, message: str, fix: str) -> None: ...


def committed_names(directory: Path) -> frozenset[str] | None:
    """Names of the files git's HEAD has in `directory`, or None when that cannot be told
    (no git, not a repository, a folder not yet committed)."""
    try:
        result = subprocess.run(["git", "-C", str(directory), "ls-tree", "--name-only", "HEAD"],
                                capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    names = frozenset(result.stdout.splitlines()) if result.returncode == 0 else frozenset()
    return names or None


def link_problem(path: Path) -> tuple[str, str] | None:
    """(message, fix) for a symbolic link the loader will not follow: one out of the glossary
    folder (a merged pull request could make the build read any file), or one in a loop."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return ("is a symbolic link that leads nowhere (or in a loop).",
                "replace the link with the term file itself.")
    if not target.is_relative_to(path.parent.resolve()):
        return (f"is a symbolic link out of the glossary folder (to {target}).",
                "replace the link with the term file itself.")
    return None


def report_subfolder(folder: Path, label: str, found: Collector) -> None:
    """A term file in a subfolder is not read: say so rather than ignore it."""
    if folder.name.startswith("."):
        return
    names = sorted(p.name for p in folder.rglob("*.yml"))
    if names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        found.add(label + "/", "", f"holds {shown}, but term files in subfolders are not read.",
                  f"move them into {folder.parent.name}/ itself.")


def reference_fix(target: str) -> str:
    """The fix for a relation that names a path or a file instead of an id (`../node`)."""
    stem = Path(target.strip()).name.removesuffix(".yml")
    if stem and set(stem) <= ID_CHARS and stem != target:
        return f"write the id alone, without a folder or .yml: '{stem}'."
    return "write a term id: the name of its file without .yml, e.g. worker-node."


def report_missing(target: str, referrers: list[tuple[str, str]], known: list[str],
                   renamed_to: str | None, folder: str, found: Collector) -> None:
    """One problem for an id that files refer to and no file defines.

    `referrers` are (file label, field). One referrer and no rename in sight: the familiar
    line on that file. Otherwise one line on the missing file, listing who refers to it."""
    guess = renamed_to or next(iter(difflib.get_close_matches(target, known, n=1)), None)
    referrers = list(dict.fromkeys(referrers))  # related: [x, x] names it once
    if len(referrers) == 1 and renamed_to is None:
        label, field = referrers[0]
        hint = f" (did you mean '{guess}'?)" if guess else ""
        found.add(label, field, f"'{target}' is not a term id.",
                  f"use an existing id{hint}, or add {folder}/{target}.yml.")
        return
    names = [f"{os.path.basename(label)} ({field})" for label, field in referrers]
    listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    count = len({label for label, _ in referrers})
    if renamed_to is not None:
        message = (f"is gone, but {count} file{'s' if count != 1 else ''} still refer"
                   f"{'' if count != 1 else 's'} to '{target}': {listed}. Was it renamed to "
                   f"'{renamed_to}' "
                   f"({folder}/{renamed_to}.yml is new)?")
        fix = (f"if so, write '{renamed_to}' for '{target}' in those files; otherwise restore "
               f"{folder}/{target}.yml.")
    else:
        hint = f" Did you mean '{guess}'?" if guess else ""
        message = (f"does not exist, but {count} file{'s' if count != 1 else ''} refer"
                   f"{'' if count != 1 else 's'} to '{target}': {listed}.{hint}")
        fix = f"add {folder}/{target}.yml, or change those references to an existing id."
    found.add(f"{folder}/{target}.yml", "", message, fix)


def group_unknown_tags(problems: list[Problem], folder: str, tags_file: str) -> list[Problem]:
    """A tag that several files use and the tags file lacks (removed or renamed there) is one
    problem on the tags file, not one per term file."""
    users: dict[str, list[Problem]] = {}
    for problem in problems:
        if problem.field == "tags" and problem.message.endswith(" is not a known tag."):
            users.setdefault(problem.message.split("'")[1], []).append(problem)
    grouped = {tag: found for tag, found in users.items() if len(found) > 1}
    if not grouped:
        return problems
    out: list[Problem] = []
    for problem in problems:
        tag = problem.message.split("'")[1] if problem.field == "tags" else None
        if tag not in grouped:
            out.append(problem)
        elif grouped[tag][0] is problem:
            names = [os.path.basename(p.file) for p in grouped[tag]]
            listed = ", ".join(names[:5]) + (f" and {len(names) - 5} more"
                                            if len(names) > 5 else "")
            out.append(Problem(f"{folder}/{tags_file}", tag,
                               f"is not defined here, but {len(names)} files use the tag: "
                               f"{listed}.", f"add `{tag}: {{ko: ..., en: ...}}` back, or "
                               "change the tag in those files (" + problem.fix.split(", or ")[0]
                               + ")."))
    return out
