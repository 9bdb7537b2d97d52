"""A draft entry as it is written to the knowledge file, and the phrasings each may claim."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge.schema import MAX_ANSWER_CHARS, MAX_PHRASING_CHARS, MIN_ALTERNATES
from bot.text.normalize import fold, phrasing_key


@dataclass
class DraftEntry:
    """One fact of the article, unreviewed: its evidence is verbatim seed text."""

    id: str
    kind: str
    question: str
    alternates: list[str]
    answer: str
    evidence: list[str]
    tags: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> tuple[str, str]:
        """What the entry is about, for keeping its id across reruns: kind and first passage."""
        return anchor_of(self.kind, self.evidence)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "question": self.question,
            "alternates": self.alternates,
            "answer": self.answer,
            "evidence": self.evidence,
            "tags": self.tags,
            "reviewed": False,
        }


def anchor_of(kind: str, evidence: list[str]) -> tuple[str, str]:
    return kind, " ".join(fold(evidence[0]).split()) if evidence else ""


def clip(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """Text cut at a word boundary to fit a limit, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


class Phrasings:
    """Every phrasing of one article, so that none stands under two entries (check refuses
    that): the first entry to claim a phrasing keeps it."""

    def __init__(self, terms: Callable[[str], Iterable[str]]) -> None:
        self._terms = terms
        self._owner: dict[str, str] = {}
        # Two phrasings made of the same words once stopwords go ("what did X say" and "who is
        # X" are both "X") would tie for every question they fit: one entry only may hold them.
        self._words: dict[frozenset[str], str] = {}

    def take(self, entry_id: str, phrasing: str) -> None:
        """A phrasing already in the file (a reviewed entry's): nobody else may have it."""
        self._owner.setdefault(phrasing_key(phrasing), entry_id)
        self._words.setdefault(frozenset(self._terms(phrasing)), entry_id)

    def _free(self, entry_id: str, phrasing: str) -> str | None:
        key = phrasing_key(phrasing)
        if not key or len(phrasing) > MAX_PHRASING_CHARS:
            return None
        if self._owner.get(key, entry_id) != entry_id:
            return None
        words = frozenset(self._terms(phrasing))
        # (no words left: "what is the article about" is matched by its shape, not its words)
        if words and self._words.get(words, entry_id) != entry_id:
            return None
        return key

    def settle(self, entry: DraftEntry, options: list[str], fallbacks: list[str]) -> bool:
        """Give the entry its question and the alternates it may claim (at least the minimum,
        from the fallbacks if need be); False, claiming nothing, if it cannot have enough."""
        question = self._free(entry.id, entry.question)
        if question is None:
            # Another entry asks the same: the first phrasing of its own becomes the question.
            own = next((o for o in [*options, *fallbacks] if self._free(entry.id, o)), None)
            if own is None:
                return False
            entry.question = own[0].upper() + own[1:].rstrip("?") + "?"
            question = phrasing_key(entry.question)
        chosen: list[str] = []
        keys = {question}
        for option in [*options, *fallbacks]:
            if len(chosen) >= MIN_ALTERNATES and option in fallbacks:
                break
            key = self._free(entry.id, option)
            if key is not None and key not in keys:
                keys.add(key)
                chosen.append(option)
        if len(chosen) < MIN_ALTERNATES:
            return False
        for phrasing in [entry.question, *chosen]:
            self.take(entry.id, phrasing)
        entry.alternates = chosen
        return True
