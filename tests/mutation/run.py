"""Mutation check: break the site on purpose and show that the test suite notices.

    make mutation        (or: .venv/bin/python tests/mutation/run.py [--keep] [NAME ...])

Each mutation is applied to this working tree itself, as mutmut does: the plugin is installed
from it (pip install -e .), so the tests see the broken code exactly as they would see a real
mistake. The files a mutation touches are saved first and written back afterwards, also when
the run is interrupted (Ctrl-C, SIGTERM). A mutation is "caught" when at least one of the tests
that guard that part of the site fails. First, the same tests run on the unbroken tree: they
must all pass, or a failure would prove nothing. Don't edit the project while it runs.

The mutations:
- link-to-viewport: a link to #viewport in every page (a <meta name>, not an anchor);
- focus-handler-throws: the tooltip script gets a focus handler that throws (tooltips still
  work: only the console check sees it);
- diagram-draws-no-boxes: the diagram code writes its boxes as nothing-drawing <path>s;
- tooltip-text-invisible: tooltip text takes the tooltip's own background colour.

Prints, for each mutation, "caught" or "MISSED" and the tests that failed; exits 1 if any
mutation was missed or the unbroken copy fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLTIP_JS = "plugins/bilingual_glossary/assets/glossary-tooltip.js"
TOOLTIP_CSS = "plugins/bilingual_glossary/assets/glossary-tooltip.css"
DIAGRAM_SVG = "plugins/bilingual_glossary/diagrams/svg.py"
MAIN_HTML = "overrides/main.html"


class MutationDoesNotApply(Exception):
    """The code moved on: the mutation no longer finds what it breaks (update it)."""


def replace_once(text: str, pattern: str, replacement: str, file: str) -> str:
    new, count = re.subn(pattern, replacement, text, count=1)
    if count != 1:
        raise MutationDoesNotApply(f"{file}: no match for {pattern!r}")
    return new


def link_to_viewport(project: Path) -> None:
    path = project / MAIN_HTML
    text = path.read_text(encoding="utf-8")
    if "{% block announce %}" in text:
        raise MutationDoesNotApply(f"{MAIN_HTML} already has an announce block")
    path.write_text(text + '\n{% block announce %}<a href="#viewport">Skip</a>{% endblock %}\n',
                    encoding="utf-8")


def focus_handler_throws(project: Path) -> None:
    path = project / TOOLTIP_JS
    text = path.read_text(encoding="utf-8")
    if 'addEventListener("focusin"' not in text:
        raise MutationDoesNotApply(f"{TOOLTIP_JS} has no focusin handler")
    path.write_text(text + '\ndocument.addEventListener("focusin", function () {\n'
                    '  throw new Error("mutation: a focus handler throws");\n});\n',
                    encoding="utf-8")


def diagram_draws_no_boxes(project: Path) -> None:
    path = project / DIAGRAM_SVG
    text = path.read_text(encoding="utf-8")
    path.write_text(replace_once(text, r"<g><rect class=", "<g><path class=", DIAGRAM_SVG),
                    encoding="utf-8")


def tooltip_text_invisible(project: Path) -> None:
    path = project / TOOLTIP_CSS
    text = path.read_text(encoding="utf-8")
    block = re.search(r"\n\.glossary-tip \{(.*?)\n\}", text, re.S)
    background = block and re.search(r"\n\s*background-color:\s*([^;]+);", block.group(1))
    if not background:
        raise MutationDoesNotApply(f"{TOOLTIP_CSS}: no .glossary-tip background-color")
    colour = background.group(1).strip()
    path.write_text(text + f"\n.glossary-tip, .glossary-tip * {{ color: {colour} !important; }}\n",
                    encoding="utf-8")


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[Path], None]
    tests: tuple[str, ...]  # pytest arguments: the tests that guard what it breaks


MUTATIONS = [
    Mutation("link-to-viewport", link_to_viewport, ("tests/test_site_links.py",)),
    Mutation("focus-handler-throws", focus_handler_throws,
             ("tests/test_tooltips_browser.py",)),
    Mutation("diagram-draws-no-boxes", diagram_draws_no_boxes,
             ("tests/test_diagram_site.py", "tests/test_diagram.py")),
    Mutation("tooltip-text-invisible", tooltip_text_invisible,
             ("tests/test_tooltips_browser.py", "tests/test_accessibility.py",
              "-k", "contrast or tooltip")),
]


MUTATED_FILES = (TOOLTIP_JS, TOOLTIP_CSS, DIAGRAM_SVG, MAIN_HTML)


@contextmanager
def mutated(mutation: Mutation):
    """The working tree with one mutation applied; every touched file is restored after."""
    saved = {name: (ROOT / name).read_bytes() for name in MUTATED_FILES}

    def restore(*_: object) -> None:
        for name, content in saved.items():
            (ROOT / name).write_bytes(content)

    previous = signal.signal(signal.SIGTERM, lambda *a: (restore(), sys.exit(143)))
    try:
        mutation.apply(ROOT)
        yield
    finally:
        restore()
        signal.signal(signal.SIGTERM, previous)


def run_tests(args: tuple[str, ...], report: Path) -> tuple[int, list[str]]:
    """(exit code, the failed or erroring test ids)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
         *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    failed = []
    if report.is_file():
        for case in ET.parse(report).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed.append(f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}")
    elif result.returncode:
        failed.append(f"pytest exited {result.returncode}: {result.stderr.strip()[-300:]}")
    return result.returncode, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="only these mutations (default: all)")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if not args.names or m.name in args.names]
    if not chosen:
        parser.error(f"no such mutation; choose from {', '.join(m.name for m in MUTATIONS)}")
    work = Path(tempfile.mkdtemp(prefix="mutation-check-"))
    ok = True
    try:
        # the unbroken tree first: every guarding test must pass there
        started = time.monotonic()
        baseline: list[str] = []
        for mutation in chosen:
            code, failed = run_tests(mutation.tests, work / f"unbroken-{mutation.name}.xml")
            baseline += failed
            if code != 0 and not failed:
                baseline.append(f"{mutation.name}: pytest exited {code}")
        print(f"unbroken tree: {'all guarding tests pass' if not baseline else 'FAILS'} "
              f"({time.monotonic() - started:.0f} s)")
        for test in sorted(set(baseline)):
            print(f"    {test}")
        ok = not baseline
        for mutation in chosen:
            started = time.monotonic()
            try:
                with mutated(mutation):
                    _, failed = run_tests(mutation.tests, work / f"{mutation.name}.xml")
            except MutationDoesNotApply as exc:
                print(f"{mutation.name:<24} CANNOT APPLY  {exc}")
                ok = False
                continue
            verdict = "caught" if failed else "MISSED"
            ok = ok and bool(failed)
            print(f"{mutation.name:<24} {verdict}  ({len(failed)} failed, "
                  f"{time.monotonic() - started:.0f} s)")
            for test in failed:
                print(f"    {test}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
