"""Chat's slang and idioms ("diss", "gig", "hash out", "see eye to eye") count as plain words."""

import pytest

from bot.engine import Engine
from bot.engine.result import Verdict
from bot.engine.thesaurus import slang
from tests.engine.test_thesaurus import entry

ENTRIES = [
    entry(
        "criticism",
        "Why did the mayor criticise the council?",
        "mayor criticise council",
        "The mayor criticised the council for delaying the budget.",
    ),
    entry(
        "agreement",
        "What did the two leaders agree on?",
        "leaders agree",
        "The two leaders agreed that the treaty must be renewed.",
    ),
    entry(
        "issues",
        "Which issues must the talks resolve?",
        "talks resolve issues",
        "The talks must resolve the border dispute and the water rights.",
    ),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ENTRIES, {})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("why did the mayor diss the council", "criticism"),
        ("what did the two leaders see eye to eye on", "agreement"),
        ("which issues must the talks hash out", "issues"),
    ],
)
def test_slang_is_answered_by_the_plain_word(engine: Engine, question: str, expected: str) -> None:
    """ "diss" is criticise, "see eye to eye" agree: answered, little left unexplained."""
    result = engine.answer(question)
    assert result.verdict is Verdict.CONFIDENT
    assert result.candidates[0].entry_id == expected
    assert result.candidates[0].unexplained < 0.1  # a near word (0.8) leaves a fifth of it


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "they hashed it out",
            {"hashed": "hash|hashed|hashing|hashes out", "out": "hash|hashed|hashing|hashes out"},
        ),
        (
            "it caught everybody off guard",
            {w: "caught|catch|catches|catching off guard" for w in ("caught", "off", "guard")},
        ),
        ("were they of one mind", {w: "of one mind" for w in ("of", "one", "mind")}),
        ("who is on guard duty", {}),  # a lone idiom word is no idiom
        ("what is on his mind", {}),
        ("caught the train and then went off to see the guard", {}),  # too far apart
    ],
)
def test_an_idiom_is_read_only_as_a_whole(words: str, expected: dict[str, str]) -> None:
    """An idiom's words are read through it only when the question holds all of them in order."""
    assert slang.idioms(words.split()) == expected


def test_an_idioms_word_alone_explains_nothing(engine: Engine) -> None:
    """ "eye" without "see ... to eye" stands for no agreement: still declined."""
    assert engine.answer("what did the two leaders eye").verdict is not Verdict.CONFIDENT


def test_table_holds_the_engines_stems() -> None:
    """Every plain word in the tables is spelled as the analyzer stems it, or it never matches."""
    snowball = pytest.importorskip("snowballstemmer").stemmer("english")
    plain = {"criticism", "agree", "resolve", "surprise", "cautious", "banquet", "job"}
    stems = {s for targets in slang.WORDS.values() for s in targets}
    stems |= {s for _, targets in slang.IDIOMS.values() for s in targets}
    assert {snowball.stemWord(w) for w in plain} <= stems
    assert slang.neighbours("party") == {}  # a political party too: left out
