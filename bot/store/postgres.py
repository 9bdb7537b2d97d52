"""The shared backend: one PostgreSQL database behind an asyncpg pool, for several processes.

The same surface as `bot.store.sqlite`, so the store's SQL runs unchanged:

- `?` placeholders become `$1, $2, ...` (outside string literals, quoted names and comments;
  the store writes no dollar-quoted or E'' strings), once per statement text.
- Write transactions take one advisory lock first (per schema), so they run one at a time
  across every process, as SQLite's `BEGIN IMMEDIATE` makes them: the store's
  read-then-write transactions (sync plans, "removed already?") need no retry loop, and the
  digest claim and the change counter are simply serial. Reads never wait for it.
- A writer that waits longer than the store's timeout gets the same "locked" message as on
  SQLite (`lock_timeout`); commits are durable (`synchronous_commit` stays on).
- Errors come back as one line (`bot.store.errors`), naming the database and its server,
  never the URL or its password.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import re
import socket
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from bot.database_url import describe, password_of, user_of
from bot.store.database import Connection, Migration, Params
from bot.store.errors import StoreError, explain_postgres, unreachable

# Taken by every write transaction and by migrations: one writer at a time, per schema.
_WRITE_LOCK = (
    "SELECT pg_advisory_xact_lock(hashtext('briefbot:' || COALESCE(current_schema(), '')))"
)
_VERSIONS = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
)
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\?", re.DOTALL)
_DRIVER_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


@functools.lru_cache(maxsize=2048)
def numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$n`, leaving literals, quoted names and comments be."""
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        if match[0] != "?":
            return match[0]
        count += 1
        return f"${count}"

    return _TOKENS.sub(swap, sql)


class _Conn:
    """One pooled connection, inside a transaction."""

    def __init__(self, conn: Any, owner: PostgresDatabase) -> None:
        self._conn = conn
        self._owner = owner

    async def fetch(self, sql: str, params: Params = ()) -> list[Any]:
        try:
            return list(await self._conn.fetch(numbered(sql), *params))
        except _DRIVER_ERRORS as exc:
            raise self._owner.error(exc) from None

    async def execute(self, sql: str, params: Params = ()) -> None:
        try:
            await self._conn.execute(numbered(sql), *params)
        except _DRIVER_ERRORS as exc:
            raise self._owner.error(exc) from None

    async def script(self, sql: str) -> None:
        """Several statements without parameters (a migration)."""
        try:
            await self._conn.execute(sql)
        except _DRIVER_ERRORS as exc:
            raise self._owner.error(exc) from None

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        try:
            await self._conn.executemany(numbered(sql), rows)
        except _DRIVER_ERRORS as exc:
            raise self._owner.error(exc) from None


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, pool: Any, url: str, timeout: float) -> None:
        self._pool = pool
        self.name = describe(url)
        self.where = self.name
        self.timeout = timeout
        self._user = user_of(url)
        self._password = password_of(url)

    @classmethod
    async def open(cls, url: str, timeout: float = 5.0, pool_size: int = 10) -> PostgresDatabase:
        where, user, password = describe(url), user_of(url), password_of(url)
        try:
            # No floor of open connections: while the server is away, the pool would log a
            # traceback at every retry; connections are made when needed and kept a while.
            pool = await asyncpg.create_pool(
                dsn=url,
                min_size=0,
                max_size=pool_size,
                timeout=timeout,
                server_settings={
                    "application_name": "briefbot",
                    "lock_timeout": str(int(timeout * 1000)),
                },
            )
            try:
                await pool.fetchval("SELECT 1")  # a wrong URL or password is told at once
            except BaseException:
                pool.terminate()
                raise
        except _DRIVER_ERRORS as exc:
            raise _explain(exc, where, user, password, timeout) from None
        except ValueError as exc:  # the URL itself (a bad port, an unknown option)
            reason = _scrub(str(exc), password)
            raise StoreError(f"BRIEFBOT_DATABASE_URL is not usable: {reason}", where) from None
        return cls(pool, url, timeout)

    def error(self, exc: BaseException) -> StoreError:
        return _explain(exc, self.where, self._user, self._password, self.timeout)

    async def fetch(self, sql: str, params: Params = ()) -> list[Any]:
        try:
            return list(await self._pool.fetch(numbered(sql), *params))
        except _DRIVER_ERRORS as exc:
            raise self.error(exc) from None

    async def execute(self, sql: str, params: Params = ()) -> None:
        async with self.transaction() as tx:
            await tx.execute(sql, params)

    async def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    def write_log_now(self, statements: Sequence[tuple[str, Sequence[Params]]]) -> None:
        """Nothing is written without a trip to the server: `write_log` does it."""
        return None

    async def write_log(self, statements: Sequence[tuple[str, Sequence[Params]]]) -> list[Any]:
        """The query log's writes in one transaction whose commit does not wait for the disk
        (`synchronous_commit` off for it alone: a crash of the server may lose the last ones,
        never a curation write); the rows the last statement returns."""
        rows: list[Any] = []
        async with self.transaction() as tx:
            await tx.execute("SET LOCAL synchronous_commit TO OFF")
            for sql, params in statements:
                if len(params) == 1:
                    rows = await tx.fetch(sql, params[0])
                else:
                    await tx.executemany(sql, params)
                    rows = []
        return rows

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """One write transaction at a time across processes; rolled back whole on any error,
        cancellation too. Only the driver's own errors are explained: the caller's pass as
        they are."""
        try:
            conn = await self._pool.acquire()
        except _DRIVER_ERRORS as exc:
            raise self.error(exc) from None
        try:
            tx = conn.transaction()
            try:
                await tx.start()
                await conn.execute(_WRITE_LOCK)
            except _DRIVER_ERRORS as exc:
                await _rollback(tx)
                raise self.error(exc) from None
            try:
                yield _Conn(conn, self)
            except BaseException:
                await _rollback(tx)
                raise
            try:
                await tx.commit()
            except _DRIVER_ERRORS as exc:
                raise self.error(exc) from None
        finally:
            await self._pool.release(conn)

    async def schema_version(self) -> int:
        rows = await self.fetch("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        if not rows[0]["present"]:
            return 0
        rows = await self.fetch("SELECT COALESCE(MAX(number), 0) AS version FROM schema_migrations")
        return int(rows[0]["version"])

    async def migrate(self, steps: list[Migration]) -> None:
        """Each pending step in its own transaction, under the write lock: two processes that
        start at once on an empty database migrate it once."""
        version = await self.schema_version()
        if all(m.number <= version for m in steps):
            return
        for step in steps:
            async with self.transaction() as tx:
                await tx.execute(_VERSIONS)
                done = await tx.fetch(
                    "SELECT 1 AS x FROM schema_migrations WHERE number = ?", (step.number,)
                )
                if done:
                    continue
                assert isinstance(tx, _Conn)
                await tx.script(step.sql)
                if step.upgrade is not None:
                    await step.upgrade(tx)
                await tx.execute(
                    "INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                    (step.number, step.name),
                )

    async def columns(self, table: str) -> dict[str, str]:
        """Column -> 'text', 'integer' or 'real', in table order (for copying a store)."""
        rows = await self.fetch(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        kinds = {"bigint": "integer", "integer": "integer", "double precision": "real"}
        return {r["column_name"]: kinds.get(r["data_type"], "text") for r in rows}

    async def ids_follow(self, tx: Connection, table: str, column: str) -> None:
        """After rows were copied in with their ids, the next generated id follows them."""
        await tx.fetch(
            f"SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX({column}), 0) + 1, false)"
            f" FROM {table}",
            (table, column),
        )

    async def ping(self) -> bool:
        try:
            await self.fetch("SELECT 1")
        except StoreError:
            return False
        return True

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self._pool.close(), self.timeout)
        except TimeoutError:
            self._pool.terminate()


async def _rollback(tx: Any) -> None:
    with contextlib.suppress(*_DRIVER_ERRORS, asyncpg.InterfaceError):
        await tx.rollback()


def _scrub(text: str, password: str | None) -> str:
    return text.replace(password, "[redacted]") if password else text


def _explain(
    exc: BaseException, where: str, user: str, password: str | None, timeout: float
) -> StoreError:
    """One line for any driver error; the password is blotted out of whatever it echoes."""
    if isinstance(exc, asyncpg.PostgresError) and not isinstance(
        exc, asyncpg.PostgresConnectionError
    ):
        text = _scrub(getattr(exc, "message", None) or str(exc), password)
        return explain_postgres(exc.sqlstate, text, where, user, timeout)
    if isinstance(exc, ConnectionRefusedError):
        return unreachable(where, "connection refused")
    if isinstance(exc, socket.gaierror):
        return unreachable(where, "the host name is unknown")
    if isinstance(exc, TimeoutError):
        return unreachable(where, f"no answer within {timeout:g} s")
    if isinstance(exc, OSError):
        return unreachable(where, _scrub(exc.strerror or str(exc), password))
    return unreachable(where, _scrub(str(exc) or "the connection was lost", password))
