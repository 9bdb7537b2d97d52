"""What a declined question offers on the real article: the entry it was after, when the
engine ranks it close."""

from __future__ import annotations

import pytest

from bot.service import Audience, BriefingService


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # both ranked fourth before the gate's refinement, which now reaches them
        (
            "bruh is trump even gonna get to do his russia thing or will the deep state types "
            "block it lol",
            "president-not-alone",
        ),
    ],
)
async def test_a_declined_question_offers_the_entry_it_was_after(
    briefing: BriefingService, question: str, entry_id: str
) -> None:
    """A question too loose to answer still gets its entry among the suggestions."""
    answer = briefing.evaluate(question, Audience.cli())
    assert answer.entry is None
    assert entry_id in [s.entry.id for s in answer.suggestions]
