"""The explicit rule between "here is your answer" and "did you mean".

Answer only when the best entry is good enough on its own, clearly better than any other entry (a
margin over the runner-up), and explains the question (the gate): the idf-weighted share of the
question's words it leaves unexplained, after soft matching, is small, and it holds the question's
focus (`bot.engine.focus`).
"Good enough" reads the score and the explained share together (score x explained share): a
close paraphrase that leaves a word or two unmatched ("what foe did the pair vow to team up
against") may be answered when it scores high, while a middling score must explain everything
(on devset-blind a plain unexplained cut blocked ~50 right top-1s; relaxing it alone added a
wrong answer for every two right ones, the product held wrong answers down).
Otherwise offer the best few entries, whatever their score, unless nothing is related at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.result import Candidate, EngineResult, Verdict


@dataclass(frozen=True)
class Thresholds:
    # the least score x explained share the answered entry must reach
    answer: float = 0.50
    margin: float = 0.06
    # ...or this much when the best entry is this far ahead of every other: a paraphrase in words
    # the entry never writes scores lower, while a doubtful question usually has a rival close by
    # (on devset-blind and devset-blind2 the right entry first, ahead by 0.15 or more, was declined
    # for 8 questions at 0.42-0.50; no declined question or wrong entry stood there)
    clear_answer: float = 0.42
    clear_margin: float = 0.15
    # the gate: the most of the question's weight the answered entry may leave unexplained
    unexplained: float = 0.25
    # below this nothing is related enough to be offered (drafted articles score lower: at 0.2
    # the right entry, ranked first or second, was held back for ~1 in 10 of their questions)
    suggest: float = 0.12
    # ...but one below `close` only when it explains something of the question: at most this
    # share unexplained ("what's the weather in paris" scores 0.13 on a quote by its words "like"
    # and "today", explaining nothing; on the development sets the distant suggestions that held
    # the right entry left 51-82% unexplained)
    close: float = 0.2
    distant_unexplained: float = 0.85
    max_suggestions: int = 3
    # A draft's entry (unreviewed, phrasings generated from its sentence) that explains the
    # whole question and holds its focus is answered from this score, when this far ahead: its
    # generated phrasings rarely read like a question ("graham edgier message", "thousand
    # choices quote" scored 0.3-0.4 with every word explained), and a near miss asks for a
    # detail the entry lacks, which leaves part of the question unexplained (dev draft sets:
    # 14 right more, 4 wrong more of 720 questions)
    draft_answer: float = 0.25
    draft_unexplained: float = 0.05
    draft_margin: float = 0.1
    # A curated entry that explains every word of a question of two terms or more and holds its
    # focus is answered from this score (with the usual margin): a paraphrase in the entry's own
    # words, ordered unlike its phrasings ("did he stick with the border barrier pledge"), scores
    # low on the phrasings' vectors, while a near miss asks for a detail the entry lacks, which
    # leaves part of the question unexplained (dev: 3 right more, 0 wrong; no near miss or
    # declined question stood there, the nearest other one left 4% unexplained)
    whole_answer: float = 0.45
    whole_unexplained: float = 0.02


def _answers(candidate: Candidate, thresholds: Thresholds) -> bool:
    """The candidate alone would be answered (leaving the margin aside)."""
    good = candidate.score * (1.0 - candidate.unexplained) >= thresholds.answer
    return good and candidate.unexplained <= thresholds.unexplained and candidate.holds_focus


def _drafted(candidate: Candidate, runner_up: float, thresholds: Thresholds) -> bool:
    """A draft's entry explaining the whole question, clearly ahead (see `draft_answer`)."""
    return (
        not candidate.reviewed
        and candidate.holds_focus
        and candidate.unexplained <= thresholds.draft_unexplained
        and candidate.score >= thresholds.draft_answer
        and candidate.score - runner_up >= thresholds.draft_margin
    )


def decide(
    ranked: list[Candidate],
    thresholds: Thresholds,
    *,
    may_answer: bool = True,
    one_word: bool = False,
) -> EngineResult:
    """`one_word`: the question has a single content term, so a lead says little (an entry
    holding "joke" is far ahead for "tell me a joke" without being what was asked)."""
    if not ranked:
        return EngineResult(Verdict.NO_MATCH, 0.0, ())
    best = ranked[0]
    # the margin is kept over the best entry holding another passage: siblings quoting the same
    # one ("when did they talk", "what did the call confirm") tie without making the fact doubtful,
    # when the sibling would answer too (it explains the question and holds its focus)
    rivals = [c.score for c in ranked[1:] if not (c.same_passage and _answers(c, thresholds))]
    runner_up = rivals[0] if rivals else 0.0
    candidates = tuple(ranked)
    lead = best.score - runner_up
    product = best.score * (1.0 - best.unexplained)
    good = product >= thresholds.answer or (
        not one_word
        and (
            (product >= thresholds.clear_answer and lead >= thresholds.clear_margin)
            or (
                best.unexplained <= thresholds.whole_unexplained
                and best.score >= thresholds.whole_answer
            )
        )
    )
    clear = lead >= thresholds.margin
    explained = best.unexplained <= thresholds.unexplained and best.holds_focus
    if may_answer and ((good and clear and explained) or _drafted(best, runner_up, thresholds)):
        return EngineResult(Verdict.CONFIDENT, min(best.score, 1.0), candidates)
    # Below the line, confidence never exceeds the answering threshold: a 0.9 that is declined
    # (a runner-up as good, or a vague question) would read as a contradiction.
    shown = min(best.score, thresholds.answer)
    close = max(thresholds.close, thresholds.suggest)
    suggestions = tuple(
        c
        for c in ranked
        if c.score >= close
        or (c.score >= thresholds.suggest and c.unexplained <= thresholds.distant_unexplained)
    )
    suggestions = suggestions[: thresholds.max_suggestions]
    if not suggestions:
        return EngineResult(Verdict.NO_MATCH, shown, candidates)
    verdict = Verdict.AMBIGUOUS if good and explained and not clear else Verdict.UNSURE
    if not may_answer:
        verdict = Verdict.UNSURE
    return EngineResult(verdict, shown, candidates, suggestions)
