"""The words carrying what a question asks (its head and main clause), and what the gate makes of
the other words an entry lacks."""

import pytest

from bot.engine import Engine
from bot.engine.clause import core_words
from bot.engine.ranking import Weights
from bot.engine.textproc import words
from bot.models import Entry, Evidence


@pytest.mark.parametrize(
    ("question", "core"),
    [
        ("how did russian markets react when trump won", ("russian", "markets", "react")),
        (
            "what brand of champagne did zhirinovsky order",
            ("brand", "champagne", "zhirinovsky", "order"),
        ),
        ("how many troops does nato have in eastern europe", ("troops", "nato")),
        ("was keybank center sold out", ("keybank", "center", "sold")),
        ("according to the readout what did they agree on", ("agree",)),
        ("cold war 2.0 meaning", None),  # a keyword query: nothing to read
    ],
)
def test_core_words(question: str, core: tuple[str, ...] | None) -> None:
    """The head and main clause are read; what follows a preposition or a clause is framing."""
    assert core_words(words(question)) == core


def _engine(framing: float) -> Engine:
    answer = "Obama's 2009 reset with Russia failed within two years."
    entry = Entry(
        "reset",
        "a",
        "event",
        "What happened to Obama's reset with Russia?",
        ("did the obama reset with russia fail",),
        answer,
        (Evidence("seed.txt", answer, 0, len(answer)),),
    )
    return Engine([entry], {}, weights=Weights(framing=framing))


@pytest.mark.parametrize(
    ("question", "discounted"),
    [
        ("did the obama reset fail in the newspaper", True),  # framing
        ("did the obama reset fail", False),  # nothing lacking
        ("did the obama reset bankrupt russia", False),  # the asked verb: counts whole
    ],
)
def test_framing_words_count_less(question: str, discounted: bool) -> None:
    """A word the entry lacks outside the head and main clause leaves less unexplained."""
    whole = _engine(1.0).rank(question)[0]  # type: ignore[index]
    framed = _engine(0.7).rank(question)[0]  # type: ignore[index]
    assert (framed.unexplained < whole.unexplained) == discounted
