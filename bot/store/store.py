"""The store: one async data-access layer over a backend, split by concern.

store.articles   articles, retirement, the shared aliases
store.entries    the shared base and each server's overlay
store.asks       asks, feedback, the review queue, proposals and figures
store.guilds     server settings, article choices, joining and leaving
store.digests    the digest log
store.audit      the audit log
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.database_url import is_postgres, parse
from bot.store.activity import Asks
from bot.store.articles import Articles
from bot.store.audit import AuditLog
from bot.store.codec import Clock, utc_now
from bot.store.database import Database, fetch_one, latest_migration, migrations
from bot.store.digests import Digests
from bot.store.entries import Entries
from bot.store.guilds import Guilds
from bot.store.sqlite import SQLiteDatabase


async def open_database(target: str | Path, timeout: float = 5.0) -> Database:
    """The backend for a location; PostgreSQL's driver is imported only when it is used."""
    if is_postgres(target):
        from bot.store.postgres import PostgresDatabase

        return await PostgresDatabase.open(str(target), timeout)
    location = parse(target)
    assert isinstance(location, Path)
    return await SQLiteDatabase.open(location, timeout)


class Store:
    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self.articles = Articles(db, clock)
        self.entries = Entries(db, clock)
        self.asks = Asks(db, clock)
        self.guilds = Guilds(db, clock)
        self.digests = Digests(db, clock)
        self.audit = AuditLog(db, clock)

    @classmethod
    async def connect(
        cls, target: str | Path, timeout: float = 5.0, clock: Clock = utc_now
    ) -> Store:
        """Open the store at `target` (a SQLite path, a `sqlite:///` or a `postgresql://` URL),
        creating and migrating it as needed."""
        db = await open_database(target, timeout)
        try:
            if await db.schema_version() < latest_migration(db.dialect):
                await db.migrate(migrations(db.dialect))
        except BaseException:
            await db.close()
            raise
        return cls(db, clock)

    @classmethod
    async def open(cls, path: Path, timeout: float = 5.0, clock: Clock = utc_now) -> Store:
        """The SQLite file at `path` (the older spelling of `connect`)."""
        return await cls.connect(path, timeout, clock)

    @property
    def name(self) -> str:
        return self.db.name

    async def schema_version(self) -> int:
        return await self.db.schema_version()

    async def version(self) -> int:
        """The change counter: it moves on every curation write, in any process."""
        row = await fetch_one(self.db, "SELECT value FROM meta WHERE key = 'version'")
        return int(row["value"]) if row else 0

    async def versions(self) -> tuple[int, str | None]:
        """The change counter, and its value at the base's last change (None: never)."""
        rows = await self.db.fetch(
            "SELECT key, value FROM meta WHERE key = 'version' OR key = 'base_version'"
        )
        found = {r["key"]: r["value"] for r in rows}
        return int(found.get("version", 0)), found.get("base_version")

    async def meta(self, key: str) -> str | None:
        row = await fetch_one(self.db, "SELECT value FROM meta WHERE key = ?", (key,))
        return str(row["value"]) if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
            " SET value = excluded.value",
            (key, value),
        )

    async def forget_guild(self, guild_id: int) -> None:
        """Everything a server left behind, gone in one transaction."""
        async with self.db.transaction() as tx:
            await self.entries.purge_guild(tx, guild_id)
            await self.asks.purge_guild(tx, guild_id)
            await self.digests.purge_guild(tx, guild_id)
            await self.guilds.purge(tx, guild_id)

    async def forget_left_guilds(self, cutoff: datetime) -> list[int]:
        gone = await self.guilds.left_before(cutoff)
        for guild_id in gone:
            await self.forget_guild(guild_id)
        return gone

    async def ping(self) -> bool:
        return await self.db.ping()

    async def close(self) -> None:
        try:
            await self.asks.close()
        finally:
            await self.db.close()
