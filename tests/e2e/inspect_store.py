"""What a test reads back after driving the bot: through the service's narrow reads (as the
product does), for the default guild unless told otherwise."""

from __future__ import annotations

import sqlite3
from typing import Any

from conftest import RunningBot
from standin import Ids

from bot.models import Entry
from bot.service import Audience
from bot.store.records import AuditRecord

ARTICLE = "trump-russia"


def entries(running: RunningBot, guild: int | None = Ids.GUILD) -> list[Entry]:
    return list(running.bot.service.view(Audience(guild)).entries.values())


def entry(running: RunningBot, entry_id: str, guild: int | None = Ids.GUILD) -> Entry | None:
    found = running.bot.service.view(Audience(guild)).by_id(entry_id)
    return found[0] if found else None


async def history(
    running: RunningBot,
    entry_id: str | None = None,
    guild: int | None = Ids.GUILD,
    limit: int = 50,
) -> list[AuditRecord]:
    key = (ARTICLE, entry_id) if entry_id else None
    return await running.bot.service.history(guild, key, limit)


async def stats(running: RunningBot, guild: int | None = Ids.GUILD) -> dict[str, Any]:
    return await running.bot.service.stats(guild)


async def queue_count(running: RunningBot, guild: int | None = Ids.GUILD) -> int:
    return await running.bot.service.queue_count(guild)


async def logged(running: RunningBot) -> list[tuple[str, str, int]]:
    """(question, source, answered) of every logged ask, from the database file itself."""
    await running.bot.service.queue_count(None)  # writes the asks waiting in memory
    with sqlite3.connect(running.settings.database_path) as db:
        rows = db.execute("SELECT question, source, reply = 'answer' FROM asks ORDER BY id")
        return rows.fetchall()


async def last_entry(running: RunningBot) -> str | None:
    """The entry id of the latest logged ask (None if it was not answered)."""
    await running.bot.service.queue_count(None)  # writes the asks waiting in memory
    with sqlite3.connect(running.settings.database_path) as db:
        row = db.execute("SELECT entry_id FROM asks ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None
