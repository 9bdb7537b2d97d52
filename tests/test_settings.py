"""Settings for the store and for shards: what a deployer writes, and the one line a mistake
gets (never the value of BRIEFBOT_DATABASE_URL, which may hold a password)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot.redaction import redact
from bot.settings import Settings

SITE = Path("/srv/site")


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, home=SITE, **values)


@pytest.mark.parametrize(
    ("values", "target"),
    [
        ({}, SITE / "data" / "briefbot.sqlite3"),
        ({"database": Path("/var/lib/b.sqlite3")}, Path("/var/lib/b.sqlite3")),
        ({"database_url": "sqlite:///db/b.sqlite3"}, SITE / "db" / "b.sqlite3"),
        ({"database_url": "sqlite:////abs/b.sqlite3"}, Path("/abs/b.sqlite3")),
        (
            {"database_url": "postgresql://u:pw@db:5432/b", "database": Path("/x.sqlite3")},
            "postgresql://u:pw@db:5432/b",
        ),
        ({"database_url": "  "}, SITE / "data" / "briefbot.sqlite3"),
    ],
)
def test_the_store_is_the_url_else_the_sqlite_file(values: dict[str, Any], target: Any) -> None:
    """BRIEFBOT_DATABASE_URL wins over BRIEFBOT_DATABASE; a SQLite URL is relative to the site
    folder (four slashes: absolute); a blank URL is no URL."""
    assert settings(**values).database_target == target


def test_the_url_is_a_secret_everywhere() -> None:
    """Not in the settings' repr, named without it in messages, and blotted out of log text."""
    found = settings(database_url="postgresql://ann:pw-4711@db.internal:5432/briefbot")
    assert "pw-4711" not in repr(found) and "pw-4711" not in str(found.model_dump())
    assert found.database_name == "the PostgreSQL database briefbot on db.internal:5432"
    line = redact("password pw-4711 for postgresql://ann:pw-4711@db.internal/b", found.secrets)
    assert "pw-4711" not in line and "db.internal" not in line


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"database_url": "mysql://u:pw-4711@h/db"}, "must be sqlite:///PATH or postgresql://"),
        ({"database_url": "postgresql://u:pw-4711@h"}, "must name its database"),
        ({"database_url": "sqlite://pw-4711"}, "a SQLite URL is sqlite:///"),
        ({"shard_ids": "0,1"}, "needs BRIEFBOT_SHARD_COUNT"),
        ({"shard_ids": "0,2", "shard_count": 2}, "distinct numbers from 0 to 1"),
        ({"shard_ids": "1,1", "shard_count": 2}, "distinct numbers from 0 to 1"),
        ({"shard_ids": "zero", "shard_count": 2}, "numbers separated by commas"),
        ({"shard_count": 0}, "greater than or equal to 1"),
    ],
)
def test_a_mistake_is_one_line_that_never_shows_the_value(
    values: dict[str, Any], says: str
) -> None:
    """Each bad value is refused with its reason; the message never repeats a password."""
    with pytest.raises(ValidationError) as caught:
        settings(**values)
    messages = " ".join(str(e["msg"]) for e in caught.value.errors())
    assert says in messages and "pw-4711" not in messages


@pytest.mark.parametrize(
    ("values", "count", "ids"),
    [({}, None, None), ({"shard_count": 4, "shard_ids": "2, 3"}, 4, [2, 3])],
)
def test_shards_are_all_or_the_ones_given(
    values: dict[str, Any], count: int | None, ids: list[int] | None
) -> None:
    """Unset, one process runs every shard Discord recommends; else the ones given."""
    found = settings(**values)
    assert (found.shard_count, found.shard_ids) == (count, ids)
