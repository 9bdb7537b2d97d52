"""Page sources for the /qa pager: entries, the review queue and the audit log."""

from __future__ import annotations

import discord

from bot.curation.search import find_entries
from bot.exts.qa.format import PAGE_SIZE, history_page, list_page, queue_page
from bot.exts.qa.views import FetchPage
from bot.service import BriefingService

HISTORY_PAGES_MAX = 20


async def entries(service: BriefingService, query: str | None) -> FetchPage:
    """Matching entries, found once: paging shows a stable list even while others edit."""
    found = find_entries(await service.store.entries(), query or "")

    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        return list_page(found, page, query)

    return fetch


def queue(service: BriefingService) -> FetchPage:
    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        total = await service.store.review_count()
        items = await service.store.review_queue(limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        return queue_page(items, page, total)

    return fetch


def history(service: BriefingService, entry_id: str | None) -> FetchPage:
    async def fetch(page: int) -> tuple[discord.Embed, bool]:
        # The store pages from the latest record: fetch through this page, plus one to know
        # whether another page follows.
        records = await service.store.history(entry_id, limit=(page + 1) * PAGE_SIZE + 1)
        shown = records[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        more = len(records) > (page + 1) * PAGE_SIZE and page + 1 < HISTORY_PAGES_MAX
        return history_page(shown, page, entry_id, more)

    return fetch
