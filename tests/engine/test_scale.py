"""A store whose posting lists run past every internal cut: nothing raises, nothing is invisible."""

import pytest

from bot.engine import Engine
from bot.models import Entry

# Far more entries sharing "trump" than the candidates kept per question, the exact matches kept,
# or the share of entries past which a common term is not walked.
CROWD = 3_000


def crowd_entry(i: int, question: str) -> Entry:
    return Entry(f"{i:05d}", f"news-{i % 7}", "event", question, ("trump",), question, ())


@pytest.fixture(scope="module")
def engine() -> Engine:
    entries = [crowd_entry(i, f"What did Trump say on day {i}?") for i in range(CROWD)]
    # Sorted last by id and by article: what sits past a cut when lists are walked in id order.
    entries.append(Entry("zzzzz", "news-z", "person", "Who is Trump?", ("trump",), "A man.", ()))
    entries.append(Entry("zzzzy", "news-z", "event", "Did Trump ride a zeppelin?", (), "Yes.", ()))
    return Engine(entries)


@pytest.mark.parametrize(
    "question",
    [
        "who is trump",
        "trump",
        "trump trump trump",
        "what did trump say",
        "trump say day",
        "trump 2020",
        "trump zeppelin",
        "day",
        "xyzzy trump",
    ],
)
def test_no_question_raises_and_results_are_bounded(engine: Engine, question: str) -> None:
    """Whatever the posting lists, an answer comes back with at most three suggestions."""
    result = engine.answer(question)
    assert len(result.suggestions) <= 3
    assert 0.0 <= result.confidence <= 1.0


def test_entries_past_any_cut_are_still_found(engine: Engine) -> None:
    """The entries sorted last are reached: by their rare word, and by an exact phrasing."""
    assert engine.answer("did trump ride a zeppelin").key == ("news-z", "zzzzy")
    ranked = engine.rank("who is trump") or []
    assert ("news-z", "zzzzz") in [c.key for c in ranked]


def test_autocomplete_is_bounded_and_relevant(engine: Engine) -> None:
    """A prefix of a common word fills at most the limit; a rare one only its own entries."""
    assert len(engine.suggest("tru", limit=25)) == 25
    assert [c.key for c in engine.suggest("zepp")] == [("news-z", "zzzzy")]
