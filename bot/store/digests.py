"""The digest log: one digest per server per local day, claimed before it is sent."""

from __future__ import annotations

from typing import Any

from bot.store.codec import Clock, snowflake, stamp, text_id
from bot.store.database import Connection, Database, fetch_one
from bot.store.records import DigestRecord


def _record(r: Any) -> DigestRecord:
    return DigestRecord(
        int(r["guild_id"]),
        r["local_date"],
        r["status"],
        snowflake(r["channel_id"]),
        snowflake(r["message_id"]),
        r["detail"],
        r["nonce"],
    )


class Digests:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def claim(self, guild_id: int, local_date: str, channel_id: int, nonce: str) -> bool:
        """Record the day's digest (and the nonce it will be sent with) before sending; False if
        the day is already claimed, by this process or another."""
        async with self._db.transaction() as tx:
            rows = await tx.fetch(
                "INSERT INTO digest_log (guild_id, local_date, status, channel_id, nonce,"
                " created_at) VALUES (?, ?, 'claimed', ?, ?, ?) ON CONFLICT DO NOTHING"
                " RETURNING guild_id",
                (str(guild_id), local_date, str(channel_id), nonce, stamp(self._clock())),
            )
        return bool(rows)

    async def finish(
        self,
        guild_id: int,
        local_date: str,
        status: str,
        message_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        await self._db.execute(
            "UPDATE digest_log SET status = ?, message_id = ?, detail = ?"
            " WHERE guild_id = ? AND local_date = ?",
            (status, text_id(message_id), detail, str(guild_id), local_date),
        )

    async def record(self, guild_id: int, local_date: str) -> DigestRecord | None:
        row = await fetch_one(
            self._db,
            "SELECT * FROM digest_log WHERE guild_id = ? AND local_date = ?",
            (str(guild_id), local_date),
        )
        return _record(row) if row else None

    async def unsent(self) -> list[DigestRecord]:
        """Days claimed but never marked sent or failed: a crash came between."""
        rows = await self._db.fetch(
            "SELECT * FROM digest_log WHERE status = 'claimed' ORDER BY guild_id, local_date"
        )
        return [_record(r) for r in rows]

    async def last(self, guild_id: int) -> DigestRecord | None:
        row = await fetch_one(
            self._db,
            "SELECT * FROM digest_log WHERE guild_id = ? ORDER BY local_date DESC LIMIT 1",
            (str(guild_id),),
        )
        return _record(row) if row else None

    async def count(self, guild_id: int) -> int:
        row = await fetch_one(
            self._db, "SELECT COUNT(*) AS n FROM digest_log WHERE guild_id = ?", (str(guild_id),)
        )
        return int(row["n"]) if row else 0

    async def purge_guild(self, tx: Connection, guild_id: int) -> None:
        await tx.execute("DELETE FROM digest_log WHERE guild_id = ?", (str(guild_id),))
