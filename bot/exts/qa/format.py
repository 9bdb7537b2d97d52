"""What /qa shows: embeds and replies within Discord's limits, user-written text made inert."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import discord

from bot.app.render import (
    EMBED_COLOUR,
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    MESSAGE_MAX,
    clip,
    neutral,
    quote_block,
)
from bot.curation.export import ExportFile
from bot.curation.files import Imported
from bot.curation.history import describe
from bot.knowledge.loader import Problem
from bot.knowledge.schema import MIN_ALTERNATES
from bot.models import Entry
from bot.store.records import AuditRecord, Flag, Proposal, QueueItem, SyncReport
from bot.text.plural import count

PAGE_SIZE = 10
PROPOSALS_SHOWN = 5  # each with a Teach button: a message holds at most 25 components


def when(moment: datetime) -> str:
    """A Discord timestamp: every reader sees it in their own time zone, e.g. "3 hours ago"."""
    return f"<t:{int(moment.timestamp())}:R>"


def who(actor: str) -> str:
    """A Discord user id as a mention (never pings: every send uses AllowedMentions.none())."""
    return f"<@{actor}>" if actor.isdigit() else f"*{neutral(actor, 40)}*"


def ids(found: Sequence[str], limit: int = 400) -> str:
    return clip(", ".join(f"`{i}`" for i in found), limit) if found else "none"


def _page_footer(page: int, pages: int, extra: str = "") -> str:
    return f"Page {page + 1} of {max(pages, 1)}" + (f" · {extra}" if extra else "")


def pages_for(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


# -- entries ---------------------------------------------------------------------------------


def entry_ref(entry: Entry) -> str:
    """How moderators name an entry: its article and id (ids repeat across articles)."""
    return f"{entry.article_id}/{entry.id}"


def entry_embed(
    entry: Entry, origin: str, article: str | None, latest: AuditRecord | None
) -> discord.Embed:
    embed = discord.Embed(
        title=neutral(entry.question, EMBED_TITLE_MAX),
        description=clip(neutral(entry.answer, EMBED_DESCRIPTION_MAX), EMBED_DESCRIPTION_MAX),
        colour=EMBED_COLOUR,
    )
    quotes = "\n".join(quote_block(neutral(e.display, 500), 510) for e in entry.evidence)
    embed.add_field(
        name="Evidence",
        value=clip(
            quotes or "none: shown to members as a note from the moderators", EMBED_FIELD_VALUE_MAX
        ),
        inline=False,
    )
    alternates = "\n".join(f"• {neutral(a, 150)}" for a in entry.alternates)
    embed.add_field(
        name=f"Alternates ({len(entry.alternates)})",
        value=clip(alternates or "none yet — add some with /qa alias", EMBED_FIELD_VALUE_MAX),
        inline=False,
    )
    embed.add_field(name="Kind", value=entry.kind + ("" if entry.reviewed else " · draft"))
    tags = ", ".join(neutral(t, 40) for t in entry.tags)
    embed.add_field(name="Tags", value=clip(tags or "none", EMBED_FIELD_VALUE_MAX))
    embed.add_field(name="Origin", value=origin_text(origin, article, latest), inline=False)
    embed.set_footer(text=entry_ref(entry))
    return embed


def origin_text(origin: str, article: str | None, latest: AuditRecord | None) -> str:
    """Where the entry comes from, and its latest recorded change."""
    text = origin
    if article:
        text += f" · article *{neutral(article, 200)}*"
    if latest is not None:
        text += f"\nlast change: {latest.action} by {who(latest.actor)} {when(latest.at)}"
    return clip(text, EMBED_FIELD_VALUE_MAX)


def list_page(found: Sequence[Entry], page: int, query: str | None) -> tuple[discord.Embed, bool]:
    start = page * PAGE_SIZE
    shown = found[start : start + PAGE_SIZE]
    several = len({e.article_id for e in found}) > 1
    lines = [
        f"`{entry_ref(e) if several else e.id}` · {e.kind}{'' if e.reviewed else ' · draft'}"
        f"\n{neutral(e.question, 150)}"
        for e in shown
    ]
    title = f"Entries matching “{neutral(query, 80)}”" if query else "Entries"
    embed = discord.Embed(
        title=clip(title, EMBED_TITLE_MAX),
        description=clip("\n".join(lines) or "No entry matches.", EMBED_DESCRIPTION_MAX),
        colour=EMBED_COLOUR,
    )
    embed.set_footer(text=_page_footer(page, pages_for(len(found)), count(len(found), "entry")))
    return embed, start + PAGE_SIZE < len(found)


def queue_page(
    items: Sequence[QueueItem],
    page: int,
    total: int,
    proposals: Sequence[Proposal] = (),
    flags: Sequence[Flag] = (),
) -> tuple[discord.Embed, bool]:
    """A page of this server's review queue; the first page also shows what members proposed
    with their clicks (teach one with its button) and answers they marked Not helpful."""
    lines = [
        f"**×{i.times_asked}** {neutral(i.question, 200)} · last {when(i.last_asked)}"
        for i in items
    ]
    if page == 0 and proposals:
        lines.append("\n**Members' clicks suggest:**")
        lines += [
            f"{n}. {neutral(p.question, 150)} → `{p.key[1]}` ({count(p.members, 'member')})"
            for n, p in enumerate(proposals[:PROPOSALS_SHOWN], 1)
        ]
    if page == 0 and flags:
        lines.append("\n**Marked not helpful:**")
        lines += [
            f"• {neutral(f.question, 150)} → `{f.key[1]}` ({count(f.members, 'member')})"
            for f in flags[:5]
        ]
    embed = discord.Embed(
        title="Unanswered questions",
        description=clip(
            "\n".join(lines) or "Nothing is waiting for review. 🎉", EMBED_DESCRIPTION_MAX
        ),
        colour=EMBED_COLOUR,
    )
    hint = " · teach one with /qa teach" if total else ""
    embed.set_footer(text=_page_footer(page, pages_for(total), f"{total} waiting{hint}"))
    return embed, (page + 1) * PAGE_SIZE < total


def history_page(
    records: Sequence[AuditRecord], page: int, entry_id: str | None, more: bool
) -> tuple[discord.Embed, bool]:
    lines = []
    for r in records:
        entry = f" `{r.entry_id}`" if r.entry_id else ""
        change = neutral(describe(r), 220)
        lines.append(
            f"{when(r.at)} {who(r.actor)} **{r.action}**{entry}" + (f"\n{change}" if change else "")
        )
    title = f"History of {entry_id}" if entry_id else "History"
    embed = discord.Embed(
        title=clip(title, EMBED_TITLE_MAX),
        description=clip("\n".join(lines) or "Nothing recorded yet.", EMBED_DESCRIPTION_MAX),
        colour=EMBED_COLOUR,
    )
    embed.set_footer(text=f"Page {page + 1} · latest first")
    return embed, more


def stats_embed(stats: dict[str, Any]) -> discord.Embed:
    """This server's figures (the entries it sees, its asks, its feedback, its queue)."""
    asked, answered = int(stats["asked"]), int(stats["answered"])
    share = f"{answered / asked:.0%}" if asked else "—"
    embed = discord.Embed(title="briefbot statistics", colour=EMBED_COLOUR)
    embed.add_field(name="Entries", value=str(stats["entries"]))
    embed.add_field(name="Alternate phrasings", value=str(stats["phrasings"]))
    embed.add_field(name="Questions asked", value=str(asked))
    embed.add_field(name="Answered", value=f"{answered} ({share})")
    embed.add_field(name="Feedback", value=f"👍 {stats['helpful']} · 👎 {stats['not_helpful']}")
    embed.add_field(name="Waiting for review", value=str(stats["waiting"]))
    top = "\n".join(f"`{key[1]}` ×{n}" for key, n in stats["top_entries"])
    embed.add_field(
        name="Most asked entries",
        value=clip(top or "none yet", EMBED_FIELD_VALUE_MAX),
        inline=False,
    )
    if stats.get("log_failures"):
        embed.add_field(
            name="Logging",
            value=f"{count(stats['log_failures'], 'failed write')} of the ask log since start"
            f" ({count(stats['asks_lost'], 'ask')} lost); answers were still sent.",
            inline=False,
        )
    return embed


# -- confirmations ---------------------------------------------------------------------------


def added_text(entry: Entry) -> str:
    lines = [f"Added `{entry.id}` ({entry.kind}) in this server: {neutral(entry.question, 300)}"]
    if entry.evidence:
        lines.append(f"Evidence: {neutral(entry.evidence[0].display, 900)}")
    else:
        lines.append(
            "No evidence: members see the answer as a note from this server's moderators,"
            " not as a quote from the article."
        )
    lines.append(
        f"Add at least {MIN_ALTERNATES} other phrasings with `/qa alias` so members find it"
        " (and so it can go into a knowledge file with /qa export)."
    )
    return clip("\n".join(lines), MESSAGE_MAX)


def taught_text(item: QueueItem, entry: Entry) -> str:
    return clip(
        f"{neutral(item.question, 300)} (asked {item.times_asked}×) now leads to `{entry.id}`"
        " here and has left the review queue.",
        MESSAGE_MAX,
    )


def import_text(imported: Imported) -> str:
    report = imported.report
    lines = [
        f"Imported. {len(report.added)} added: {ids(report.added)}",
        f"{len(report.updated)} updated: {ids(report.updated)}",
        f"{len(imported.unchanged)} unchanged: {ids(imported.unchanged)}",
        *imported.notes,
    ]
    return clip("\n".join(lines), MESSAGE_MAX)


def export_text(files: Sequence[ExportFile], problems: Sequence[Problem]) -> str:
    entries = sum(len(f.entry_ids) for f in files)
    lines = [
        f"Exported {count(entries, 'entry')} in {count(len(files), 'file')},"
        " in the knowledge/ format."
    ]
    for file in files:
        for entry_id, why in file.held_back:
            lines.append(f"⚠️ `{entry_id}` is in the file as a comment only: {neutral(why, 200)}")
    if problems:
        lines.append("⚠️ `briefbot check` would find problems in the export:")
        lines += [f"- {neutral(str(p), 200)}" for p in problems]
    return clip("\n".join(lines), MESSAGE_MAX)


def reload_text(report: SyncReport) -> str:
    lines = [f"Reloaded knowledge/: {report.summary()}."]
    for label, found in (
        ("Added", report.added),
        ("Updated", report.updated),
        ("Removed", report.removed),
    ):
        if found:
            lines.append(f"{label}: {ids(found)}")
    return clip("\n".join(lines), MESSAGE_MAX)
