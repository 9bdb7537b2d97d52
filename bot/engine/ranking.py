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

import functools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from bot.engine.analyzer import Query
from bot.engine.arrays import Runs, distinct, smallest
from bot.engine.index import Index
from bot.engine.memo import per_index
from bot.engine.view import View
from bot.knowledge.kinds import KINDS


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
    # ...or through the thesaurus (bot/engine/thesaurus): a WordNet neighbour of the word among
    # the entry's words explains it by the neighbour's credit times this (0: no thesaurus)
    thesaurus: float = 1.0
    # A question word the entry lacks that is common English ("according", "talk", "point") says
    # less than a rare one ("vodka"): what it leaves unexplained is scaled by its frequency rank
    # in the model's vocabulary, from `generic_floor` at rank `generic_common` (and below) up to
    # 1 at `generic_rare`; words outside the vocabulary count whole.
    generic_floor: float = 1.0
    generic_common: int = 2000
    generic_rare: int = 12000
    # A question word the entry lacks outside the question's head and main clause (its framing:
    # "according to the moscow readout", bot/engine/clause.py) leaves this share of its weight
    # unexplained; a keyword query's words count whole (1: every word counts whole)
    framing: float = 0.7
    # the question's focus (bot/engine/focus.py): a word it must hold counts only this close
    focus_soft: float = 0.7
    # an entry's phrasing asking for the question's kind of focus ("who...") vouches for the
    # entry only when it holds this share of the question's weight (see `gate._declares`)
    declared_share: float = 0.5
    # a speaker is one of the entry's words within this many words of a speech verb
    speech_window: int = 6
    # a date answers "what year did X end" only this close to a word of X (see `focus.dates_near`)
    date_window: int = 6
    # an agent named stands this close to the asked verb or role noun (see `focus.agents`)
    agent_window: int = 3
    # question words nudge towards the kinds of entry that answer them
    intent_bonus: float = 0.05
    number_mismatch: float = 0.1
    # candidate generation: how many per index, and how much the coarse cosine counts there
    candidates: int = 16
    # a large store has more near-twins competing for the places (at 3k entries of shared
    # templates, 32 places found the right entry's phrasing 81% of the time, 16 places 75%)
    candidates_large: int = 32
    large: int = 10_000
    coarse: float = 0.5
    # how many of the best entries the gate refines to answer (a third of a real-store question's
    # time); for a question declined, `refine_declined` (every one fully scored, `_SCORED`), so a
    # paraphrase unrefined at fourth place can still rise into the suggestions (refining only 3
    # kept the right entry out of them for 1 question in 80 declined; refining 6 for every
    # question changed no answer on the development sets, and cost 20-40% more per question)
    refine: int = 3
    refine_declined: int = 6
    # a term in more than this share of entries is not walked when the question has rarer ones
    common_share: float = 0.05


# Entries with a phrasing of exactly the question's terms always scored, at most this many.
_EXACT = 8
# Entries per index given a full score (characters included) and returned for the decision.
_SCORED = 6
_INTENT_KINDS = {"who": {"person"}, "quote": {"quote"}, "number": {"number"}}


_ADJUSTMENTS: dict[tuple[frozenset[str], int], tuple[Weights, np.ndarray]] = {}


def kind_adjustments(intents: frozenset[str], weights: Weights) -> np.ndarray:
    """Per kind code (last slot: unknown kind), the bonus or malus the question's intents give
    (cached: few combinations of intents exist; do not change the array returned). Looked up
    by the weights' identity: hashing every field of `Weights` cost more than the lookup."""
    key = (intents, id(weights))
    found = _ADJUSTMENTS.get(key)
    if found is not None and found[0] is weights:
        return found[1]
    if len(_ADJUSTMENTS) >= 64:
        _ADJUSTMENTS.clear()
    adjustment = _kind_adjustments(intents, weights)
    _ADJUSTMENTS[key] = (weights, adjustment)
    return adjustment


def _kind_adjustments(intents: frozenset[str], weights: Weights) -> np.ndarray:
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
    holds_focus: bool = True  # states the kind of fact the question asks for (a time, a count)

    @functools.cached_property
    def key(self) -> tuple[str, str]:  # sorted on again and again
        return self.index.entries[self.position].key


@dataclass(frozen=True)
class Prepared:
    """A question ready to score: its terms per scope with weights, and its vectors."""

    query: Query
    weights: dict[str | None, dict[str, float]]  # scope -> term -> weight
    vector: np.ndarray  # the question's unit vector
    term_vectors: dict[str, np.ndarray]  # term -> unit vector of the word it came from
    # what the gate works out once per question and reuses for each entry it checks
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, compare=False, repr=False)


def prepare(index: Index, query: Query, question: str) -> Prepared:
    stats = index.stats
    terms = sorted({t for _, scoped in query.scopes for t in scoped})
    # Known terms have their vector in the index; only the others are embedded here.
    unknown = [t for t in terms if t not in stats.term_id]
    vectors = stats.model.encode([question, *(query.surfaces.get(t, t) for t in unknown)])
    term_vectors = dict(zip(unknown, vectors[1:], strict=True))
    for term in terms:
        if term not in term_vectors:
            term_vectors[term] = stats.term_vectors.view[stats.term_id[term]]
    weights = {scope: {t: stats.weight(t) for t in scoped} for scope, scoped in query.scopes}
    return Prepared(query, weights, vectors[0], term_vectors)


def candidates(
    index: Index, prepared: Prepared, mask: np.ndarray, w: Weights
) -> tuple[np.ndarray, np.ndarray]:
    """Positions worth scoring (the best by coverage plus coarse similarity, and exact matches)
    with their exact coverage of the question."""
    n = len(index.entries)
    if n == 0 or not mask.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    places = w.candidates_large if n > w.large else w.candidates
    coverage, skipped = _coverage(index, prepared, n, common=max(w.common_share * n, places))
    # The pre-score negated (coverage plus the weighted coarse cosine; the best smallest): built
    # in one array, leaving the coverage as it is for the candidates' own.
    coarse_query = prepared.vector[: index.coarse.view.shape[1]]
    norm = float(np.linalg.norm(coarse_query))
    if norm > 0:
        unit = coarse_query / norm
        if w.coarse > 0 and math.frexp(w.coarse)[0] == 0.5:
            # A power of two scales exactly, however the product is summed: weighted and
            # negated through the query's 32 values, not the product's value per entry.
            neg = np.subtract(index.coarse.view @ (unit * -w.coarse), coverage)
        else:
            neg = np.negative(w.coarse * (index.coarse.view @ unit), dtype=np.float64)
            neg -= coverage
    else:
        neg = -coverage
    live = int(np.count_nonzero(mask))
    if live <= places:
        chosen = np.flatnonzero(mask)
    else:
        if live < n:
            neg[~mask] = np.inf
        chosen = smallest(neg, places)
    exact = _exact_matches(index, prepared, mask)
    if len(exact) > _EXACT:
        # Many entries phrased exactly as asked ("trump"): the ones closest in meaning.
        exact = exact[np.argsort(neg[exact], kind="stable")[:_EXACT]]
    chosen = distinct(np.concatenate([chosen, exact]))
    if not skipped and len(prepared.weights) == 1:
        return chosen, coverage[chosen]
    return chosen, _exact_coverage(index, prepared, chosen, skipped)


def _exact_matches(index: Index, prepared: Prepared, mask: np.ndarray) -> np.ndarray:
    """Entries with a phrasing of exactly the question's terms, in their own alias scope."""
    term_id = index.stats.term_id
    found = []
    for scope, weights in prepared.weights.items():
        if any(t not in term_id for t in weights):
            continue
        held = index.exact([term_id[t] for t in weights])
        if not held:
            continue
        exact = np.asarray(held, dtype=np.int64)
        if scope is not None:
            exact = exact[index.article.view[exact] == index.code_of(scope)]
        found.append(exact)
    if not found:
        return np.zeros(0, dtype=np.int64)
    # one scope's list is sorted and unique already
    exact = found[0] if len(found) == 1 else distinct(np.concatenate(found))
    return exact[mask[exact]]


def _coverage(
    index: Index, prepared: Prepared, n: int, common: float
) -> tuple[np.ndarray, set[str]]:
    """Per entry, the share of the question's weight (in its alias scope) it contains.

    A term in more than `common` entries is left out when the question has rarer ones (its weight
    is small and walking its list is most of the work); the candidates' exact coverage adds it
    back. Returns the accumulation and the terms left out.
    """
    term_id = index.stats.term_id

    def holders(term: str) -> np.ndarray | None:
        tid = term_id.get(term)
        if tid is None or tid >= len(index.postings) or not index.postings[tid]:
            return None
        return np.frombuffer(index.postings[tid], dtype=np.int32)

    coverage = np.zeros(0)
    skipped: set[str] = set()
    for scope, weights in prepared.weights.items():  # the global scope (None) first
        total = sum(weights.values()) or 1.0
        lists = {t: h for t in weights if (h := holders(t)) is not None}
        walked = [t for t, h in lists.items() if len(h) <= common] or list(lists)
        skipped |= lists.keys() - set(walked)
        scoped_lists = [lists[t] for t in walked]
        scoped_values = [weights[t] / total for t in walked]
        if scope is None:
            coverage = _accumulate(scoped_lists, scoped_values, n)
        else:
            code = index.code_of(scope)
            if code is not None:
                members = _article_positions(index, code)
                coverage[members] = _accumulate_at(scoped_lists, scoped_values, members)
    return coverage, skipped


def _article_positions(index: Index, code: int) -> np.ndarray:
    """The positions of an article's entries (kept until the index changes)."""
    return per_index(
        index, ("article", code, index.version), lambda: np.flatnonzero(index.article.view == code)
    )


def _accumulate_at(lists: list[np.ndarray], values: list[float], at: np.ndarray) -> np.ndarray:
    """`_accumulate(lists, values, n)[at]` for sorted positions `at` (an article's few), without
    a pass over every entry: the same sums, added in the same order."""
    if not lists or not len(at):
        return np.zeros(len(at))
    positions = np.concatenate(lists)
    weights = np.repeat(values, [len(p) for p in lists])
    local = np.minimum(np.searchsorted(at, positions), len(at) - 1)
    inside = at[local] == positions
    return np.bincount(local[inside], weights=weights[inside], minlength=len(at))


def _accumulate(lists: list[np.ndarray], values: list[float], n: int) -> np.ndarray:
    """Per position, the sum of the values of the lists holding it, in the lists' order (a
    position is in a list at most once): one pass, as adding list after list would give."""
    if not lists:
        return np.zeros(n)
    if len(lists) == 1:
        positions, weights = lists[0], np.full(len(lists[0]), values[0])
    else:
        positions = np.concatenate(lists)
        weights = np.repeat(values, [len(p) for p in lists])
    return np.bincount(positions, weights=weights, minlength=n)


def _exact_coverage(
    index: Index, prepared: Prepared, chosen: np.ndarray, skipped: set[str]
) -> np.ndarray:
    """The candidates' coverage from their own terms, per their article's alias scope."""
    term_id = index.stats.term_id
    articles = index.article.view[chosen]
    coverage = np.zeros(len(chosen))
    for scope, weights in prepared.weights.items():
        total = sum(weights.values()) or 1.0
        rows: np.ndarray | None = None  # every candidate
        if scope is not None:
            rows = articles == index.code_of(scope)
        elif len(prepared.weights) > 1:
            rows = np.ones(len(chosen), dtype=bool)
            for article in prepared.weights:
                code = None if article is None else index.code_of(article)
                if code is not None:
                    rows &= articles != code
        if rows is not None and not rows.any():
            continue
        acc = np.zeros(len(chosen))
        for term, weight in weights.items():
            tid = term_id.get(term)
            if tid is None or tid >= len(index.postings) or not index.postings[tid]:
                continue
            postings = np.frombuffer(index.postings[tid], dtype=np.int32)
            at = np.minimum(np.searchsorted(postings, chosen), len(postings) - 1)
            # adding only where the term is held: the same sums as adding 0.0 elsewhere
            np.add(acc, weight / total, out=acc, where=postings[at] == chosen)
        if rows is None:
            coverage = acc
        else:
            coverage[rows] = acc[rows]
    return coverage


def score(
    index: Index,
    prepared: Prepared,
    found: tuple[np.ndarray, np.ndarray],
    w: Weights,
    keep: int = _SCORED,
) -> list[Scored]:
    """Lexical and semantic scores of the given entries; the best `keep` are returned."""
    positions, coverage = found
    if len(positions) == 0:
        return []
    stats = index.stats
    idf = stats.idf()
    adjust = kind_adjustments(prepared.query.intents, w)
    # semantic: the best phrasing's cosine
    sem = Runs(index.sem_start.view[positions], index.sem_count.view[positions])
    sem_rows = index.sem_row.view[sem.flat]
    # np.take gathers whole rows at once (2-3x quicker than fancy indexing on int8 rows)
    gathered = np.take(index.sem_vectors.view, sem_rows, axis=0)
    sims = (gathered.astype(np.float32) @ prepared.vector) * index.sem_scale.view[sem_rows]
    span = w.semantic_full - w.semantic_zero
    semantic = np.clip((sem.maxima(sims) - w.semantic_zero) / span, 0.0, 1.0)
    # lexical: per phrasing row, the weight of the question's terms in it and its own weight
    rows = Runs(index.lex_start.view[positions], index.lex_count.view[positions])
    lex_rows = rows.flat
    lengths = index.lex_length.view[lex_rows]
    terms = Runs(index.lex_offset.view[lex_rows], lengths)
    flat = index.lex_terms.view[terms.flat]
    row_of_flat = terms.owners()
    own = np.bincount(row_of_flat, weights=idf[flat], minlength=len(lex_rows))
    single = len(prepared.weights) == 1  # the usual case: no article's own aliases apply
    if single:
        scope_of = np.zeros(len(positions), dtype=np.int64)
        entry_of_row = None
    else:
        scope_of = _scopes(index, prepared, index.article.view[positions])
        entry_of_row = rows.owners()
    f1 = np.zeros(len(lex_rows))
    for scope, weights in prepared.weights.items():
        members = None if single else scope_of == _scope_code(prepared, scope)
        if members is not None and not members.any():
            continue
        total = sum(weights.values())
        qw = np.zeros(len(idf))
        for term, weight in weights.items():
            tid = stats.term_id.get(term)
            if tid is not None:
                qw[tid] = weight
        hit = np.bincount(row_of_flat, weights=qw[flat], minlength=len(lex_rows))
        scored = np.where(hit > 0, 2 * hit / (total + own), 0.0)
        if entry_of_row is None or members is None:
            f1 = scored
        else:
            in_scope = members[entry_of_row]
            f1[in_scope] = scored[in_scope]
    best_f1 = np.maximum(rows.maxima(f1), 0.0)
    covered = coverage
    floor = np.minimum(1.0, covered / w.coverage_floor)
    kinds = index.kind.view[positions]
    base = w.phrasing * best_f1 + w.coverage * covered
    # Character similarity costs a string per entry: computed only for the entries that could
    # still make the top once it is added at its best.
    ceiling = w.lexical * (base + w.chars) * floor + w.semantic * semantic + adjust[kinds]
    best = np.argsort(-ceiling, kind="stable")[:keep]
    texts = {_scope_code(prepared, s): " ".join(sorted(ws)) for s, ws in prepared.weights.items()}
    f1_best, cover = best_f1[best], covered[best]
    chars = np.zeros(len(best))
    firsts = _first_rows(f1, best_f1, rows, best)
    reached = np.flatnonzero((firsts >= 0) & (f1_best > 0))
    if len(reached):
        first_rows = firsts[reached]
        term_text = stats.term_text
        for k, at, length, scope in zip(
            reached.tolist(),
            terms.begins[first_rows].tolist(),
            lengths[first_rows].tolist(),
            scope_of[best[reached]].tolist(),
            strict=True,
        ):
            text = " ".join(sorted([term_text[t] for t in flat[at : at + length].tolist()]))
            chars[k] = fuzz.token_sort_ratio(texts[scope], text) / 100
    lexical = _lexical_scores(f1_best, cover, chars, w)
    blended = _blends(lexical, semantic[best], adjust[kinds[best]], w)
    return [
        Scored(index, *values)
        for values in zip(
            positions[best].tolist(),
            blended.tolist(),
            lexical.tolist(),
            semantic[best].tolist(),
            cover.tolist(),
            chars.tolist(),
            f1_best.tolist(),
            strict=True,
        )
    ]


def _first_rows(f1: np.ndarray, best_f1: np.ndarray, rows: Runs, chosen: np.ndarray) -> np.ndarray:
    """Per chosen entry, its first row reaching its best F1 (for the character similarity of
    that row's text), -1 for an entry without rows."""
    counts = rows.counts[chosen]
    runs = Runs(rows.begins[chosen], counts)
    out = np.full(len(chosen), -1, dtype=np.int64)
    if not len(runs.flat):
        return out
    reach = f1[runs.flat] >= np.repeat(best_f1[chosen] - 1e-12, counts)
    at = np.where(reach, runs.flat, len(f1))
    filled = counts > 0
    out[filled] = np.minimum.reduceat(at, runs.begins[filled])
    out[out == len(f1)] = -1  # no row reaches (an entry without a positive F1)
    return out


def _scope_code(prepared: Prepared, scope: str | None) -> int:
    return 0 if scope is None else 1 + sorted(a for a in prepared.weights if a).index(scope)


def _scopes(index: Index, prepared: Prepared, articles: np.ndarray) -> np.ndarray:
    """Per candidate, the alias scope it is scored in: its article's own, else the global (0)."""
    codes = np.zeros(len(articles), dtype=np.int64)
    for scope in prepared.weights:
        if scope is not None:
            code = index.code_of(scope)
            if code is not None:
                codes[articles == code] = _scope_code(prepared, scope)
    return codes


def lexical_score(best_f1: float, covered: float, chars: float, w: Weights) -> float:
    raw = w.phrasing * best_f1 + w.coverage * covered + w.chars * chars
    return raw * min(1.0, covered / w.coverage_floor)


def blend(lexical: float, semantic: float, adjustment: float, w: Weights) -> float:
    # Not capped at 1: two entries that both reach the top must still be told apart.
    return max(w.lexical * lexical + w.semantic * semantic + adjustment, 0.0)


def _lexical_scores(
    best_f1: np.ndarray, covered: np.ndarray, chars: np.ndarray, w: Weights
) -> np.ndarray:
    """`lexical_score` of many entries at once: the same arithmetic in the same order."""
    raw = w.phrasing * best_f1 + w.coverage * covered + w.chars * chars
    return raw * np.minimum(1.0, covered / w.coverage_floor)


def _blends(
    lexical: np.ndarray, semantic: np.ndarray, adjustment: np.ndarray, w: Weights
) -> np.ndarray:
    """`blend` of many entries at once: the same arithmetic in the same order."""
    return np.maximum(w.lexical * lexical + w.semantic * semantic + adjustment, 0.0)


def rank(
    base: Index, view: View, prepared: Prepared, masks: list[np.ndarray], w: Weights
) -> list[Scored]:
    """Every index of the view scored together, best first; ties broken by key (the gate then
    refines the best few: `gate.refine`)."""
    parts = [base] if view.overlay is None else [base, view.overlay]
    scored: list[Scored] = []
    for index, mask in zip(parts, masks, strict=True):
        scored += score(index, prepared, candidates(index, prepared, mask, w), w)
    scored.sort(key=lambda s: (-s.score, s.key))
    return scored
