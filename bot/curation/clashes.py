"""Phrasings must stand under one entry only (compared the way the engine compares them)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.models import Entry
from bot.text.normalize import phrasing_key


def owners(entries: Iterable[Entry], *, besides: str | None = None) -> dict[str, str]:
    """Normalised phrasing -> the entry holding it, leaving out entry `besides`."""
    found: dict[str, str] = {}
    for entry in entries:
        if entry.id != besides:
            for phrasing in entry.phrasings:
                found.setdefault(phrasing_key(phrasing), entry.id)
    return found


def clashes(
    phrasings: Iterable[str], entries: Iterable[Entry], *, besides: str | None = None
) -> list[tuple[str, str]]:
    """(phrasing, other entry) for each phrasing that already stands under another entry."""
    taken = owners(entries, besides=besides)
    return [(p, taken[phrasing_key(p)]) for p in phrasings if phrasing_key(p) in taken]
