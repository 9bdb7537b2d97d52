"""Finding entries and queued questions from what a moderator types (autocomplete, /qa list)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, utils
from rapidfuzz.distance import Levenshtein

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


_WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about which entry is meant.
_FILLER = frozenset(
    "a an the of to in on and or for is was are were be what who whom which how why when where"
    " did does do about with by from that this it its as at".split()
)


def _words(text: str) -> set[str]:
    return set(_WORD.findall(utils.default_process(text.replace("-", " "))))


def _word_score(term: str, words: set[str]) -> float:
    if term in words:
        return 1.0
    if len(term) >= 3 and any(w.startswith(term) for w in words):
        return 0.95
    if len(term) >= 5:  # a typo: one slip, two in a long word ("iran" is not "iraq")
        slips = 1 if len(term) < 8 else 2
        if any(Levenshtein.distance(term, w, score_cutoff=slips) <= slips for w in words):
            return 0.9
    return 0.0


def relevance(entry: Entry, query: str) -> float:
    """How relevant an entry is to a search (0-100): every word of the query must be found
    (typos forgiven) in its id, tags, phrasings or answer; a word in the id or question
    counts fully, in an alternate a little less, in the answer less again."""
    terms = _words(query) - _FILLER or _words(query)
    if not terms:
        return 0.0
    fields = [
        (1.0, _words(entry.id) | {w for t in entry.tags for w in _words(t)}),
        (1.0, _words(entry.question)),
        (0.95, {w for a in entry.alternates for w in _words(a)}),
        (0.8, _words(entry.answer)),
    ]
    total = 0.0
    for term in terms:
        best = max(weight * _word_score(term, words) for weight, words in fields)
        if best == 0.0:
            return 0.0
        total += best
    return 100.0 * total / len(terms)


def find_entries(entries: Sequence[Entry], query: str) -> list[Entry]:
    """Entries every word of the query belongs to (/qa list), best first; all of them (by id)
    for an empty query. Autocomplete searches the engine's index instead (`engine.suggest`):
    a keystroke must not read every entry."""
    if not query.strip():
        return sorted(entries, key=lambda e: e.id)
    scored = [(relevance(e, query), e) for e in entries]
    found = [(s, e) for s, e in scored if s > 0]
    return [e for _, e in sorted(found, key=lambda se: (-se[0], se[1].id))]


def entry_choices(found: Sequence[Entry], *, several: bool) -> list[tuple[str, str]]:
    """Autocomplete choices (name, value) for the entries found: at most 25, names within 100
    chars; the value names the article too (`article/id`), since ids repeat across articles;
    `several`: the moderator sees several articles, so names say which."""
    return [
        (
            _clip(
                f"{e.id}{f' ({e.article_id})' if several else ''} — {e.question}", CHOICE_NAME_MAX
            ),
            f"{e.article_id}/{e.id}",
        )
        for e in found[:CHOICES_MAX]
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
