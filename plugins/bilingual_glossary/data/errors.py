"""The one error type the glossary raises: a list of problems, each naming file, field and fix."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_glossary.data.characters import shown


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        # a control character from a file (an ANSI escape) is shown, never sent to a terminal
        return shown(f"{where}: {self.message} Fix: {self.fix}")


class GlossaryError(Exception):
    """Raised with every problem found, so a contributor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"The glossary has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])
