"""The query log's own SQLite connections: an ask's row written before its answer goes out.

An ask's write is one small transaction with `synchronous = NORMAL`, which waits for no disk
flush: tens of microseconds, so it is made right on the caller's thread, on a connection that
never waits for a lock (`write_now`). When another writer holds the database, or rows are
already waiting, the rows go through a thread of its own that does wait (`write`). That
connection does not checkpoint either (copying the WAL into the database, with two disk
flushes): the log's thread does, every thousand asks, holding writers off meanwhile (asks then
wait in memory for those milliseconds) so that the WAL starts again from its beginning and
stays small (about 16 MB). What may still wait for the disk on the caller's thread is the first
write after a checkpoint (the WAL's header is flushed: once per thousand asks, typically a
fraction of a millisecond).

In WAL mode, NORMAL loses nothing when the process crashes (a commit is in the file; the OS
writes it out); a power cut or an OS crash may lose the log rows committed since the file was
last synced — which every curation commit (`synchronous = FULL`, on the main connection) and
every checkpoint does. Curation writes never come here.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bot.store.database import Params

Statements = Sequence[tuple[str, Sequence[Params]]]
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
# Commits between the log thread's checkpoints (an ask takes about four pages of the WAL: 16 MB
# at most). Each checkpoint costs the next ask the WAL header's flush, so not many more: every
# 256 commits doubled the write's p99 (0.1 -> 0.2 ms) against every 1,000.
_CHECKPOINT_EVERY = 1000


def _open(path: Path, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _run(conn: sqlite3.Connection, statements: Statements) -> list[Any]:
    """The statements in one transaction (one with a single row of parameters returns its
    rows); the rows of the last one."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows: list[Any] = []
        for sql, params in statements:
            if len(params) == 1:
                rows = conn.execute(sql, params[0]).fetchall()
            else:
                conn.executemany(sql, params)
                rows = []
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    return rows


class LogConnection:
    def __init__(self, path: Path, timeout: float) -> None:
        self._path = path
        self._timeout = timeout
        self._now: sqlite3.Connection | None = None  # the caller's; never waits for a lock
        self._waits: sqlite3.Connection | None = None  # the thread's; waits up to the timeout
        self._thread: ThreadPoolExecutor | None = None
        self._commits = 0  # by `write_now` since the last checkpoint

    def write_now(self, statements: Statements) -> list[Any] | None:
        """Write at once on the caller's thread; None when another writer holds the database
        (nothing written then). Raises sqlite3.Error."""
        if self._now is None:
            self._now = _open(self._path, 0.0)
            self._now.execute("PRAGMA wal_autocheckpoint = 0")  # the log's thread does it
        try:
            rows = _run(self._now, statements)
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) in _BUSY:
                return None
            raise
        self._commits += 1
        if self._commits >= _CHECKPOINT_EVERY:
            self._commits = 0
            self._pool().submit(self._checkpoint)
        return rows

    def _pool(self) -> ThreadPoolExecutor:
        if self._thread is None:
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefbot-log")
        return self._thread

    def _checkpoint(self) -> None:
        """What the WAL holds copied into the database, the next write starting it afresh
        (RESTART waits for a writer under way and holds new ones off until done; one that fails
        — the database locked meanwhile — is left to the next, or to SQLite's own at a
        curation write)."""
        with contextlib.suppress(sqlite3.Error):
            if self._waits is None:
                self._waits = _open(self._path, self._timeout)
            self._waits.execute("PRAGMA wal_checkpoint(RESTART)").fetchall()

    def _run_waiting(self, statements: Statements) -> list[Any]:
        if self._waits is None:
            self._waits = _open(self._path, self._timeout)
        return _run(self._waits, statements)

    async def write(self, statements: Statements) -> list[Any]:
        """Write in the log's thread, waiting for another writer up to the timeout; the rows
        of the last statement. Raises sqlite3.Error."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool(), self._run_waiting, statements)

    def _close_waiting(self) -> None:
        if self._waits is not None:
            self._waits.close()
            self._waits = None

    async def close(self) -> None:
        if self._now is not None:
            self._now.close()
            self._now = None
        if self._thread is not None:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self._thread, self._close_waiting)
            self._thread.shutdown(wait=False)
            self._thread = None
