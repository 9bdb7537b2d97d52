"""The audit log: who changed what, when, before and after; and the change counter that tells
other processes to refresh."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.models import EntryKey
from bot.store.codec import Clock, dumps, snowflake, stamp, text_id
from bot.store.database import Connection, Database, fetch_one
from bot.store.records import AuditRecord, Scope


async def record(
    tx: Connection,
    clock: Clock,
    actor: str,
    action: str,
    scope: Scope,
    key: EntryKey | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """One audit row, written in the caller's transaction (so it stands or falls with it)."""
    await tx.execute(
        "INSERT INTO audit_log (at, actor, guild_id, action, article_id, entry_id, before, after)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            stamp(clock()),
            actor,
            text_id(scope),
            action,
            key[0] if key else None,
            key[1] if key else None,
            dumps(before) if before is not None else None,
            dumps(after) if after is not None else None,
        ),
    )


async def bump(tx: Connection, scope: Scope) -> int:
    """Count a change of the base (scope None) or of one server's overlay; other processes
    compare the counter to know what to reload."""
    rows = await tx.fetch(
        "INSERT INTO meta (key, value) VALUES ('version', '1') ON CONFLICT (key) DO UPDATE"
        " SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT) RETURNING value"
    )
    version = int(rows[0]["value"])
    if scope is None:
        await tx.execute(
            "INSERT INTO meta (key, value) VALUES ('base_version', ?) ON CONFLICT (key) DO UPDATE"
            " SET value = excluded.value",
            (str(version),),
        )
    else:
        await tx.execute(
            "UPDATE guilds SET version = ? WHERE guild_id = ?", (version, text_id(scope))
        )
    return version


class AuditLog:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def write(
        self, actor: str, action: str, scope: Scope, detail: dict[str, Any] | None = None
    ) -> None:
        """An action that changes no entry (settings, refusals, reloads, exports)."""
        async with self._db.transaction() as tx:
            await record(tx, self._clock, actor, action, scope, None, None, detail)

    async def history(
        self, scope: Scope, key: EntryKey | None = None, limit: int = 50
    ) -> list[AuditRecord]:
        """A server's own records (and, for one entry, what the files did to it), latest first;
        for the base (None), the base's records only."""
        where = "guild_id = ?" if scope is not None else "guild_id IS NULL"
        params: list[Any] = [text_id(scope)] if scope is not None else []
        if key is not None:
            where = f"({where} OR guild_id IS NULL) AND article_id = ? AND entry_id = ?"
            params += [key[0], key[1]]
        rows = await self._db.fetch(
            f"SELECT * FROM audit_log WHERE {where} ORDER BY id DESC LIMIT ?", [*params, limit]
        )
        return [_audit(r) for r in rows]

    async def count(self, scope: Scope, action: str) -> int:
        row = await fetch_one(
            self._db,
            "SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND "
            + ("guild_id = ?" if scope is not None else "guild_id IS NULL"),
            (action, text_id(scope)) if scope is not None else (action,),
        )
        return int(row["n"]) if row else 0


def _audit(r: Any) -> AuditRecord:
    return AuditRecord(
        r["id"],
        datetime.fromisoformat(r["at"]),
        r["actor"],
        r["action"],
        r["entry_id"],
        json.loads(r["before"]) if r["before"] else None,
        json.loads(r["after"]) if r["after"] else None,
        snowflake(r["guild_id"]),
        r["article_id"],
    )
