"""Narrow reads for the front ends: a server sees only its own activity, queue and history."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.models import EntryKey
from bot.store.records import (
    Activity,
    AuditRecord,
    DigestRecord,
    Flag,
    GuildSettings,
    Proposal,
    QueueItem,
    Scope,
)

if TYPE_CHECKING:
    from bot.service.state import State
    from bot.store import Store


class Reads:
    _store: Store
    _state: State

    async def ids_taken(self, guild_id: int, article_id: str) -> set[str]:
        return await self._store.entries.ids_taken(guild_id, article_id)

    def origin(self, guild_id: int | None, key: EntryKey) -> str:
        """Where an entry as this server sees it comes from, in words for moderators."""
        own = self._state.overlays.get(guild_id) if guild_id is not None else None
        item = own.entries.get(key) if own else None
        if item is not None:
            return (
                "added by this server's moderators"
                if item.origin == "added"
                else ("edited by this server's moderators")
            )
        if own is not None and key in own.phrasings:
            return "from the files, with phrasings taught here"
        row = self._state.base_rows.get(key)
        if row is not None and row.origin == "owner":
            return "from the bot's owner"
        if row is not None and not row.entry.reviewed:
            return "draft from `briefbot build --draft`, not reviewed yet"
        return "from the knowledge files"

    def chosen_articles(self, guild_id: int) -> set[str]:
        """Articles a server's moderators turned on themselves (not there from its start)."""
        return {a for a, on in self._state.choices.get(guild_id, {}).items() if on}

    async def recent_asks(self, guild_id: int, limit: int = 25) -> list[dict[str, Any]]:
        return await self._store.asks.recent(guild_id, limit)

    async def logged_ask(self, guild_id: int, query_id: int) -> dict[str, Any] | None:
        """One ask's log row, if it was asked in this server (never another server's)."""
        row = await self._store.asks.get(query_id)
        if row is None or row["guild_id"] != str(guild_id):
            return None
        return row

    async def queue(self, scope: Scope, limit: int = 10, offset: int = 0) -> list[QueueItem]:
        return await self._store.asks.queue(scope, limit, offset)

    async def queue_count(self, scope: Scope) -> int:
        return await self._store.asks.queue_count(scope)

    async def proposals(self, guild_id: int) -> list[Proposal]:
        return await self._store.asks.proposals(guild_id)

    async def flags(self, guild_id: int) -> list[Flag]:
        return await self._store.asks.flags(guild_id)

    async def history(
        self, scope: Scope, key: EntryKey | None = None, limit: int = 50
    ) -> list[AuditRecord]:
        return await self._store.audit.history(scope, key, limit)

    async def stats(self, guild_id: int | None) -> dict[str, Any]:
        return await self._store.asks.stats(guild_id)

    async def stats_per_server(self) -> list[tuple[str | None, int, int]]:
        return await self._store.asks.per_guild()

    async def activity(self, guild_id: int | None, start: datetime, end: datetime) -> Activity:
        return await self._store.asks.activity(guild_id, start, end)

    # -- the digest log (claimed before sending, so once per server and day) ----------------

    async def digest_guilds(self) -> list[GuildSettings]:
        return await self._store.guilds.digest_guilds()

    async def claim_digest(self, guild_id: int, day: str, channel_id: int, nonce: str) -> bool:
        return await self._store.digests.claim(guild_id, day, channel_id, nonce)

    async def finish_digest(
        self,
        guild_id: int,
        day: str,
        status: str,
        message_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        await self._store.digests.finish(guild_id, day, status, message_id, detail)

    async def digest_record(self, guild_id: int, day: str) -> DigestRecord | None:
        return await self._store.digests.record(guild_id, day)

    async def unsent_digests(self) -> list[DigestRecord]:
        return await self._store.digests.unsent()

    async def last_digest(self, guild_id: int) -> DigestRecord | None:
        return await self._store.digests.last(guild_id)

    async def digest_count(self, guild_id: int) -> int:
        return await self._store.digests.count(guild_id)

    async def featured(self, guild_id: int) -> dict[str, str | None]:
        return await self._store.guilds.featured(guild_id)

    async def mark_featured(self, guild_id: int, article_ids: list[str], day: str) -> None:
        await self._store.guilds.mark_featured(guild_id, article_ids, day)
