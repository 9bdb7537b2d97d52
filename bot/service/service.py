"""The answering service: one path from a question to an answer for the CLI and Discord, and
the one write path for every change (write and audit through the store, then refresh)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.engine import Engine
from bot.knowledge.fingerprint import knowledge_fingerprint
from bot.models import Article
from bot.service.asking import Asking
from bot.service.conversation import Conversations
from bot.service.reads import Reads
from bot.service.search import alias_book, build_engine, update_engine
from bot.service.state import State
from bot.service.views import Audience, View
from bot.service.writes import Writes
from bot.settings import Settings
from bot.store import Store
from bot.store.codec import Clock, utc_now
from bot.store.records import GuildSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaughtUp:
    """What catch_up read again: everything (the base moved), or these servers' parts."""

    base: bool = False
    guilds: tuple[int, ...] = ()


class BriefingService(Asking, Reads, Writes):
    """Owns the store and the in-memory views built from it."""

    def __init__(self, settings: Settings, store: Store, *, warm: bool = False) -> None:
        self.settings = settings
        self._store = store
        self._state = State()
        self._version = -1  # the change counter as last read: -1, never
        self._base_version: str | None = None
        self._refresh_lock = asyncio.Lock()
        self._warm = warm  # see `start`
        self.conversations = Conversations(
            settings.conversation_minutes, lambda: self.clock().timestamp()
        )

    @classmethod
    async def start(
        cls, settings: Settings, *, sync: bool = True, clock: Clock = utc_now, warm: bool = False
    ) -> BriefingService:
        """Open the store; sync `knowledge/` into it (raising KnowledgeError) unless the files
        are unchanged since the last sync; build the views. `warm`: also make what autocomplete
        and typo repair need (the bot's first keystroke waits for nothing; a CLI question never
        needs them)."""
        store = await Store.connect(
            settings.database_target, settings.database_timeout_seconds, clock
        )
        service = cls(settings, store, warm=warm)
        try:
            if sync:
                await service.sync_if_changed()
            await service.refresh()
        except BaseException:
            await store.close()
            raise
        return service

    async def close(self) -> None:
        if self._keystroke_thread is not None:
            self._keystroke_thread.shutdown(wait=False, cancel_futures=True)
        await self._store.close()

    @property
    def clock(self) -> Clock:
        return self._store.clock

    # -- the knowledge files ------------------------------------------------------------------

    async def sync_if_changed(self, actor: str = "sync") -> bool:
        """Check and sync the files only if they changed since the last sync (a cheap look at
        names, sizes and times): `briefbot ask` on an unchanged store starts at once."""
        fingerprint = knowledge_fingerprint(self.settings.knowledge_dir, self.settings.seeds_dir)
        if await self._store.meta("knowledge") == fingerprint:
            return False
        await self.sync(actor, fingerprint=fingerprint)
        return True

    # -- reading ------------------------------------------------------------------------------

    async def refresh(self, guild_id: int | None = None) -> None:
        """Read the store again: everything, or (a server's id) only that server's part.

        Versions are read before what they describe: a change landing in between is read
        again by the next catch_up, never missed."""
        async with self._refresh_lock:
            store, state = self._store, self._state
            if guild_id is not None and self._version >= 0:
                state.guilds[guild_id] = await store.guilds.get(guild_id)
                state.overlays[guild_id] = await store.entries.overlay(guild_id)
                state.choices[guild_id] = await store.guilds.article_choices(guild_id)
                state.forget_views(guild_id)
                state.view(Audience(guild_id))
                return
            version, base_version = await store.versions()
            fresh = State()
            fresh.guilds = {g.guild_id: g for g in await store.guilds.all()}
            fresh.articles = {r.article.id: r for r in await store.articles.all()}
            fresh.shared_aliases = await store.articles.shared_aliases()
            fresh.set_base(await store.entries.base_rows())
            fresh.overlays = await store.entries.overlays()
            fresh.choices = await store.guilds.all_article_choices()
            fresh.engine = await self._engine_for(fresh)
            audiences = [Audience(), Audience.cli(), *(Audience(g) for g in fresh.guilds)]
            for audience in audiences:  # views are masks over the index: quick to make now
                fresh.view(audience)
            self._state = fresh
            self._version, self._base_version = version, base_version

    async def _engine_for(self, fresh: State) -> Engine:
        """The current engine brought up to date in place when only entries changed; a new one
        (indexed off the event loop, from its snapshot when there is one) when the aliases did
        or there is none yet."""
        articles = {k: r.article for k, r in fresh.articles.items()}
        book = alias_book(articles, fresh.shared_aliases)
        current = self._state.engine
        if current is not None and current.aliases == book:
            update_engine(current, self._state.base, fresh.base)
            return current
        settings = self.settings
        return await asyncio.to_thread(
            build_engine,
            fresh.base,
            book,
            model=settings.semantic_model,
            dimensions=settings.semantic_dimensions,
            folder=settings.data_dir / "engine",
            warm=self._warm,
        )

    async def catch_up(self) -> CaughtUp | None:
        """Pick up what other processes wrote (the bot polls this every `refresh_seconds`):
        one read of the change counter when nothing moved; everything again when the base
        moved; else only the servers whose version moved. None if nothing had changed."""
        if self._own_writes:
            return None  # this process is writing and will read its change itself; next time
        version, base_version = await self._store.versions()
        if version == self._version:
            return None
        if base_version != self._base_version:
            await self.refresh()
            return CaughtUp(base=True)
        refreshed = []
        for guild_id, guild_version in await self._store.guilds.changed_since(self._version):
            held = self._state.guilds.get(guild_id)
            if held is None or held.version != guild_version:  # not this process's own write
                await self.refresh(guild_id)
                refreshed.append(guild_id)
        self._version = max(self._version, version)  # a full refresh may have read further
        return CaughtUp(guilds=tuple(refreshed))

    def view(self, audience: Audience) -> View:
        return self._state.view(audience)

    def articles(self, audience: Audience) -> list[Article]:
        return list(self.view(audience).articles.values())

    def article(self, article_id: str) -> Article | None:
        record = self._state.articles.get(article_id)
        return record.article if record else None

    def article_records(self) -> list:
        return list(self._state.articles.values())

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        found = self._state.guilds.get(guild_id)
        if found is None:
            found = await self._store.guilds.get(guild_id)
        return found

    def log_failure(self) -> str | None:
        """Why asks could not be logged since start, if they could not."""
        health = self._store.asks.health
        return health.last_error if health.failed_flushes else None

    async def healthy(self) -> bool:
        return await self._store.ping()
