"""The pages of /qa list, /qa unanswered and /qa history, of one server, computed from what a
pager button says (kind, page, argument): nothing is kept between clicks, so a page still
turns after a restart."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import discord

from bot.curation.search import find_entries
from bot.exts.qa.format import PAGE_SIZE, PROPOSALS_SHOWN, history_page, list_page, queue_page
from bot.models import EntryKey
from bot.service import Audience, BriefingService
from bot.store.records import Proposal

HISTORY_PAGES_MAX = 20
LIST, UNANSWERED, HISTORY = "l", "u", "h"
ARG_MAX = 60  # what a pager's custom id may carry besides its kind, page and owner


@dataclass(frozen=True)
class Page:
    embed: discord.Embed
    more: bool  # a next page exists
    proposals: tuple[Proposal, ...] = ()  # shown with a Teach button each


def entry_arg(key: EntryKey) -> str:
    """How a pager names an entry: `article/id`, or a short hash when that is too long."""
    ref = f"{key[0]}/{key[1]}"
    return ref if len(ref) <= ARG_MAX else "#" + hashlib.sha1(ref.encode()).hexdigest()[:16]


def key_of_arg(service: BriefingService, guild_id: int | None, arg: str) -> EntryKey | None:
    if not arg:
        return None
    if not arg.startswith("#"):
        article, _, entry = arg.partition("/")
        return (article, entry)
    for key in service.view(Audience(guild_id)).entries:
        if entry_arg(key) == arg:
            return key
    return None


def proposal_ref(proposal: Proposal) -> str:
    """A proposal named in 12 characters: which question, which entry."""
    text = f"{proposal.question_key}|{proposal.key[0]}|{proposal.key[1]}"
    return hashlib.sha1(text.encode()).hexdigest()[:12]


async def page_of(
    service: BriefingService, guild_id: int | None, kind: str, page: int, arg: str
) -> Page:
    if kind == LIST:
        found = find_entries(list(service.view(Audience(guild_id)).entries.values()), arg)
        embed, more = list_page(found, page, arg or None)
        return Page(embed, more)
    if kind == UNANSWERED:
        assert guild_id is not None
        total = await service.queue_count(guild_id)
        items = await service.queue(guild_id, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        proposals = await service.proposals(guild_id) if page == 0 else []
        flags = await service.flags(guild_id) if page == 0 else []
        embed, more = queue_page(items, page, total, proposals, flags)
        return Page(embed, more, tuple(proposals[:PROPOSALS_SHOWN]))
    key = key_of_arg(service, guild_id, arg)
    # The store pages from the latest record: fetch through this page, plus one to know
    # whether another page follows.
    records = await service.history(guild_id, key, limit=(page + 1) * PAGE_SIZE + 1)
    shown = records[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    more = len(records) > (page + 1) * PAGE_SIZE and page + 1 < HISTORY_PAGES_MAX
    embed, more = history_page(shown, page, key[1] if key else None, more)
    return Page(embed, more)
