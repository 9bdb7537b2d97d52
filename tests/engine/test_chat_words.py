"""Chat's ways of asking that carry no content: its spellings, a stopword's typo, idioms."""

import pytest

from bot.engine import AliasBook, Engine
from bot.engine.analyzer import Analyzer
from tests.engine.test_engine import ALIASES, ENTRIES


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ENTRIES, ALIASES)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("peskov sed trust takes years?", "quote-trust"),  # chat's "said"
        ("did peskov say anythng about trust taking years", "quote-trust"),  # a stopword's typo
    ],
)
def test_chat_words_are_not_left_for_the_entry_to_explain(
    engine: Engine, question: str, expected: str
) -> None:
    """Words that only shape the question do not stop the right entry being answered."""
    result = engine.answer(question)
    assert result.answered, (question, result)
    assert result.entry_id == expected


@pytest.mark.parametrize(
    "question", ["whats the deal with zhirinovsky", "zhirinovsky, what's his deal"]
)
def test_whats_the_deal_with_asks_about_it(engine: Engine, question: str) -> None:
    """ "What's the deal with X" asks about X: nothing of it is left unexplained."""
    result, plain = engine.answer(question), engine.answer("zhirinovsky?")
    assert result.verdict is plain.verdict
    assert [c.entry_id for c in result.candidates] == [c.entry_id for c in plain.candidates]
    assert result.candidates[0].unexplained == 0.0


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("what shud russia do", ("russia",)),
        ("cold war meaning", ("cold", "war")),
        ("whats the deal with the iran deal", ("iran", "deal")),  # the Iran deal is a deal
        ("what deal did they make", ("deal",)),
        ("anythng", ()),
    ],
)
def test_what_a_question_asks_is_kept(question: str, terms: tuple[str, ...]) -> None:
    """Only the idiom's "deal" and chat's filler go; the content words stay."""
    assert Analyzer(AliasBook.of({})).query(question).terms == terms


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("who is jon bolten", ("bolton",)),  # the rest of the name follows: John Bolton
        ("who is jon", ("jon",)),  # three letters alone are too few to repair
    ],
)
def test_a_short_name_typo_is_repaired_before_the_rest_of_the_name(
    question: str, terms: tuple[str, ...]
) -> None:
    """A first name's typo is read as the alias's name it starts."""
    analyzer = Analyzer(AliasBook.of({"bolton": ["john bolton"]}))
    assert analyzer.query(question).terms == terms
