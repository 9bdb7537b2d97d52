"""Page sources for the /qa pager: entries, the review queue and the audit log, of one server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import discord

from bot.curation.search import find_entries
from bot.exts.qa.format import PAGE_SIZE, history_page, list_page, queue_page
from bot.models import EntryKey
from bot.service import Audience, BriefingService
from bot.store.records import Proposal

HISTORY_PAGES_MAX = 20

# A page: its embed and whether a next page exists.
FetchPage = Callable[[int], Awaitable[tuple[discord.Embed, bool]]]


def entries(service: BriefingService, audience: Audience, query: str | None) -> FetchPage:
    """Matching entries, found once: paging shows a stable list even while others edit."""
    found = find_entries(list(service.view(audience).entries.values()), query or "")

    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        return list_page(found, page, query)

    return fetch


def queue(service: BriefingService, guild_id: int, proposals: Sequence[Proposal]) -> FetchPage:
    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        total = await service.queue_count(guild_id)
        items = await service.queue(guild_id, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        flags = await service.flags(guild_id) if page == 0 else []
        return queue_page(items, page, total, proposals, flags)

    return fetch


def history(service: BriefingService, guild_id: int | None, key: EntryKey | None) -> FetchPage:
    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        # The store pages from the latest record: fetch through this page, plus one to know
        # whether another page follows.
        records = await service.history(guild_id, key, limit=(page + 1) * PAGE_SIZE + 1)
        shown = records[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        more = len(records) > (page + 1) * PAGE_SIZE and page + 1 < HISTORY_PAGES_MAX
        return history_page(shown, page, key[1] if key else None, more)

    return fetch
