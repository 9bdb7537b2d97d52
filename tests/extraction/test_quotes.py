"""Quote candidates: speakers, context and scare quotes, on the real seed and our fixture."""

from __future__ import annotations

import pytest

from bot.extraction import Extraction
from bot.extraction.candidate import Candidate


def _quote(extraction: Extraction, opening: str) -> Candidate:
    found = [c for c in extraction.of("quote") if c.evidence[0].quote.startswith(opening)]
    assert len(found) == 1, (opening, [c.evidence[0].quote for c in extraction.of("quote")])
    return found[0]


@pytest.mark.parametrize(
    ("opening", "speaker", "context"),
    [
        ("It is phenomenal", "Dmitry Peskov", "after Trump’s election"),
        ("And that is probably", "Dmitry Peskov", "after Trump’s election"),
        ("An atmosphere of mutual trust", "Dmitry Peskov", None),
        ("Wouldn’t it be a great thing", "Donald Trump", "last July"),
        ("During the conversation", "an official Kremlin statement", None),
        ("they’re probably worse than Assad", "Donald Trump", "on CBS last week"),
        ("total mistake", "Donald Trump", None),
        ("no good guy", "Donald Trump", None),
        ("return to pragmatic", "The two leaders", None),
        ("to work together", "The two leaders", None),
    ],
)
def test_real_speakers(real: Extraction, opening: str, speaker: str, context: str | None) -> None:
    """Each quote of the real seed resolves to its speaker (and context where stated)."""
    quote = _quote(real, opening)
    assert quote.details["speaker"] == speaker
    assert quote.details["scare_quote"] is False
    if context:
        assert context in (quote.details["context"] or "")


@pytest.mark.parametrize(
    ("opening", "scare"),
    [("reset", True), ("New Cold War", True), ("Cold War 2.0", True), ("change we can", False)],
)
def test_real_unattributed(real: Extraction, opening: str, scare: bool) -> None:
    """Quotes nobody says have no speaker; those of 1-3 words are flagged as scare quotes."""
    quote = _quote(real, opening)
    assert quote.details["speaker"] is None
    assert quote.details["scare_quote"] is scare


def test_real_quote_candidate_fields(real: Extraction) -> None:
    """A quote candidate asks who said it and carries kind, source kind and the sentence."""
    quote = _quote(real, "An atmosphere of mutual trust")
    assert quote.kind == "quote"
    assert quote.question.startswith("Who said “An atmosphere of mutual trust")
    assert quote.details["speaker_kind"] == "person"
    assert quote.details["sentence"].quote.endswith("said Mr. Peskov.")
    assert _quote(real, "During the conversation").details["speaker_kind"] == "source"
    assert len(real.of("quote")) == 14


@pytest.mark.parametrize(
    ("opening", "speaker", "context"),
    [
        ("We cannot wait", "Ellen Okafor", None),
        ("It is a lot of money", "Samuel K. Brandt", None),
        ("The river has risen", "Priya Raman", "in an interview with the Northfield Courier"),
        ("Where were the pumps in 1998?", "Tom Becker", None),
        ("never worked when it mattered", "Tom Becker", None),
        ("The new pumps are tested", "Priya Raman", None),
        ("They will work.", "Priya Raman", None),
        ("This is the most important thing", "Ellen Okafor", "after the vote"),
    ],
)
def test_fixture_speakers(
    flood: Extraction, opening: str, speaker: str, context: str | None
) -> None:
    """Straight quotes, "X said:" before a quote, pronouns and continuations in our fixture."""
    quote = _quote(flood, opening)
    assert quote.details["speaker"] == speaker
    if context:
        assert context in (quote.details["context"] or "")


def test_fixture_multi_paragraph_quote(flood: Extraction) -> None:
    """A quote running over two paragraphs is one candidate with one passage per paragraph."""
    quote = _quote(flood, "The river has risen")
    assert [p.quote.split()[0] for p in quote.evidence] == ["The", "If"]
    assert quote.evidence[1].quote.endswith("every ten years")


def test_fixture_scare_quote(flood: Extraction) -> None:
    """The straight-quoted “vanity wall” is a scare quote with no speaker."""
    quote = _quote(flood, "vanity wall")
    assert quote.details == quote.details | {"speaker": None, "scare_quote": True}
