"""The one answering path, for the command line and Discord alike.

`evaluate` is pure: a question (and, in a conversation, its last turn) in, an Answer out. Talk
(greetings, help, the article's metadata) is recognised first, then follow-ups against the
conversation, then the engine. `record` logs an ask and remembers the conversation's turn;
`ask` is both.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.engine import Candidate, Engine
from bot.engine.result import Verdict
from bot.models import Entry, EntryKey
from bot.questions import QuestionRejected, prepare_question
from bot.service.about import help_text, talk_answer
from bot.service.answer import ANSWER, Answer, Suggestion
from bot.service.chatter import asked_parts
from bot.service.conversation import ConversationKey, Conversations, Turn
from bot.service.followup import Ask, FollowUps
from bot.service.talk import Talk, hear, words_of
from bot.service.views import Audience, View
from bot.service.wording import decline_message
from bot.store import StoreError
from bot.store.records import AskRecord
from bot.text.normalize import phrasing_key

if TYPE_CHECKING:
    from bot.service.state import State
    from bot.settings import Settings
    from bot.store import Store

log = logging.getLogger(__name__)
# Entries from which a keystroke may take more than a millisecond (2-10 ms at 100k): below,
# the hop to a thread would cost more than the keystroke.
KEYSTROKE_THREAD_FROM = 2_000
# Logged for a clarifying question: not an answer, and not one for the review queue either
# ("what else did he say?" means nothing without its conversation).
CLARIFY = "clarify"


class Asking:
    settings: Settings
    _store: Store
    _state: State
    conversations: Conversations
    _keystroke_thread: ThreadPoolExecutor | None = None

    def view(self, audience: Audience) -> View:  # pragma: no cover - the service's
        raise NotImplementedError

    @property
    def _engine(self) -> Engine:
        engine = self._state.engine
        assert engine is not None, "the service answers once it has been refreshed"
        return engine

    # -- answering ----------------------------------------------------------------------------

    def evaluate(
        self,
        question: str,
        audience: Audience | None = None,
        *,
        conversation: ConversationKey | None = None,
    ) -> Answer:
        """Answer without logging or remembering: pure and synchronous."""
        audience = audience or Audience.cli()
        try:
            text = prepare_question(question, self.settings.max_question_chars)
        except QuestionRejected as rejected:
            return Answer(question, "rejected", message=rejected.message)
        view = self.view(audience)
        turn = self.conversations.get(conversation)
        heard = hear(text)
        if heard.talk is not None:
            article = view.articles.get(turn.article_id or "") if turn else None
            return talk_answer(text, heard.talk, view, article, heard.words)
        rest = heard.rest or text
        if conversation is not None:
            follow = FollowUps(
                view, self._state.people(audience), lambda q: self._match(q, audience)
            )
            found = follow.resolve(Ask.of(rest, heard.words), turn)
            if found is not None:
                return found
        asked = asked_parts(rest)
        if not asked.changed:
            return self._match(rest, audience)
        return self._match_parts(asked.parts, audience)

    def _match_parts(self, parts: tuple[str, ...], audience: Audience) -> Answer:
        """A long message's questions, chatter set aside: the first one answered; else the
        first decline that has suggestions to offer, else the first."""
        declined: list[Answer] = []
        for part in parts:
            answer = self._match(part, audience)
            if answer.entry is not None:
                return answer
            declined.append(answer)
        return next((a for a in declined if a.suggestions), declined[0])

    def _match(self, text: str, audience: Audience) -> Answer:
        """The engine's answer in one view, with suggestions when it is not sure. A phrasing
        the server's moderators taught, typed exactly, is answered with its entry."""
        view = self.view(audience)
        taught = view.taught.get(phrasing_key(text))
        if taught is not None:
            mine = view.entries[taught]
            return Answer(text, Verdict.CONFIDENT.value, 1.0, mine, view.article_of(mine))
        result = self._engine.answer(text, self._state.engine_view(audience))
        entry = view.entry(result.key) if result.key else None
        suggestions = tuple(s for s in (_suggestion(view, c) for c in result.suggestions) if s)
        ranked = [s for s in (_suggestion(view, c) for c in result.candidates[:2]) if s]
        answer = Answer(
            text,
            result.verdict.value,
            result.confidence,
            entry,
            view.article_of(entry) if entry else None,
            suggestions,
            runner_up=ranked[1] if len(ranked) > 1 else None,
        )
        if entry is None:
            answer = replace(answer, message=decline_message(answer.verdict, bool(suggestions)))
        return answer

    async def ask(
        self,
        question: str,
        *,
        audience: Audience | None = None,
        source: str = "cli",
        channel_id: int | None = None,
        user_id: int | None = None,
        log_ask: bool | None = None,
        conversation: ConversationKey | None = None,
    ) -> Answer:
        """Answer and, unless turned off, log the ask (declined ones go to the review queue);
        in a conversation, remember what the answer was about for the follow-ups."""
        audience = audience or Audience.cli()
        answer = self.evaluate(question, audience, conversation=conversation)
        return await self.record(
            answer,
            audience=audience,
            source=source,
            channel_id=channel_id,
            user_id=user_id,
            log_ask=log_ask,
            conversation=conversation,
        )

    async def record(
        self,
        answer: Answer,
        *,
        audience: Audience,
        source: str,
        channel_id: int | None = None,
        user_id: int | None = None,
        log_ask: bool | None = None,
        conversation: ConversationKey | None = None,
    ) -> Answer:
        """Log an evaluated ask and remember the conversation's turn. If only logging fails,
        the answer still comes back (and the failure is counted)."""
        self.remember(conversation, answer, audience)
        should_log = self.settings.log_queries if log_ask is None else log_ask
        if not should_log or answer.verdict in ("rejected", Verdict.EMPTY):
            return answer
        reply = CLARIFY if answer.extra.get("clarify") else answer.reply
        record = AskRecord(
            answer.question,
            reply,
            answer.confidence,
            answer.entry.key if answer.entry else None,
            source,
            audience.guild_id,
            channel_id,
            user_id,
            tuple(s.entry.key for s in answer.suggestions),
        )
        query_id = await self._log(record)
        return answer if query_id is None else replace(answer, query_id=query_id)

    def remember(
        self, conversation: ConversationKey | None, answer: Answer, audience: Audience
    ) -> None:
        """An answer becomes the conversation's last turn; any other reply keeps the one
        before (a "thanks" or a decline does not make "he" forget who he is)."""
        if conversation is None:
            return
        now = self.conversations.now()
        turn = self.conversations.get(conversation)
        entry = answer.entry
        if entry is not None and answer.reply == ANSWER:
            people = answer.extra.get("people") or self._subjects(answer, entry, audience)
            if not people and turn is not None:  # "he" is still the last person named
                people = turn.people
            shown = turn.after(entry.key) if turn else (entry.key,)
            self.conversations.remember(
                conversation, Turn(entry.article_id, entry.key, people, shown, now)
            )
        elif turn is not None:
            article = answer.article.id if answer.article else turn.article_id
            self.conversations.remember(conversation, replace(turn, article_id=article, at=now))
        elif answer.article is not None:
            self.conversations.remember(conversation, Turn(answer.article.id, at=now))

    def _subjects(self, answer: Answer, entry: Entry, audience: Audience) -> tuple[str, ...]:
        """Who "he" or "they" would mean after this answer: the people the question named,
        else a quote's speaker or a person entry's person, else everyone it is about."""
        persons = self._state.people(audience).of(entry)
        asked = set(words_of(answer.question).split())
        named = tuple(p.tag for p in persons if set(p.tag.split()) <= asked)
        if named:
            return named
        if entry.kind in ("quote", "person") and persons:
            return (persons[0].tag,)
        return tuple(p.tag for p in persons)

    async def _log(self, record: AskRecord) -> int | None:
        try:
            return await self._store.asks.log(record)
        except StoreError as exc:
            health = self._store.asks.health
            health.failed_flushes += 1
            health.last_error = str(exc)
            log.warning("answered, but could not log the ask: %s", exc)
            return None

    # -- did-you-mean clicks ------------------------------------------------------------------

    async def ask_suggestion(
        self,
        query_id: int,
        index: int,
        *,
        audience: Audience,
        channel_id: int | None = None,
        user_id: int | None = None,
        conversation: ConversationKey | None = None,
    ) -> Answer | None:
        """The entry a did-you-mean button stands for (the ask keeps the list), answered; the
        member's click proposes their question as a phrasing of it. None if it is gone."""
        asked = await self._store.asks.get(query_id)
        if asked is None or not 0 <= index < len(asked["suggestions"]):
            return None
        key: EntryKey = tuple(asked["suggestions"][index])
        answer = await self.answer_with(
            key,
            audience=audience,
            channel_id=channel_id,
            user_id=user_id,
            conversation=conversation,
        )
        if answer is None or audience.guild_id is None or user_id is None:
            return answer
        if answer.query_id is not None and asked["reply"] != CLARIFY:
            try:
                await self._store.asks.propose(
                    audience.guild_id, asked["question"], key, user_id, answer.query_id
                )
            except StoreError as exc:  # the answer matters more than the proposal
                log.warning("answered a click, but could not record the proposal: %s", exc)
        return answer

    async def answer_with(
        self,
        key: EntryKey,
        *,
        audience: Audience,
        source: str = "suggestion",
        channel_id: int | None = None,
        user_id: int | None = None,
        conversation: ConversationKey | None = None,
    ) -> Answer | None:
        """Answer with a chosen entry (a did-you-mean click); None if it is gone there."""
        view = self.view(audience)
        entry = view.entry(key)
        if entry is None:
            return None
        answer = Answer(entry.question, Verdict.CONFIDENT.value, 1.0, entry, view.article_of(entry))
        return await self.record(
            answer,
            audience=audience,
            source=source,
            channel_id=channel_id,
            user_id=user_id,
            conversation=conversation,
        )

    def help_text(self, audience: Audience) -> str:
        """What /help says: what briefbot does, with example questions from this view."""
        return help_text(self.view(audience), Talk.HELP)

    async def suggest(self, prefix: str, audience: Audience, limit: int = 25) -> list[Entry]:
        """Entries whose phrasings resemble what someone is typing (autocomplete), ids typed
        first. On a big store the keystroke runs in a thread of its own, so the bot goes on
        serving meanwhile (the engine's lock keeps it from overlapping a question or a change)."""
        view = self.view(audience)
        engine, shown = self._engine, self._state.engine_view(audience)
        if len(engine) < KEYSTROKE_THREAD_FROM:
            choices = engine.suggest(prefix, shown, limit=limit)
        else:
            loop = asyncio.get_running_loop()
            choices = await loop.run_in_executor(
                self._keystrokes(), engine.suggest, prefix, shown, limit
            )
        found = (view.entry(c.key) for c in choices)
        return [e for e in found if e is not None]

    def _keystrokes(self) -> ThreadPoolExecutor:
        """The autocomplete thread: one, so keystrokes queue rather than crowd the cores."""
        if self._keystroke_thread is None:
            self._keystroke_thread = ThreadPoolExecutor(1, thread_name_prefix="autocomplete")
        return self._keystroke_thread


def _suggestion(view: View, candidate: Candidate) -> Suggestion | None:
    entry = view.entry(candidate.key)
    if entry is None:
        return None
    return Suggestion(entry, view.article_of(entry), candidate.score)
