"""The entries in numpy arrays: terms, phrasings, vectors and posting lists.

The base index holds every base entry (all articles); a server's overlay is a small `Index` over the
same `Stats`, so a term weighs the same in both. Both grow in place: `update` removes an entry by
marking it dead and appends its new version, so a moderator's change never rebuilds anything.
"""

from __future__ import annotations

import hashlib
import itertools
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bot.engine.arrays import Growable, distinct
from bot.engine.focus import time_and_count
from bot.engine.stats import Stats
from bot.engine.textproc import words
from bot.engine.view import EntryKey
from bot.knowledge.kinds import KINDS
from bot.models import Entry

# Leading dimensions of an entry's mean vector used to find semantic candidates: the model's
# dimensions come out of PCA, so the first ones carry most of the variance.
COARSE_DIMENSIONS = 32
FACT_TIME = 1
FACT_COUNT = 2
# Entries embedded at once: bounds the memory a large build needs for its vectors.
_BATCH = 1024
# Rows appended since the exact-phrasing table was sorted, before it is sorted again.
_RESORT_AFTER = 50_000
# Rows of vectors handled at once where a whole table would need a copy.
_CHUNK = 65_536
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
_serials = itertools.count()


@dataclass(frozen=True)
class Analysed:
    """One entry as the index stores it: deduplicated phrasing term sets and the entry's terms."""

    phrasings: tuple[tuple[str, ...], ...]  # sorted terms of each distinct phrasing
    terms: tuple[str, ...]  # every term of phrasings, answer, evidence and tags, sorted
    texts: tuple[str, ...]  # the phrasings embedded, one vector each
    surfaces: dict[str, str]  # stem -> a word it came from (what its vector is made of)
    words: frozenset[str]  # every word, before stopwords: what typos are repaired towards
    facts: int = 0  # bits: the answer states a time (1), a number (2)


def fingerprint(entry: Entry) -> str:
    """Changes whenever anything the index reads from the entry changes."""
    parts = [entry.article_id, entry.id, entry.kind, *entry.phrasings, "\x00", entry.answer]
    parts += [e.quote for e in entry.evidence] + ["\x00", *entry.tags]  # display derives from quote
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def analyse(stats: Stats, entry: Entry) -> Analysed:
    analyzer = stats.analyzer
    article = entry.article_id
    phrasings: dict[tuple[str, ...], None] = {}
    surfaces: dict[str, str] = {}
    seen: set[str] = set(entry.tags)
    for text in entry.phrasings:
        # Word order does not matter to a phrasing, so the same words twice count once.
        terms = tuple(sorted(analyzer.terms(text, article, surfaces, seen)))
        if terms:
            phrasings.setdefault(terms, None)
    body = [entry.answer, *(e.display for e in entry.evidence), " ".join(entry.tags)]
    # the words a phrase alias absorbs are still the body's ("Kremlin" of "Kremlin spokesman")
    absorbed: set[str] = set()
    body_terms = [analyzer.terms(t, article, surfaces, seen, absorbed) for t in body]
    every_term: set[str] = set().union(*phrasings, *body_terms, absorbed)
    # the phrasings, and the answer: questions written from the article use its words, which the
    # answer restates more often than the curated phrasings do
    texts = tuple(dict.fromkeys(t for t in (*entry.phrasings, entry.answer) if t.strip()))
    time, count = time_and_count(w for text in body for w in words(text))
    facts = time * FACT_TIME | count * FACT_COUNT
    return Analysed(
        tuple(phrasings), tuple(sorted(every_term)), texts, surfaces, frozenset(seen), facts
    )


class Index:
    """Entries by ordinal (position of insertion); dead ordinals stay, marked not alive."""

    def __init__(self, stats: Stats, *, base: bool) -> None:
        self.stats = stats
        self.serial = next(_serials)  # names this index in caches (an id() can be reused)
        self.base = base  # only the base's entries count in the shared document frequencies
        self.entries: list[Entry] = []
        self.ordinal: dict[EntryKey, int] = {}
        self.alive = Growable(np.bool_)
        self.article = Growable(np.int32)
        self.kind = Growable(np.int8)
        self.facts = Growable(np.uint8)
        self.article_ids: list[str] = []
        self._article_code: dict[str, int] = {}
        # every entry's sorted term ids, one run each in a flat array
        self.terms_start = Growable(np.int64)
        self.terms_count = Growable(np.int32)
        self.terms_flat = Growable(np.int32)
        # lexical phrasings: per entry a run of rows; per row a run of term ids in `lex_terms`
        self.lex_start = Growable(np.int64)
        self.lex_count = Growable(np.int32)
        self.lex_offset = Growable(np.int64)
        self.lex_length = Growable(np.int32)
        self.lex_terms = Growable(np.int32)
        self.lex_entry = Growable(np.int32)
        # exact-phrasing lookup: row hashes sorted once, plus the rows appended since
        self.lex_hash = Growable(np.int64)
        self._sorted_hash = np.zeros(0, dtype=np.int64)
        self._sorted_row = np.zeros(0, dtype=np.int64)
        self._recent: dict[int, list[int]] = {}
        # a bulk build sorts every row hash once at its end instead: a million one-row lists in
        # `_recent` would leave the heap fragmented long after they are freed (~200 MiB at 30k)
        self._bulk = False
        # semantic phrasings: per entry a run of rows in `sem_row`, each naming a row of int8
        # vectors with one scale (phrasings embedded alike share one: see `_share_vectors`)
        dims = stats.model.dimensions
        self.sem_start = Growable(np.int64)
        self.sem_count = Growable(np.int32)
        self.sem_row = Growable(np.int32)
        self.sem_vectors = Growable(np.int8, dims)
        self.sem_scale = Growable(np.float32)
        self.coarse = Growable(np.float32, COARSE_DIMENSIONS)
        self.postings: list[array[int]] = []
        self.words: set[str] = set()
        self.version = 0
        # per position, the kinds of focus its phrasings ask for, with each phrasing's terms
        # (filled as the gate needs them)
        self.declared: dict[int, tuple[tuple[str, frozenset[str], bool, frozenset[str]], ...]] = {}
        self.bodies: dict[int, tuple[str, list[str]]] = {}  # see `gate._body`
        self.plain: dict[int, np.ndarray] = {}  # see `gate._plain_terms`
        self.memo: dict[tuple[Any, ...], Any] = {}  # see `memo.per_index`

    # ------------------------------------------------------------------ building and updating
    @classmethod
    def build(cls, stats: Stats, entries: Iterable[Entry], *, base: bool = True) -> Index:
        index = cls(stats, base=base)
        ordered = sorted(entries, key=lambda e: (e.article_id, e.id))
        phrasings = sum(len(e.phrasings) for e in ordered)
        for name, grown in vars(index).items():
            if isinstance(grown, Growable):
                per_entry = not name.startswith(("lex_", "sem_")) or name.endswith(
                    ("_start", "_count")
                )
                grown.reserve(
                    len(ordered) if per_entry else phrasings * (6 if name == "lex_terms" else 1)
                )
        index._bulk = True
        index.add(ordered)
        index._bulk = False
        index._sort_hashes()
        index._share_vectors()
        index.trim()
        return index

    def trim(self) -> None:
        """Give back the unused end of every array, keeping some room for updates."""
        for grown in [*vars(self).values(), *vars(self.stats).values()]:
            if isinstance(grown, Growable):
                grown.trim(max(len(grown) // 20, 256))

    def __len__(self) -> int:
        return int(self.alive.view.sum())

    def add(self, entries: Sequence[Entry], analysed: Sequence[Analysed] | None = None) -> None:
        """Append entries (replacing live ones with the same key), in batches: each analysed,
        embedded and appended at once, so a large build holds one batch's scratch at a time."""
        for start in range(0, len(entries), _BATCH):
            batch = entries[start : start + _BATCH]
            done = analysed[start : start + _BATCH] if analysed is not None else None
            self._add_batch(batch, done or [analyse(self.stats, e) for e in batch])

    def _add_batch(self, entries: Sequence[Entry], analysed: Sequence[Analysed]) -> None:
        if not entries:
            return
        stats = self.stats
        for entry in entries:
            self.remove(entry.key)
        vocabulary = set().union(*(a.words for a in analysed))
        self.words |= vocabulary
        if self.base:
            stats.analyzer.add_vocabulary(vocabulary)
        surfaces: dict[str, str] = {}
        for item in analysed:
            surfaces.update(item.surfaces)
        stats.ids(sorted({t for item in analysed for t in item.terms}), surfaces)
        while len(self.postings) < len(stats.term_text):
            self.postings.append(array("i"))
        vectors = stats.model.encode([t for a in analysed for t in a.texts])
        # per-row values gathered in lists and appended once per batch
        lex_count: list[int] = []
        lex_length: list[float] = []
        lex_terms: list[int] = []
        lex_hash: list[int] = []
        lex_entry: list[int] = []
        lex_start = len(self.lex_length)
        term_id = stats.term_id
        first = len(self.entries)
        for offset, (entry, item) in enumerate(zip(entries, analysed, strict=True)):
            position = first + offset
            self.entries.append(entry)
            self.ordinal[entry.key] = position
            code = self._article_code.get(entry.article_id)
            if code is None:
                code = self._article_code[entry.article_id] = len(self.article_ids)
                self.article_ids.append(entry.article_id)
            self.article.append(code)
            self.kind.append(_KIND_CODE.get(entry.kind, -1))
            self.facts.append(item.facts)
            term_ids = sorted(term_id[t] for t in item.terms)
            self.terms_start.append(len(self.terms_flat))
            self.terms_count.append(len(term_ids))
            self.terms_flat.extend(term_ids)
            for tid in term_ids:
                self.postings[tid].append(position)
            lex_count.append(len(item.phrasings))
            for phrasing in item.phrasings:
                ids = sorted(term_id[t] for t in phrasing)
                row_hash = _hash_terms(ids)
                if not self._bulk:
                    self._recent.setdefault(row_hash, []).append(len(self.lex_hash) + len(lex_hash))
                lex_length.append(len(ids))
                lex_terms.extend(ids)
                lex_hash.append(row_hash)
                lex_entry.append(position)
        self.alive.extend(np.ones(len(entries), dtype=np.bool_))
        counts = np.asarray(lex_count, dtype=np.int32)
        self.lex_start.extend(lex_start + np.concatenate([[0], np.cumsum(counts)[:-1]]))
        self.lex_count.extend(counts)
        lengths = np.asarray(lex_length, dtype=np.int32)
        start = len(self.lex_terms)
        self.lex_offset.extend(start + np.concatenate([[0], np.cumsum(lengths)[:-1]]))
        self.lex_length.extend(lengths)
        self.lex_terms.extend(np.asarray(lex_terms, dtype=np.int32))
        self.lex_hash.extend(np.asarray(lex_hash, dtype=np.int64))
        self.lex_entry.extend(np.asarray(lex_entry, dtype=np.int32))
        self._append_vectors([len(a.texts) for a in analysed], vectors)
        if self.base:
            stats.count((self.terms_of(first + i) for i in range(len(entries))), +1)
        self.version += 1

    def _append_vectors(self, counts: list[int], vectors: np.ndarray) -> None:
        """Phrasing vectors as int8 with one scale per row; per entry, its mean's leading part."""
        sem_counts = np.asarray(counts, dtype=np.int32)
        self.sem_start.extend(len(self.sem_row) + np.concatenate([[0], np.cumsum(sem_counts)[:-1]]))
        self.sem_count.extend(sem_counts)
        first = len(self.sem_scale)
        self.sem_row.extend(np.arange(first, first + len(vectors), dtype=np.int32))
        scale = np.maximum(np.abs(vectors).max(axis=1, initial=0.0), 1e-12) / 127.0
        self.sem_vectors.extend(np.rint(vectors / scale[:, None]).astype(np.int8))
        self.sem_scale.extend(scale.astype(np.float32))
        coarse = np.zeros((len(counts), COARSE_DIMENSIONS), dtype=np.float64)
        filled = sem_counts > 0
        if filled.any():
            starts = np.concatenate([[0], np.cumsum(sem_counts)[:-1]])[filled]
            coarse[filled] = np.add.reduceat(vectors[:, :COARSE_DIMENSIONS], starts, axis=0)
        norms = np.linalg.norm(coarse, axis=1, keepdims=True)
        self.coarse.extend(np.divide(coarse, norms, out=np.zeros_like(coarse), where=norms > 0))

    def _share_vectors(self) -> None:
        """Keep one row of vectors for phrasings stored alike (entries made from one template share
        phrasings: ~30% of the rows at 100k entries). Rows are shared only when byte-identical,
        so no score changes."""
        vectors, scale = self.sem_vectors.view, self.sem_scale.view
        count = len(scale)
        if count < 2:
            return
        keys = _row_hashes(vectors, scale)
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.ones(count, dtype=np.bool_)
        starts[1:] = ordered[1:] != ordered[:-1]
        leader = order[np.maximum.accumulate(np.where(starts, np.arange(count), 0))]
        same = ~starts
        for low in range(0, count, _CHUNK):  # equal hashes with other bytes stay apart
            part = slice(low, low + _CHUNK)
            rows, first = order[part], leader[part]
            equal = (vectors[rows] == vectors[first]).all(axis=1) & (scale[rows] == scale[first])
            same[part] &= equal
        shared = np.arange(count)
        shared[order] = np.where(same, leader, order)
        kept, renumbered = np.unique(shared, return_inverse=True)
        for low in range(0, len(kept), _CHUNK):  # kept[i] >= i: moving rows down in place
            taken = kept[low : low + _CHUNK]
            vectors[low : low + len(taken)] = vectors[taken]
            scale[low : low + len(taken)] = scale[taken]
        self.sem_vectors.truncate(len(kept))
        self.sem_scale.truncate(len(kept))
        row = self.sem_row.view
        row[:] = renumbered[row].astype(np.int32)

    def remove(self, key: EntryKey) -> bool:
        position = self.ordinal.pop(key, None)
        if position is None:
            return False
        self.alive.view[position] = False
        if self.base:
            self.stats.count([self.terms_of(position)], -1)
        self.version += 1
        return True

    # ------------------------------------------------------------------------------ reading
    def terms_of(self, position: int) -> np.ndarray:
        """The entry's term ids, sorted (a view: do not change it)."""
        start = int(self.terms_start.view[position])
        return self.terms_flat.view[start : start + int(self.terms_count.view[position])]

    def exact(self, term_ids: Sequence[int]) -> list[int]:
        """Live entries with a phrasing made of exactly these terms."""
        if len(self._recent) > _RESORT_AFTER:
            self._sort_hashes()
        row_hash = _hash_terms(sorted(term_ids))
        low = int(self._sorted_hash.searchsorted(row_hash, "left"))
        high = int(self._sorted_hash.searchsorted(row_hash, "right"))
        recent = self._recent.get(row_hash)
        if low == high and not recent:
            return []  # most questions: no phrasing is exactly theirs
        rows = self._sorted_row[low:high]
        if recent:
            rows = np.concatenate([rows, np.asarray(recent, dtype=np.int64)])
        entries = self.lex_entry.view[rows]
        return distinct(entries[self.alive.view[entries]]).tolist()

    def _sort_hashes(self, order: np.ndarray | None = None) -> None:
        """Sort the exact-phrasing table (`order`: its sorting, saved with a snapshot)."""
        if order is None:
            order = np.argsort(self.lex_hash.view, kind="stable")
        self._sorted_hash = self.lex_hash.view[order]
        self._sorted_row = order
        self._recent = {}

    def code_of(self, article_id: str) -> int | None:
        return self._article_code.get(article_id)


def _row_hashes(vectors: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Per row of int8 vectors with its scale, a 64-bit hash of its bytes (in chunks: no copy of
    the whole table)."""
    words = vectors.shape[1] // 8
    multipliers = np.arange(1, 2 * words + 2, 2, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    out = np.empty(len(scale), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for low in range(0, len(scale), _CHUNK):
            part = slice(low, low + _CHUNK)
            packed = np.ascontiguousarray(vectors[part][:, : words * 8]).view(np.uint64)
            mixed = packed * multipliers[:words]
            mixed ^= mixed >> np.uint64(29)
            hashed = mixed.sum(axis=1, dtype=np.uint64)
            hashed += scale[part].view(np.uint32).astype(np.uint64) * multipliers[words]
            out[part] = hashed
    return out


def _hash_terms(ids: Sequence[int]) -> int:
    # Stable across runs (ints hash to themselves), so it can be persisted; int64 for numpy.
    return int(np.int64(hash(tuple(ids)) & 0x7FFF_FFFF_FFFF_FFFF))
