"""Autocomplete: what someone is typing, completed from the index, relevant entries only.

The words before the last are taken as typed (typos repaired); the last is a prefix, completed to
the index's words that start with it (or, when none does, to words one edit from it). Only entries
holding every typed word and a completion are offered, ranked by the answer's own scoring, so
"pesk" offers Peskov's entries and nothing else. Entry ids that start with the text come first,
for moderators who type an id.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.index import Index
from bot.engine.ranking import Prepared, Weights, score
from bot.engine.result import Candidate
from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.engine.view import View

if TYPE_CHECKING:
    from bot.engine.engine import Engine

_COMPLETIONS = 4  # most frequent completions of the last word considered
_SCORED = 60  # candidates fully scored per keystroke
_MIN_FUZZY = 3


class Vocabulary:
    """The index's words, sorted, for prefix lookups; rebuilt lazily when the index grows."""

    def __init__(self) -> None:
        self._version = -1
        self._sorted: list[str] = []
        self._ids: list[tuple[str, str]] = []
        self.keys: list[tuple[str, str]] = []

    def refresh(self, index: Index) -> None:
        if self._version != index.version:
            self._sorted = sorted(w for w in index.words if w not in STOPWORDS)
            self._ids = sorted((e.id, e.article_id) for e in index.entries)
            self.keys = sorted(index.ordinal)
            self._version = index.version

    def starting(self, prefix: str) -> list[str]:
        at = bisect.bisect_left(self._sorted, prefix)
        found = []
        while at < len(self._sorted) and self._sorted[at].startswith(prefix):
            found.append(self._sorted[at])
            at += 1
            if len(found) > 2000:  # a one-letter prefix: enough to pick the frequent ones
                break
        return found

    def near(self, prefix: str) -> list[str]:
        """Words whose start is one edit from the prefix ("peks" -> "peskov")."""
        if len(prefix) < _MIN_FUZZY:
            return []
        heads = {w[: len(prefix)]: None for w in self._sorted if len(w) >= len(prefix)}
        close = process.extract(
            prefix, list(heads), scorer=OSA.distance, score_cutoff=1, limit=_COMPLETIONS
        )
        return [w for head, _, _ in close for w in self.starting(head)]

    def ids_starting(self, prefix: str) -> list[tuple[str, str]]:
        at = bisect.bisect_left(self._ids, (prefix, ""))
        found = []
        while at < len(self._ids) and self._ids[at][0].startswith(prefix) and len(found) < 25:
            found.append(self._ids[at])
            at += 1
        return found


def complete(engine: Engine, prefix: str, view: View, limit: int) -> list[Candidate]:
    index = engine.base
    vocabulary: Vocabulary = engine.__dict__.setdefault("_vocabulary", Vocabulary())
    vocabulary.refresh(index)
    text = prefix.strip().lower()
    if not text:
        return _first(engine, vocabulary, view, limit)
    found: dict[tuple[str, str], Candidate] = {}
    for entry_id, article_id in vocabulary.ids_starting(text):
        entry = engine.entry((article_id, entry_id), view)
        if entry is not None:
            found[entry.key] = Candidate(entry.id, entry.question, 1.0, entry.article_id)
    tokens = words(prefix)
    typed_last = bool(tokens) and not prefix[-1:].isspace()
    last = tokens[-1] if typed_last else None
    head = " ".join(tokens[:-1] if typed_last else tokens)
    analyzer = engine.stats.analyzer
    query = analyzer.query(head) if head else None
    required = list(query.terms) if query else []
    options: list[str] = [""]
    if last and last not in STOPWORDS and last not in QUESTION_WORDS:
        completions = vocabulary.starting(last) or vocabulary.near(last)
        stems = list(dict.fromkeys(analyzer.stem(w) for w in completions))
        stats = engine.stats
        stems = [s for s in stems if s in stats.term_id]
        stems.sort(key=lambda s: (-int(stats.df.view[stats.term_id[s]]), s))
        options = stems[:_COMPLETIONS]
        if not options:
            return list(found.values())[:limit]
    if not required and options == [""]:
        return list(found.values())[:limit]
    scored = []
    for option in options:
        terms = [*required, option] if option else required
        scored += _score(engine, index, view, terms, prefix)
    scored.sort(key=lambda item: (-item[0], item[1].key))
    for _, candidate in scored:
        found.setdefault(candidate.key, candidate)
        if len(found) >= limit:
            break
    return list(found.values())[:limit]


def _score(
    engine: Engine, index: Index, view: View, terms: list[str], prefix: str
) -> list[tuple[float, Candidate]]:
    """Entries holding every term, scored as if the terms were the question."""
    stats = engine.stats
    ids = [stats.term_id.get(t) for t in terms]
    if any(i is None or not index.postings[i] for i in ids):
        return []
    mask = engine.mask(index, view)
    lists = sorted((np.frombuffer(index.postings[i], dtype=np.int32) for i in ids), key=len)  # type: ignore[index]
    holders = lists[0]
    for other in lists[1:]:
        holders = np.intersect1d(holders, other, assume_unique=True)
    holders = holders[mask[holders]]
    if not len(holders):
        return []
    from bot.engine.analyzer import Query

    query = Query(tuple(terms), frozenset(), tuple(terms), {}, {})
    weights = {None: {t: stats.weight(t) for t in terms}}
    vector = stats.model.encode([prefix])[0]
    prepared = Prepared(query, weights, vector, {})
    if len(holders) > _SCORED:
        coarse = index.coarse.view[holders] @ _unit(vector[: index.coarse.view.shape[1]])
        holders = holders[np.argsort(-coarse, kind="stable")[:_SCORED]]
    holders = np.sort(holders)
    results = score(index, prepared, (holders, np.ones(len(holders))), Weights(), keep=_SCORED)
    out = []
    for item in results:
        entry = index.entries[item.position]
        out.append(
            (
                item.score,
                Candidate(entry.id, entry.question, round(item.score, 4), entry.article_id),
            )
        )
    return out


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _first(engine: Engine, vocabulary: Vocabulary, view: View, limit: int) -> list[Candidate]:
    index = engine.base
    mask = engine.mask(index, view)
    out = []
    for key in vocabulary.keys:
        position = index.ordinal[key]
        if mask[position]:
            entry = index.entries[position]
            out.append(Candidate(entry.id, entry.question, 0.0, entry.article_id))
            if len(out) == limit:
                break
    return out
