"""A problem found in the knowledge files, and the error that carries them (light: what catches it
need not import the loader, YAML and the schema)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    entry: str | None = None
    # False for a problem that withholds one entry (its evidence is not in the seed) but need
    # not stop a sync: the rest of the article is still served.
    blocking: bool = True

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" entry {self.entry!r}:" if self.entry else ""
        return f"{where}:{who} {self.message}"


class KnowledgeError(Exception):
    """Knowledge that failed to load or check; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
