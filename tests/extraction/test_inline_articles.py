"""Short made-up articles for cues the two main articles do not exercise."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extraction import Extraction, extract
from bot.text.seed import Seed


def _extract(tmp_path: Path, body: str) -> Extraction:
    path = tmp_path / "inline.txt"
    path.write_text("A headline for the test\n\n" + body + "\n", encoding="utf-8")
    return extract(Seed.load(path))


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("“It is too early,” the bank’s economist, Jan Hatzius, told Bloomberg.", "Jan Hatzius"),
        (
            "Prime Minister Theresa May, speaking in London, said the rules were “overdue”.",
            "Theresa May",
        ),
        ("According to Ann Lee, “the vote was close.”", "Ann Lee"),
        ("Paul Roe spoke first.\n\nHe said:\n\n“We will not give up on this town.”", "Paul Roe"),
        ("“We are ready,” they said.", None),
        ("Critics call it a “vanity project”.", None),
    ],
)
def test_inline_speakers(tmp_path: Path, body: str, speaker: str | None) -> None:
    """Appositive speakers, "according to", a colon before the quote, plural pronouns."""
    quotes = _extract(tmp_path, body).of("quote")
    assert len(quotes) == 1
    assert quotes[0].details["speaker"] == speaker


@pytest.mark.parametrize(
    ("body", "people"),
    [
        ("Analysts at Goldman Sachs expect a fall. Tim Cook did not comment.", {"Tim Cook"}),
        ("Ann Lee wrote Essence of Decision in 1971.", {"Ann Lee"}),
        ("The Augean Stables and the White House were mentioned by Mr. Grey.", {"Grey"}),
        ("New York City Mayor Eric Adams visited the Grey River.", {"Eric Adams"}),
    ],
)
def test_inline_people(tmp_path: Path, body: str, people: set[str]) -> None:
    """Organisations, works and places are not people; titles make one-word names people."""
    found = {c.details["name"] for c in _extract(tmp_path, body).of("person")}
    assert found == people
