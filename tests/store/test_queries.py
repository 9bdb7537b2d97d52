"""The store's remaining reads and writes, on each backend: figures, flags, teaching, servers
leaving, article choices, the audit log and a server's import (every query runs on both)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.models import Entry
from bot.store import Store
from bot.store.records import AskRecord
from tests.store.conftest import sync

FLYNN = ("trump-russia", "person-flynn")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def answer(question: str, guild: int | None, user: int = 8) -> AskRecord:
    return AskRecord(question, "answer", 0.9, FLYNN, "slash", guild, 7, user)


async def test_figures_per_server_and_answers_marked_not_helpful(store: Store) -> None:
    """The owner's per-server figures, a server's top entries, and its Not helpful flags
    counted by member."""
    ids = [await store.asks.log(answer("who is flynn", 1, user)) for user in (5, 6)]
    await store.asks.log(answer("who is flynn", 2))
    await store.asks.log(AskRecord("what?", "decline", 0.1))
    for ask_id, member in zip(ids, (5, 6), strict=True):
        await store.asks.feedback(ask_id, member, helpful=False)
    [flag] = await store.asks.flags(1)
    assert (flag.question, flag.key, flag.members) == ("who is flynn", FLYNN, 2)
    assert await store.asks.flags(2) == []
    assert sorted(await store.asks.per_guild(), key=str) == [("1", 2, 2), ("2", 1, 1), (None, 1, 0)]
    assert (await store.asks.stats(1))["top_entries"] == [(FLYNN, 2)]


async def test_teaching_a_queued_question_settles_it_and_its_proposals(
    store: Store, checked: Any
) -> None:
    """The question leaves the queue, the clicks that proposed it go, the phrasing is taught."""
    await sync(store, checked)
    flynn = next(e for e in checked[0].entries if e.key == FLYNN)
    declined = await store.asks.log(AskRecord("the general guy?", "decline", 0.2, guild_id=1))
    await store.asks.propose(1, "the general guy?", FLYNN, 5, declined)
    assert await store.asks.queue_count(1) == 1
    async with store.db.transaction() as tx:
        await store.entries.add_phrasing_in(tx, 1, flynn, "the general guy?", "teach", "11")
        await store.asks.settle(tx, 1, "the general guy?", FLYNN)
    assert await store.asks.queue_count(1) == 0 and await store.asks.proposals(1) == []
    assert (await store.entries.overlay(1)).phrasings[FLYNN] == ("the general guy?",)
    assert await store.audit.count(1, "teach") == 1 and await store.audit.count(2, "teach") == 0


async def test_servers_that_left_go_after_the_grace_period(location: str | Path) -> None:
    """A server the bot left is no longer scheduled for digests and is purged once its grace
    period is over; the others stay."""
    clock = Clock()
    store = await Store.connect(location, clock=clock)
    for guild in (1, 2):
        await store.guilds.joined(guild)
        await store.guilds.update(guild, "9", digest_channel_id=90 + guild, digest_enabled=True)
    assert [g.guild_id for g in await store.guilds.digest_guilds()] == [1, 2]
    await store.guilds.left(1)
    assert [g.guild_id for g in await store.guilds.digest_guilds()] == [2]
    clock.now += timedelta(days=31)
    assert await store.guilds.left_before(clock.now - timedelta(days=30)) == [1]
    assert await store.forget_left_guilds(clock.now - timedelta(days=30)) == [1]
    assert [g.guild_id for g in await store.guilds.all()] == [2]
    await store.close()


async def test_article_choices_featuring_and_the_last_digest(store: Store) -> None:
    """A server's choice of articles, the day an article was featured, its latest digest."""
    await store.guilds.joined(1)
    await store.guilds.choose_article(1, "trump-russia", False, "11")
    assert await store.guilds.article_choices(1) == {"trump-russia": False}
    await store.guilds.mark_featured(1, ["other-article"], "2026-11-24")
    assert await store.guilds.featured(1) == {"trump-russia": None, "other-article": "2026-11-24"}
    assert (await store.guilds.all_article_choices())[1] == {
        "trump-russia": False,
        "other-article": True,
    }
    for day in ("2026-11-23", "2026-11-24"):
        await store.digests.claim(1, day, 9, day)
    last = await store.digests.last(1)
    assert last is not None and last.local_date == "2026-11-24"


async def test_a_servers_import_replaces_its_version_and_phrasings(
    store: Store, checked: Any
) -> None:
    """An import into one server becomes its own version (phrasings folded in), audited there."""
    await sync(store, checked)
    flynn: Entry = next(e for e in checked[0].entries if e.key == FLYNN)
    await store.entries.add_phrasing(1, flynn, "a taught phrasing", "alias", "11")
    imported = replace(flynn, answer="Server one's imported answer.")
    await store.entries.import_entries(1, [(flynn, imported)], "11", {FLYNN: "hash"})
    overlay = await store.entries.overlay(1)
    own = overlay.entries[FLYNN].entry
    assert own is not None and own.answer == "Server one's imported answer."
    assert FLYNN not in overlay.phrasings
    [latest, *_] = await store.audit.history(1, FLYNN)
    assert latest.action == "import" and (latest.after or {})["answer"] == imported.answer
