"""The explicit rule between "here is your answer" and "did you mean".

Answer only when the best entry is both good enough on its own (an absolute threshold) and clearly
better than any other entry (a margin over the runner-up); otherwise offer close questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.bench.legacy.result import Candidate, EngineResult, Verdict


@dataclass(frozen=True)
class Thresholds:
    answer: float = 0.45
    margin: float = 0.06
    suggest: float = 0.30
    max_suggestions: int = 3


def decide(
    ranked: list[Candidate], thresholds: Thresholds, *, may_answer: bool = True
) -> EngineResult:
    if not ranked:
        return EngineResult(Verdict.NO_MATCH, 0.0, ())
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    candidates = tuple(ranked)
    confident = best.score >= thresholds.answer and best.score - runner_up >= thresholds.margin
    if confident and may_answer:
        return EngineResult(Verdict.CONFIDENT, best.score, candidates)
    # Below the line, confidence never exceeds the answering threshold: a 0.9 that is declined
    # (a runner-up as good, or a vague question) would read as a contradiction.
    shown = min(best.score, thresholds.answer)
    suggestions = tuple(c for c in ranked if c.score >= thresholds.suggest)
    suggestions = suggestions[: thresholds.max_suggestions]
    if not suggestions:
        return EngineResult(Verdict.NO_MATCH, shown, candidates)
    verdict = Verdict.AMBIGUOUS if best.score >= thresholds.answer else Verdict.UNSURE
    if not may_answer:
        verdict = Verdict.UNSURE
    return EngineResult(verdict, shown, candidates, suggestions)
