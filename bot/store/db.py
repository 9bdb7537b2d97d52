"""The one data-access module: every SQL statement of the project lives here.

Precedence when syncing `knowledge/` into the store (at start, `/qa reload`, `briefbot sync`):
- an entry only in the files is added; an untouched file entry follows its file;
- an entry a moderator edited keeps the moderator's question, answer and evidence;
- an entry a moderator removed stays removed; an entry a moderator added is never touched;
- alternate phrasings moderators taught are kept; the file's own phrasings follow the file;
- a file entry that left the files is removed, unless a moderator edited it.
Syncing twice in a row changes nothing the second time.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.models import Article, Entry, Evidence
from bot.store.records import (
    Activity,
    AuditRecord,
    DigestRecord,
    GuildSettings,
    QueryRecord,
    QueueItem,
    SyncReport,
)
from bot.text.normalize import phrasing_key


class StoreError(Exception):
    """The database cannot be opened or used; the message says why and what to do."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _id(value: Any) -> int | None:
    return int(value) if value is not None else None


def _str(value: int | None) -> str | None:
    return str(value) if value is not None else None


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bot.store") / "migrations"
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


def entry_snapshot(entry: Entry) -> dict[str, Any]:
    """An entry as plain data, for the audit log and exports."""
    return {
        "id": entry.id,
        "article_id": entry.article_id,
        "kind": entry.kind,
        "question": entry.question,
        "alternates": list(entry.alternates),
        "answer": entry.answer,
        "evidence": [e.quote for e in entry.evidence],
        "tags": list(entry.tags),
    }


def _file_hash(entry: Entry) -> str:
    data = json.dumps(entry_snapshot(entry), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


class Store:
    """Async access to the SQLite file. Open with `await Store.open(path)`."""

    def __init__(self, conn: aiosqlite.Connection, path: Path, timeout: float) -> None:
        self._conn = conn
        self.path = path
        self.timeout = timeout
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path, timeout: float = 5.0) -> Store:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {path.parent}: {exc.strerror}"
            ) from None
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from None
        conn.row_factory = aiosqlite.Row
        store = cls(conn, path, timeout)
        try:
            await conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = FULL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await store._migrate()
        except sqlite3.Error as exc:
            await conn.close()
            raise StoreError(_explain(exc, path, timeout)) from None
        return store

    async def close(self) -> None:
        async with self._lock:
            await self._conn.close()

    async def _migrate(self) -> None:
        async with self._conn.execute("PRAGMA user_version") as cursor:
            (version,) = await cursor.fetchone()
        for number, script in _migrations():
            if number > version:
                await self._conn.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
                )

    async def schema_version(self) -> int:
        async with self._conn.execute("PRAGMA user_version") as cursor:
            (version,) = await cursor.fetchone()
        return int(version)

    async def ping(self) -> None:
        """Raises unless the database answers a query (the health check)."""
        await self._rows("SELECT 1")

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        """One write transaction at a time; rolled back whole on any error."""
        async with self._lock:
            try:
                await self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(_explain(exc, self.path, self.timeout)) from None
            try:
                yield self._conn
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            else:
                await self._conn.execute("COMMIT")

    async def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[aiosqlite.Row]:
        try:
            async with self._conn.execute(sql, params) as cursor:
                return list(await cursor.fetchall())
        except sqlite3.OperationalError as exc:
            raise StoreError(_explain(exc, self.path, self.timeout)) from None

    # -- knowledge -------------------------------------------------------------------------

    async def sync(self, articles: Iterable[Any], actor: str = "sync") -> SyncReport:
        """Bring checked knowledge files (`CheckedArticle`s) into the store; see module doc."""
        report = SyncReport()
        async with self._tx() as db:
            for checked in articles:
                await self._upsert_article(db, checked.article)
                await self._sync_entries(db, checked.article.id, checked.entries, actor, report)
        return report

    async def _upsert_article(self, db: aiosqlite.Connection, article: Article) -> None:
        await db.execute(
            "INSERT INTO articles (id, seed, title, summary, key_points, aliases, synced_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seed = excluded.seed,"
            " title = excluded.title, summary = excluded.summary,"
            " key_points = excluded.key_points, aliases = excluded.aliases,"
            " synced_at = excluded.synced_at",
            (
                article.id,
                article.seed,
                article.title,
                article.summary,
                json.dumps(list(article.key_points), ensure_ascii=False),
                json.dumps({k: list(v) for k, v in article.aliases.items()}, ensure_ascii=False),
                _now(),
            ),
        )

    async def _sync_entries(
        self,
        db: aiosqlite.Connection,
        article_id: str,
        entries: Sequence[Entry],
        actor: str,
        report: SyncReport,
    ) -> None:
        in_files = {e.id for e in entries}
        for entry in entries:
            digest = _file_hash(entry)
            row = await self._entry_row(db, entry.id)
            if row is None:
                await self._insert_entry(db, entry, "file", digest)
                await self._audit(db, actor, "sync-add", entry.id, None, entry_snapshot(entry))
                report.added.append(entry.id)
            elif row["removed"] or row["origin"] == "moderator" or row["edited_at"]:
                report.kept_moderator.append(entry.id)
                if row["origin"] == "file" and row["file_hash"] != digest and not row["removed"]:
                    await self._replace_phrasings(db, entry.id, entry.alternates, "file")
                    await db.execute(
                        "UPDATE entries SET file_hash = ? WHERE id = ?", (digest, entry.id)
                    )
            elif row["file_hash"] != digest:
                before = await self._snapshot(db, entry.id)
                await self._write_entry(db, entry, digest)
                await self._replace_phrasings(db, entry.id, entry.alternates, "file")
                await self._audit(db, actor, "sync-update", entry.id, before, entry_snapshot(entry))
                report.updated.append(entry.id)
        stale = await self._fetch(
            db,
            "SELECT id FROM entries WHERE article_id = ? AND origin = 'file' AND removed = 0"
            " AND edited_at IS NULL",
            (article_id,),
        )
        for row in stale:
            if row["id"] not in in_files:
                before = await self._snapshot(db, row["id"])
                await db.execute("DELETE FROM entries WHERE id = ?", (row["id"],))
                await self._audit(db, actor, "sync-remove", row["id"], before, None)
                report.removed.append(row["id"])

    async def _fetch(
        self, db: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()
    ) -> list[aiosqlite.Row]:
        async with db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def _entry_row(self, db: aiosqlite.Connection, entry_id: str) -> aiosqlite.Row | None:
        rows = await self._fetch(db, "SELECT * FROM entries WHERE id = ?", (entry_id,))
        return rows[0] if rows else None

    async def _insert_entry(
        self, db: aiosqlite.Connection, entry: Entry, origin: str, digest: str | None
    ) -> None:
        await db.execute(
            "INSERT INTO entries (id, article_id, kind, question, answer, evidence, tags, origin,"
            " file_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.id,
                entry.article_id,
                entry.kind,
                entry.question,
                entry.answer,
                _evidence_json(entry.evidence),
                json.dumps(list(entry.tags)),
                origin,
                digest,
            ),
        )
        await self._replace_phrasings(db, entry.id, entry.alternates, origin)

    async def _write_entry(self, db: aiosqlite.Connection, entry: Entry, digest: str) -> None:
        await db.execute(
            "UPDATE entries SET kind = ?, question = ?, answer = ?, evidence = ?, tags = ?,"
            " file_hash = ? WHERE id = ?",
            (
                entry.kind,
                entry.question,
                entry.answer,
                _evidence_json(entry.evidence),
                json.dumps(list(entry.tags)),
                digest,
                entry.id,
            ),
        )

    async def _replace_phrasings(
        self, db: aiosqlite.Connection, entry_id: str, texts: Iterable[str], origin: str
    ) -> None:
        await db.execute(
            "DELETE FROM phrasings WHERE entry_id = ? AND origin = ?", (entry_id, origin)
        )
        await db.executemany(
            "INSERT OR IGNORE INTO phrasings (entry_id, text, key, origin, added_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(entry_id, t, phrasing_key(t), origin, _now()) for t in dict.fromkeys(texts)],
        )

    async def _add_moderator_phrasing(
        self, db: aiosqlite.Connection, entry_id: str, text: str, actor: str
    ) -> None:
        await db.execute(
            "INSERT OR IGNORE INTO phrasings (entry_id, text, key, origin, added_by, added_at)"
            " VALUES (?, ?, ?, 'moderator', ?, ?)",
            (entry_id, text, phrasing_key(text), actor, _now()),
        )

    async def _snapshot(self, db: aiosqlite.Connection, entry_id: str) -> dict[str, Any] | None:
        entries = await self._load_entries(db, "e.id = ?", (entry_id,))
        return entry_snapshot(entries[0]) if entries else None

    async def _audit(
        self,
        db: aiosqlite.Connection,
        actor: str,
        action: str,
        entry_id: str | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        guild_id: int | None = None,
    ) -> None:
        await db.execute(
            "INSERT INTO audit_log (at, actor, guild_id, action, entry_id, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _now(),
                actor,
                _str(guild_id),
                action,
                entry_id,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
            ),
        )

    async def _load_entries(
        self, db: aiosqlite.Connection, where: str, params: Sequence[Any] = ()
    ) -> list[Entry]:
        rows = await self._fetch(db, f"SELECT * FROM entries e WHERE {where} ORDER BY e.id", params)
        if not rows:
            return []
        phrasing_rows = await self._fetch(
            db,
            "SELECT entry_id, text FROM phrasings WHERE entry_id IN"
            f" ({','.join('?' * len(rows))}) ORDER BY origin, rowid",
            [r["id"] for r in rows],
        )
        phrasings: dict[str, list[str]] = {}
        for p in phrasing_rows:
            phrasings.setdefault(p["entry_id"], []).append(p["text"])
        return [
            Entry(
                id=r["id"],
                article_id=r["article_id"],
                kind=r["kind"],
                question=r["question"],
                alternates=tuple(phrasings.get(r["id"], ())),
                answer=r["answer"],
                evidence=tuple(Evidence(**e) for e in json.loads(r["evidence"])),
                tags=tuple(json.loads(r["tags"])),
            )
            for r in rows
        ]

    async def articles(self) -> list[Article]:
        rows = await self._rows("SELECT * FROM articles ORDER BY id")
        return [
            Article(
                r["id"],
                r["seed"],
                r["title"],
                r["summary"],
                tuple(json.loads(r["key_points"])),
                {k: tuple(v) for k, v in json.loads(r["aliases"]).items()},
            )
            for r in rows
        ]

    async def entries(self) -> list[Entry]:
        """Every live entry (not removed), with all its phrasings."""
        async with self._lock:
            return await self._load_entries(self._conn, "e.removed = 0")

    async def entry(self, entry_id: str) -> Entry | None:
        async with self._lock:
            found = await self._load_entries(self._conn, "e.id = ? AND e.removed = 0", (entry_id,))
        return found[0] if found else None

    async def entry_origin(self, entry_id: str) -> dict[str, Any] | None:
        rows = await self._rows(
            "SELECT origin, edited_by, edited_at, removed FROM entries WHERE id = ?", (entry_id,)
        )
        return dict(rows[0]) if rows else None

    async def phrasing_owner(self, text: str) -> str | None:
        """The live entry that already has this phrasing (as question or alternate), if any."""
        key = phrasing_key(text)
        rows = await self._rows(
            "SELECT p.entry_id FROM phrasings p JOIN entries e ON e.id = p.entry_id"
            " WHERE p.key = ? AND e.removed = 0 LIMIT 1",
            (key,),
        )
        if rows:
            return rows[0]["entry_id"]
        for entry in await self.entries():
            if phrasing_key(entry.question) == key:
                return entry.id
        return None

    async def add_entry(self, entry: Entry, actor: str, guild_id: int | None = None) -> None:
        async with self._tx() as db:
            if await self._entry_row(db, entry.id) is not None:
                raise StoreError(f"an entry with id {entry.id!r} already exists")
            await self._insert_entry(db, entry, "moderator", None)
            await db.execute(
                "UPDATE entries SET edited_by = ?, edited_at = ? WHERE id = ?",
                (actor, _now(), entry.id),
            )
            await self._audit(db, actor, "add", entry.id, None, entry_snapshot(entry), guild_id)

    async def remove_entry(self, entry_id: str, actor: str, guild_id: int | None = None) -> bool:
        """False if there is no such live entry."""
        async with self._tx() as db:
            row = await self._entry_row(db, entry_id)
            if row is None or row["removed"]:
                return False
            before = await self._snapshot(db, entry_id)
            await db.execute(
                "UPDATE entries SET removed = 1, edited_by = ?, edited_at = ? WHERE id = ?",
                (actor, _now(), entry_id),
            )
            await self._audit(db, actor, "remove", entry_id, before, None, guild_id)
            return True

    async def add_phrasing(
        self, entry_id: str, text: str, actor: str, guild_id: int | None = None
    ) -> None:
        async with self._tx() as db:
            before = await self._snapshot(db, entry_id)
            if before is None:
                raise StoreError(f"no entry {entry_id!r}")
            await self._add_moderator_phrasing(db, entry_id, text, actor)
            after = await self._snapshot(db, entry_id)
            await self._audit(db, actor, "alias", entry_id, before, after, guild_id)

    async def edit_entry(self, entry: Entry, actor: str, guild_id: int | None = None) -> None:
        """A moderator's whole edit at once: kind, question, answer, evidence, tags, alternates.

        An alternate kept keeps its origin (a file's own phrasing still follows its file),
        a new one is the moderator's, one left out is dropped. One audit record.
        """
        async with self._tx() as db:
            before = await self._snapshot(db, entry.id)
            if before is None:
                raise StoreError(f"no entry {entry.id!r}")
            await db.execute(
                "UPDATE entries SET kind = ?, question = ?, answer = ?, evidence = ?, tags = ?,"
                " edited_by = ?, edited_at = ? WHERE id = ?",
                (
                    entry.kind,
                    entry.question,
                    entry.answer,
                    _evidence_json(entry.evidence),
                    json.dumps(list(entry.tags)),
                    actor,
                    _now(),
                    entry.id,
                ),
            )
            keep = list(dict.fromkeys(entry.alternates))
            await db.execute(
                "DELETE FROM phrasings WHERE entry_id = ?"
                f" AND text NOT IN ({','.join('?' * len(keep))})",
                (entry.id, *keep),
            )
            await db.executemany(
                "INSERT OR IGNORE INTO phrasings (entry_id, text, key, origin, added_by, added_at)"
                " VALUES (?, ?, ?, 'moderator', ?, ?)",
                [(entry.id, t, phrasing_key(t), actor, _now()) for t in keep],
            )
            after = await self._snapshot(db, entry.id)
            await self._audit(db, actor, "edit", entry.id, before, after, guild_id)

    async def apply_import(
        self, entries: Sequence[Entry], actor: str, guild_id: int | None = None
    ) -> SyncReport:
        """Apply moderator-supplied entries all at once: new ones added, known ones replaced."""
        report = SyncReport()
        async with self._tx() as db:
            for entry in entries:
                before = await self._snapshot(db, entry.id)
                row = await self._entry_row(db, entry.id)
                if row is None:
                    await self._insert_entry(db, entry, "moderator", None)
                    report.added.append(entry.id)
                elif before is not None and before == entry_snapshot(entry):
                    continue
                else:
                    await self._write_entry(db, entry, row["file_hash"])
                    await db.execute("UPDATE entries SET removed = 0 WHERE id = ?", (entry.id,))
                    await self._replace_phrasings(db, entry.id, (), "file")
                    await self._replace_phrasings(db, entry.id, entry.alternates, "moderator")
                    report.updated.append(entry.id)
                await db.execute(
                    "UPDATE entries SET edited_by = ?, edited_at = ? WHERE id = ?",
                    (actor, _now(), entry.id),
                )
                await self._audit(
                    db, actor, "import", entry.id, before, entry_snapshot(entry), guild_id
                )
        return report

    async def history(self, entry_id: str | None = None, limit: int = 50) -> list[AuditRecord]:
        where, params = ("WHERE entry_id = ?", [entry_id]) if entry_id else ("", [])
        rows = await self._rows(
            f"SELECT * FROM audit_log {where} ORDER BY id DESC LIMIT ?", [*params, limit]
        )
        return [
            AuditRecord(
                r["id"],
                _time(r["at"]),
                r["actor"],
                r["action"],
                r["entry_id"],
                json.loads(r["before"]) if r["before"] else None,
                json.loads(r["after"]) if r["after"] else None,
                _id(r["guild_id"]),
            )
            for r in rows
        ]

    async def audit(
        self, actor: str, action: str, detail: dict[str, Any], guild_id: int | None = None
    ) -> None:
        """Record an action that is not an entry change (settings, refusals, reloads)."""
        async with self._tx() as db:
            await self._audit(db, actor, action, None, None, detail, guild_id)

    # -- questions, feedback and the review queue --------------------------------------------

    async def log_query(self, record: QueryRecord, *, queue: bool = True) -> int:
        """Log an ask; a declined one also lands in (or counts again in) the review queue."""
        now = _now()
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO query_log (asked_at, guild_id, channel_id, user_id, source, question,"
                " answered, entry_id, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    _str(record.guild_id),
                    _str(record.channel_id),
                    _str(record.user_id),
                    record.source,
                    record.question,
                    int(record.answered),
                    record.entry_id,
                    record.confidence,
                ),
            )
            query_id = cursor.lastrowid
            if queue and not record.answered:
                await db.execute(
                    "INSERT INTO review_queue (question_key, question, times_asked, first_asked,"
                    " last_asked) VALUES (?, ?, 1, ?, ?) ON CONFLICT(question_key) DO UPDATE SET"
                    " times_asked = times_asked + 1, last_asked = excluded.last_asked,"
                    " status = CASE WHEN status = 'dismissed' THEN 'open' ELSE status END",
                    (phrasing_key(record.question), record.question, now, now),
                )
        assert query_id is not None
        return query_id

    async def record_feedback(self, query_id: int, user_id: int, helpful: bool) -> bool:
        """Record (or change) one user's verdict on one answer; False if the ask is unknown."""
        async with self._tx() as db:
            rows = await self._fetch(db, "SELECT entry_id FROM query_log WHERE id = ?", (query_id,))
            if not rows:
                return False
            await db.execute(
                "INSERT INTO feedback (query_id, user_id, entry_id, helpful, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(query_id, user_id) DO UPDATE SET"
                " helpful = excluded.helpful, created_at = excluded.created_at",
                (query_id, str(user_id), rows[0]["entry_id"], int(helpful), _now()),
            )
        return True

    async def review_queue(self, limit: int = 10, offset: int = 0) -> list[QueueItem]:
        rows = await self._rows(
            "SELECT * FROM review_queue WHERE status = 'open'"
            " ORDER BY times_asked DESC, last_asked DESC, question_key LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            QueueItem(r["question_key"], r["question"], r["times_asked"], _time(r["last_asked"]))
            for r in rows
        ]

    async def review_count(self) -> int:
        rows = await self._rows("SELECT COUNT(*) FROM review_queue WHERE status = 'open'")
        return int(rows[0][0])

    async def queued(self, question: str) -> QueueItem | None:
        rows = await self._rows(
            "SELECT * FROM review_queue WHERE question_key = ? AND status = 'open'",
            (phrasing_key(question),),
        )
        if not rows:
            return None
        r = rows[0]
        return QueueItem(r["question_key"], r["question"], r["times_asked"], _time(r["last_asked"]))

    async def teach(
        self, question: str, entry_id: str, actor: str, guild_id: int | None = None
    ) -> None:
        """Make a queued question an alternate phrasing of an entry and clear it from the queue."""
        async with self._tx() as db:
            before = await self._snapshot(db, entry_id)
            if before is None:
                raise StoreError(f"no entry {entry_id!r}")
            await self._add_moderator_phrasing(db, entry_id, question, actor)
            await db.execute(
                "UPDATE review_queue SET status = 'taught', entry_id = ? WHERE question_key = ?",
                (entry_id, phrasing_key(question)),
            )
            after = await self._snapshot(db, entry_id)
            await self._audit(db, actor, "teach", entry_id, before, after, guild_id)

    async def activity(self, guild_id: int | None, start: datetime, end: datetime) -> Activity:
        """Asks in [start, end) for one guild (or all, with None)."""
        where = "asked_at >= ? AND asked_at < ?"
        params: list[Any] = [
            start.astimezone(UTC).isoformat(timespec="seconds"),
            end.astimezone(UTC).isoformat(timespec="seconds"),
        ]
        if guild_id is not None:
            where += " AND guild_id = ?"
            params.append(str(guild_id))
        totals = await self._rows(
            f"SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM query_log WHERE {where}", params
        )
        top = await self._rows(
            f"SELECT question, COUNT(*) AS n FROM query_log WHERE {where}"
            " GROUP BY lower(question) ORDER BY n DESC, MIN(id) LIMIT 3",
            params,
        )
        return Activity(
            int(totals[0][0]), int(totals[0][1]), [(r["question"], int(r["n"])) for r in top]
        )

    async def stats(self) -> dict[str, Any]:
        rows = await self._rows(
            "SELECT (SELECT COUNT(*) FROM entries WHERE removed = 0) AS entries,"
            " (SELECT COUNT(*) FROM phrasings p JOIN entries e ON e.id = p.entry_id"
            "   WHERE e.removed = 0) AS phrasings,"
            " (SELECT COUNT(*) FROM query_log) AS asked,"
            " (SELECT COALESCE(SUM(answered), 0) FROM query_log) AS answered,"
            " (SELECT COUNT(*) FROM feedback WHERE helpful = 1) AS helpful,"
            " (SELECT COUNT(*) FROM feedback WHERE helpful = 0) AS not_helpful,"
            " (SELECT COUNT(*) FROM review_queue WHERE status = 'open') AS waiting"
        )
        top = await self._rows(
            "SELECT entry_id, COUNT(*) AS n FROM query_log WHERE answered = 1"
            " GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT 5"
        )
        return {**dict(rows[0]), "top_entries": [(r["entry_id"], r["n"]) for r in top]}

    # -- guild settings and the digest log ----------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        rows = await self._rows("SELECT * FROM guild_settings WHERE guild_id = ?", (str(guild_id),))
        return _settings(rows[0]) if rows else GuildSettings(guild_id)

    async def update_guild_settings(
        self, guild_id: int, actor: str, **changes: Any
    ) -> GuildSettings:
        async with self._tx() as db:
            rows = await self._fetch(
                db, "SELECT * FROM guild_settings WHERE guild_id = ?", (str(guild_id),)
            )
            before = _settings(rows[0]) if rows else GuildSettings(guild_id)
            after = replace(before, **changes)
            await db.execute(
                "INSERT INTO guild_settings (guild_id, ask_channel_id, mod_role_id,"
                " digest_channel_id, digest_time, digest_tz, digest_enabled, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(guild_id) DO UPDATE SET"
                " ask_channel_id = excluded.ask_channel_id, mod_role_id = excluded.mod_role_id,"
                " digest_channel_id = excluded.digest_channel_id,"
                " digest_time = excluded.digest_time, digest_tz = excluded.digest_tz,"
                " digest_enabled = excluded.digest_enabled, updated_at = excluded.updated_at",
                (
                    str(guild_id),
                    _str(after.ask_channel_id),
                    _str(after.mod_role_id),
                    _str(after.digest_channel_id),
                    after.digest_time,
                    after.digest_tz,
                    int(after.digest_enabled),
                    _now(),
                ),
            )
            await self._audit(db, actor, "settings", None, _plain(before), _plain(after), guild_id)
        return after

    async def digest_guilds(self) -> list[GuildSettings]:
        rows = await self._rows(
            "SELECT * FROM guild_settings WHERE digest_enabled = 1"
            " AND digest_channel_id IS NOT NULL ORDER BY guild_id"
        )
        return [_settings(r) for r in rows]

    async def claim_digest(self, guild_id: int, local_date: str, channel_id: int) -> bool:
        """Record the day's digest before it is sent; False if that day is already claimed."""
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO digest_log (guild_id, local_date, status, channel_id,"
                " created_at) VALUES (?, ?, 'claimed', ?, ?)",
                (str(guild_id), local_date, str(channel_id), _now()),
            )
            return cursor.rowcount == 1

    async def finish_digest(
        self,
        guild_id: int,
        local_date: str,
        status: str,
        message_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE digest_log SET status = ?, message_id = ?, detail = ?"
                " WHERE guild_id = ? AND local_date = ?",
                (status, _str(message_id), detail, str(guild_id), local_date),
            )

    async def digest_record(self, guild_id: int, local_date: str) -> DigestRecord | None:
        rows = await self._rows(
            "SELECT * FROM digest_log WHERE guild_id = ? AND local_date = ?",
            (str(guild_id), local_date),
        )
        if not rows:
            return None
        r = rows[0]
        return DigestRecord(
            guild_id,
            r["local_date"],
            r["status"],
            _id(r["channel_id"]),
            _id(r["message_id"]),
            r["detail"],
        )

    async def last_digest(self, guild_id: int) -> DigestRecord | None:
        rows = await self._rows(
            "SELECT local_date FROM digest_log WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1",
            (str(guild_id),),
        )
        return await self.digest_record(guild_id, rows[0]["local_date"]) if rows else None

    async def digest_count(self, guild_id: int) -> int:
        rows = await self._rows(
            "SELECT COUNT(*) FROM digest_log WHERE guild_id = ?", (str(guild_id),)
        )
        return int(rows[0][0])


def _evidence_json(evidence: Iterable[Evidence]) -> str:
    return json.dumps([asdict(e) for e in evidence], ensure_ascii=False)


def _settings(row: aiosqlite.Row) -> GuildSettings:
    return GuildSettings(
        guild_id=int(row["guild_id"]),
        ask_channel_id=_id(row["ask_channel_id"]),
        mod_role_id=_id(row["mod_role_id"]),
        digest_channel_id=_id(row["digest_channel_id"]),
        digest_time=row["digest_time"],
        digest_tz=row["digest_tz"],
        digest_enabled=bool(row["digest_enabled"]),
    )


def _plain(settings: GuildSettings) -> dict[str, Any]:
    return {
        k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v)
        for k, v in asdict(settings).items()
    }


def _explain(exc: sqlite3.Error, path: Path, timeout: float) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return (
            f"the database {path} is locked by another process (waited {timeout:g} s);"
            " stop the other briefbot or try again"
        )
    if "readonly" in text or "read-only" in text:
        return f"the database {path} is read-only; check the file's permissions"
    if "not a database" in text or "malformed" in text:
        return f"{path} is not a usable briefbot database ({text})"
    return f"database error on {path}: {text}"
