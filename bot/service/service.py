"""The answering service: one path from a question to an answer for the CLI and Discord, and
the one write path for every change (write and audit through the store, then refresh)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

from bot.engine import Candidate
from bot.engine.result import Verdict
from bot.knowledge.fingerprint import knowledge_fingerprint
from bot.models import Article, Entry, EntryKey
from bot.questions import QuestionRejected, prepare_question
from bot.service.answer import Answer, Suggestion
from bot.service.reads import Reads
from bot.service.search import key_of
from bot.service.state import State
from bot.service.views import Audience, View
from bot.service.wording import decline_message
from bot.service.writes import Writes
from bot.settings import Settings
from bot.store import Store, StoreError
from bot.store.codec import Clock, utc_now
from bot.store.records import AskRecord, GuildSettings
from bot.text.normalize import phrasing_key

log = logging.getLogger(__name__)


class BriefingService(Reads, Writes):
    """Owns the store and the in-memory views built from it."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self._store = store
        self._state = State()
        self._version = -1
        self._refresh_lock = asyncio.Lock()

    @classmethod
    async def start(
        cls, settings: Settings, *, sync: bool = True, clock: Clock = utc_now
    ) -> BriefingService:
        """Open the store; sync `knowledge/` into it (raising KnowledgeError) unless the files
        are unchanged since the last sync; build the views."""
        store = await Store.open(settings.database_path, settings.database_timeout_seconds, clock)
        service = cls(settings, store)
        try:
            if sync:
                await service.sync_if_changed()
            await service.refresh()
        except BaseException:
            await store.close()
            raise
        return service

    async def close(self) -> None:
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
        """Read the store again: everything, or (a server's id) only that server's part."""
        async with self._refresh_lock:
            store, state = self._store, self._state
            if guild_id is not None and self._version >= 0:
                state.overlays[guild_id] = await store.entries.overlay(guild_id)
                state.choices[guild_id] = await store.guilds.article_choices(guild_id)
                state.guilds[guild_id] = await store.guilds.get(guild_id)
                state.forget_views(guild_id)
                await asyncio.to_thread(self._warm, [Audience(guild_id)])
                return
            version = await store.version()
            fresh = State()
            fresh.articles = {r.article.id: r for r in await store.articles.all()}
            fresh.shared_aliases = await store.articles.shared_aliases()
            fresh.set_base(await store.entries.base_rows())
            fresh.overlays = await store.entries.overlays()
            fresh.choices = await store.guilds.all_article_choices()
            fresh.guilds = {g.guild_id: g for g in await store.guilds.all()}
            fresh.searcher = type(state.searcher)(fresh.shared_aliases)
            audiences = [Audience(), Audience.cli(), *(Audience(g) for g in fresh.guilds)]
            # Indexing takes a moment on a big store: off the event loop, so chat never stalls.
            await asyncio.to_thread(self._warm_state, fresh, audiences)
            self._state = fresh
            self._version = version

    def _warm(self, audiences: list[Audience]) -> None:
        self._warm_state(self._state, audiences)

    @staticmethod
    def _warm_state(state: State, audiences: list[Audience]) -> None:
        for audience in audiences:
            state.view(audience)

    async def catch_up(self) -> bool:
        """Reload if another process changed the store (polled by the bot); True if it did."""
        if await self._store.version() == self._version:
            return False
        await self.refresh()
        return True

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

    # -- answering ----------------------------------------------------------------------------

    def evaluate(self, question: str, audience: Audience | None = None) -> Answer:
        """Answer without logging: pure and synchronous."""
        audience = audience or Audience.cli()
        try:
            text = prepare_question(question, self.settings.max_question_chars)
        except QuestionRejected as rejected:
            return Answer(question, "rejected", message=rejected.message)
        view = self.view(audience)
        taught = view.taught.get(phrasing_key(text))
        if taught is not None:
            entry = view.entries[taught]
            return Answer(text, Verdict.CONFIDENT.value, 1.0, entry, view.article_of(entry))
        result = self._state.engine(audience).answer(text)
        entry = self._entry_of(view, result.entry_id) if result.entry_id else None
        suggestions = tuple(self._suggestion(view, c) for c in result.suggestions)
        suggestions = tuple(s for s in suggestions if s is not None)
        answer = Answer(
            text,
            result.verdict.value,
            result.confidence,
            entry,
            view.article_of(entry) if entry else None,
            suggestions,
        )
        if entry is None:
            answer = replace(answer, message=decline_message(answer.verdict, bool(suggestions)))
        return answer

    @staticmethod
    def _entry_of(view: View, engine_entry_id: str) -> Entry | None:
        return view.entry(key_of(engine_entry_id))

    def _suggestion(self, view: View, candidate: Candidate) -> Suggestion | None:
        entry = self._entry_of(view, candidate.entry_id)
        if entry is None:
            return None
        return Suggestion(entry, view.article_of(entry), candidate.score)

    async def ask(
        self,
        question: str,
        *,
        audience: Audience | None = None,
        source: str = "cli",
        channel_id: int | None = None,
        user_id: int | None = None,
        log_ask: bool | None = None,
    ) -> Answer:
        """Answer and, unless turned off, log the ask (declined ones go to the review queue).
        If only logging fails, the answer still comes back (and the failure is counted)."""
        audience = audience or Audience.cli()
        answer = self.evaluate(question, audience)
        should_log = self.settings.log_queries if log_ask is None else log_ask
        if not should_log or answer.verdict == "rejected" or answer.verdict == Verdict.EMPTY:
            return answer
        record = AskRecord(
            answer.question,
            answer.reply,
            answer.confidence,
            answer.entry.key if answer.entry else None,
            source,
            audience.guild_id,
            channel_id,
            user_id,
            tuple(s.entry.key for s in answer.suggestions),
        )
        try:
            query_id = await self._store.asks.log(record)
        except StoreError as exc:
            self._store.asks.health.failed_flushes += 1
            self._store.asks.health.last_error = str(exc)
            log.warning("answered, but could not log the ask: %s", exc)
            return answer
        return replace(answer, query_id=query_id)

    async def ask_suggestion(
        self,
        query_id: int,
        index: int,
        *,
        audience: Audience,
        channel_id: int | None = None,
        user_id: int | None = None,
    ) -> Answer | None:
        """The entry a did-you-mean button stands for (the ask keeps the list), answered; the
        member's click proposes their question as a phrasing of it. None if it is gone."""
        asked = await self._store.asks.get(query_id)
        if asked is None or not 0 <= index < len(asked["suggestions"]):
            return None
        key: EntryKey = tuple(asked["suggestions"][index])  # type: ignore[assignment]
        answer = await self.answer_with(
            key, audience=audience, channel_id=channel_id, user_id=user_id
        )
        if answer is not None and audience.guild_id is not None and user_id is not None:
            if answer.query_id is not None:
                await self._store.asks.propose(
                    audience.guild_id, asked["question"], key, user_id, answer.query_id
                )
        return answer

    async def answer_with(
        self,
        key: EntryKey,
        *,
        audience: Audience,
        source: str = "suggestion",
        channel_id: int | None = None,
        user_id: int | None = None,
    ) -> Answer | None:
        """Answer with a chosen entry (a did-you-mean click); None if it is gone there."""
        view = self.view(audience)
        entry = view.entry(key)
        if entry is None:
            return None
        query_id = None
        if self.settings.log_queries:
            record = AskRecord(
                entry.question, "answer", 1.0, key, source, audience.guild_id, channel_id, user_id
            )
            try:
                query_id = await self._store.asks.log(record)
            except StoreError as exc:
                log.warning("answered, but could not log the ask: %s", exc)
        return Answer(
            entry.question,
            Verdict.CONFIDENT.value,
            1.0,
            entry,
            view.article_of(entry),
            query_id=query_id,
        )

    def suggest(self, prefix: str, audience: Audience, limit: int = 25) -> list[Entry]:
        """Entries whose phrasings resemble what someone is typing (autocomplete)."""
        view = self.view(audience)
        engine = self._state.engine(audience)
        found = (self._entry_of(view, c.entry_id) for c in engine.suggest(prefix, limit=limit))
        return [e for e in found if e is not None]

    def log_failure(self) -> str | None:
        """Why asks could not be logged since start, if they could not."""
        health = self._store.asks.health
        return health.last_error if health.failed_flushes else None

    async def healthy(self) -> bool:
        return await self._store.ping()
