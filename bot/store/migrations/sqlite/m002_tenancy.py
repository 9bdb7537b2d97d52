"""Move a one-server database (schema 1) into the per-server schema without losing anything.

- Ids never change: a stored key is article + id, and every old entry belongs to one article.
- A moderator's change becomes an overlay of each server named in that entry's audit records
  (before, every server saw every change, so each keeps what it saw); a change made from the
  command line (no server) becomes base.
- The review queue is rebuilt per server from the query log (a question taught stays taught
  in the server that taught it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from bot.store.database import Connection
from bot.text.normalize import phrasing_key

_CHANGES = ("add", "edit", "remove", "alias", "teach", "import")


async def upgrade(db: Connection) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    await _articles(db, now)
    guilds_of = await _guilds_per_entry(db)
    await _entries(db, guilds_of, now)
    await _activity(db)
    await _guilds(db, now)
    await _audit_and_digests(db)
    for table in (
        "v1_phrasings",
        "v1_feedback",
        "v1_review_queue",
        "v1_query_log",
        "v1_entries",
        "v1_articles",
        "v1_guild_settings",
        "v1_digest_log",
        "v1_audit_log",
    ):
        await db.execute(f"DROP TABLE {table}")


async def _articles(db: Connection, now: str) -> None:
    await db.execute(
        "INSERT INTO articles (id, seed, title, summary, key_points, aliases, added_at, synced_at)"
        " SELECT id, seed, title, summary, key_points, aliases, synced_at, synced_at"
        " FROM v1_articles"
    )


async def _guilds_per_entry(db: Connection) -> dict[str, list[str | None]]:
    """Entry id -> the servers (None: the command line) that changed it, oldest first."""
    found: dict[str, list[str | None]] = defaultdict(list)
    rows = await db.fetch(
        "SELECT entry_id, guild_id FROM v1_audit_log WHERE entry_id IS NOT NULL"
        f" AND action IN ({','.join('?' * len(_CHANGES))}) ORDER BY id",
        _CHANGES,
    )
    for row in rows:
        if row["guild_id"] not in found[row["entry_id"]]:
            found[row["entry_id"]].append(row["guild_id"])
    return found


async def _entries(db: Connection, guilds_of: dict[str, list[str | None]], now: str) -> None:
    phrasings: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in await db.fetch("SELECT entry_id, text, origin FROM v1_phrasings ORDER BY rowid"):
        phrasings[row["entry_id"]].append((row["text"], row["origin"]))
    for row in await db.fetch("SELECT * FROM v1_entries ORDER BY id"):
        own = phrasings.get(row["id"], [])
        file_alternates = [t for t, origin in own if origin == "file"]
        all_alternates = [t for t, _ in own]
        moderated = row["origin"] == "moderator" or row["edited_at"] or row["removed"]
        taught = [t for t, origin in own if origin == "moderator"]
        guilds = guilds_of.get(row["id"], [None]) if (moderated or taught) else []
        servers = [g for g in guilds if g is not None]
        by_cli = None in guilds or not servers
        if row["origin"] == "file":
            # The base keeps the file's version; a moderator's edit made from the command line
            # stays base (as the owner's). The next sync brings any file change.
            edited_in_base = bool(row["edited_at"] or row["removed"]) and by_cli
            await _base_row(
                db,
                row,
                file_alternates if not edited_in_base else all_alternates,
                "owner" if edited_in_base else "file",
                now,
            )
            if row["removed"] and by_cli:
                await db.execute(
                    "UPDATE entries SET withheld = 'removed from the command line' WHERE id = ?",
                    (row["id"],),
                )
        elif by_cli:
            await _base_row(db, row, all_alternates, "owner", now)
        for guild in servers:
            if row["origin"] == "moderator":
                await _server_row(db, guild, row, "added", all_alternates, now)
            elif row["edited_at"] or row["removed"]:
                await _server_row(db, guild, row, "edited", all_alternates, now)
            else:
                for text in taught:
                    await db.execute(
                        "INSERT INTO server_phrasings (guild_id, article_id, entry_id, key, text,"
                        " origin, added_by, added_at) VALUES (?, ?, ?, ?, ?, 'alias', NULL, ?)"
                        " ON CONFLICT DO NOTHING",
                        (guild, row["article_id"], row["id"], phrasing_key(text), text, now),
                    )


async def _base_row(db: Connection, row: Any, alternates: list[str], origin: str, now: str) -> None:
    await db.execute(
        "INSERT INTO entries (article_id, id, kind, question, alternates, answer, evidence, tags,"
        " origin, file_hash, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row["article_id"],
            row["id"],
            row["kind"],
            row["question"],
            json.dumps(alternates, ensure_ascii=False),
            row["answer"],
            row["evidence"],
            row["tags"],
            origin,
            # An edited file entry's stored text is the moderator's: force the next sync to
            # write the file's version into the base.
            row["file_hash"] if not row["edited_at"] else None,
            row["edited_at"] or now,
        ),
    )


async def _server_row(
    db: Connection, guild: str, row: Any, origin: str, alternates: list[str], now: str
) -> None:
    removed_only = origin == "edited" and row["removed"] and not row["edited_at"]
    content = None if removed_only else row
    await db.execute(
        "INSERT INTO server_entries (guild_id, article_id, id, origin, kind, question, alternates,"
        " answer, evidence, tags, removed, base_hash, noticed_hash, edited_by, edited_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            guild,
            row["article_id"],
            row["id"],
            origin,
            content["kind"] if content else None,
            content["question"] if content else None,
            json.dumps(alternates, ensure_ascii=False) if content else None,
            content["answer"] if content else None,
            content["evidence"] if content else None,
            content["tags"] if content else None,
            int(bool(row["removed"])),
            row["file_hash"],
            row["file_hash"],
            row["edited_by"] or "migration",
            row["edited_at"] or now,
        ),
    )


async def _activity(db: Connection) -> None:
    await db.execute(
        "INSERT INTO asks (id, asked_at, guild_id, channel_id, user_id, source, question, reply,"
        " article_id, entry_id, confidence)"
        " SELECT q.id, q.asked_at, q.guild_id, q.channel_id, q.user_id, q.source, q.question,"
        " CASE WHEN q.answered = 1 THEN 'answer' ELSE 'decline' END,"
        " (SELECT e.article_id FROM v1_entries e WHERE e.id = q.entry_id), q.entry_id,"
        " q.confidence FROM v1_query_log q"
    )
    await db.execute(
        "INSERT INTO feedback (query_id, user_id, helpful, created_at)"
        " SELECT query_id, user_id, helpful, created_at FROM v1_feedback"
    )
    # The queue, per server: only questions that were queued (an ask with nothing to match
    # never was), counted in the server where they were asked.
    queued = {r["question_key"]: r for r in await db.fetch("SELECT * FROM v1_review_queue")}
    taught_in = {
        (r["guild_id"] or "", r["entry_id"])
        for r in await db.fetch(
            "SELECT guild_id, entry_id FROM v1_audit_log WHERE action = 'teach'"
        )
    }
    counts: dict[tuple[str, str], list[Any]] = {}
    for ask in await db.fetch(
        "SELECT guild_id, question, asked_at FROM v1_query_log WHERE answered = 0 ORDER BY id"
    ):
        key = phrasing_key(ask["question"])
        if key not in queued:
            continue
        scope = ask["guild_id"] or ""
        item = counts.setdefault((scope, key), [ask["question"], 0, ask["asked_at"], ""])
        item[1] += 1
        item[3] = ask["asked_at"]
    for (scope, key), (question, times, first, last) in counts.items():
        old = queued[key]
        taught = old["status"] == "taught" and (scope, old["entry_id"]) in taught_in
        status = "taught" if taught else ("dismissed" if old["status"] == "dismissed" else "open")
        entry_id = old["entry_id"] if taught else None
        article = await db.fetch("SELECT article_id FROM v1_entries WHERE id = ?", (entry_id,))
        await db.execute(
            "INSERT INTO review_queue (scope, question_key, question, times_asked, first_asked,"
            " last_asked, status, article_id, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                scope,
                key,
                question,
                times,
                first,
                last,
                status,
                article[0]["article_id"] if article else None,
                entry_id,
            ),
        )
    await db.execute(
        "INSERT INTO counters (name, value) VALUES ('asks', (SELECT COALESCE(MAX(id), 0) + 1"
        " FROM asks))"
    )


async def _guilds(db: Connection, now: str) -> None:
    """Every server the old database knew of, with every existing article active there."""
    known: dict[str, str] = {}
    for sql in (
        "SELECT guild_id, MIN(updated_at) AS first FROM v1_guild_settings GROUP BY guild_id",
        "SELECT guild_id, MIN(asked_at) AS first FROM v1_query_log WHERE guild_id IS NOT NULL"
        " GROUP BY guild_id",
        "SELECT guild_id, MIN(at) AS first FROM v1_audit_log WHERE guild_id IS NOT NULL"
        " GROUP BY guild_id",
        "SELECT guild_id, MIN(created_at) AS first FROM v1_digest_log GROUP BY guild_id",
    ):
        for row in await db.fetch(sql):
            first = row["first"]
            known[row["guild_id"]] = min(known.get(row["guild_id"], first), first)
    settings = {r["guild_id"]: r for r in await db.fetch("SELECT * FROM v1_guild_settings")}
    articles = [r["id"] for r in await db.fetch("SELECT id FROM v1_articles")]
    for guild, first in sorted(known.items()):
        s = settings.get(guild)
        await db.execute(
            "INSERT INTO guilds (guild_id, ask_channel_id, mod_role_id, digest_channel_id,"
            " digest_time, digest_tz, digest_enabled, joined_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guild,
                s["ask_channel_id"] if s else None,
                s["mod_role_id"] if s else None,
                s["digest_channel_id"] if s else None,
                s["digest_time"] if s else None,
                s["digest_tz"] if s else None,
                s["digest_enabled"] if s else 0,
                first,
                s["updated_at"] if s else now,
            ),
        )
        for article in articles:
            # Already shown in earlier digests: not featured again as new.
            await db.execute(
                "INSERT INTO guild_articles (guild_id, article_id, active, changed_at,"
                " featured_on) VALUES (?, ?, 1, ?, ?)",
                (guild, article, now, now[:10]),
            )


async def _audit_and_digests(db: Connection) -> None:
    await db.execute(
        "INSERT INTO audit_log (id, at, actor, guild_id, action, article_id, entry_id, before,"
        " after) SELECT a.id, a.at, a.actor, a.guild_id, a.action,"
        " (SELECT e.article_id FROM v1_entries e WHERE e.id = a.entry_id), a.entry_id, a.before,"
        " a.after FROM v1_audit_log a"
    )
    await db.execute(
        "INSERT INTO digest_log (guild_id, local_date, status, channel_id, message_id, detail,"
        " created_at) SELECT guild_id, local_date, status, channel_id, message_id, detail,"
        " created_at FROM v1_digest_log"
    )
