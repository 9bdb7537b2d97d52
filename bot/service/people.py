"""Who an entry is about, read from the entries themselves: a `person` entry ("Who is Dmitry
Peskov?") names a person and carries their tag (`peskov`); any entry tagged `peskov` is about
him. Follow-ups ("what else did he say?") resolve against these names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.models import Entry

_WHO_IS = re.compile(r"^\s*(?:who|what)\s+(?:is|was|are|were)\s+(.+?)\s*\??\s*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Person:
    tag: str  # the tag entries about them carry
    name: str  # as the article's person entry names them: "Dmitry Peskov"


def _person(entry: Entry) -> Person | None:
    found = _WHO_IS.match(entry.question)
    if entry.kind != "person" or found is None:
        return None
    name = found.group(1).strip()
    words = set(_WORD.findall(name.lower()))
    for tag in entry.tags:
        if tag and set(_WORD.findall(tag)) <= words:
            return Person(tag, name)
    return None


class People:
    """The people of one view's articles, by the tag entries about them carry."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_tag: dict[tuple[str, str], Person] = {}
        for entry in entries:
            person = _person(entry)
            if person is not None:
                self.by_tag.setdefault((entry.article_id, person.tag), person)

    def of(self, entry: Entry) -> tuple[Person, ...]:
        """Who an entry is about, in the order of its tags (the first is its subject)."""
        found = [self.by_tag.get((entry.article_id, tag)) for tag in entry.tags]
        unique: dict[str, Person] = {}
        for person in found:
            if person is not None:
                unique.setdefault(person.tag, person)
        return tuple(unique.values())
