"""The embedded backend: one SQLite file in WAL mode, behind one aiosqlite connection.

Curation writes use `synchronous = FULL`: once a moderator is told "done", the change is on disk.
A lock serialises the connection, so a read never sees another coroutine's open transaction.
The query log writes through a connection of its own (`sqlite_log`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.store.database import Connection, Migration, Params, finished
from bot.store.errors import StoreError, StoreUnavailable, explain
from bot.store.sqlite_log import LogConnection, Statements

T = TypeVar("T")


class _Conn:
    def __init__(self, conn: aiosqlite.Connection, owner: SQLiteDatabase) -> None:
        self._conn = conn
        self._owner = owner

    async def _fetch(self, sql: str, params: Params) -> list[Any]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetch(self, sql: str, params: Params = ()) -> list[Any]:
        try:
            return await finished(self._fetch(sql, params))
        except sqlite3.Error as exc:
            raise self._owner.error(exc) from None

    async def execute(self, sql: str, params: Params = ()) -> None:
        try:
            await finished(self._conn.execute(sql, params))
        except sqlite3.Error as exc:
            raise self._owner.error(exc) from None

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        try:
            await finished(self._conn.executemany(sql, rows))
        except sqlite3.Error as exc:
            raise self._owner.error(exc) from None


class SQLiteDatabase:
    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: Path, timeout: float) -> None:
        self._conn = conn
        self._lock = asyncio.Lock()
        self._inner = _Conn(conn, self)
        self.path = path
        self.name = str(path)
        self.where = f"the database {path}"
        self.timeout = timeout
        self._inode = _inode(path)
        self._log = LogConnection(path, timeout)

    @classmethod
    async def open(cls, path: Path, timeout: float = 5.0) -> SQLiteDatabase:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {path.parent}: {exc.strerror}", str(path.parent)
            ) from None
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            where = f"the database {path}"
            raise StoreError(f"cannot open {where}: {exc}", where) from None
        conn.row_factory = aiosqlite.Row
        db = cls(conn, path, timeout)
        try:
            await conn.executescript(  # one trip to the connection's thread for the four
                f"PRAGMA busy_timeout = {int(timeout * 1000)}; PRAGMA journal_mode = WAL;"
                " PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
            )
        except sqlite3.Error as exc:
            await conn.close()
            raise explain(
                str(exc), f"the database {path}", timeout, no_space=_no_space(path)
            ) from None
        return db

    def error(self, exc: sqlite3.Error) -> StoreError:
        return explain(str(exc), self.where, self.timeout, no_space=_no_space(self.path))

    def vanished(self) -> bool:
        """True when the file we opened is no longer where it was (its folder was deleted or
        replaced): writes would go into an unlinked file and vanish at the next start."""
        return _inode(self.path) != self._inode

    async def fetch(self, sql: str, params: Params = ()) -> list[Any]:
        async with self._lock:
            return await self._inner.fetch(sql, params)

    async def execute(self, sql: str, params: Params = ()) -> None:
        async with self.transaction() as tx:
            await tx.execute(sql, params)

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    def write_log_now(self, statements: Statements) -> list[Any] | None:
        """The query log's writes in one transaction, right here on the log's own connection
        (no disk flush waited for, see `sqlite_log`); None, nothing written, when another
        writer holds the database."""
        self._refuse_if_vanished()
        try:
            return self._log.write_now(statements)
        except sqlite3.Error as exc:
            raise self.error(exc) from None

    async def write_log(self, statements: Statements) -> list[Any]:
        """The same in the log's thread, waiting for another writer up to the timeout."""
        self._refuse_if_vanished()
        try:
            return await finished(self._log.write(statements))
        except sqlite3.Error as exc:
            raise self.error(exc) from None

    def _refuse_if_vanished(self) -> None:
        if self.vanished():
            raise StoreUnavailable(
                f"{self.where} is gone (was its folder removed?); not writing", self.where
            )

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """One write transaction at a time; rolled back whole on any error, cancellation too."""
        async with self._lock:
            self._refuse_if_vanished()
            try:
                await self._inner.execute("BEGIN IMMEDIATE")
                yield self._inner
                await self._inner.execute("COMMIT")
            except BaseException:
                # A cancelled await may have run its statement anyway (aiosqlite works in a
                # thread): whatever is open is undone, so the next transaction starts clean.
                await self._rollback()
                raise

    async def _rollback(self) -> None:
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                await finished(self._conn.execute("ROLLBACK"))

    async def schema_version(self) -> int:
        rows = await self.fetch("PRAGMA user_version")
        return int(rows[0][0])

    async def migrate(self, steps: list[Migration]) -> None:
        version = await self.schema_version()
        pending = [m for m in steps if m.number > version]
        if not pending:
            return
        async with self._lock:
            # Table rebuilds rename tables that others reference: checked again after COMMIT.
            await self._conn.execute("PRAGMA foreign_keys = OFF")
            try:
                for step in pending:
                    await self._inner.execute("BEGIN IMMEDIATE")
                    try:
                        for statement in _statements(step.sql):
                            await self._inner.execute(statement)
                        if step.upgrade is not None:
                            await step.upgrade(self._inner)
                        await self._inner.execute(f"PRAGMA user_version = {step.number}")
                    except BaseException:
                        await self._conn.execute("ROLLBACK")
                        raise
                    await self._conn.execute("COMMIT")
            finally:
                await self._conn.execute("PRAGMA foreign_keys = ON")

    async def columns(self, table: str) -> dict[str, str]:
        """Column -> 'text', 'integer' or 'real', in table order (for copying a store)."""
        kinds = {"INTEGER": "integer", "REAL": "real"}
        rows = await self.fetch(f"PRAGMA table_info({table})")
        return {r["name"]: kinds.get(str(r["type"]).upper(), "text") for r in rows}

    async def ids_follow(self, tx: Connection, table: str, column: str) -> None:
        """Nothing to do: an INTEGER PRIMARY KEY always continues after the largest id."""

    async def ping(self) -> bool:
        try:
            await self.fetch("SELECT 1")
        except StoreError:
            return False
        return not self.vanished()

    async def close(self) -> None:
        try:
            await self._log.close()
        finally:
            async with self._lock:
                await self._conn.close()


def _no_space(path: Path) -> bool:
    """Whether the disk holding the database is full (SQLite, failing to grow its shared-memory
    file there, reports only a "disk I/O error")."""
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _statements(script: str) -> list[str]:
    """A script split into whole statements (sqlite3 knows where one ends); comments that
    trail the last statement are dropped."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found
