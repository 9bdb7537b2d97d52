"""Asks, feedback, the review queue and proposals: what members asked and how it went.

An ask's row is written as it gets its id (from a block of ids the store reserves), before the
answer goes out: one small transaction that waits for no disk flush nor any lock (the backend's
`write_log_now`; tens of microseconds on SQLite). When the database can't take it at once
(another writer holds it, it refuses writes, or the backend has no such write), the row waits in
memory and a background task writes it at once, in one transaction with any others waiting.
What a crash of the process may lose: the ask it was answering, whose answer was not sent — more
only while rows wait in memory (the database refusing or holding up writes; the failures are
counted). Curation writes never wait in memory and never go through the log's writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.models import EntryKey
from bot.store.codec import Clock, dumps, stamp, text_id
from bot.store.database import Connection, Database, fetch_one, finished
from bot.store.errors import StoreError
from bot.store.records import Activity, AskRecord, Flag, Proposal, QueueItem, Scope
from bot.text.normalize import phrasing_key

log = logging.getLogger(__name__)

_ID_BLOCK = 200
# Replies that leave a question unanswered and worth a curator's look.
QUEUED_REPLIES = ("suggest", "decline")


def scope_text(scope: Scope) -> str:
    """The review queue's scope column: a server's id, or '' for DMs and the command line."""
    return str(scope) if scope is not None else ""


@dataclass
class LogHealth:
    """How logging has gone since start (shown in /qa stats and /healthz)."""

    failed_flushes: int = 0
    lost_asks: int = 0
    last_error: str | None = None


class Asks:
    def __init__(
        self, db: Database, clock: Clock, flush_seconds: float = 0.0, max_waiting: int = 10_000
    ) -> None:
        """`flush_seconds`: write the rows in batches this often instead of each at once."""
        self._db = db
        self._clock = clock
        self._flush_seconds = flush_seconds
        self._max_waiting = max_waiting
        self._waiting: list[tuple[int, str, AskRecord]] = []
        self._ids: list[int] = []
        self._flusher: asyncio.Task[None] | None = None
        self._flush_lock = asyncio.Lock()
        self.health = LogHealth()

    # -- logging an ask -----------------------------------------------------------------------

    async def log(self, ask: AskRecord) -> int:
        """The ask's id, its row written already when the database takes it at once (else it
        waits in memory and is written in the background, right after)."""
        if not self._ids:
            await self._reserve()
        ask_id = self._ids.pop()
        row = (ask_id, stamp(self._clock()), ask)
        # Only when nothing waits or is being written: rows stay in the order they were asked.
        at_once = not self._flush_seconds and not self._waiting and self._idle()
        if at_once and self._now(_statements([row])) is not None:
            return ask_id
        if len(self._waiting) >= self._max_waiting:
            self._waiting.pop(0)  # the database has refused writes for a long while
            self.health.lost_asks += 1
        self._waiting.append(row)
        self._ensure_flusher()
        return ask_id

    def _now(self, statements: list[tuple[str, list[tuple[Any, ...]]]]) -> list[Any] | None:
        try:
            return self._db.write_log_now(statements)
        except StoreError:
            return None  # the background write tries again (and counts the failure)

    def _idle(self) -> bool:
        return self._flusher is None or self._flusher.done()

    async def _reserve(self) -> None:
        # A log write too: were it lost (a power cut), so would be every row using its ids.
        reserve = [("UPDATE counters SET value = value + ? WHERE name = 'asks' RETURNING value",
                    [(_ID_BLOCK,)])]  # fmt: skip
        rows = self._now(reserve) if self._idle() else None
        if rows is None:
            rows = await self._db.write_log(reserve)
        top = int(rows[0]["value"])  # the block is [top - _ID_BLOCK, top)
        self._ids = list(range(top - 1, top - _ID_BLOCK - 1, -1))  # pop() gives the lowest

    def _ensure_flusher(self) -> None:
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.get_running_loop().create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        if self._flush_seconds:
            await asyncio.sleep(self._flush_seconds)
        try:
            while self._waiting:  # rows that came during a write go in the next one
                await self.flush()
        except StoreError as exc:
            self.health.failed_flushes += 1
            self.health.last_error = str(exc)
            log.warning("could not write %d ask(s) to the log: %s", len(self._waiting), exc)

    async def flush(self) -> None:
        """Write every waiting ask now (raises StoreError; the asks keep waiting)."""
        async with self._flush_lock:
            if self._waiting:
                # Finished even if the caller is cancelled meanwhile: the rows written are then
                # no longer waiting, so none is counted twice in the review queue.
                await finished(self._write(list(self._waiting)))

    async def _write(self, batch: list[tuple[int, str, AskRecord]]) -> None:
        await self._db.write_log(_statements(batch))
        del self._waiting[: len(batch)]

    async def close(self) -> None:
        if self._flusher is not None and not self._flusher.done():
            self._flusher.cancel()  # its wait only: a write under way is finished first
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        await self.flush()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    async def get(self, ask_id: int) -> dict[str, Any] | None:
        for waiting_id, at, ask in self._waiting:  # not written yet: no write needed to read it
            if waiting_id == ask_id:
                return _ask_dict(waiting_id, at, ask)
        await self.flush()
        row = await fetch_one(self._db, "SELECT * FROM asks WHERE id = ?", (ask_id,))
        if row is None:
            return None
        found = dict(row)
        found["suggestions"] = [tuple(k) for k in json.loads(found["suggestions"])]
        return found

    async def recent(self, guild_id: int, limit: int = 25) -> list[dict[str, Any]]:
        """One server's latest asks, newest first (what /qa why offers to explain)."""
        await self.flush()
        rows = await self._db.fetch(
            "SELECT id, asked_at, question, reply, article_id, entry_id, confidence FROM asks"
            " WHERE guild_id = ? ORDER BY id DESC LIMIT ?",
            (str(guild_id), limit),
        )
        return [dict(r) for r in rows]

    # -- feedback and proposals ---------------------------------------------------------------

    async def feedback(self, ask_id: int, user_id: int, helpful: bool) -> bool:
        """One member's verdict on one answer (a second click changes it); a Not helpful
        withdraws the proposal that member's click made. False if the ask is unknown."""
        await self.flush()
        async with self._db.transaction() as tx:
            if await fetch_one(tx, "SELECT id FROM asks WHERE id = ?", (ask_id,)) is None:
                return False
            await tx.execute(
                "INSERT INTO feedback (query_id, user_id, helpful, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (query_id, user_id) DO UPDATE SET helpful = excluded.helpful,"
                " created_at = excluded.created_at",
                (ask_id, str(user_id), int(helpful), stamp(self._clock())),
            )
            if not helpful:
                await tx.execute(
                    "DELETE FROM proposals WHERE query_id = ? AND user_id = ?",
                    (ask_id, str(user_id)),
                )
        return True

    async def propose(
        self, guild_id: int, question: str, key: EntryKey, user_id: int, ask_id: int
    ) -> None:
        """A member clicked a suggestion: the question they asked may mean that entry."""
        await self._db.execute(
            "INSERT INTO proposals (guild_id, article_id, entry_id, question_key, question,"
            " user_id, query_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, article_id, entry_id, question_key, user_id) DO UPDATE"
            " SET query_id = excluded.query_id, created_at = excluded.created_at",
            (
                str(guild_id),
                *key,
                phrasing_key(question),
                question,
                str(user_id),
                ask_id,
                stamp(self._clock()),
            ),
        )

    async def proposals(self, guild_id: int) -> list[Proposal]:
        rows = await self._db.fetch(
            "SELECT question_key, MIN(question) AS question, article_id, entry_id,"
            " COUNT(DISTINCT user_id) AS members, MAX(created_at) AS latest FROM proposals"
            " WHERE guild_id = ? GROUP BY question_key, article_id, entry_id"
            " ORDER BY members DESC, latest DESC, question_key",
            (str(guild_id),),
        )
        return [
            Proposal(
                r["question_key"],
                r["question"],
                (r["article_id"], r["entry_id"]),
                int(r["members"]),
            )
            for r in rows
        ]

    async def flags(self, guild_id: int, limit: int = 25) -> list[Flag]:
        """Answers members of one server marked Not helpful, most marked first."""
        await self.flush()
        rows = await self._db.fetch(
            "SELECT a.question, a.article_id, a.entry_id, f.user_id FROM feedback f"
            " JOIN asks a ON a.id = f.query_id WHERE a.guild_id = ? AND a.reply = 'answer'"
            " AND f.helpful = 0",
            (str(guild_id),),
        )
        members: dict[tuple[str, str, str], set[str]] = {}
        shown: dict[tuple[str, str, str], str] = {}
        for r in rows:
            key = (phrasing_key(r["question"]), r["article_id"], r["entry_id"])
            members.setdefault(key, set()).add(r["user_id"])
            shown.setdefault(key, r["question"])
        ranked = sorted(members, key=lambda k: (-len(members[k]), k))[:limit]
        return [Flag(shown[k], (k[1], k[2]), len(members[k])) for k in ranked]

    # -- the review queue ---------------------------------------------------------------------

    async def queue(self, scope: Scope, limit: int = 10, offset: int = 0) -> list[QueueItem]:
        await self.flush()
        rows = await self._db.fetch(
            "SELECT * FROM review_queue WHERE scope = ? AND status = 'open'"
            " ORDER BY times_asked DESC, last_asked DESC, question_key LIMIT ? OFFSET ?",
            (scope_text(scope), limit, offset),
        )
        return [_item(r) for r in rows]

    async def queue_count(self, scope: Scope) -> int:
        await self.flush()
        row = await fetch_one(
            self._db,
            "SELECT COUNT(*) AS n FROM review_queue WHERE scope = ? AND status = 'open'",
            (scope_text(scope),),
        )
        return int(row["n"]) if row else 0

    async def settle(self, tx: Connection, scope: Scope, question: str, key: EntryKey) -> None:
        """A queued question taught to an entry leaves the queue, and its proposals go."""
        qkey = phrasing_key(question)
        await tx.execute(
            "UPDATE review_queue SET status = 'taught', article_id = ?, entry_id = ?"
            " WHERE scope = ? AND question_key = ?",
            (*key, scope_text(scope), qkey),
        )
        if scope is not None:
            await tx.execute(
                "DELETE FROM proposals WHERE guild_id = ? AND question_key = ?", (str(scope), qkey)
            )

    # -- figures ------------------------------------------------------------------------------

    async def activity(self, guild_id: int | None, start: datetime, end: datetime) -> Activity:
        """Asks in [start, end) in one server (None: every server and the command line)."""
        await self.flush()
        where = "asked_at >= ? AND asked_at < ?"
        params: list[Any] = [stamp(start), stamp(end)]
        if guild_id is not None:
            where += " AND guild_id = ?"
            params.append(str(guild_id))
        totals = await self._db.fetch(
            "SELECT COUNT(*) AS asked, COALESCE(SUM(CASE WHEN reply = 'answer' THEN 1 ELSE 0"
            f" END), 0) AS answered FROM asks WHERE {where}",
            params,
        )
        top = await self._db.fetch(
            f"SELECT MIN(question) AS question, COUNT(*) AS n FROM asks WHERE {where}"
            " GROUP BY lower(question) ORDER BY n DESC, MIN(id) LIMIT 3",
            params,
        )
        return Activity(
            int(totals[0]["asked"]),
            int(totals[0]["answered"]),
            [(r["question"], int(r["n"])) for r in top],
        )

    async def stats(self, guild_id: int | None) -> dict[str, Any]:
        """One server's figures (None: every server together, for the bot's owner)."""
        await self.flush()
        where, params = ("WHERE a.guild_id = ?", [str(guild_id)]) if guild_id else ("", [])
        rows = await self._db.fetch(
            "SELECT COUNT(*) AS asked, COALESCE(SUM(CASE WHEN reply = 'answer' THEN 1 ELSE 0"
            f" END), 0) AS answered FROM asks a {where}",
            params,
        )
        votes = await self._db.fetch(
            "SELECT f.helpful, COUNT(*) AS n FROM feedback f JOIN asks a ON a.id = f.query_id"
            f" {where} GROUP BY f.helpful",
            params,
        )
        top = await self._db.fetch(
            "SELECT article_id, entry_id, COUNT(*) AS n FROM asks a"
            f" {where + (' AND' if where else 'WHERE')} reply = 'answer'"
            " GROUP BY article_id, entry_id ORDER BY n DESC, article_id, entry_id LIMIT 5",
            params,
        )
        by_vote = Counter({int(r["helpful"]): int(r["n"]) for r in votes})
        waiting = await self._db.fetch(
            "SELECT COUNT(*) AS n FROM review_queue WHERE status = 'open'"
            + (" AND scope = ?" if guild_id else ""),
            [str(guild_id)] if guild_id else [],
        )
        return {
            "asked": int(rows[0]["asked"]),
            "answered": int(rows[0]["answered"]),
            "helpful": by_vote[1],
            "not_helpful": by_vote[0],
            "waiting": int(waiting[0]["n"]),
            "top_entries": [((r["article_id"], r["entry_id"]), int(r["n"])) for r in top],
            "log_failures": self.health.failed_flushes,
            "asks_lost": self.health.lost_asks,
        }

    async def per_guild(self) -> list[tuple[str | None, int, int]]:
        """(server or None, asks, answered) for every server: the owner's cross-server view."""
        await self.flush()
        rows = await self._db.fetch(
            "SELECT guild_id, COUNT(*) AS asked, COALESCE(SUM(CASE WHEN reply = 'answer' THEN 1"
            " ELSE 0 END), 0) AS answered FROM asks GROUP BY guild_id ORDER BY asked DESC"
        )
        return [(r["guild_id"], int(r["asked"]), int(r["answered"])) for r in rows]

    # -- forgetting ---------------------------------------------------------------------------

    async def forget_before(self, cutoff: datetime) -> int:
        """Questions and user ids older than the retention period go; returns asks removed."""
        await self.flush()
        when = stamp(cutoff)
        async with self._db.transaction() as tx:
            gone = await tx.fetch("SELECT COUNT(*) AS n FROM asks WHERE asked_at < ?", (when,))
            await tx.execute(
                "DELETE FROM feedback WHERE query_id IN (SELECT id FROM asks WHERE asked_at < ?)",
                (when,),
            )
            await tx.execute("DELETE FROM asks WHERE asked_at < ?", (when,))
            await tx.execute("DELETE FROM proposals WHERE created_at < ?", (when,))
            await tx.execute("DELETE FROM review_queue WHERE last_asked < ?", (when,))
        return int(gone[0]["n"])

    async def purge_guild(self, tx: Connection, guild_id: int) -> None:
        gid = text_id(guild_id)
        await tx.execute(
            "DELETE FROM feedback WHERE query_id IN (SELECT id FROM asks WHERE guild_id = ?)",
            (gid,),
        )
        await tx.execute("DELETE FROM asks WHERE guild_id = ?", (gid,))
        await tx.execute("DELETE FROM proposals WHERE guild_id = ?", (gid,))
        await tx.execute("DELETE FROM review_queue WHERE scope = ?", (gid,))


_ASK_COLUMNS = (
    "id",
    "asked_at",
    "guild_id",
    "channel_id",
    "user_id",
    "source",
    "question",
    "reply",
    "article_id",
    "entry_id",
    "confidence",
)


def _ask_dict(ask_id: int, at: str, ask: AskRecord) -> dict[str, Any]:
    """An ask waiting in memory, as `get` returns a written one."""
    found = dict(zip(_ASK_COLUMNS, _ask_row(ask_id, at, ask)[:-1], strict=True))
    found["suggestions"] = list(ask.suggestions)
    return found


def _ask_row(ask_id: int, at: str, ask: AskRecord) -> tuple[Any, ...]:
    return (
        ask_id,
        at,
        text_id(ask.guild_id),
        text_id(ask.channel_id),
        text_id(ask.user_id),
        ask.source,
        ask.question,
        ask.reply,
        ask.key[0] if ask.key else None,
        ask.key[1] if ask.key else None,
        ask.confidence,
        dumps([list(k) for k in ask.suggestions]),
    )


_INSERT_ASK = (
    "INSERT INTO asks (id, asked_at, guild_id, channel_id, user_id, source,"
    " question, reply, article_id, entry_id, confidence, suggestions)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)
_QUEUE = (
    "INSERT INTO review_queue (scope, question_key, question, times_asked, first_asked,"
    " last_asked) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (scope, question_key) DO UPDATE SET"
    " times_asked = review_queue.times_asked + 1, last_asked = excluded.last_asked,"
    " status = CASE WHEN review_queue.status = 'dismissed' THEN 'open'"
    " ELSE review_queue.status END"
)


def _statements(batch: list[tuple[int, str, AskRecord]]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The asks' rows, and the review queue's for those declined or only suggested."""
    statements = [(_INSERT_ASK, [_ask_row(ask_id, at, ask) for ask_id, at, ask in batch])]
    queued = [_queue_row(ask, at) for _, at, ask in batch if ask.reply in QUEUED_REPLIES]
    if queued:
        statements.append((_QUEUE, queued))
    return statements


def _queue_row(ask: AskRecord, at: str) -> tuple[Any, ...]:
    return (scope_text(ask.guild_id), phrasing_key(ask.question), ask.question, at, at)


def _item(r: Any) -> QueueItem:
    return QueueItem(
        r["question_key"],
        r["question"],
        int(r["times_asked"]),
        datetime.fromisoformat(r["last_asked"]),
    )
