"""Autocomplete: what someone is typing, completed from the index, relevant entries only.

The words before the last are taken as typed (typos repaired, aliases applied per article); the
last is a prefix, completed to the index's words that start with it (the most frequent first; when
none does, words one edit from it). Only entries holding every typed word and the completion are
offered, ranked by the answer's own scoring, so "pesk" offers Peskov's entries and nothing else.
Entry ids that start with the text come first, for moderators who type an id; a text of question
words only ("who is") offers the questions that start that way.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.analyzer import Query
from bot.engine.arrays import largest_first
from bot.engine.index import Index
from bot.engine.ranking import Prepared, Weights, score
from bot.engine.result import Candidate
from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.engine.view import EntryKey, View

if TYPE_CHECKING:
    from bot.engine.engine import Engine

_COMPLETIONS = 3  # most frequent completions of the last word tried
_SCORED = 60  # candidates fully scored per completion
_HOLDERS = 4096  # entries holding the typed words looked at per completion, at most
# Shorter prefixes are one edit from too many words ("peks": pesk-, pers-, perk-).
_MIN_FUZZY = 5
_WEIGHTS = Weights()
# More new entries than this are merged by one sort rather than inserted one by one.
_RESORT = 2_000


class Vocabulary:
    """The index's words sorted for prefix lookups, each with how many entries hold it, and its
    entries' ids and questions sorted; kept up to date incrementally as the index grows."""

    def __init__(self) -> None:
        self._version = -1
        self._seen = 0  # positions of the index already taken in
        self._sorted: list[str] = []
        self._frequency = np.zeros(0)
        self._known: dict[str, int] = {}
        self._ids: list[tuple[str, int]] = []  # (entry id, position)
        self._keys: list[tuple[EntryKey, int]] = []
        self._questions: list[tuple[str, int]] = []

    def refresh(self, engine: Engine, index: Index) -> None:
        if self._version == index.version:
            return
        analyzer = engine.stats.analyzer
        new = (index.words | analyzer.alias_words) - self._known.keys()
        new = {w for w in new if w not in STOPWORDS and w not in QUESTION_WORDS}
        if new:
            for word in new:
                self._known[word] = _frequency(engine, word)
            self._sorted = sorted(self._known)
            self._frequency = np.array([self._known[w] for w in self._sorted], dtype=np.int64)
        alive = index.alive.view
        added = [p for p in range(self._seen, len(index.entries)) if alive[p]]
        if len(added) > _RESORT:
            self._ids = sorted([*self._ids, *((index.entries[p].id, p) for p in added)])
            self._keys = sorted([*self._keys, *((index.entries[p].key, p) for p in added)])
            self._questions = sorted([*self._questions, *((_text(index, p), p) for p in added)])
        else:
            for p in added:
                bisect.insort(self._ids, (index.entries[p].id, p))
                bisect.insort(self._keys, (index.entries[p].key, p))
                bisect.insort(self._questions, (_text(index, p), p))
        self._seen = len(index.entries)
        self._version = index.version

    def completions(self, prefix: str) -> list[str]:
        """The most frequent words starting with the prefix, else those one edit from it."""
        low = bisect.bisect_left(self._sorted, prefix)
        high = bisect.bisect_left(self._sorted, prefix + "\U0010ffff")
        if high > low:
            order = np.argsort(-self._frequency[low:high], kind="stable")[:_COMPLETIONS]
            return [self._sorted[low + i] for i in order.tolist()]
        if len(prefix) < _MIN_FUZZY:
            return []
        heads = sorted({w[: len(prefix)] for w in self._sorted if len(w) >= len(prefix)})
        close = process.extract(prefix, heads, scorer=OSA.distance, score_cutoff=1, limit=3)
        found = [w for head, _, _ in close for w in self.completions(head)]
        return sorted(set(found), key=lambda w: (-self._known[w], w))[:_COMPLETIONS]

    @staticmethod
    def _live(pairs: list[Any], at: int, index: Index, test: Any, limit: int) -> list[int]:
        found: list[int] = []
        alive = index.alive.view
        while at < len(pairs) and len(found) < limit and test(pairs[at][0]):
            if alive[pairs[at][1]]:
                found.append(pairs[at][1])
            at += 1
        return found

    def questions_starting(self, index: Index, prefix: str, limit: int) -> list[int]:
        at = bisect.bisect_left(self._questions, (prefix, -1))
        return self._live(self._questions, at, index, lambda t: t.startswith(prefix), limit)

    def ids_starting(self, index: Index, prefix: str, limit: int) -> list[int]:
        at = bisect.bisect_left(self._ids, (prefix, -1))
        return self._live(self._ids, at, index, lambda t: t.startswith(prefix), limit)

    def first(self, index: Index, mask: np.ndarray, limit: int) -> list[int]:
        """The first live positions by key that the view shows."""
        found = []
        for _, position in self._keys:
            if mask[position]:
                found.append(position)
                if len(found) == limit:
                    break
        return found


def _text(index: Index, position: int) -> str:
    # lower case with single spaces is enough to match the start typed (punctuation is rare
    # there), and much cheaper than the full word pass over every question at each start
    return " ".join(index.entries[position].question.lower().split())


def _frequency(engine: Engine, word: str) -> int:
    """Entries holding what the word stands for (its stem, or what an alias makes of it)."""
    stats = engine.stats
    query = stats.analyzer.query(word, correct=False)
    terms = {t for _, scoped in query.scopes for t in scoped}
    return max(
        (int(stats.df.view[stats.term_id[t]]) for t in terms if t in stats.term_id), default=0
    )


def complete(engine: Engine, prefix: str, view: View, limit: int) -> list[Candidate]:
    index = engine.base
    vocabulary = engine._vocabulary
    vocabulary.refresh(engine, index)
    if not prefix.strip():
        return _first(engine, vocabulary, view, limit)
    found: dict[EntryKey, Candidate] = {}

    def offer(key: EntryKey, score: float) -> None:
        entry = engine.entry(key, view)  # the server's own version when it edited the entry
        if entry is not None and key not in found:
            found[key] = Candidate(entry.id, entry.question, round(score, 4), entry.article_id)

    typed_id = prefix.strip().lower()
    if view.overlay is not None:  # a server's own entries: few, so looked through
        overlay = view.overlay
        alive = overlay.alive.view
        mine = [e for p, e in enumerate(overlay.entries) if alive[p] and e.id.startswith(typed_id)]
        for entry in sorted(mine, key=lambda e: e.key)[:limit]:
            offer(entry.key, 1.0)
    for position in vocabulary.ids_starting(index, typed_id, limit):
        offer(index.entries[position].key, 1.0)
    tokens = words(prefix)
    typed_last = bool(tokens) and not prefix[-1:].isspace()
    head = tokens[:-1] if typed_last else tokens
    last = tokens[-1] if typed_last else None
    if last and last not in STOPWORDS and last not in QUESTION_WORDS:
        completions = vocabulary.completions(last)
        if view.overlay is not None:  # the server's own words too
            own = sorted(w for w in view.overlay.words if w.startswith(last))
            completions += [w for w in own if w not in completions][:_COMPLETIONS]
        texts = [" ".join([*head, c]) for c in completions]
    else:
        texts = [" ".join(head)]
    asked = []
    for text in texts:
        query = engine.stats.analyzer.query(text)
        asked += [(scope, terms) for scope, terms in query.scopes if terms]
    if not asked:
        # only question words so far ("who is"): the questions that start that way
        typed = " ".join(prefix.lower().split())
        for position in vocabulary.questions_starting(index, typed, limit):
            offer(index.entries[position].key, 0.5)
        return list(found.values())[:limit]
    scored: list[tuple[float, EntryKey]] = []
    indexes = [index] if view.overlay is None else [index, view.overlay]
    keystroke = _Typed(engine, prefix)
    for scope, terms in dict.fromkeys(asked):
        scoped = view if scope is None else replace(view, articles=_only(view, scope))
        for part in indexes:
            scored += _score(engine, part, scoped, list(terms), keystroke)
    scored.sort(key=lambda item: (-item[0], item[1]))
    for value, key in scored:
        offer(key, value)
        if len(found) >= limit:
            break
    return list(found.values())[:limit]


class _Typed:
    """The text typed so far and its vector, embedded once per keystroke (when some completion
    has entries to score) however many completions are scored."""

    def __init__(self, engine: Engine, prefix: str) -> None:
        self._engine = engine
        self.prefix = prefix
        self._vector: np.ndarray | None = None
        self._coarse: np.ndarray | None = None

    @property
    def vector(self) -> np.ndarray:
        if self._vector is None:
            self._vector = self._engine.stats.model.encode([self.prefix])[0]
        return self._vector

    def coarse(self, dimensions: int) -> np.ndarray:
        if self._coarse is None or len(self._coarse) != dimensions:
            self._coarse = _unit(self.vector[:dimensions])
        return self._coarse


def _score(
    engine: Engine, index: Index, view: View, terms: list[str], typed: _Typed
) -> list[tuple[float, EntryKey]]:
    """Entries holding every term, scored as if the terms were the question."""
    stats = engine.stats
    lists = []
    for term in terms:
        tid = stats.term_id.get(term)
        if tid is None or tid >= len(index.postings) or not index.postings[tid]:
            return []
        lists.append(np.frombuffer(index.postings[tid], dtype=np.int32))
    lists.sort(key=len)
    holders = lists[0]
    if len(holders) > _HOLDERS:
        # A word most entries hold ("trump"): those phrased as just the typed words, and an even
        # sample of the rest, so a keystroke's work stays bounded whatever the store.
        exact = np.asarray(index.exact([stats.term_id[t] for t in terms]), dtype=np.int32)
        sample = holders[:: len(holders) // _HOLDERS + 1]
        holders = _union(sample, exact[:_SCORED])
    for other in lists[1:]:
        at = np.minimum(np.searchsorted(other, holders), len(other) - 1)
        holders = holders[other[at] == holders]
    holders = holders[engine.mask(index, view)[holders]]
    if not len(holders):
        return []
    query = Query(tuple(terms), frozenset(), tuple(terms), {}, {})
    vector = typed.vector
    prepared = Prepared(query, {None: {t: stats.weight(t) for t in terms}}, vector, {})
    if len(holders) > _SCORED:
        rows = np.take(index.coarse.view, holders, axis=0)  # quicker than fancy indexing
        coarse = rows @ typed.coarse(index.coarse.view.shape[1])
        holders = np.sort(holders[largest_first(coarse, _SCORED)])
    results = score(index, prepared, (holders, np.ones(len(holders))), _WEIGHTS, keep=_SCORED)
    return [(item.score, item.key) for item in results]


def _union(ordered: np.ndarray, extra: np.ndarray) -> np.ndarray:
    """The sorted union of a sorted array of distinct positions and a few sorted others (what
    `np.union1d` gives, without sorting the many again)."""
    if not len(extra):
        return ordered
    at = np.minimum(np.searchsorted(ordered, extra), len(ordered) - 1)
    new = extra[ordered[at] != extra]
    return np.insert(ordered, np.searchsorted(ordered, new), new).astype(np.int32)


def _only(view: View, article_id: str) -> frozenset[str]:
    return frozenset({article_id}) if view.shows(article_id) else frozenset()


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _first(engine: Engine, vocabulary: Vocabulary, view: View, limit: int) -> list[Candidate]:
    index = engine.base
    out = []
    for position in vocabulary.first(index, engine.mask(index, view), limit):
        entry = index.entries[position]
        out.append(Candidate(entry.id, entry.question, 0.0, entry.article_id))
    return out
