"""The focus of a question (what the answering entry must hold), and the gate's check of it."""

import pytest

from bot.engine import Engine
from bot.engine import focus as f
from bot.engine.textproc import words
from bot.models import Entry, Evidence


@pytest.mark.parametrize(
    ("question", "kind", "held"),
    [
        ("when was the cbs interview", f.TIME, ()),
        ("when exactly did they talk", f.DATE, ()),
        ("what year was obama's reset", f.DATE, ()),
        ("how long did the reset last", f.DURATION, ()),
        ("how many months did it last", f.DURATION, ()),
        ("how many bottles of champagne", f.COUNT, ()),
        ("who did trump appoint as national security advisor", f.AGENT, ()),
        ("who is michael flynn", None, ()),  # about flynn, not an agent to name
        ("which country was the only one backing trump", f.AGENT, ()),
        ("where was the banquet held", f.PLACE, ()),
        ("where does he stand on nato", None, ()),  # a position, not a place
        ("why was flynn criticised", f.REASON, ()),
        ("how come they agree", f.REASON, ()),
        ("what did peskov say about trust", f.SPEECH, ("trust",)),
        ("which hawks might become secretary of state", None, ("hawks",)),
        ("what is the reset", None, ()),  # a description: nothing to hold
    ],
)
def test_focus_of_a_question(question: str, kind: str | None, held: tuple[str, ...]) -> None:
    """The first words say what is asked for, and which words the entry must hold itself."""
    found = f.focus_of(words(question))
    assert (found.kind, found.held) == (kind, held)


def _entry(entry_id: str, question: str, *alternates: str, answer: str) -> Entry:
    evidence = (Evidence("seed.txt", answer, 0, len(answer)),)
    return Entry(entry_id, "a", "event", question, alternates, answer, evidence)


@pytest.fixture(scope="module")
def engine() -> Engine:
    survey = _entry(
        "survey",
        "What did the global survey find?",
        "which country supported trump in the global survey",
        "who favored trump",
        answer="A global survey found that Russia alone supported Trump.",
    )
    other = _entry("other", "What did Trump say on TV?", "trump tv", answer="He praised NATO.")
    return Engine([survey, other], {})


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # its "which country" phrasing asks about the same support: it vouches for the entry
        ("which country supported trump in the global survey", True),
        # "who favored trump" asks "who" about something else; the entry names nobody new
        ("who ran the global survey that found russia supported trump", False),
    ],
)
def test_an_entry_phrasing_vouches_only_for_what_it_asks_about(
    engine: Engine, question: str, holds: bool
) -> None:
    """A phrasing asking for the same kind of fact counts only when it is about the question."""
    best = engine.rank(question)[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("survey", holds)
