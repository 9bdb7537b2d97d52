"""Person candidates: who counts as a person, merged mentions and roles."""

from __future__ import annotations

import pytest

from bot.extraction import Extraction
from bot.extraction.candidate import Candidate

REAL_PEOPLE = {
    "Donald Trump",
    "Vladimir Zhirinovsky",
    "Vladimir Putin",
    "Barack Obama",
    "Hillary Clinton",
    "Dmitry Peskov",
    "George W. Bush",
    "Rudy Giuliani",
    "John Bolton",
    "Muammar Gaddafi",
    "Saddam Hussein",
    "Michael Flynn",
}
FIXTURE_PEOPLE = {"Ellen Okafor", "Samuel K. Brandt", "Priya Raman", "Tom Becker", "Maria Delgado"}


def _person(extraction: Extraction, name: str) -> Candidate:
    return next(c for c in extraction.of("person") if c.details["name"] == name)


def _names(extraction: Extraction) -> set[str]:
    return {c.details["name"] for c in extraction.of("person")}


def test_real_people(real: Extraction) -> None:
    """Exactly the people of the real seed; places, offices and organisations are left out."""
    assert _names(real) == REAL_PEOPLE


def test_fixture_people(flood: Extraction) -> None:
    """Exactly the people of the fixture (not Grey River, Westbrook University, ...)."""
    assert _names(flood) == FIXTURE_PEOPLE


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Michael Flynn", "retired Army Lt. Gen."),
        ("Michael Flynn", "National Security Advisor"),
        ("Vladimir Zhirinovsky", "Russian MP"),
        ("Dmitry Peskov", "Kremlin spokesman"),
        ("Barack Obama", "President"),
        ("Donald Trump", "Republican candidate"),
        ("Donald Trump", "president-elect"),
    ],
)
def test_real_roles(real: Extraction, name: str, role: str) -> None:
    """The roles the real seed gives, from titles, appositives and descriptions."""
    assert role in _person(real, name).details["roles"]


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Ellen Okafor", "Mayor"),
        ("Samuel K. Brandt", "Her deputy"),
        ("Priya Raman", "hydrologist at Westbrook University"),
        ("Tom Becker", "retired teacher"),
        ("Maria Delgado", "Gov."),
    ],
)
def test_fixture_roles(flood: Extraction, name: str, role: str) -> None:
    """The roles our fixture gives."""
    assert role in _person(flood, name).details["roles"]


def test_mentions_are_merged(real: Extraction) -> None:
    """“Trump”, “Mr. Trump’s” and “Donald Trump” are one person with all their sentences."""
    trump = _person(real, "Donald Trump")
    mentions = [m["quote"] for m in trump.details["mentions"]]
    assert any("Mr. Trump’s election victory" in m for m in mentions)
    assert any(m.startswith("Trump’s support in Russia") for m in mentions)
    assert any("Donald Trump and Vladimir Putin" in m for m in mentions)
    assert len(mentions) > 15
    assert trump.id == "person-trump"
    assert trump.question == "Who is Donald Trump?"
    peskov = _person(real, "Dmitry Peskov")
    assert any(m["quote"].endswith("said Mr. Peskov.") for m in peskov.details["mentions"])
