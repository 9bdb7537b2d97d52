"""The digest as Discord embeds; user-written questions are made inert, limits are kept."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.app.render import (
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    clip,
    neutral,
    quote_block,
)
from bot.digest.content import Digest, quotation
from bot.text.plural import count

EMBEDS_PER_MESSAGE = 10
MESSAGE_EMBED_CHARS_MAX = 6000  # across all the embeds of one message
QUESTION_MAX = 150


def _yesterday(digest: Digest) -> str:
    activity = digest.activity
    if not activity.asked:
        return "No questions yet — try `/ask`!"
    lines = [f"{count(activity.asked, 'question')} asked, {activity.answered_share:.0%} answered."]
    lines += [
        f"{i}. {neutral(question, QUESTION_MAX)} (×{times})"
        for i, (question, times) in enumerate(activity.top_questions, 1)
    ]
    return "\n".join(lines)


def _moderators(digest: Digest) -> str:
    waiting = count(digest.waiting_for_review, "question")
    lines = [f"{waiting} waiting for review (`/qa unanswered`)."]
    lines += [f"• {n}" for n in digest.notices]
    return "\n".join(lines)


def digest_embed(digest: Digest, *, first: bool = True) -> discord.Embed:
    """One article's embed; the first of a message also carries the server's activity."""
    article = digest.article
    heading = "New here" if digest.new else "Daily brief"
    points = "\n".join(f"• {p}" for p in article.key_points)
    if digest.new:
        points = f"{article.summary}\n\n{points}"
    embed = discord.Embed(
        title=clip(f"{heading}: {article.title}", EMBED_TITLE_MAX),
        url=article.url or None,
        description=clip(points, EMBED_DESCRIPTION_MAX),
        colour=discord.Colour.gold(),
    )
    if digest.quote is not None:
        passage = quote_block(quotation(digest.quote).display, 700)
        value = clip(f"{passage}\n{digest.quote.answer}", EMBED_FIELD_VALUE_MAX)
        embed.add_field(name="Quote of the day", value=value, inline=False)
    if first:
        embed.add_field(
            name="Yesterday", value=clip(_yesterday(digest), EMBED_FIELD_VALUE_MAX), inline=False
        )
        embed.add_field(
            name="For moderators",
            value=clip(_moderators(digest), EMBED_FIELD_VALUE_MAX),
            inline=False,
        )
    embed.set_footer(text=f"{digest.day.isoformat()} · ask me anything with /ask")
    return embed


def fit(embed: discord.Embed, budget: int) -> discord.Embed:
    """Shorten the longest texts (description or field values) until the embed fits `budget`."""
    for _ in range(2 + len(embed.fields)):
        excess = len(embed) - budget
        if excess <= 0:
            break
        sizes = [(len(embed.description or ""), -1)]
        sizes += [(len(f.value or ""), i) for i, f in enumerate(embed.fields)]
        size, index = max(sizes)
        if size <= 1:
            break
        keep = max(size - excess, 1)
        if index < 0:
            embed.description = clip(embed.description or "", keep)
        else:
            f = embed.fields[index]
            embed.set_field_at(index, name=f.name, value=clip(f.value or "", keep), inline=False)
    return embed


def digest_embeds(digests: Sequence[Digest]) -> list[discord.Embed]:
    """One embed per article, at most ten, together within Discord's 6000 characters."""
    chosen = digests[:EMBEDS_PER_MESSAGE]
    budget = MESSAGE_EMBED_CHARS_MAX // max(len(chosen), 1)
    return [fit(digest_embed(d, first=n == 0), budget) for n, d in enumerate(chosen)]
