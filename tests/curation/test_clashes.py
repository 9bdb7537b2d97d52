"""A phrasing stands under one entry only."""

from __future__ import annotations

import pytest

from bot.curation.clashes import clashes, owners
from bot.models import Entry

ENTRIES = [
    Entry("a", "art", "quote", "Who said it?", ("who said that", "the quote"), "A.", ()),
    Entry("b", "art", "person", "Who is Peskov?", ("peskov",), "B.", ()),
]


@pytest.mark.parametrize(
    ("phrasings", "besides", "expected"),
    [
        (["who said it"], None, [("who said it", "a")]),
        (["WHO SAID THAT?!"], None, [("WHO SAID THAT?!", "a")]),
        (["Peskov"], "a", [("Peskov", "b")]),
        (["the quote", "peskov"], "a", [("peskov", "b")]),  # its own phrasings are fine
        (["who is putin"], None, []),
    ],
)
def test_clashes(
    phrasings: list[str], besides: str | None, expected: list[tuple[str, str]]
) -> None:
    """Clashes are found after normalisation, leaving out the entry being changed."""
    assert clashes(phrasings, ENTRIES, besides=besides) == expected


def test_owners_cover_questions_and_alternates() -> None:
    """Questions and alternates both count as phrasings."""
    assert owners(ENTRIES) == {
        "who said it": "a",
        "who said that": "a",
        "the quote": "a",
        "who is peskov": "b",
        "peskov": "b",
    }
