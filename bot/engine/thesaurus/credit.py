"""How much of a question word an entry explains through the thesaurus (read by `gate.refine`)."""

from __future__ import annotations

import weakref

import numpy as np

from bot.engine.index import Index
from bot.engine.ranking import Prepared, Weights
from bot.engine.stats import Stats
from bot.engine.thesaurus import roles, slang
from bot.engine.thesaurus.table import default

# Per store, per word: the store's size in terms when looked up, and the word's neighbours the
# store has (their term ids and credits). Terms are only ever added: good until the store grows.
_Known = tuple[int, list[int], list[float]]
_known: weakref.WeakKeyDictionary[Stats, dict[str, _Known]] = weakref.WeakKeyDictionary()
_CACHE_LIMIT = 50_000
_NONE: _Known = (0, [], [])


def _words(stats: Stats) -> dict[str, _Known]:
    found = _known.get(stats)
    if found is None:
        found = _known[stats] = {}
    return found


def _neighbours(
    stats: Stats, by_word: dict[str, _Known], word: str, phrase: str | None = None
) -> _Known:
    key = word if phrase is None else f"{word}\0{phrase}"
    found = by_word.get(key)
    if found is not None and found[0] == len(stats.term_text):
        return found
    thesaurus = default()
    if thesaurus is None:
        return _NONE
    term_id = stats.term_id
    found_ = dict(thesaurus.neighbours(word))
    # chat's words for titles, its slang and the idiom the word is part of, beside it
    for table in (roles.neighbours(word), slang.neighbours(word), slang.phrase_neighbours(phrase)):
        for stem, credit in table.items():
            found_[stem] = max(found_.get(stem, 0.0), credit)
    pairs = [(term_id.get(s), c) for s, c in found_.items()]
    found = (
        len(stats.term_text),
        [t for t, _ in pairs if t is not None],
        [c for t, c in pairs if t is not None],
    )
    if len(by_word) < _CACHE_LIMIT:
        by_word[key] = found
    return found


def credits(
    index: Index, position: int, prepared: Prepared, missing: list[str], w: Weights
) -> np.ndarray:
    """Per missing term, the best credit of a thesaurus neighbour of its word among the entry's
    terms (0 without one, or without the table)."""
    found = np.zeros(len(missing))
    if w.thesaurus <= 0 or not missing:
        return found
    stats = index.stats
    by_word = _words(stats)
    surfaces, phrases = prepared.query.surfaces, prepared.query.phrases
    rows, ids, values = [], [], []
    for row, term in enumerate(missing):
        word = surfaces.get(term, term)
        _, term_ids, credits_ = _neighbours(stats, by_word, word, phrases.get(word))
        rows += [row] * len(term_ids)
        ids += term_ids
        values += credits_
    own = index.terms_of(position)  # sorted
    if not ids or not len(own):
        return found
    at = np.searchsorted(own, ids)
    held = own[np.minimum(at, len(own) - 1)] == ids
    for i in np.flatnonzero(held).tolist():
        found[rows[i]] = max(found[rows[i]], values[i] * w.thesaurus)
    return found
