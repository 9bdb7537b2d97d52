"""The answering engine: pure, synchronous and deterministic once built.

Build it once from the base entries (every article); a server's own entries go in an overlay
(`engine.overlay(entries)`) that shares the base's analyzer, term weights and model, and its view of
the base (active articles, removed or replaced entries) in a `View`. `update` applies a change to
the base in place.

One thread at a time works in an engine: its public methods take its lock, so autocomplete can
run in a thread of its own while the event loop answers (a keystroke on a big store takes some
milliseconds) and never beside a change or another question's caches being filled.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bot.engine import snapshot
from bot.engine.analyzer import Analyzer
from bot.engine.complete import Vocabulary, complete
from bot.engine.decision import Thresholds, decide
from bot.engine.gate import ceiling, refine
from bot.engine.index import Index
from bot.engine.ranking import Prepared, Scored, Weights, prepare, rank
from bot.engine.result import Candidate, EngineResult, Verdict
from bot.engine.semantic import SemanticModel
from bot.engine.stats import Stats
from bot.engine.thesaurus import load as load_thesaurus
from bot.engine.view import ALL, AliasBook, EntryKey, View
from bot.models import Entry

_RANKED = 3
# A question whose every term is in more than this share of entries is too vague to answer.
_VAGUE_SHARE = 0.25
_MASKS_KEPT = 64
log = logging.getLogger(__name__)
_RESAVE_AFTER = 100
# An entry quoting this many passages or more summarises a section or the article.
_OVERVIEW = 5
_blas_limited = False


def _one_blas_thread() -> None:
    """The engine's products are small: BLAS threads only contend for the cores (a matrix-vector
    product over 10k rows took 6-16 ms with two threads on a busy 2-core machine, 0.07 ms with
    one). Nothing to do when numpy's OpenBLAS started with one (the command line's entry point
    sees to it): threadpoolctl is then not even imported (8 ms of a CLI call)."""
    global _blas_limited
    if _blas_limited:
        return
    blas = np.__config__.CONFIG.get("Build Dependencies", {}).get("blas", {}).get("name", "")
    if "openblas" not in str(blas) or os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    _blas_limited = True


def _save_quietly(index: Index, folder: Path) -> None:
    """Save the snapshot if the data folder takes it: a read-only or full folder only costs the
    next start a rebuild, so it never stops this one."""
    try:
        snapshot.save(index, folder)
    except OSError as error:
        log.warning(
            "the index could not be saved in %s (%s): the next start builds it", folder, error
        )


class _Ranking:
    """A question's scored entries: the best `refine` refined by the gate (the order may
    change), more when it is declined (`refine_more`)."""

    def __init__(self, scored: list[Scored], prepared: Prepared, w: Weights) -> None:
        self._by_score = list(scored)  # as scored, before the gate: what is refined in turn
        self._prepared, self._w = prepared, w
        self._refined = min(w.refine, len(scored))
        refine(scored[: self._refined], prepared, w)
        self.scored = sorted(scored, key=lambda s: (-s.score, s.key))

    def refine_more(self, keep: int) -> None:
        """Refine up to `refine_declined`, in the scored order, so the best `keep` are what
        refining them all at once gives; an entry that could not reach them even with every
        word explained (`gate.ceiling`) is left as it is. (The extra refinement costs a declined
        question about 0.4 ms on a 30k store; what this skips saves about a quarter of it.)"""
        more = self._by_score[self._refined : self._w.refine_declined]
        if not more:
            return
        final = sorted((s.score for s in self._by_score[: self._refined]), reverse=True)
        bar = final[keep - 1] if len(final) >= keep else -math.inf
        worth = [s for s in more if ceiling(s, self._prepared, self._w) >= bar]
        self._refined += len(more)
        if worth:
            refine(worth, self._prepared, self._w)
            self.scored.sort(key=lambda s: (-s.score, s.key))

    def best(self, limit: int) -> list[Scored]:
        return self.scored[:limit]

    def vagueness(self, vague_weight: float) -> tuple[bool, int]:
        """Too vague (every term common), and how many content terms, in the best one's scope."""
        scored, weights = self.scored, self._prepared.weights
        scope = scored[0].index.entries[scored[0].position].article_id if scored else None
        scoped = weights.get(scope, weights[None])
        return max(scoped.values()) < vague_weight, len(scoped)


def _same_passage(a: Entry, b: Entry) -> bool:
    """The two entries quote overlapping passages of the same article, neither an overview
    (a section's or the article's summary quotes many passages: a tie with one of its parts
    is a real doubt between the overview and the detail)."""
    if a.article_id != b.article_id or max(len(a.evidence), len(b.evidence)) >= _OVERVIEW:
        return False
    return any(
        x.seed == y.seed and x.start < y.end and y.start < x.end
        for x in a.evidence
        for y in b.evidence
    )


class Engine:
    def __init__(
        self,
        entries: Iterable[Entry] = (),
        aliases: AliasBook | Mapping[str, Any] | None = None,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        model: SemanticModel | None = None,
        folder: Path | None = None,
    ) -> None:
        """`folder`: where the base index is saved between runs (see `snapshot`); none: built
        from scratch every time."""
        _one_blas_thread()
        self._busy = threading.RLock()  # see the module's note
        self.thresholds = thresholds or Thresholds()
        self.weights = weights or Weights()
        self.aliases = AliasBook.of(aliases)
        self.model = model or SemanticModel.load()
        self._folder = folder
        self.stats = self._fresh_stats()
        self.reused = 0  # entries read back from the snapshot instead of analysed
        self.base = self._open(list(entries), folder)
        # Autocomplete's sorted words and questions: made by `warm` (the bot calls it at start, so
        # the first keystroke is quick) or at the first suggestion; a CLI question never needs them.
        self._vocabulary = Vocabulary()
        self._vague_weight = math.log(1 + 1 / _VAGUE_SHARE)
        self._masks: dict[tuple[Any, ...], np.ndarray] = {}
        self._by_id: tuple[int, dict[str, EntryKey]] | None = None

    def __len__(self) -> int:
        return len(self.base)

    def _fresh_stats(self) -> Stats:
        analyzer = Analyzer(self.aliases, dictionary=self.model.dictionary, folder=self._folder)
        return Stats(analyzer, self.model)

    def _open(self, entries: list[Entry], folder: Path | None) -> Index:
        if folder is None:
            return Index.build(self.stats, entries)
        loaded = self._load(entries, folder)
        if loaded is not None:
            index, changed = loaded
            self.reused = len(index) - changed
            # A few changes are cheap to redo at the next start; many are worth saving.
            if changed > max(_RESAVE_AFTER, len(entries) // 100):
                _save_quietly(index, folder)
            return index
        index = Index.build(self.stats, entries)
        _save_quietly(index, folder)
        return index

    def _load(self, entries: list[Entry], folder: Path) -> tuple[Index, int] | None:
        """The snapshot, or None when there is none or it can't be read (a damaged or
        half-copied file): the index is then built again, as on a first start."""
        try:
            return snapshot.load(self.stats, folder, entries)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
            log.warning(
                "the saved index in %s can't be read (%s): building it again", folder, error
            )
            self.stats = self._fresh_stats()  # a half-read snapshot may have filled it
            return None

    def save(self, folder: Path) -> Path:
        """Write the base index's snapshot now (the service may call it after many changes)."""
        return snapshot.save(self.base, folder)

    # ------------------------------------------------------------------------------ changes
    def overlay(self, entries: Iterable[Entry]) -> Index:
        """A server's own entries (added or edited), scored on the base's scale."""
        with self._busy:  # its new words join the shared term table
            return Index.build(self.stats, entries, base=False)

    def update(self, changed: Iterable[Entry] = (), removed: Iterable[EntryKey] = ()) -> None:
        """Apply a change to the base in place: changed entries replace those with their key."""
        with self._busy:
            for key in removed:
                self.base.remove(key)
            self.base.add(sorted(changed, key=lambda e: e.key))

    # ------------------------------------------------------------------------------ reading
    def entry(self, key: EntryKey | str, view: View = ALL) -> Entry | None:
        """The entry the view shows under that key (a bare id: the first article holding it)."""
        if isinstance(key, str):
            key = self._key_of(key) or ("", key)
        for index in (view.overlay, self.base):
            if index is None or (index is self.base and key in view.hidden):
                continue
            position = index.ordinal.get(key)
            if position is not None and view.shows(key[0]):
                return index.entries[position]
        return None

    def _key_of(self, entry_id: str) -> EntryKey | None:
        if self._by_id is None or self._by_id[0] != self.base.version:
            found: dict[str, EntryKey] = {}
            for key in sorted(self.base.ordinal):
                found.setdefault(key[1], key)
            self._by_id = (self.base.version, found)
        return self._by_id[1].get(entry_id)

    def answer(self, question: str, view: View = ALL) -> EngineResult:
        with self._busy:
            ranking = self._rank(question, view)
            if ranking is None:
                return EngineResult(Verdict.EMPTY, 0.0, ())
            result = self._decide(ranking)
            if result.verdict is not Verdict.CONFIDENT:
                ranking.refine_more(_RANKED)
                result = self._decide(ranking)  # offered: the suggestions from the best 6
        return result

    def _decide(self, ranking: _Ranking) -> EngineResult:
        ranked = ranking.best(_RANKED)
        candidates = [self._candidate(s) for s in ranked]
        if ranked:
            best = ranked[0].index.entries[ranked[0].position]
            candidates[1:] = [
                replace(c, same_passage=_same_passage(best, s.index.entries[s.position]))
                for c, s in zip(candidates[1:], ranked[1:], strict=True)
            ]
        # Only common words ("russia?", "trump and russia"): too vague to pick one fact, though a
        # bare name still asks who that is.
        person = bool(ranked) and ranked[0].index.entries[ranked[0].position].kind == "person"
        vague, terms = ranking.vagueness(self._vague_weight)
        return decide(
            candidates, self.thresholds, may_answer=not vague or person, one_word=terms < 2
        )

    def rank(self, question: str, view: View = ALL, limit: int = _RANKED) -> list[Candidate] | None:
        """Entries ranked by score, as a declined question ranks them (None when the question
        has no content words)."""
        with self._busy:
            ranking = self._rank(question, view)
            if ranking is None:
                return None
            ranking.refine_more(limit)
            return [self._candidate(s) for s in ranking.best(limit)]

    def warm(self) -> None:
        """Make now what the first keystroke and the first typo would otherwise wait for."""
        with self._busy:
            self._vocabulary.refresh(self, self.base)
            self.stats.analyzer.warm()
            self.model.warm()
            if self.weights.thesaurus > 0:
                load_thesaurus()  # ~25 ms, else paid by the first question a thesaurus can help

    def suggest(self, prefix: str, view: View = ALL, limit: int = 25) -> list[Candidate]:
        """Entries whose phrasings complete what someone is typing (autocomplete)."""
        with self._busy:
            return complete(self, prefix, view, limit)

    # ----------------------------------------------------------------------------- internals
    def _rank(self, question: str, view: View) -> _Ranking | None:
        """Every index of the view scored, the best few refined (None: no content words)."""
        known = view.overlay.words if view.overlay is not None else ()
        query = self.stats.analyzer.query(question, known=known)
        if not query.terms:
            return None
        prepared = prepare(self.base, query, question)
        masks = [self.mask(self.base, view)]
        if view.overlay is not None:
            masks.append(self.mask(view.overlay, view))
        scored = rank(self.base, view, prepared, masks, self.weights)
        return _Ranking(scored, prepared, self.weights)

    def mask(self, index: Index, view: View) -> np.ndarray:
        """Which of the index's positions the view may answer with (cached per view)."""
        hidden = view.hidden if index is self.base else frozenset()
        cache_key = (index.serial, index.version, view.articles, hidden)
        mask = self._masks.get(cache_key)
        if mask is None:
            mask = index.alive.view.copy()
            if view.articles is not None:
                codes = [index.code_of(a) for a in sorted(view.articles)]
                allowed = np.asarray([c for c in codes if c is not None], dtype=np.int32)
                mask &= np.isin(index.article.view, allowed)
            for key in hidden:
                position = index.ordinal.get(key)
                if position is not None:
                    mask[position] = False
            if len(self._masks) >= _MASKS_KEPT:
                self._masks.pop(next(iter(self._masks)))
            self._masks[cache_key] = mask
        return mask

    @staticmethod
    def _candidate(scored: Scored) -> Candidate:
        entry = scored.index.entries[scored.position]
        return Candidate(
            entry.id,
            entry.question,
            round(scored.score, 4),
            entry.article_id,
            round(1.0 - scored.explained, 4),
            scored.holds_focus,
            reviewed=entry.reviewed,
        )
