"""Candidates from both signals, scored; bounded work per question whatever the store.

1. Candidates, per index (base, then the server's overlay): every posting list of the question's
   terms is accumulated into one dense array (no list is ever cut, so no entry is invisible), the
   entry's coarse semantic similarity is added, the view's mask applied, and the best
   `Weights.candidates` kept, plus entries with a phrasing of exactly the question's terms.
2. Scoring: the lexical score (best phrasing's idf-weighted F1, the entry's coverage of the
   question, character similarity) blended with the semantic one (best phrasing's cosine).
3. Refinement of the few best: question words the entry lacks count as explained when their vector
   is close to one of the entry's words; the share left unexplained is what the gate reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.engine.analyzer import Query
from bot.engine.arrays import ranges
from bot.engine.index import COARSE_DIMENSIONS, Index
from bot.engine.view import View
from bot.knowledge.schema import KINDS


@dataclass(frozen=True)
class Weights:
    """How the signals combine; beside the thresholds so the whole rule is in two dataclasses."""

    lexical: float = 0.5
    semantic: float = 0.5
    # parts of the lexical score
    phrasing: float = 0.6
    coverage: float = 0.25
    chars: float = 0.15
    # an entry explaining less of the question (by idf weight) is scaled down
    coverage_floor: float = 0.7
    # cosine mapped to [0, 1]: below `semantic_zero` means unrelated
    semantic_zero: float = 0.45
    semantic_full: float = 0.85
    # a word's similarity to the entry's closest word, mapped to how much it counts as explained
    soft_zero: float = 0.45
    soft_full: float = 0.75
    # question words nudge towards the kinds of entry that answer them
    intent_bonus: float = 0.05
    number_mismatch: float = 0.1
    # candidate generation: how many per index, and how much the coarse cosine counts there
    candidates: int = 64
    coarse: float = 0.5
    refine: int = 6


_INTENT_KINDS = {"who": {"person"}, "quote": {"quote"}, "number": {"number"}}


def kind_adjustments(intents: frozenset[str], weights: Weights) -> np.ndarray:
    """Per kind code (last slot: unknown kind), the bonus or malus the question's intents give."""
    adjustment = np.zeros(len(KINDS) + 1)
    for code, kind in enumerate(KINDS):
        if any(kind in _INTENT_KINDS.get(i, ()) for i in intents):
            adjustment[code] += weights.intent_bonus
        if "number" in intents and kind != "number":
            adjustment[code] -= weights.number_mismatch
    if "number" in intents:
        adjustment[-1] -= weights.number_mismatch
    return adjustment


@dataclass
class Scored:
    index: Index
    position: int
    score: float
    lexical: float
    semantic: float
    explained: float  # share of the question's weight the entry accounts for (soft after refine)
    chars: float = 0.0
    best_f1: float = 0.0

    @property
    def key(self) -> tuple[str, str]:
        return self.index.entries[self.position].key


@dataclass(frozen=True)
class Prepared:
    """A question ready to score: its terms per scope with weights, and its vectors."""

    query: Query
    weights: dict[str | None, dict[str, float]]  # scope -> term -> weight
    vector: np.ndarray  # the question's unit vector
    term_vectors: dict[str, np.ndarray]  # term -> unit vector of the word it came from


def prepare(index: Index, query: Query, question: str) -> Prepared:
    stats = index.stats
    terms = sorted({t for _, scoped in query.scopes for t in scoped})
    vectors = stats.model.encode([question, *(query.surfaces.get(t, t) for t in terms)])
    weights = {scope: {t: stats.weight(t) for t in scoped} for scope, scoped in query.scopes}
    return Prepared(query, weights, vectors[0], dict(zip(terms, vectors[1:], strict=True)))


def candidates(
    index: Index, prepared: Prepared, mask: np.ndarray, w: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """Positions worth scoring (the best by coverage plus coarse similarity, and exact matches)
    with their coverage of the question."""
    n = len(index.entries)
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    coverage = _coverage(index, prepared, n)
    coarse_query = prepared.vector[:COARSE_DIMENSIONS]
    norm = float(np.linalg.norm(coarse_query))
    pre = coverage
    if norm > 0:
        pre = coverage + w.coarse * (index.coarse.view @ (coarse_query / norm))
    pre = np.where(mask, pre, -np.inf)
    live = int(mask.sum())
    if live <= w.candidates:
        chosen = np.flatnonzero(mask)
    else:
        chosen = np.argpartition(-pre, w.candidates)[: w.candidates]
        chosen = chosen[np.isfinite(pre[chosen])]
    stats = index.stats
    known = [stats.term_id[t] for t in prepared.query.terms if t in stats.term_id]
    exact = [p for p in index.exact(known) if mask[p]] if known else []
    chosen = np.unique(np.concatenate([chosen, np.asarray(exact, dtype=np.int64)]))
    return chosen, coverage[chosen]


def _coverage(index: Index, prepared: Prepared, n: int) -> np.ndarray:
    """Per entry, the share of the question's weight (in the entry's alias scope) it contains."""
    coverage: np.ndarray | None = None
    for scope, weights in prepared.weights.items():
        total = sum(weights.values()) or 1.0
        acc = np.zeros(n, dtype=np.float64)
        term_id = index.stats.term_id
        for term, weight in weights.items():
            tid = term_id.get(term)
            if tid is not None and tid < len(index.postings) and index.postings[tid]:
                acc[np.frombuffer(index.postings[tid], dtype=np.int32)] += weight / total
        if scope is None:
            coverage = acc
        else:
            code = index.code_of(scope)
            if code is not None and coverage is not None:
                coverage = np.where(index.article.view == code, acc, coverage)
    assert coverage is not None
    return coverage


def score(
    index: Index, prepared: Prepared, found: tuple[np.ndarray, np.ndarray], w: Weights
) -> list[Scored]:
    """Lexical and semantic scores of the given entries."""
    positions, coverage = found
    if len(positions) == 0:
        return []
    stats = index.stats
    idf = stats.idf()
    query = prepared.query
    adjust = kind_adjustments(query.intents, w)
    # semantic: the best phrasing's cosine
    sem_rows = ranges(index.sem_start.view[positions], index.sem_count.view[positions])
    sims = (index.sem_vectors.view[sem_rows].astype(np.float32) @ prepared.vector) * (
        index.sem_scale.view[sem_rows]
    )
    sem_counts = index.sem_count.view[positions]
    semantic = _segment_max(sims, sem_counts)
    span = w.semantic_full - w.semantic_zero
    semantic = np.clip((semantic - w.semantic_zero) / span, 0.0, 1.0)
    # lexical: per phrasing row, hit weight and own weight
    lex_rows = ranges(index.lex_start.view[positions], index.lex_count.view[positions])
    lex_counts = index.lex_count.view[positions]
    lengths = index.lex_length.view[lex_rows]
    flat = index.lex_terms.view[ranges(index.lex_offset.view[lex_rows], lengths)]
    row_of_flat = np.repeat(np.arange(len(lex_rows)), lengths)
    own = np.bincount(row_of_flat, weights=idf[flat], minlength=len(lex_rows))
    articles = index.article.view[positions]
    kinds = index.kind.view[positions]
    results: list[Scored] = []
    by_scope = _scope_rows(index, prepared, articles)
    first_row = np.concatenate([[0], np.cumsum(lex_counts)[:-1]]).astype(np.int64)
    for scope, members in by_scope:
        weights = prepared.weights[scope]
        total = sum(weights.values())
        if total <= 0:
            continue
        qw = np.zeros(len(idf))
        for term, weight in weights.items():
            tid = stats.term_id.get(term)
            if tid is not None:
                qw[tid] = weight
        hit = np.bincount(row_of_flat, weights=qw[flat], minlength=len(lex_rows))
        f1 = np.where(hit > 0, 2 * hit / (total + own), 0.0)
        query_text = " ".join(sorted(weights))
        for i in members:
            rows = np.arange(first_row[i], first_row[i] + lex_counts[i])
            covered = float(coverage[i])
            best_f1, best_text = 0.0, ""
            if len(rows):
                best = rows[int(np.argmax(f1[rows]))]
                best_f1 = float(f1[best])
                if best_f1 > 0:
                    ids = index.lex_terms.view[
                        index.lex_offset.view[lex_rows[best]] : index.lex_offset.view[
                            lex_rows[best]
                        ]
                        + lengths[best]
                    ]
                    best_text = " ".join(sorted(stats.term_text[t] for t in ids))
            chars = fuzz.token_sort_ratio(query_text, best_text) / 100 if best_text else 0.0
            lexical = _lexical(best_f1, covered, chars, w)
            results.append(
                Scored(
                    index,
                    int(positions[i]),
                    _blend(lexical, float(semantic[i]), float(adjust[kinds[i]]), w),
                    lexical,
                    float(semantic[i]),
                    covered,
                    chars,
                    best_f1,
                )
            )
    return results


def _lexical(best_f1: float, covered: float, chars: float, w: Weights) -> float:
    raw = w.phrasing * best_f1 + w.coverage * covered + w.chars * chars
    return raw * min(1.0, covered / w.coverage_floor)


def _blend(lexical: float, semantic: float, adjustment: float, w: Weights) -> float:
    return min(max(w.lexical * lexical + w.semantic * semantic + adjustment, 0.0), 1.0)


def _has(index: Index, position: int, term: str) -> bool:
    tid = index.stats.term_id.get(term)
    if tid is None:
        return False
    terms = index.terms_of[position]
    at = int(np.searchsorted(terms, tid))
    return at < len(terms) and int(terms[at]) == tid


def _scope_rows(
    index: Index, prepared: Prepared, articles: np.ndarray
) -> list[tuple[str | None, list[int]]]:
    """Which candidates are scored with which alias scope (their article's, else the global)."""
    scoped = {index.code_of(a): a for a in prepared.query.by_article}
    groups: dict[str | None, list[int]] = {}
    for i, code in enumerate(articles.tolist()):
        groups.setdefault(scoped.get(code), []).append(i)
    return sorted(groups.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))


def _segment_max(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    out = np.full(len(counts), -1.0)
    nonempty = counts > 0
    if values.size:
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        out[nonempty] = np.maximum.reduceat(values, starts[nonempty])
    return out


def refine(scored: list[Scored], prepared: Prepared, w: Weights) -> None:
    """Soft-match the words the best entries lack, and rescore them with that coverage."""
    for item in scored[: w.refine]:
        index = item.index
        entry = index.entries[item.position]
        scope = entry.article_id if entry.article_id in prepared.weights else None
        weights = prepared.weights[scope]
        total = sum(weights.values()) or 1.0
        missing = [t for t in weights if not _has(index, item.position, t)]
        explained = 1.0 - sum(weights[t] for t in missing) / total
        if missing:
            entry_vectors = index.stats.term_vectors.view[index.terms_of[item.position]]
            if len(entry_vectors):
                asked = np.stack([prepared.term_vectors[t] for t in missing])
                closest = (entry_vectors.astype(np.float32) @ asked.T).max(axis=0)
                span = w.soft_full - w.soft_zero
                credit = np.clip((closest - w.soft_zero) / span, 0.0, 1.0)
                explained += (
                    float(sum(weights[t] * c for t, c in zip(missing, credit, strict=True))) / total
                )
        explained = min(explained, 1.0)
        kind = int(index.kind.view[item.position])
        adjust = kind_adjustments(prepared.query.intents, w)[kind]
        item.explained = explained
        item.lexical = _lexical(item.best_f1, explained, item.chars, w)
        item.score = _blend(item.lexical, item.semantic, float(adjust), w)


def rank(
    base: Index, view: View, prepared: Prepared, masks: list[np.ndarray], w: Weights
) -> list[Scored]:
    """Every index of the view scored together, best first; ties broken by key."""
    parts = [base] if view.overlay is None else [base, view.overlay]
    scored: list[Scored] = []
    for index, mask in zip(parts, masks, strict=True):
        scored += score(index, prepared, candidates(index, prepared, mask, w), w)
    scored.sort(key=lambda s: (-s.score, s.key))
    refine(scored, prepared, w)
    scored.sort(key=lambda s: (-s.score, s.key))
    return scored
