"""Roles in every form journalists write them, and people told apart from organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extraction import Extraction, extract
from bot.text.seed import Seed


def _extract(tmp_path: Path, body: str) -> Extraction:
    path = tmp_path / "inline.txt"
    path.write_text("A headline for the test\n\n" + body + "\n", encoding="utf-8")
    return extract(Seed.load(path))


def _roles(tmp_path: Path, body: str) -> dict[str, list[str]]:
    return {c.details["name"]: c.details["roles"] for c in _extract(tmp_path, body).of("person")}


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        pytest.param(
            "“We waited long enough,” said John Herrmann, director of the Port Authority.",
            "John Herrmann",
            "director of the Port Authority",
            id="appositive-after-said-name",
        ),
        pytest.param(
            "“It was busy,” said Kim Yearout, 51, co-owner of the Blue Door Cafe.",
            "Kim Yearout",
            "co-owner of the Blue Door Cafe",
            id="appositive-after-an-age",
        ),
        pytest.param(
            "Energy Secretary Jane Doe visited the plant on Monday.",
            "Jane Doe",
            "Energy Secretary",
            id="title-before-the-name",
        ),
        pytest.param(
            "The plan was announced by EU Trade Commissioner Lars Holm in Brussels.",
            "Lars Holm",
            "EU Trade Commissioner",
            id="acronym-in-the-title",
        ),
        pytest.param(
            "The move was welcomed by US Secretary of State Mia Grant.",
            "Mia Grant",
            "US Secretary of State",
            id="title-with-of",
        ),
        pytest.param(
            "All eyes were on the incoming President of the United States Ana Lima.",
            "Ana Lima",
            "incoming President of the United States",
            id="title-with-of-the",
        ),
        pytest.param(
            "Chilean chief negotiator Rosa Vidal said the talks would go on.",
            "Rosa Vidal",
            "Chilean chief negotiator",
            id="lowercase-role-before-the-name",
        ),
        pytest.param(
            "Hawks goalie Petra Novak made 30 saves.",
            "Petra Novak",
            "Hawks goalie",
            id="team-and-position",
        ),
        pytest.param(
            "Ravi Patel, Oregon Department of Transportation project engineer, said the bridge "
            "was safe.",
            "Ravi Patel",
            "Oregon Department of Transportation project engineer",
            id="appositive-without-article",
        ),
        pytest.param(
            "Nora Blake, president of Lark & Finch, a Tacoma design agency, said it was fine.",
            "Nora Blake",
            "president of Lark & Finch, a Tacoma design agency",
            id="appositive-with-its-own-appositive",
        ),
        pytest.param(
            "Nora Blake had doubts. Blake is the chief executive of Lark & Finch, the Tacoma "
            "agency behind the campaign.",
            "Nora Blake",
            "chief executive of Lark & Finch",
            id="predicate-role",
        ),
        pytest.param(
            "“It is a fact,” said Tomas Weil, senior fellow at the centrist Harbor Policy "
            "Institute in Boston.",
            "Tomas Weil",
            "senior fellow at the centrist Harbor Policy Institute in Boston",
            id="appositive-to-the-sentence-end",
        ),
        pytest.param(
            "Marco Lind scored twice as the Hawks beat the Owls 4-1. The veteran winger has "
            "nine goals.",
            "Marco Lind",
            "veteran winger",
            id="definite-description",
        ),
        pytest.param(
            "Wild forwards Kevin Fiala and Zach Parise scored.",
            "Zach Parise",
            "Wild forwards",
            id="plural-title-over-two-names",
        ),
        pytest.param(
            "Storm defenseman Brad Hunt missed the hunt for the puck.",
            "Brad Hunt",
            "Storm defenseman",
            id="a-role-outweighs-a-common-word",
        ),
        pytest.param(
            "Ralph Krause, now the Rangers’ coach, said little.",
            "Ralph Krause",
            "Rangers’ coach",
            id="appositive-after-an-adverb",
        ),
        pytest.param(
            "Wild GM Bill Guerin spoke after the trade.",
            "Bill Guerin",
            "Wild GM",
            id="acronym-role",
        ),
        pytest.param(
            "Dmitry Peskov, a Kremlin spokesman, spoke first.",
            "Dmitry Peskov",
            "Kremlin spokesman",
            id="appositive-with-article",
        ),
    ],
)
def test_roles(tmp_path: Path, body: str, name: str, role: str) -> None:
    """The person carries the role the article gives, in the article's words."""
    roles = _roles(tmp_path, body)
    assert role in roles.get(name, []), roles


def test_a_known_surname_after_a_preposition_is_that_person(tmp_path: Path) -> None:
    """ "a banquet in Lind’s honor" is Lind's mention: "the veteran" later is no one else's."""
    body = (
        "Coach Ann Vale praised Marco Lind. Ann Vale ordered a banquet in Lind’s honor. "
        "Fans cheered the veteran winger."
    )
    assert _roles(tmp_path, body)["Ann Vale"] == ["Coach"]


def test_an_age_is_not_a_role(tmp_path: Path) -> None:
    """“Lind, 35, scored” gives Lind no role."""
    assert _roles(tmp_path, "Marco Lind, 35, scored twice. Lind said little.") == {"Marco Lind": []}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        pytest.param(
            "The magazine named Ana Ruiz to its Innovators Under 35 list.",
            {"Ana Ruiz"},
            id="headline-case-list-name",
        ),
        pytest.param("“Eventually I gave up,” said Ana Ruiz.", {"Ana Ruiz"}, id="pronoun-I"),
        pytest.param(
            "Acme Dredging said it would bid. Beam Therapeutics said its trial had ended. "
            "Vertex said nothing.",
            set(),
            id="companies",
        ),
        pytest.param(
            "The United Nations High Commissioner for Human Rights said the law stood.",
            set(),
            id="an-office-is-no-person",
        ),
        pytest.param("Analysts say it will embolden the movement.", set(), id="plural-noun"),
        pytest.param(
            "Jeff Olsen, president of Chapter & Verse, said the Washington Healthcare "
            "Authority’s Opioid Prevention campaign worked.",
            {"Jeff Olsen"},
            id="organisations-around-a-person",
        ),
        pytest.param(
            "Minnesota’s Kevin Moller had three assists. Said Moller: “We stuck with it.”",
            {"Kevin Moller"},
            id="after-a-team-possessive-and-said",
        ),
        pytest.param(
            "Joel Eriksson Ek scored. Eriksson Ek’s goal came late.",
            {"Joel Eriksson Ek"},
            id="two-word-surname",
        ),
        pytest.param(
            "Minnesota Wild coach Bruce Hale praised the Buffalo Sabres.",
            {"Bruce Hale"},
            id="teams",
        ),
    ],
)
def test_people_only(tmp_path: Path, body: str, people: set[str]) -> None:
    """Only people are listed as persons: not lists, pronouns, companies, offices or teams."""
    assert set(_roles(tmp_path, body)) == people
