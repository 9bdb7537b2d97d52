"""A candidate entry for curators, and the ids and question texts it is given."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from bot.extraction.doc import Passage
from bot.text.normalize import fold

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_ID = 72


@dataclass
class Candidate:
    """One unreviewed entry: `kind` is a knowledge kind, `found_as` the extractor that found it."""

    id: str
    kind: str
    found_as: str  # quote | person | heading | number
    question: str
    evidence: list[Passage]
    section: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "found_as": self.found_as,
            "question": self.question,
        }
        for key, value in self.details.items():
            data[key] = value.as_dict() if isinstance(value, Passage) else value
        data["section"] = self.section
        data["evidence"] = [p.as_dict() for p in self.evidence]
        return data


def slug(text: str, max_words: int = 6) -> str:
    """Lower-case ASCII words joined by hyphens: "Mr. Peskov’s trust" -> "mr-peskov-s-trust"."""
    ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    words = [w for w in _NON_SLUG.split(ascii_text.lower()) if w]
    return "-".join(words[:max_words])


class IdMaker:
    """Ids unique within one candidates file: "quote-peskov-...", then "-2", "-3"."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def make(self, prefix: str, *parts: str) -> str:
        base = "-".join(p for p in (prefix, *parts) if p)[:_MAX_ID].rstrip("-") or prefix
        candidate, number = base, 1
        while candidate in self._seen:
            number += 1
            candidate = f"{base}-{number}"
        self._seen.add(candidate)
        return candidate


def excerpt(text: str, max_words: int = 10) -> str:
    """The first words of a text, with an ellipsis when cut."""
    words = text.split()
    short = " ".join(words[:max_words])
    return short if len(words) <= max_words else short.rstrip(",;:.") + "…"
