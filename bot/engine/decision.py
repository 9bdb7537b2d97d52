"""The explicit rule between "here is your answer" and "did you mean".

Answer only when the best entry is good enough on its own (an absolute threshold), clearly better
than any other entry (a margin over the runner-up), and explains the question (the gate): the
idf-weighted share of the question's words it leaves unexplained, after soft matching, is small,
and when the question plainly asks for a time or a count, the entry states one.
Otherwise offer the best few entries, whatever their score, unless nothing is related at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.result import Candidate, EngineResult, Verdict


@dataclass(frozen=True)
class Thresholds:
    answer: float = 0.40
    margin: float = 0.06
    # the gate: the most of the question's weight the answered entry may leave unexplained
    unexplained: float = 0.2
    # below this nothing is related enough to be offered
    suggest: float = 0.2
    max_suggestions: int = 3


def decide(
    ranked: list[Candidate], thresholds: Thresholds, *, may_answer: bool = True
) -> EngineResult:
    if not ranked:
        return EngineResult(Verdict.NO_MATCH, 0.0, ())
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    candidates = tuple(ranked)
    good = best.score >= thresholds.answer
    clear = best.score - runner_up >= thresholds.margin
    explained = best.unexplained <= thresholds.unexplained and best.holds_focus
    if good and clear and explained and may_answer:
        return EngineResult(Verdict.CONFIDENT, min(best.score, 1.0), candidates)
    # Below the line, confidence never exceeds the answering threshold: a 0.9 that is declined
    # (a runner-up as good, or a vague question) would read as a contradiction.
    shown = min(best.score, thresholds.answer)
    suggestions = tuple(c for c in ranked if c.score >= thresholds.suggest)
    suggestions = suggestions[: thresholds.max_suggestions]
    if not suggestions:
        return EngineResult(Verdict.NO_MATCH, shown, candidates)
    verdict = Verdict.AMBIGUOUS if good and explained and not clear else Verdict.UNSURE
    if not may_answer:
        verdict = Verdict.UNSURE
    return EngineResult(verdict, shown, candidates, suggestions)
