"""What a member is told when the database refuses a change: why, never where it lives."""

from __future__ import annotations

import pytest

from bot.app.errors import message_for
from bot.store.errors import StoreError, explain, explain_postgres

PG = "the PostgreSQL database briefbot on db.internal:5432"


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (
            explain("attempt to write a readonly database", "the database /srv/b.sqlite3", 5),
            "The database refused: the database is read-only",
        ),
        (
            explain_postgres("53100", "could not extend file", PG, "briefbot", 5),
            "The database refused: the disk holding the database is full",
        ),
        (
            explain_postgres("55P03", "lock timeout", PG, "briefbot", 5),
            "The database refused: the database is locked by another process",
        ),
        (StoreError("an entry with id 'x' already exists"), "an entry with id 'x' already exists"),
    ],
)
def test_a_refused_change_says_why_but_not_where(error: StoreError, says: str) -> None:
    """The reason reaches chat; the file's path or the server's name does not."""
    text = message_for(error)
    assert text is not None and says in text and text.endswith("Nothing was changed.")
    assert "/srv" not in text and "db.internal" not in text
