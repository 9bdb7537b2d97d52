"""Chat's words for titles ("cop", "lawmaker", "boss") count as the article's titles."""

import pytest

from bot.engine import Engine
from bot.engine.result import Verdict
from bot.engine.thesaurus import roles
from tests.engine.test_thesaurus import entry

ENTRIES = [
    entry(
        "officer",
        "What did the officer find in the car?",
        "officer search car",
        "The officer found a loaded rifle in the car.",
    ),
    entry(
        "senator",
        "How did the senator vote on the budget?",
        "senator budget vote",
        "The senator voted against the budget.",
    ),
    entry(
        "losses",
        "How many games have the Sabres lost?",
        "sabres losses",
        "The Sabres lost eight of nine games.",
    ),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ENTRIES, {})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what did the cops find in the car", "officer"),
        ("how did the lawmaker vote on the budget", "senator"),
    ],
)
def test_chat_title_is_answered_by_the_articles_title(
    engine: Engine, question: str, expected: str
) -> None:
    """ "cops" is the officer and "lawmaker" the senator: answered, nothing left unexplained."""
    result = engine.answer(question)
    assert result.verdict is Verdict.CONFIDENT
    assert result.candidates[0].entry_id == expected
    assert result.candidates[0].unexplained == 0.0


def test_a_title_word_explains_no_other_detail(engine: Engine) -> None:
    """ "boss" stands for a title, not for what the question asks beyond it: still declined."""
    assert engine.answer("how did the agency's boss vote on the budget").verdict is not (
        Verdict.CONFIDENT
    )


def test_table_holds_the_engines_stems() -> None:
    """Every title in the table is spelled as the analyzer stems it, or it never matches."""
    snowball = pytest.importorskip("snowballstemmer").stemmer("english")
    titles = {"officer", "senator", "president", "director", "legislator", "spokeswoman"}
    stems = {s for targets in roles.ROLES.values() for s in targets}
    assert {snowball.stemWord(t) for t in titles} <= stems
    assert roles.neighbours("headed") == {}  # a verb's form is no title
