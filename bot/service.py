"""The answering service: one path from a question to an answer for the CLI and for Discord."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from typing import Any

from bot.engine import AliasBook, Candidate, Engine
from bot.engine.result import Verdict
from bot.engine.semantic import SemanticModel
from bot.knowledge.check import check_knowledge
from bot.knowledge.loader import KnowledgeError
from bot.models import Article, Entry
from bot.questions import QuestionRejected, prepare_question
from bot.settings import Settings
from bot.store import Store
from bot.store.records import QueryRecord, SyncReport


@dataclass(frozen=True)
class Answer:
    question: str
    verdict: str  # an engine Verdict, or "rejected" for input we refused
    confidence: float = 0.0
    entry: Entry | None = None
    article: Article | None = None
    suggestions: tuple[Candidate, ...] = ()
    message: str | None = None  # why a question was refused, for the person who asked
    query_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return self.entry is not None

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON object; its keys are a public contract."""
        entry = self.entry
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": entry.answer if entry else None,
            "confidence": round(self.confidence, 4),
            "entry_id": entry.id if entry else None,
            "evidence": [
                {"seed": e.seed, "quote": e.quote, "start": e.start, "end": e.end}
                for e in (entry.evidence if entry else ())
            ],
            "suggestions": [
                {"entry_id": s.entry_id, "question": s.question} for s in self.suggestions
            ],
        }


class BriefingService:
    """Owns the store and the engine built from it; rebuilds the engine after every change."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.engine = Engine(())
        self.articles: dict[str, Article] = {}
        self._rebuild_lock = asyncio.Lock()

    @classmethod
    async def start(cls, settings: Settings, *, sync: bool = True) -> BriefingService:
        """Open the store, sync `knowledge/` into it (raising KnowledgeError) and index it."""
        store = await Store.open(settings.database_path, settings.database_timeout_seconds)
        service = cls(settings, store)
        try:
            if sync:
                await service.sync()
            else:
                await service.refresh()
        except BaseException:
            await store.close()
            raise
        return service

    async def close(self) -> None:
        await self.store.close()

    async def sync(self, actor: str = "sync") -> SyncReport:
        """Check the knowledge files, sync them into the store, rebuild the index."""
        checked, problems = check_knowledge(self.settings.knowledge_dir, self.settings.seeds_dir)
        if problems:
            raise KnowledgeError(problems)
        report = await self.store.sync(checked, actor)
        await self.refresh()
        return report

    async def refresh(self) -> None:
        """Rebuild the engine from the store (after a moderator's change)."""
        async with self._rebuild_lock:
            articles = await self.store.articles()
            entries = await self.store.entries()
            # A knowledge file's aliases apply only to its own article's entries.
            aliases = AliasBook(per_article={a.id: dict(a.aliases) for a in articles})
            # Building reads the saved index and redoes only what changed; it runs off the event
            # loop so chat never stalls.
            engine = await asyncio.to_thread(
                Engine,
                entries,
                aliases,
                model=SemanticModel.load(self.settings.semantic_model),
                folder=self.settings.data_dir / "engine",
            )
            self.articles = {a.id: a for a in articles}
            self.engine = engine

    def evaluate(self, question: str) -> Answer:
        """Answer without logging: pure and synchronous."""
        try:
            text = prepare_question(question, self.settings.max_question_chars)
        except QuestionRejected as rejected:
            return Answer(question, "rejected", message=rejected.message)
        result = self.engine.answer(text)
        entry = self.engine.entry(result.key) if result.key else None
        return Answer(
            text,
            result.verdict.value,
            result.confidence,
            entry,
            self.articles.get(entry.article_id) if entry else None,
            result.suggestions,
        )

    async def ask(
        self,
        question: str,
        *,
        source: str = "cli",
        guild_id: int | None = None,
        channel_id: int | None = None,
        user_id: int | None = None,
        log: bool | None = None,
    ) -> Answer:
        """Answer and, unless turned off, log the ask (declined ones go to the review queue)."""
        answer = self.evaluate(question)
        should_log = self.settings.log_queries if log is None else log
        if not should_log or answer.verdict == "rejected":
            return answer
        record = QueryRecord(
            answer.question,
            answer.answered,
            answer.confidence,
            answer.entry.id if answer.entry else None,
            source,
            guild_id,
            channel_id,
            user_id,
        )
        query_id = await self.store.log_query(record, queue=answer.verdict != Verdict.EMPTY)
        return replace(answer, query_id=query_id)

    async def ask_entry(
        self,
        entry_id: str,
        *,
        source: str,
        guild_id: int | None = None,
        channel_id: int | None = None,
        user_id: int | None = None,
    ) -> Answer | None:
        """Answer with a chosen entry (a "did you mean" click); None if it is gone."""
        entry = self.engine.entry(entry_id)
        if entry is None:
            return None
        record = QueryRecord(
            entry.question, True, 1.0, entry.id, source, guild_id, channel_id, user_id
        )
        query_id = await self.store.log_query(record) if self.settings.log_queries else None
        return Answer(
            entry.question,
            Verdict.CONFIDENT.value,
            1.0,
            entry,
            self.article_of(entry),
            query_id=query_id,
        )

    def suggest(self, prefix: str, limit: int = 25) -> list[Candidate]:
        return self.engine.suggest(prefix, limit=limit)

    def article_of(self, entry: Entry) -> Article | None:
        return self.articles.get(entry.article_id)
