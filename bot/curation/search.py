"""Finding entries and queued questions from what a moderator types (autocomplete, /qa list)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, utils

from bot.models import Entry
from bot.store.records import QueueItem
from bot.text.normalize import phrasing_key

CHOICES_MAX = 25  # Discord's limit on autocomplete choices
CHOICE_NAME_MAX = 100
MATCH_CUTOFF = 60.0


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _match(query: str, text: str) -> float:
    """How well a processed query matches a processed text (0-100)."""
    if query in text:  # a plain substring (an id fragment, a word) is a sure match
        return 100.0
    return fuzz.WRatio(query, text)


def score(entry: Entry, query: str, *, deep: bool = True) -> float:
    """How well a query matches an entry, case and punctuation aside (0-100).

    A hit in the id or question counts fully, in an alternate a little less, and in the
    answer less again: a word found somewhere in a long answer is weak evidence.
    """
    query = utils.default_process(query)
    fields: list[tuple[float, str]] = [(1.0, entry.id), (1.0, entry.question)]
    if deep:
        fields += [(0.95, a) for a in entry.alternates] + [(0.8, entry.answer)]
    return max(weight * _match(query, utils.default_process(text)) for weight, text in fields)


def find_entries(entries: Sequence[Entry], query: str, *, deep: bool = True) -> list[Entry]:
    """Entries matching a query, best first; all of them (by id) for an empty query.

    `deep` also looks at the alternate phrasings and the answer (for /qa list); autocomplete
    looks at the id and the question only, to stay quick and predictable.
    """
    if not query.strip():
        return sorted(entries, key=lambda e: e.id)
    scored = [(score(e, query, deep=deep), e) for e in entries]
    found = [(s, e) for s, e in scored if s >= MATCH_CUTOFF]
    return [e for _, e in sorted(found, key=lambda se: (-se[0], se[1].id))]


def entry_choices(entries: Sequence[Entry], current: str) -> list[tuple[str, str]]:
    """Autocomplete choices (name, value) for an entry: at most 25, names within 100 chars; the
    value names the article too (`article/id`), since ids repeat across articles."""
    found = find_entries(entries, current[:100], deep=False)[:CHOICES_MAX]
    several = len({e.article_id for e in entries}) > 1
    return [
        (
            _clip(
                f"{e.id}{f' ({e.article_id})' if several else ''} — {e.question}", CHOICE_NAME_MAX
            ),
            f"{e.article_id}/{e.id}",
        )
        for e in found
    ]


def queue_choices(items: Sequence[QueueItem], current: str) -> list[tuple[str, str]]:
    """Autocomplete choices for a queued question; the value is clipped to 100 chars too, and
    `find_queued` recognises a clipped value."""
    if current.strip():
        query = utils.default_process(current[:100])
        scored = [
            (_match(query, utils.default_process(i.question)), n, i) for n, i in enumerate(items)
        ]
        matching = [
            i for s, _, i in sorted(scored, key=lambda x: (-x[0], x[1])) if s >= MATCH_CUTOFF
        ]
    else:
        matching = list(items)
    return [
        (_clip(f"{i.question} (×{i.times_asked})", CHOICE_NAME_MAX), _clip(i.question, 100))
        for i in matching[:CHOICES_MAX]
    ]


def find_queued(text: str, items: Sequence[QueueItem]) -> QueueItem | None:
    """The queued question a moderator picked: the same after normalisation, or (for a choice
    clipped to Discord's 100 characters) the only one starting with it."""
    key = phrasing_key(text)
    if not key:
        return None
    for item in items:
        if item.key == key:
            return item
    if text.rstrip().endswith("…"):
        prefix = phrasing_key(text.rstrip().rstrip("…"))
        starting = [i for i in items if prefix and i.key.startswith(prefix)]
        if len(starting) == 1:
            return starting[0]
    return None
