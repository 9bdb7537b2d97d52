"""Copy a whole store into an empty one (`briefbot migrate-db`): every table, row for row, with
its ids, counters and change versions as they are, in one transaction checked by counting.

Rows are read in primary-key order, a page at a time (`WHERE (key) > (last key)`), so a store of
any size is copied in bounded memory and no statement carries more than a page's parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.store.database import Connection, Database, fetch_one, migrations
from bot.store.errors import StoreError
from bot.store.store import Store, open_database

# Every table, in an order that satisfies the foreign keys, with its primary key.
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meta", ("key",)),
    ("counters", ("name",)),
    ("articles", ("id",)),
    ("entries", ("article_id", "id")),
    ("server_entries", ("guild_id", "article_id", "id")),
    ("server_phrasings", ("guild_id", "article_id", "entry_id", "key")),
    ("asks", ("id",)),
    ("feedback", ("query_id", "user_id")),
    ("review_queue", ("scope", "question_key")),
    ("proposals", ("guild_id", "article_id", "entry_id", "question_key", "user_id")),
    ("guilds", ("guild_id",)),
    ("guild_articles", ("guild_id", "article_id")),
    ("digest_log", ("guild_id", "local_date")),
    ("audit_log", ("id",)),
)
# Tables whose ids the database generates: the next one must follow the copied ids.
GENERATED_IDS = {"audit_log": "id"}
PAGE = 1000


class TargetNotEmpty(StoreError):
    """The target already holds briefbot data: nothing is copied over it."""


@dataclass(frozen=True)
class Copied:
    source: str
    target: str
    rows: dict[str, int]


async def copy_store(source: Store, target: str | Path, timeout: float = 5.0) -> Copied:
    """Copy `source` into the empty store at `target` (created and migrated here)."""
    db = await open_database(target, timeout)
    try:
        await _refuse_data(db)
        await db.migrate(migrations(db.dialect))
        versions = await source.schema_version(), await db.schema_version()
        if versions[0] != versions[1]:
            raise StoreError(
                f"{source.name} is at schema {versions[0]} and {db.name} at {versions[1]};"
                " run the same briefbot version on both"
            )
        columns = {table: await db.columns(table) for table, _ in TABLES}
        rows: dict[str, int] = {}
        async with source.db.transaction() as read, db.transaction() as write:
            # The migrations seed a counter; the source's counters replace it.
            await write.execute("DELETE FROM counters")
            for table, key in TABLES:
                rows[table] = await _copy_table(read, write, table, key, columns[table])
                if table in GENERATED_IDS:
                    await db.ids_follow(write, table, GENERATED_IDS[table])
            for table, _ in TABLES:
                copied = await _count(write, table)
                if copied != rows[table]:
                    raise StoreError(
                        f"{table}: {rows[table]} rows read but {copied} written; nothing was kept"
                    )
        return Copied(source.name, db.name, rows)
    finally:
        await db.close()


async def _refuse_data(db: Database) -> None:
    if await db.schema_version() == 0:
        return
    held = {table: await _count(db, table) for table, _ in TABLES if table != "counters"}
    filled = {table: n for table, n in held.items() if n}
    if filled:
        total = sum(filled.values())
        raise TargetNotEmpty(
            f"{db.name} already holds a briefbot store ({total} rows, in"
            f" {', '.join(sorted(filled))}); migrate-db copies into an empty database only,"
            " and nothing was changed",
            db.name,
        )


async def _count(db: Connection, table: str) -> int:
    row = await fetch_one(db, f"SELECT COUNT(*) AS n FROM {table}")
    return int(row["n"]) if row else 0


async def _copy_table(
    read: Connection, write: Connection, table: str, key: Sequence[str], kinds: dict[str, str]
) -> int:
    columns = ", ".join(kinds)
    order = ", ".join(key)
    insert = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' for _ in kinds)})"
    last: tuple[Any, ...] | None = None
    total = 0
    while True:
        if last is None:
            page = await read.fetch(
                f"SELECT {columns} FROM {table} ORDER BY {order} LIMIT ?", (PAGE,)
            )
        else:
            after = ", ".join("?" for _ in key)
            page = await read.fetch(
                f"SELECT {columns} FROM {table} WHERE ({order}) > ({after})"
                f" ORDER BY {order} LIMIT ?",
                (*last, PAGE),
            )
        if not page:
            return total
        await write.executemany(
            insert, [tuple(_coerce(r[c], kind) for c, kind in kinds.items()) for r in page]
        )
        total += len(page)
        last = tuple(page[-1][c] for c in key)


def _coerce(value: Any, kind: str) -> Any:
    """A value as the target column takes it (SQLite may hold an int in a text column)."""
    if value is None:
        return None
    if kind == "integer":
        return int(value)
    if kind == "real":
        return float(value)
    return value if isinstance(value, str) else str(value)
