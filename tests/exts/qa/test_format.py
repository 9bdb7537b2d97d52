"""/qa replies stay within Discord's limits and show user text inertly."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app.refusals import problems_text, refusal
from bot.curation.context import ProblemsFound
from bot.curation.errors import CurationError
from bot.exts.qa.format import entry_embed, history_page, list_page, queue_page
from bot.knowledge.loader import Problem
from bot.models import Entry, Evidence
from bot.store.records import AuditRecord, QueueItem
from tests.digest.limits import assert_within_limits

AT = datetime(2026, 1, 1, tzinfo=UTC)
BIG = Entry(
    "e" * 80,
    "a",
    "quote",
    "@everyone " + "q" * 290,
    tuple(f"alternate {i} " + "x" * 280 for i in range(40)),
    "**bold** " + "a" * 590,
    tuple(Evidence("s", "quote " * 150, 0, 900, "Section") for _ in range(5)),
    tuple(f"tag{i}" for i in range(50)),
)


def test_entry_embed_fits_and_is_inert() -> None:
    """A maximal entry fits one embed; mentions and markdown are escaped."""
    origin = "added by this server's moderators"
    latest = AuditRecord(1, AT, "1", "edit", BIG.id, None, None)
    embed = entry_embed(BIG, origin, "Title", latest).to_dict()
    assert_within_limits([embed])
    assert embed["title"].startswith("@\u200beveryone")
    assert embed["description"].startswith("\\*\\*bold")


@pytest.mark.parametrize("page", [0, 1, 4])
def test_list_pages_fit(page: int) -> None:
    """Ten maximal entries per page fit; the last page has no next."""
    entries = [BIG] * 45
    embed, more = list_page(entries, page, "@here " + "z" * 200)
    assert_within_limits([embed.to_dict()])
    assert more == (page < 4)


def test_queue_and_history_pages_fit() -> None:
    """Maximal queued questions and audit records fit one page."""
    items = [QueueItem("k", "@everyone " + "w" * 490, 999, AT)] * 10
    assert_within_limits([queue_page(items, 0, 10)[0].to_dict()])
    snapshot = {"question": "q" * 300, "answer": "a" * 600, "alternates": ["x" * 300] * 40}
    records = [
        AuditRecord(1, AT, "9" * 19, "edit", "e" * 80, snapshot, {**snapshot, "answer": "b"})
    ]
    embed, _ = history_page(records * 10, 0, "e" * 80, True)
    assert_within_limits([embed.to_dict()])


@pytest.mark.parametrize("count", [1, 5, 40, 500])
def test_problem_lists_fit_one_message(count: int) -> None:
    """However many problems, the reply fits 2000 characters and says how many were left out."""
    problems = [
        Problem("k.yaml", f"problem {i} with `backticks` " + "x" * 150, i + 1, "entry")
        for i in range(count)
    ]
    text = problems_text("Import refused.", problems)
    assert len(text) <= 2000 and text.startswith("Import refused.\n```text\n")
    assert text.endswith("\n```") and text.count("```") == 2
    assert "k.yaml:1: entry 'entry': problem 0" in text
    if count > 10:
        assert "more problem" in text
    else:
        assert "more problem" not in text


def test_refusal_text() -> None:
    """Plain refusals pass through; problem lists come as a code block."""
    assert refusal(CurationError("No.")) == "No."
    text = refusal(ProblemsFound("Refused:", [Problem("k.yaml", "bad", 3)]))
    assert text == "Refused:\n```text\nk.yaml:3: bad\n```"
