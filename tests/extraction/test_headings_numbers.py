"""Heading and number candidates."""

from __future__ import annotations

import pytest

from bot.extraction import Extraction


def test_real_headings(real: Extraction) -> None:
    """The five section headings of the real seed, each with its first paragraph."""
    headings = real.of("heading")
    assert [h.details["heading"] for h in headings] == [
        "Why are Russians so optimistic about Trump?",
        "Misplaced optimism?",
        "If it was only so simple…",
        "What are the latest signs?",
        "Next Steps",
    ]
    first = headings[0]
    assert first.kind == "background"
    assert (
        first.question == "What does the section “Why are Russians so optimistic about Trump?” say?"
    )
    assert first.evidence[1].quote.startswith("Of all the countries in the world")


def test_fixture_headings(flood: Extraction) -> None:
    """The three headings of our fixture; the title is not one of them."""
    assert [h.details["heading"] for h in flood.of("heading")] == [
        "A city that has learned to live with water",
        "What the experts say",
        "What happens next",
    ]


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("130", "bottles of champagne"),
        ("2009", "year"),
        ("two", "years"),
        ("Cold War 2.0", None),
        ("number one", "common enemy"),
    ],
)
def test_real_numbers(real: Extraction, number: str, unit: str | None) -> None:
    """Numeric expressions of the real seed with what they count."""
    found = [c for c in real.of("number") if c.details["number"] == number]
    assert any(c.details["unit"] == unit for c in found), [c.details for c in real.of("number")]


def test_real_number_candidate(real: Extraction) -> None:
    """130 asks about its significance, with the sentence as evidence."""
    champagne = next(c for c in real.of("number") if c.details["number"] == "130")
    assert champagne.question == "What is the significance of 130 bottles of champagne?"
    assert champagne.details["phrase"].quote == "130 bottles of champagne"
    assert champagne.evidence[0].quote.startswith("Russian MP Vladimir Zhirinovsky")


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("$45 million", "flood barrier"),
        ("40,000", "residents"),
        ("2.4", "metres"),
        ("12 percent", "of the cost"),
        ("1998", "year"),
        ("7-2", None),
        ("three", "pumping stations"),
    ],
)
def test_fixture_numbers(flood: Extraction, number: str, unit: str | None) -> None:
    """Numeric expressions of our fixture: money, thousands, decimals, percentages, scores."""
    found = [c for c in flood.of("number") if c.details["number"] == number]
    assert any(c.details["unit"] == unit for c in found), [c.details for c in flood.of("number")]
