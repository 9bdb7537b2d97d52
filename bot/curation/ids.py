"""Stable ids for entries moderators add: `mod-` and a slug of the question."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

from bot.engine.textproc import words

PREFIX = "mod-"
MAX_ID_CHARS = 80  # bot.knowledge.schema.ENTRY_ID_PATTERN
_SUFFIX_ROOM = 4  # "-999": room for a counter when the slug is taken


def slug(question: str) -> str:
    """The question's words, lower-case ASCII joined by dashes, cut at a word boundary."""
    room = MAX_ID_CHARS - len(PREFIX) - _SUFFIX_ROOM
    parts: list[str] = []
    for word in words(question):
        if len("-".join([*parts, word])) > room:
            break
        parts.append(word)
    if parts:
        return "-".join(parts)
    # No ASCII words (e.g. a question in Cyrillic): a short digest still gives a stable id.
    return "q" + hashlib.sha256(question.encode()).hexdigest()[:10]


def candidate_ids(question: str) -> Iterator[str]:
    """`mod-<slug>`, then `mod-<slug>-2`, `-3`, ... for when the earlier ones are taken."""
    base = PREFIX + slug(question)
    yield base
    for number in itertools.count(2):
        yield f"{base}-{number}"
