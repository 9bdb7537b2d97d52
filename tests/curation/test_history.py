"""Audit records in words: what changed, before → after."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.curation.history import describe
from bot.store.records import AuditRecord

ENTRY = {
    "id": "e",
    "article_id": "a",
    "kind": "quote",
    "question": "Who said it?",
    "alternates": ["who said that", "the quote"],
    "answer": "Peskov said it.",
    "evidence": ["An atmosphere of mutual trust takes years to achieve."],
    "tags": ["peskov"],
}


def record(before: dict[str, Any] | None, after: dict[str, Any] | None) -> AuditRecord:
    return AuditRecord(1, datetime(2026, 1, 1, tzinfo=UTC), "42", "x", "e", before, after)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (None, ENTRY, "new: “Who said it?”"),
        (ENTRY, None, "was: “Who said it?”"),
        (
            ENTRY,
            {**ENTRY, "answer": "Dmitry Peskov said it."},
            "answer: “Peskov said it.” → “Dmitry Peskov said it.”",
        ),
        (ENTRY, {**ENTRY, "kind": "person"}, "kind: “quote” → “person”"),
        (
            ENTRY,
            {**ENTRY, "alternates": ["who said that", "new one"]},
            "alternates +1 “new one”, −1 “the quote”",
        ),
        (ENTRY, {**ENTRY, "evidence": [*ENTRY["evidence"], "More."]}, "evidence +1 “More.”"),
        (ENTRY, ENTRY, "no change"),
        (None, {"command": "qa add"}, "command: “qa add”"),
        ({"digest_time": "09:00"}, {"digest_time": "10:00"}, "digest_time: “10:00”"),
        (None, None, ""),
    ],
)
def test_describe(
    before: dict[str, Any] | None, after: dict[str, Any] | None, expected: str
) -> None:
    """Each kind of record reads as a short phrase."""
    assert describe(record(before, after)) == expected


def test_describe_clips_long_text() -> None:
    """Long answers are cut short on both sides of the arrow."""
    text = describe(record(ENTRY, {**ENTRY, "answer": "word " * 100}))
    assert len(text) < 120 and text.endswith("…”")
