"""When the database refuses writes (here: another process holds it locked, a real SQLite
lock), members still get their answers; the failures are logged and counted in /qa stats, and
a button that cannot be applied says so privately instead of failing silently."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from standin import DiscordStandIn, Ids

from tests.e2e.conftest import RunningBot, StartBot


@asynccontextmanager
async def locked(running: RunningBot) -> AsyncIterator[None]:
    """Another process holds the bot's database for writing until the block ends. (The asks
    waiting in memory are written first: this test's lock is taken on the event loop's thread,
    so a transaction the bot has open could never finish.)"""
    await running.bot.service.queue_count(None)
    holder = sqlite3.connect(running.settings.database_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
async def quick(start_briefbot: StartBot) -> RunningBot:
    """The bot, giving up on a locked database after 0.2 s."""
    return await start_briefbot(database_timeout_seconds=0.2)


async def test_answers_are_delivered_when_only_logging_fails(
    standin: DiscordStandIn, quick: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    """/ask and a mention are answered while the log can't be written; /qa stats counts it."""
    caplog.set_level(logging.WARNING)
    async with locked(quick):
        reply = await (await standin.slash("ask", {"question": "who is flynn"})).reply()
        assert "National Security Advisor" in reply["embeds"][0]["description"]
        mark = standin.mark()
        await standin.send_message(f"<@{Ids.BOT}> who is peskov", channel_id=Ids.GENERAL)
        mentioned = await standin.next_message(channel_id=Ids.GENERAL, after=mark)
        assert "Kremlin spokesman" in mentioned["embeds"][0]["description"]
    assert any("could not log the ask" in r.getMessage() for r in caplog.records)
    stats = await (
        await standin.slash("qa stats", user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    ).reply()
    fields = {f["name"]: f["value"] for f in stats["embeds"][0]["fields"]}
    assert "failed write" in fields["Logging"] and "answers were still sent" in fields["Logging"]


async def test_a_button_the_database_refuses_says_so(
    standin: DiscordStandIn, quick: RunningBot
) -> None:
    """Helpful on a locked database: a private "the database refused", not a dead button."""
    reply = await (await standin.slash("ask", {"question": "who is flynn"})).reply()
    helpful = reply["components"][0]["components"][0]
    async with locked(quick):
        click = await standin.click(helpful["custom_id"], reply["message"], user=Ids.CURATOR)
        note = await click.reply()
    assert note["ephemeral"] and note["content"].startswith("The database refused:")
    assert "locked by another process" in note["content"]


async def test_a_did_you_mean_click_is_answered_while_the_database_is_locked(
    standin: DiscordStandIn, quick: RunningBot
) -> None:
    """A click on a suggestion still turns into the answer; only its proposal goes unrecorded."""
    vague = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]
    question = next(q for q in vague if quick.bot.service.evaluate(q).suggestions)
    offer = await (await standin.slash("ask", {"question": question})).reply()
    chosen = offer["components"][0]["components"][0]
    async with locked(quick):
        click = await standin.click(chosen["custom_id"], offer["message"], user=Ids.MEMBER)
        answer = await click.reply()
    assert answer["embeds"][0]["title"] == chosen["label"]
