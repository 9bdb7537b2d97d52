"""Servers: their settings, their choice of articles, and their life (joined, left, forgotten)."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

from bot.store.audit import bump, record
from bot.store.codec import Clock, snowflake, stamp, text_id, time_of
from bot.store.database import Connection, Database, fetch_one
from bot.store.records import GuildSettings

_SETTINGS = (
    "ask_channel_id",
    "mod_role_id",
    "digest_channel_id",
    "digest_time",
    "digest_tz",
    "digest_enabled",
)


def _settings(r: Any) -> GuildSettings:
    return GuildSettings(
        guild_id=int(r["guild_id"]),
        ask_channel_id=snowflake(r["ask_channel_id"]),
        mod_role_id=snowflake(r["mod_role_id"]),
        digest_channel_id=snowflake(r["digest_channel_id"]),
        digest_time=r["digest_time"],
        digest_tz=r["digest_tz"],
        digest_enabled=bool(r["digest_enabled"]),
        joined_at=time_of(r["joined_at"]),
        left_at=time_of(r["left_at"]),
        version=int(r["version"]),
    )


def _plain(settings: GuildSettings) -> dict[str, Any]:
    data = asdict(settings)
    return {
        k: (str(v) if isinstance(v, int) and not isinstance(v, bool) else v)
        for k, v in data.items()
        if k in _SETTINGS
    }


class Guilds:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def get(self, guild_id: int) -> GuildSettings:
        row = await fetch_one(self._db, "SELECT * FROM guilds WHERE guild_id = ?", (str(guild_id),))
        return _settings(row) if row else GuildSettings(guild_id)

    async def all(self) -> list[GuildSettings]:
        return [
            _settings(r) for r in await self._db.fetch("SELECT * FROM guilds ORDER BY guild_id")
        ]

    async def joined(self, guild_id: int) -> GuildSettings:
        """The bot is in this server (at start or on joining): known from now on, and no
        longer leaving if it had left."""
        now = stamp(self._clock())
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO guilds (guild_id, joined_at, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET left_at = NULL",
                (str(guild_id), now, now),
            )
        return await self.get(guild_id)

    async def left(self, guild_id: int) -> None:
        """The bot was removed: the server's data waits out the grace period, then goes."""
        await self._db.execute(
            "UPDATE guilds SET left_at = ? WHERE guild_id = ? AND left_at IS NULL",
            (stamp(self._clock()), str(guild_id)),
        )

    async def left_before(self, cutoff: datetime) -> list[int]:
        rows = await self._db.fetch(
            "SELECT guild_id FROM guilds WHERE left_at IS NOT NULL AND left_at < ?",
            (stamp(cutoff),),
        )
        return [int(r["guild_id"]) for r in rows]

    async def update(self, guild_id: int, actor: str, **changes: Any) -> GuildSettings:
        now = stamp(self._clock())
        async with self._db.transaction() as tx:
            row = await fetch_one(tx, "SELECT * FROM guilds WHERE guild_id = ?", (str(guild_id),))
            before = _settings(row) if row else GuildSettings(guild_id)
            after = replace(before, **changes)
            await tx.execute(
                "INSERT INTO guilds (guild_id, ask_channel_id, mod_role_id, digest_channel_id,"
                " digest_time, digest_tz, digest_enabled, joined_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id) DO UPDATE SET"
                " ask_channel_id = excluded.ask_channel_id, mod_role_id = excluded.mod_role_id,"
                " digest_channel_id = excluded.digest_channel_id,"
                " digest_time = excluded.digest_time, digest_tz = excluded.digest_tz,"
                " digest_enabled = excluded.digest_enabled, updated_at = excluded.updated_at",
                (
                    str(guild_id),
                    text_id(after.ask_channel_id),
                    text_id(after.mod_role_id),
                    text_id(after.digest_channel_id),
                    after.digest_time,
                    after.digest_tz,
                    int(after.digest_enabled),
                    now,
                    now,
                ),
            )
            await record(
                tx, self._clock, actor, "settings", guild_id, None, _plain(before), _plain(after)
            )
            await bump(tx, guild_id)
        return await self.get(guild_id)

    async def changed_since(self, version: int) -> list[tuple[int, int]]:
        """(server, its version) for every server changed after `version` (indexed)."""
        rows = await self._db.fetch(
            "SELECT guild_id, version FROM guilds WHERE version > ? ORDER BY guild_id", (version,)
        )
        return [(int(r["guild_id"]), int(r["version"])) for r in rows]

    async def digest_guilds(self) -> list[GuildSettings]:
        rows = await self._db.fetch(
            "SELECT * FROM guilds WHERE digest_enabled = 1 AND digest_channel_id IS NOT NULL"
            " AND left_at IS NULL ORDER BY guild_id"
        )
        return [_settings(r) for r in rows]

    # -- articles a server has chosen -----------------------------------------------------------

    async def article_choices(self, guild_id: int) -> dict[str, bool]:
        rows = await self._db.fetch(
            "SELECT article_id, active FROM guild_articles WHERE guild_id = ?", (str(guild_id),)
        )
        return {r["article_id"]: bool(r["active"]) for r in rows}

    async def all_article_choices(self) -> dict[int, dict[str, bool]]:
        found: dict[int, dict[str, bool]] = {}
        for r in await self._db.fetch("SELECT guild_id, article_id, active FROM guild_articles"):
            found.setdefault(int(r["guild_id"]), {})[r["article_id"]] = bool(r["active"])
        return found

    async def choose_article(
        self, guild_id: int, article_id: str, active: bool, actor: str
    ) -> None:
        now = stamp(self._clock())
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO guild_articles (guild_id, article_id, active, changed_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, article_id) DO UPDATE SET"
                " active = excluded.active, changed_at = excluded.changed_at",
                (str(guild_id), article_id, int(active), now),
            )
            await record(
                tx,
                self._clock,
                actor,
                "article-on" if active else "article-off",
                guild_id,
                None,
                None,
                {"article": article_id},
            )
            await bump(tx, guild_id)

    async def featured(self, guild_id: int) -> dict[str, str | None]:
        """Article -> the digest day that introduced it in this server (None: not yet)."""
        rows = await self._db.fetch(
            "SELECT article_id, featured_on FROM guild_articles WHERE guild_id = ?",
            (str(guild_id),),
        )
        return {r["article_id"]: r["featured_on"] for r in rows}

    async def mark_featured(self, guild_id: int, article_ids: list[str], day: str) -> None:
        now = stamp(self._clock())
        async with self._db.transaction() as tx:
            for article_id in article_ids:
                await tx.execute(
                    "INSERT INTO guild_articles (guild_id, article_id, active, changed_at,"
                    " featured_on) VALUES (?, ?, 1, ?, ?) ON CONFLICT (guild_id, article_id)"
                    " DO UPDATE SET featured_on = excluded.featured_on",
                    (str(guild_id), article_id, now, day),
                )

    async def purge(self, tx: Connection, guild_id: int) -> None:
        gid = text_id(guild_id)
        await tx.execute("DELETE FROM guild_articles WHERE guild_id = ?", (gid,))
        await tx.execute("DELETE FROM guilds WHERE guild_id = ?", (gid,))
        await tx.execute("DELETE FROM audit_log WHERE guild_id = ?", (gid,))
