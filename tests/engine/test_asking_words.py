"""Words that restate the question word, and places and days said in common words."""

import pytest

from bot.engine import Engine
from bot.engine import focus as f
from bot.engine.textproc import words
from bot.models import Entry, Evidence


def _draft(entry_id: str, question: str, *alternates: str, answer: str) -> Entry:
    quote = answer.split(" (")[0]  # a draft's answer: its sentence, then who its people are
    evidence = (Evidence("seed.txt", quote, 0, len(quote)),)
    return Entry(entry_id, "a", "event", question, alternates, answer, evidence, reviewed=False)


@pytest.fixture(scope="module")
def office() -> Engine:
    posted = _draft(
        "posted",
        "What did Sanborn post on Tuesday morning?",
        "sanborn posted campaign materials",
        answer="On Tuesday morning, he posted materials from the campaign on the wall by the "
        "dining table of the company's kitchen. (Jeff Sanborn: agency president)",
    )
    visited = _draft(
        "visited",
        "Which settlement bloc did Netanyahu visit on Tuesday?",
        "netanyahu gush etzion visit",
        answer="Netanyahu visited the Gush Etzion settlement bloc in the West Bank south of "
        "Jerusalem on Tuesday.",
    )
    named = _draft(
        "named",
        "What is South Dakota's campaign?",
        "south dakota meth campaign",
        answer="South Dakota's viral \"Meth. We're on it.\" awareness campaign has been facing "
        "backlash since introduced on Monday. (Michelle Hege: chief executive of a Spokane "
        "agency)",
    )
    president = _draft(
        "president",
        "Who is Donald Trump?",
        "trump",
        answer="Donald Trump is the US president.",
    )
    # other subjects, so that the question's words are rare enough to pick one entry
    others = [
        _draft(f"other-{i}", f"What about {topic}?", topic, answer=f"The {topic} was discussed.")
        for i, topic in enumerate(
            "budget bridge harvest railway museum festival election vaccine tariff".split()
        )
    ]
    return Engine([posted, visited, named, president, *others], {})


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # a place in common words answers "where"
        ("where did sanborn post the campaign materials", "posted"),
        # "located" restates "where"
        ("where is gush etzion located", "visited"),
        # "at the time" restates "was": then
        ("who was the us president at the time", "president"),
    ],
)
def test_a_draft_answers_where_and_at_the_time(
    office: Engine, question: str, entry_id: str
) -> None:
    """The entry that says it is the answer, with nothing of the question left unexplained."""
    result = office.answer(question)
    assert result.answered
    assert result.key == ("a", entry_id)


def test_a_typo_of_the_event_asked_about_still_dates_it(office: Engine) -> None:
    """The day stands by "introduced", typed "introdused": its typo is repaired first."""
    best = office.rank("wat day was the meth campain introdused")[0]  # type: ignore[index]
    assert (best.entry_id, best.holds_focus) == ("named", True)


def test_a_time_is_no_place() -> None:
    """ "Where" is not answered by "on Tuesday", "in the second period" or a figure of speech."""
    text = words("On Tuesday, in the second period, in this cloud of gloom, he scored")
    assert f.common_places(text, set(range(len(text))), 6) == []
    text = words("he posted them on the wall by the dining table")
    assert f.common_places(text, {1}, 6) == ["wall", "dining", "table"]
    assert f.common_places(text, {0}, 2) == []  # far from the word asked about


def test_where_is_not_answered_without_a_place() -> None:
    """An entry saying when, not where, does not hold the focus of "where"."""
    met = _draft("met", "When did they meet?", "they met", answer="They met on Tuesday.")
    best = Engine([met], {}).rank("where did they meet")[0]  # type: ignore[index]
    assert not best.holds_focus


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("what kind of day was it", None),  # a description, not a date
        ("what day was it introduced", f.DATE),
        ("who called him a real competitor", f.AGENT),
    ],
)
def test_what_kind_of_day_asks_for_no_date(question: str, kind: str | None) -> None:
    """ "What kind of day" asks what the day was like."""
    assert f.focus_in(question).kind == kind
