"""Every change goes through here: written and audited by the store in one transaction, then
the views that can see it are refreshed. Callers (bot.curation, the cogs, the CLI) validate
first; nothing else writes to the store."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from bot.knowledge.fingerprint import knowledge_fingerprint
from bot.knowledge.problems import KnowledgeError
from bot.models import Entry, Evidence
from bot.store.entries import base_hash_of
from bot.store.precedence import FileEntry
from bot.store.records import GuildSettings, SyncReport

if TYPE_CHECKING:
    from bot.service.state import State
    from bot.settings import Settings
    from bot.store import Store


P = ParamSpec("P")
R = TypeVar("R")


def own_write(
    method: Callable[Concatenate[Any, P], Awaitable[R]],
) -> Callable[Concatenate[Any, P], Awaitable[R]]:
    """A change this process makes and then reads back itself: while one is under way,
    catch_up leaves the store be, so the process never mistakes its own change for another
    process's (nor reads it twice)."""

    @functools.wraps(method)
    async def writing(self: Any, *args: P.args, **kwargs: P.kwargs) -> R:
        self._own_writes += 1
        try:
            return await method(self, *args, **kwargs)
        finally:
            self._own_writes -= 1

    return writing


class Writes:
    settings: Settings
    _store: Store
    _state: State
    _own_writes: int = 0  # own_write calls under way

    async def refresh(self, guild_id: int | None = None) -> None:  # pragma: no cover
        raise NotImplementedError

    # -- the base -----------------------------------------------------------------------------

    @own_write
    async def sync(self, actor: str = "sync", *, fingerprint: str | None = None) -> SyncReport:
        """Check the knowledge files and sync them into the base (raises KnowledgeError)."""
        # Imported here: YAML, the schema and the seeds' parsing are for syncs only, and an
        # unchanged store skips them.
        from bot.knowledge.check import check_knowledge, resolve_evidence

        settings = self.settings
        knowledge, problems = check_knowledge(settings.knowledge_dir, settings.seeds_dir)
        if any(p.blocking for p in problems):
            raise KnowledgeError(problems)
        files = [
            (c.article, c.seed.sha256, [FileEntry(e, c.withheld.get(e.id)) for e in c.entries])
            for c in knowledge.articles
        ]
        seeds = {c.article.id: c.seed for c in knowledge.articles}

        def locate(article_id: str, passage: str) -> Evidence | None:
            seed = seeds.get(article_id)
            return resolve_evidence(seed, passage) if seed is not None else None

        report = await self._store.entries.sync(files, knowledge.aliases, actor, locate)
        await self._store.set_meta(
            "knowledge",
            fingerprint or knowledge_fingerprint(settings.knowledge_dir, settings.seeds_dir),
        )
        await self.refresh()
        return report

    @own_write
    async def retire(self, article_id: str, actor: str, *, undo: bool = False) -> bool:
        changed = await self._store.articles.retire(article_id, actor, undo=undo)
        if changed:
            await self.refresh()
        return changed

    # -- one server's changes (guild None: the bot's owner, on the base) ---------------------

    @own_write
    async def add_entry(self, guild_id: int, actor: str, entry: Entry) -> None:
        await self._store.entries.add(guild_id, entry, actor)
        await self.refresh(guild_id)

    @own_write
    async def edit_entry(self, guild_id: int, actor: str, before: Entry, after: Entry) -> None:
        base_hash = base_hash_of(self._state.base_rows.get(before.key))
        await self._store.entries.edit(guild_id, before, after, actor, base_hash)
        await self.refresh(guild_id)

    @own_write
    async def remove_entry(self, guild_id: int, actor: str, entry: Entry) -> bool:
        removed = await self._store.entries.remove(guild_id, entry, actor)
        if removed:
            await self.refresh(guild_id)
        return removed

    @own_write
    async def add_phrasing(
        self, guild_id: int, actor: str, entry: Entry, text: str, origin: str = "alias"
    ) -> None:
        await self._store.entries.add_phrasing(guild_id, entry, text, origin, actor)
        await self.refresh(guild_id)

    @own_write
    async def teach(self, guild_id: int, actor: str, question: str, entry: Entry) -> None:
        """A queued question becomes a phrasing of an entry and leaves the queue."""
        store = self._store
        async with store.db.transaction() as tx:
            await store.entries.add_phrasing_in(tx, guild_id, entry, question, "teach", actor)
            await store.asks.settle(tx, guild_id, question, entry.key)
        await self.refresh(guild_id)

    @own_write
    async def import_entries(
        self, guild_id: int | None, actor: str, pairs: Sequence[tuple[Entry | None, Entry]]
    ) -> None:
        hashes = {
            after.key: base_hash_of(self._state.base_rows.get(after.key)) for _, after in pairs
        }
        await self._store.entries.import_entries(guild_id, pairs, actor, hashes)
        await self.refresh(guild_id)

    @own_write
    async def choose_article(
        self, guild_id: int, article_id: str, active: bool, actor: str
    ) -> None:
        await self._store.guilds.choose_article(guild_id, article_id, active, actor)
        await self.refresh(guild_id)

    @own_write
    async def update_settings(self, guild_id: int, actor: str, **changes: Any) -> GuildSettings:
        updated = await self._store.guilds.update(guild_id, actor, **changes)
        self._state.guilds[guild_id] = updated
        return updated

    # -- servers coming and going, and forgetting ---------------------------------------------

    async def guild_joined(self, guild_id: int) -> None:
        settings = await self._store.guilds.joined(guild_id)
        if self._state.guilds.get(guild_id) != settings:
            self._state.guilds[guild_id] = settings
            self._state.forget_views(guild_id)

    async def guild_left(self, guild_id: int) -> None:
        await self._store.guilds.left(guild_id)
        self._state.guilds[guild_id] = await self._store.guilds.get(guild_id)

    async def forget_guild(self, guild_id: int, actor: str) -> None:
        """A server's owner asked: everything of that server goes now."""
        await self._store.forget_guild(guild_id)
        await self._store.audit.write(actor, "forget", None, {"guild": str(guild_id)})
        self._state.guilds.pop(guild_id, None)
        self._state.overlays.pop(guild_id, None)
        self._state.choices.pop(guild_id, None)
        self._state.forget_views(guild_id)

    async def forget_expired(self, now: datetime) -> tuple[int, list[int]]:
        """Asks past the retention period, and servers past their grace period, go."""
        settings = self.settings
        asks = await self._store.asks.forget_before(now - timedelta(days=settings.query_log_days))
        gone = await self._store.forget_left_guilds(
            now - timedelta(days=settings.forget_after_days)
        )
        for guild_id in gone:
            self._state.guilds.pop(guild_id, None)
            self._state.overlays.pop(guild_id, None)
            self._state.forget_views(guild_id)
        return asks, gone

    # -- activity -----------------------------------------------------------------------------

    async def feedback(self, query_id: int, user_id: int, helpful: bool) -> bool:
        return await self._store.asks.feedback(query_id, user_id, helpful)

    async def audit(
        self, actor: str, action: str, guild_id: int | None, detail: dict[str, Any]
    ) -> None:
        """Record an action that changes no entry (settings, refusals, reloads, exports)."""
        await self._store.audit.write(actor, action, guild_id, detail)
