"""An inverted index over every phrasing, answer and evidence, scored with idf weights and
re-ranked with rapidfuzz."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from bot.bench.legacy.analyzer import Analyzer
from bot.bench.legacy.decision import Thresholds, decide
from bot.bench.legacy.result import Candidate, EngineResult, Verdict
from bot.engine.textproc import words
from bot.knowledge.schema import KINDS
from bot.models import Entry

# How many entries, by their raw term overlap, get the full phrasing-level scoring.
_SHORTLIST = 40
# Posting lists longer than this are not walked when rarer terms already found candidates;
# no list is walked beyond _MAX_SCAN entries.
_COMMON_POSTINGS = 2_000
_MAX_SCAN = 20_000
_RANKED = 3
# Weights of the score's parts: best phrasing match, coverage by the whole entry, character
# similarity (catches typos the word-level correction missed).
_W_PHRASING = 0.6
_W_COVERAGE = 0.25
_W_CHARS = 0.15
# Question words nudge towards the kinds of entry that answer them; "how many" asked of an entry
# without a number is most likely a fact the article does not give.
_INTENT_KINDS = {
    "who": frozenset({"person"}),
    "quote": frozenset({"quote"}),
    "number": frozenset({"number"}),
}
_INTENT_BONUS = 0.05
# An entry must explain most of the question (by idf weight) to be answered with confidence:
# "when was flynn born" matches Flynn, but "born" is left unexplained.
_COVERAGE_FLOOR = 0.7
_NUMBER_MISMATCH = 0.1
# A number the article never mentions ("2020") weighs more than an unknown word.
_UNKNOWN_NUMBER_FACTOR = 2.0
# An article word that aliases absorb everywhere ("hussein" in "saddam hussein") is known, not
# unknown, so it must not count against answering.
_ABSORBED_WEIGHT = 0.5
# A question whose every term is in more than this share of entries is too vague to answer.
_VAGUE_SHARE = 0.25


@dataclass(frozen=True)
class _Phrasing:
    terms: frozenset[str]
    text: str  # the terms joined, for character similarity
    weight: float


@dataclass(frozen=True)
class _Indexed:
    entry: Entry
    phrasings: tuple[_Phrasing, ...]
    terms: frozenset[str]
    # term -> positions of the phrasings holding it, so scoring visits only matching phrasings
    by_term: dict[str, tuple[int, ...]]


def _by_term(phrasings: tuple[_Phrasing, ...]) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for position, phrasing in enumerate(phrasings):
        for term in phrasing.terms:
            found.setdefault(term, []).append(position)
    return {term: tuple(positions) for term, positions in found.items()}


def _kind_adjustment(kind: str, intents: frozenset[str]) -> float:
    adjustment = 0.0
    if any(kind in _INTENT_KINDS.get(i, ()) for i in intents):
        adjustment += _INTENT_BONUS
    if "number" in intents and kind != "number":
        adjustment -= _NUMBER_MISMATCH
    return adjustment


class Engine:
    """Build once from the entries and aliases; `answer` is pure and deterministic."""

    def __init__(
        self,
        entries: Iterable[Entry],
        aliases: Mapping[str, Iterable[str]] | None = None,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        entries = sorted(entries, key=lambda e: e.id)
        vocabulary: set[str] = set()
        for entry in entries:
            for text in (*entry.phrasings, entry.answer, *(e.display for e in entry.evidence)):
                vocabulary.update(words(text))
            vocabulary.update(entry.tags)
        self.analyzer = Analyzer(aliases or {}, vocabulary)
        analysed: list[tuple[Entry, set[frozenset[str]], frozenset[str]]] = []
        postings: dict[str, list[int]] = {}
        for position, entry in enumerate(entries):
            # Word order does not matter to a phrasing, so the same words twice count once.
            phrasings = {frozenset(t) for t in map(self.analyzer.terms, entry.phrasings) if t}
            body = [entry.answer, *(e.display for e in entry.evidence), " ".join(entry.tags)]
            terms = frozenset().union(*phrasings, *map(self.analyzer.terms, body))
            analysed.append((entry, phrasings, terms))
            for term in terms:
                postings.setdefault(term, []).append(position)
        count = max(len(entries), 1)
        self._postings = postings
        self._idf = {t: math.log(1 + count / len(p)) for t, p in postings.items()}
        self._unknown_idf = math.log(1 + count / 0.5)
        self._vague_weight = math.log(1 + 1 / _VAGUE_SHARE)
        self._known = {self.analyzer.stem(word) for word in self.analyzer.vocabulary}
        self._entries = []
        for entry, phrasings, terms in analysed:
            built = tuple(self._phrasing(p) for p in sorted(phrasings, key=sorted))
            self._entries.append(_Indexed(entry, built, terms, _by_term(built)))
        self._by_id = {entry.id: entry for entry in entries}
        # Entries with a phrasing made of exactly the question's terms always make the shortlist,
        # however many other entries share those (common) terms: "who is trump".
        self._exact: dict[frozenset[str], list[int]] = {}
        for position, indexed in enumerate(self._entries):
            for phrasing in indexed.phrasings:
                self._exact.setdefault(phrasing.terms, []).append(position)
        self._choices = [(p, entry.id) for entry in entries for p in entry.phrasings]

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def _phrasing(self, terms: frozenset[str]) -> _Phrasing:
        weight = sum(self._idf[t] for t in terms)
        return _Phrasing(terms, " ".join(sorted(terms)), weight)

    def _weight(self, term: str) -> float:
        idf = self._idf.get(term)
        if idf is not None:
            return idf
        if term.isdigit():
            return self._unknown_idf * _UNKNOWN_NUMBER_FACTOR
        if term in self._known:
            return _ABSORBED_WEIGHT
        return self._unknown_idf

    def answer(self, question: str) -> EngineResult:
        ranked, weights = self._rank(question, _RANKED)
        if ranked is None:
            return EngineResult(Verdict.EMPTY, 0.0, ())
        # Only common words ("russia?", "trump and russia"): too vague to pick one fact, though a
        # bare name still asks who that is.
        vague = max(weights.values()) < self._vague_weight
        person = bool(ranked) and self._by_id[ranked[0].entry_id].kind == "person"
        return decide(ranked, self.thresholds, may_answer=not vague or person)

    def rank(self, question: str, limit: int = _RANKED) -> list[Candidate] | None:
        """Entries ranked by score (None when the question has no content words)."""
        return self._rank(question, limit)[0]

    def _rank(self, question: str, limit: int) -> tuple[list[Candidate] | None, dict[str, float]]:
        terms, intents = self.analyzer.analyze(question, correct=True)
        if not terms:
            return None, {}
        weights = {t: self._weight(t) for t in terms}
        total = sum(weights.values())
        overlap = self._overlap(weights)
        if not overlap:
            return [], weights
        shortlist = heapq.nlargest(_SHORTLIST, overlap.items(), key=lambda kv: (kv[1], -kv[0]))
        exact = [(p, overlap[p]) for p in self._exact.get(frozenset(terms), ())]
        listed = {position for position, _ in exact}
        shortlist = exact + [item for item in shortlist if item[0] not in listed]
        query_text = " ".join(sorted(terms))
        adjustment = {kind: _kind_adjustment(kind, intents) for kind in KINDS}
        best_bonus = max(adjustment.values())
        scored: list[tuple[float, str, str]] = []
        kth_best = [0.0] * limit  # ascending: the limit best scores so far
        for position, covered in shortlist:
            coverage = covered / total
            # The shortlist goes by coverage, so once even a perfect phrasing could not reach the
            # current top `limit`, nothing after it can either.
            ceiling = (_W_PHRASING + _W_COVERAGE * coverage + _W_CHARS) * min(
                1.0, coverage / _COVERAGE_FLOOR
            ) + best_bonus
            if len(scored) >= limit and ceiling < kth_best[0]:
                if position not in listed:
                    break
            indexed = self._entries[position]
            matched: dict[int, float] = {}
            for term, weight in weights.items():
                for phrasing_at in indexed.by_term.get(term, ()):
                    matched[phrasing_at] = matched.get(phrasing_at, 0.0) + weight
            best_f, best_text = 0.0, ""
            for phrasing_at, hit in matched.items():
                phrasing = indexed.phrasings[phrasing_at]
                recall, precision = hit / total, hit / phrasing.weight
                f = 2 * recall * precision / (recall + precision)
                if f > best_f:
                    best_f, best_text = f, phrasing.text
            chars = fuzz.token_sort_ratio(query_text, best_text) / 100 if best_text else 0.0
            score = _W_PHRASING * best_f + _W_COVERAGE * coverage + _W_CHARS * chars
            score *= min(1.0, coverage / _COVERAGE_FLOOR)
            score = min(max(score + adjustment.get(indexed.entry.kind, 0.0), 0.0), 1.0)
            scored.append((score, indexed.entry.id, indexed.entry.question))
            if score > kth_best[0]:
                kth_best[0] = score
                kth_best.sort()
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [Candidate(entry_id, q, round(s, 4)) for s, entry_id, q in scored[:limit]], weights

    def _overlap(self, weights: dict[str, float]) -> dict[int, float]:
        """Per entry, the weight of the question's terms it contains.

        Rare terms first; a term common to a large share of a big store only adds to entries
        already found, instead of walking its whole posting list (that is what keeps p99 low
        at 100k entries).
        """
        overlap: dict[int, float] = {}
        for term in sorted(weights, key=lambda t: (len(self._postings.get(t, ())), t)):
            postings = self._postings.get(term, ())
            weight = weights[term]
            if overlap and len(postings) > max(_COMMON_POSTINGS, len(overlap)):
                for position in overlap:
                    if term in self._entries[position].terms:
                        overlap[position] += weight
                continue
            for position in postings[:_MAX_SCAN]:
                overlap[position] = overlap.get(position, 0.0) + weight
        return overlap

    def suggest(self, prefix: str, limit: int = 25) -> list[Candidate]:
        """Entries whose phrasings resemble what someone is typing (for autocomplete)."""
        if not prefix.strip():
            return [Candidate(e.id, e.question, 0.0) for e in list(self._by_id.values())[:limit]]
        matches = process.extract(
            prefix,
            [text for text, _ in self._choices],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=limit * 4,
            score_cutoff=50,
        )
        found: dict[str, Candidate] = {}
        for _text, score, index in matches:
            entry = self._by_id[self._choices[index][1]]
            if entry.id not in found:
                found[entry.id] = Candidate(entry.id, entry.question, round(score / 100, 4))
            if len(found) == limit:
                break
        return list(found.values())
