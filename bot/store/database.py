"""The small surface every backend offers the store's modules: queries, transactions, migrations.

SQL is written once, with `?` placeholders and the subset that SQLite (3.35+) and PostgreSQL share
(`ON CONFLICT ... DO UPDATE`, `RETURNING`, no `INSERT OR IGNORE`); a backend translates the
placeholders. So every query of the project lives in the store's modules, whatever the backend.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import re
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol, TypeVar

Row = Mapping[str, Any]
Params = Sequence[Any]
T = TypeVar("T")


class Connection(Protocol):
    """Statements inside one transaction (or, outside one, each on its own)."""

    async def fetch(self, sql: str, params: Params = ()) -> list[Any]: ...

    async def execute(self, sql: str, params: Params = ()) -> None: ...

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...


class Database(Connection, Protocol):
    dialect: str  # "sqlite" or "postgresql"
    name: str  # for messages: a path, or the database and its server (never a URL)

    def transaction(self) -> AbstractAsyncContextManager[Connection]: ...

    # The query log's writes: statements, each with its rows of parameters, in one transaction
    # that need not wait for the disk (a crash of the process loses none of it once done);
    # returns the rows of the last statement when it had one row of parameters. `_now` writes
    # without waiting for anything, on the caller's thread, or returns None having written
    # nothing (another writer holds the database, or the backend can't).
    def write_log_now(
        self, statements: Sequence[tuple[str, Sequence[Params]]]
    ) -> list[Any] | None: ...

    async def write_log(self, statements: Sequence[tuple[str, Sequence[Params]]]) -> list[Any]: ...

    async def close(self) -> None: ...

    async def ping(self) -> bool: ...

    async def schema_version(self) -> int: ...

    async def migrate(self, steps: list[Migration]) -> None: ...

    # For copying a store (`briefbot migrate-db`): each column's kind ("text", "integer",
    # "real"), and making generated ids follow ids that were copied in.
    async def columns(self, table: str) -> dict[str, str]: ...

    async def ids_follow(self, tx: Connection, table: str, column: str) -> None: ...


async def finished(operation: Coroutine[Any, Any, T]) -> T:
    """Run a statement to its end even if the caller is cancelled meanwhile: the driver runs it
    in a thread anyway, and a transaction's state must be known before anyone goes on."""
    task = asyncio.ensure_future(operation)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await task
        raise


async def fetch_one(db: Connection, sql: str, params: Params = ()) -> Any | None:
    rows = await db.fetch(sql, params)
    return rows[0] if rows else None


@dataclass(frozen=True)
class Migration:
    """One numbered step: its SQL, then (optionally) a Python step in the same transaction."""

    number: int
    name: str
    sql: str
    upgrade: Callable[[Connection], Awaitable[None]] | None = None


_NUMBERED = re.compile(r"^(\d{3})_(\w+)\.sql$")


def latest_migration(dialect: str) -> int:
    """The last migration's number, from the file names alone: a store that is up to date
    reads no SQL and imports no step (a millisecond of every CLI call)."""
    package = importlib.import_module(f"bot.store.migrations.{dialect}")
    names = os.listdir(package.__path__[0])
    return max((int(m[1]) for m in map(_NUMBERED.match, names) if m), default=0)


def migrations(dialect: str) -> list[Migration]:
    """`bot/store/migrations/<dialect>/NNN_name.sql`, each with an optional `mNNN_name.py`."""
    package = f"bot.store.migrations.{dialect}"
    found = []
    for item in resources.files(package).iterdir():
        match = _NUMBERED.match(item.name)
        if not match:
            continue
        number, name = int(match[1]), match[2]
        step = None
        if resources.files(package).joinpath(f"m{match[1]}_{name}.py").is_file():
            module = importlib.import_module(f"{package}.m{match[1]}_{name}")
            step = module.upgrade
        found.append(Migration(number, name, item.read_text(encoding="utf-8"), step))
    return sorted(found, key=lambda m: m.number)
