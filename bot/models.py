"""Plain records shared by the store, the answering engine and the front ends."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# An entry is known by its article and its id: ids are unique only within one article.
EntryKey = tuple[str, str]

_FOOTNOTE = re.compile(r"\s*\[\d{1,3}\]\s*")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim passage: `seed text[start:end] == quote`."""

    seed: str
    quote: str
    start: int
    end: int
    section: str = ""

    @property
    def display(self) -> str:
        """The quote as a reader should see it: footnote markers dropped, spaces tidied."""
        return " ".join(_FOOTNOTE.sub(" ", self.quote).split())


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    article_id: str
    kind: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    evidence: tuple[Evidence, ...]
    tags: tuple[str, ...] = ()
    # False while an entry written by `briefbot build --draft` waits for a curator.
    reviewed: bool = True

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.question, *self.alternates)

    @property
    def key(self) -> EntryKey:
        return (self.article_id, self.id)


@dataclass(frozen=True)
class Article:
    id: str
    seed: str
    title: str
    summary: str
    key_points: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    status: str = "reviewed"  # or "draft": served only where a server turns it on

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"
