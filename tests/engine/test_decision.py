"""The rule between an answer and "did you mean", on the candidates a user would see."""

import pytest

from bot.engine import Candidate
from bot.engine.decision import Thresholds, decide
from bot.engine.result import Verdict


@pytest.mark.parametrize(
    ("score", "unexplained", "runner_up", "verdict"),
    [
        (0.9, 0.0, 0.5, Verdict.CONFIDENT),  # good, explained, clearly ahead
        (0.9, 0.2, 0.5, Verdict.CONFIDENT),  # a close paraphrase leaving a word unmatched
        (0.55, 0.2, 0.45, Verdict.UNSURE),  # middling and not all explained: did you mean
        (0.55, 0.2, 0.3, Verdict.CONFIDENT),  # ...but far ahead of every other entry: answered
        (0.5, 0.2, 0.3, Verdict.UNSURE),  # far ahead, yet too weak even so
        (1.0, 0.3, 0.5, Verdict.UNSURE),  # however good, too much of the question unexplained
        (0.9, 0.0, 0.87, Verdict.AMBIGUOUS),  # a runner-up nearly as good
        (0.15, 0.5, 0.1, Verdict.UNSURE),  # weakly related: still offered
        (0.1, 0.5, 0.05, Verdict.NO_MATCH),  # nothing worth offering
        (0.15, 0.95, 0.05, Verdict.NO_MATCH),  # weak and explaining nothing ("weather in paris")
        (0.25, 0.95, 0.05, Verdict.UNSURE),  # close enough by score alone: offered
    ],
)
def test_answer_or_did_you_mean(
    score: float, unexplained: float, runner_up: float, verdict: Verdict
) -> None:
    """Answered only when score x explained share is high enough, little is left unexplained
    and no runner-up is close; otherwise the best entries are offered."""
    ranked = [Candidate("e0", "q0", score, "a", unexplained), Candidate("e1", "q1", runner_up)]
    result = decide(ranked, Thresholds())
    assert result.verdict is verdict
    assert result.answered or verdict is Verdict.NO_MATCH or result.suggestions[0].entry_id == "e0"


@pytest.mark.parametrize(
    ("same_passage", "verdict"),
    [
        (True, Verdict.CONFIDENT),  # a sibling quoting the same passage: no doubt about the fact
        (False, Verdict.AMBIGUOUS),  # another passage nearly as good: did you mean
    ],
)
def test_a_tie_with_a_sibling_of_the_same_passage_is_answered(
    same_passage: bool, verdict: Verdict
) -> None:
    """The margin is kept over the best entry quoting another passage than the best one."""
    ranked = [
        Candidate("call", "q0", 0.9, "a"),
        Candidate("thaw", "q1", 0.88, "a", same_passage=same_passage),
        Candidate("other", "q2", 0.5, "a"),
    ]
    assert decide(ranked, Thresholds()).verdict is verdict


def test_a_lead_on_one_word_does_not_answer_a_middling_match() -> None:
    """ "tell me a joke": an entry holding "joke" far ahead of the rest is still only offered."""
    ranked = [Candidate("joke", "q0", 0.46, "a"), Candidate("other", "q1", 0.2, "a")]
    assert decide(ranked, Thresholds()).answered
    assert not decide(ranked, Thresholds(), one_word=True).answered


@pytest.mark.parametrize(
    ("reviewed", "unexplained", "runner_up", "verdict"),
    [
        (False, 0.0, 0.1, Verdict.CONFIDENT),  # a draft's entry explaining every word, ahead
        (True, 0.0, 0.1, Verdict.UNSURE),  # a curated entry keeps the usual line
        (False, 0.2, 0.1, Verdict.UNSURE),  # a draft's entry lacking a word the question asks
        (False, 0.0, 0.28, Verdict.UNSURE),  # another entry nearly as close
    ],
)
def test_a_drafts_entry_explaining_the_whole_question_is_answered(
    reviewed: bool, unexplained: float, runner_up: float, verdict: Verdict
) -> None:
    """An unreviewed entry whose generated phrasings score low is answered when it explains the
    whole question, holds its focus and is clearly ahead ("thousand choices quote")."""
    ranked = [
        Candidate("e0", "q0", 0.32, "a", unexplained, reviewed=reviewed),
        Candidate("e1", "q1", runner_up, "a", 0.6, reviewed=reviewed),
    ]
    assert decide(ranked, Thresholds()).verdict is verdict


@pytest.mark.parametrize(
    ("unexplained", "runner_up", "one_word", "answered"),
    [
        (0.0, 0.4, False, True),  # every word explained, ahead: answered from a lower score
        (0.05, 0.4, False, False),  # a word left unexplained (a near miss's detail): offered
        (0.0, 0.43, False, False),  # a rival close by: offered
        (0.0, 0.4, True, False),  # a single term explains little however fully it is held
    ],
)
def test_an_entry_explaining_every_word_is_answered_from_a_lower_score(
    unexplained: float, runner_up: float, one_word: bool, answered: bool
) -> None:
    """ "did he stick with the border barrier pledge": the entry's own words, scored 0.47."""
    ranked = [Candidate("e0", "q0", 0.47, "a", unexplained), Candidate("e1", "q1", runner_up)]
    assert decide(ranked, Thresholds(), one_word=one_word).answered is answered
