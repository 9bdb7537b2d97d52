"""Values in and out of rows: times as ISO text (UTC), ids as text, lists as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from bot.models import Entry, Evidence

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def time_of(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def snowflake(value: Any) -> int | None:
    return int(value) if value is not None else None


def text_id(value: int | None) -> str | None:
    return str(value) if value is not None else None


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def evidence_json(evidence: Iterable[Evidence]) -> str:
    return dumps([asdict(e) for e in evidence])


_DECODER = json.JSONDecoder()


def loads(text: str) -> Any:
    """A JSON column's value. The columns hold what `dumps` wrote, with nothing around it, so the
    decoder is called directly: `json.loads` first scans for whitespace at both ends, a third of
    the cost of reading a big store's entries. Anything else is read as `json.loads` reads it."""
    try:
        value, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def entry_of(row: Any, article_id: str | None = None) -> Entry:
    """An entry from a row with the entry columns (entries or server_entries)."""
    return Entry(
        id=row["id"],
        article_id=article_id or row["article_id"],
        kind=row["kind"],
        question=row["question"],
        alternates=tuple(loads(row["alternates"])),
        answer=row["answer"],
        evidence=tuple(Evidence(**e) for e in loads(row["evidence"])),
        tags=tuple(loads(row["tags"])),
        reviewed=bool(row["reviewed"]) if "reviewed" in row.keys() else True,
    )


def entry_values(entry: Entry) -> tuple[str, str, str, str, str, str]:
    """kind, question, alternates, answer, evidence, tags: the entry columns, in that order."""
    return (
        entry.kind,
        entry.question,
        dumps(list(entry.alternates)),
        entry.answer,
        evidence_json(entry.evidence),
        dumps(list(entry.tags)),
    )
