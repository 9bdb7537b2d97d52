"""A person's surname mistyped as a real word ("hedge" for Hege) is read as the surname, in the
person's article only, where the question asks about a person."""

import pytest

from bot.engine import AliasBook, Engine
from bot.engine.result import Verdict
from bot.models import Entry, Evidence


def entry(entry_id: str, question: str, alternate: str, answer: str, article: str) -> Entry:
    evidence = (Evidence("seed.txt", answer, 0, len(answer)),)
    return Entry(entry_id, article, "fact", question, (alternate,), answer, evidence)


HEGE = [
    entry(
        "agency",
        "Which agency does Michelle Hege run?",
        "hege agency",
        "Michelle Hege is the CEO of Desautel Hege, a Spokane agency.",
        "ads",
    ),
    entry(
        "pudding",
        "What did Hege mean by 'the proof is in the pudding'?",
        "hege proof pudding",
        "Hege said the proof is in the pudding: only results will tell.",
        "ads",
    ),
    entry("cost", "How much did the campaign cost?", "campaign cost", "It cost $400,000.", "ads"),
    entry("roses", "What grows by the gate?", "gate roses", "Roses grow by the gate.", "garden"),
]
GARDEN = entry(
    "fence",
    "What did the neighbours plant along the fence?",
    "neighbours plant fence",
    "The neighbours planted a hedge along the fence.",
    "garden",
)
BOOK = AliasBook(global_={}, per_article={"ads": {"hege": ("michelle hege", "michelle")}})


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(HEGE, BOOK)


def test_surname_typo_as_the_subject_is_answered(engine: Engine) -> None:
    """ "what did hedge mean" asks what Hege meant: answered with her quote, nothing unexplained."""
    result = engine.answer("what did hedge mean by the proof is in the pudding")
    assert result.verdict is Verdict.CONFIDENT
    assert result.candidates[0].entry_id == "pudding"
    assert result.candidates[0].unexplained == 0.0


def test_surname_typo_beside_the_first_name_is_explained(engine: Engine) -> None:
    """ "michelle hedge" is Michelle Hege: her entry explains the whole question."""
    ranked = engine.rank("which agency does michelle hedge run", limit=1)
    assert ranked is not None
    assert ranked[0].entry_id == "agency"
    assert ranked[0].unexplained == 0.0


def test_the_word_elsewhere_stays_the_word() -> None:
    """Where the store writes "hedge" (a garden's), it is never read as Hege."""
    engine = Engine([*HEGE, GARDEN], BOOK)
    result = engine.answer("what did hedge mean by the proof is in the pudding")
    assert result.verdict is not Verdict.CONFIDENT
    assert engine.answer("what did the neighbours plant, a hedge?").key == ("garden", "fence")


def test_a_word_not_in_a_persons_place_is_not_repaired(engine: Engine) -> None:
    """ "what is a hedge" asks about the word, not about Hege: she is not offered."""
    result = engine.answer("what is a hedge")
    assert result.verdict is not Verdict.CONFIDENT
    assert all(c.entry_id != "agency" or c.unexplained > 0.25 for c in result.candidates)
