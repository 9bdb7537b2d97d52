"""Entry ids that stay put across reruns of the draft build.

An entry is recognised by what it is about (its id's prefix, its kind and its first evidence
passage), so a rerun gives an unreviewed entry the id it had, and never brings back an entry a
curator has reviewed (their version stands).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.draft.entry import anchor_of

Anchor = tuple[str, str, str]


def anchor(entry_id: str, kind: str, evidence: list[str]) -> Anchor:
    return (entry_id.split("-", 1)[0], *anchor_of(kind, evidence))


class Ids:
    """Ids of one article: the ones already in its file, and new ones made unique."""

    def __init__(self, existing: Iterable[dict[str, Any]] = ()) -> None:
        self._taken: set[str] = set()
        self._previous: dict[Anchor, list[tuple[str, bool]]] = {}
        for item in existing:
            entry_id = str(item.get("id", ""))
            evidence = [str(e) for e in item.get("evidence") or []]
            key = anchor(entry_id, str(item.get("kind", "")), evidence)
            reviewed = bool(item.get("reviewed", True))
            self._previous.setdefault(key, []).append((entry_id, reviewed))
            if reviewed:
                self._taken.add(entry_id)

    def assign(self, proposed: str, kind: str, evidence: list[str]) -> str | None:
        """The id for a fresh entry, or None when a reviewed entry already stands for it."""
        earlier = self._previous.get(anchor(proposed, kind, evidence))
        if earlier:
            entry_id, reviewed = earlier.pop(0)
            if reviewed:
                return None
            if entry_id not in self._taken:
                self._taken.add(entry_id)
                return entry_id
        return self.unique(proposed)

    def unique(self, proposed: str) -> str:
        candidate, number = proposed, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{proposed}-{number}"
        self._taken.add(candidate)
        return candidate
