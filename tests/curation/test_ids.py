"""Ids for moderator-added entries: `mod-` and a slug, valid and unique."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.curation.ids import MAX_ID_CHARS, PREFIX, candidate_ids, slug
from bot.knowledge.schema import ENTRY_ID_PATTERN


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who said mutual trust takes years?", "who-said-mutual-trust-takes-years"),
        ("What's Trump’s stance on NATO?", "what-trump-stance-on-nato"),
        ("Café au lait — où?", "cafe-au-lait-ou"),
        ("  @everyone   why??  ", "why"),
        ("US-Russia relations in 2016", "us-russia-relations-in-2016"),
    ],
)
def test_slug(question: str, expected: str) -> None:
    """Lower-case ASCII words joined by dashes; chat noise and accents dropped."""
    assert slug(question) == expected


@pytest.mark.parametrize(
    "question",
    ["word " * 100, "a" * 300, "Кто такой Песков?", "???", "why " + "x" * 90],
)
def test_ids_are_always_valid(question: str) -> None:
    """Every candidate id fits the knowledge format's id pattern and length."""
    for candidate in itertools.islice(candidate_ids(question), 120):
        assert re.fullmatch(ENTRY_ID_PATTERN, candidate), candidate
        assert candidate.startswith(PREFIX) and len(candidate) <= MAX_ID_CHARS


def test_candidates_count_up_and_are_stable() -> None:
    """The same question always gives the same ids; later ones add a counter."""
    first = list(itertools.islice(candidate_ids("Who is Flynn?"), 3))
    assert first == ["mod-who-is-flynn", "mod-who-is-flynn-2", "mod-who-is-flynn-3"]
    assert list(itertools.islice(candidate_ids("Who is Flynn?"), 3)) == first


def test_questions_without_ascii_words_get_distinct_ids() -> None:
    """A question with no ASCII words still gets a stable id, different from another's."""
    one, two = slug("Кто такой Песков?"), slug("Кто такой Путин?")
    assert one == slug("Кто такой Песков?") and one != two
