"""The digest as a Discord embed; user-written questions are made inert."""

from __future__ import annotations

import discord

from bot.app.render import EMBED_FIELD_VALUE_MAX, clip, neutral, quote_block
from bot.digest.content import Digest, quotation


def digest_embed(digest: Digest) -> discord.Embed:
    embed = discord.Embed(
        title=clip(f"Daily brief: {digest.article.title}", 256),
        description=clip("\n".join(f"• {p}" for p in digest.article.key_points), 4096),
        colour=discord.Colour.gold(),
    )
    if digest.quote is not None:
        passage = quote_block(quotation(digest.quote).display, 700)
        value = clip(f"{passage}\n{digest.quote.answer}", EMBED_FIELD_VALUE_MAX)
        embed.add_field(name="Quote of the day", value=value, inline=False)
    activity = digest.activity
    if activity.asked:
        lines = [f"{activity.asked} question(s) asked, {activity.answered_share:.0%} answered."]
        lines += [
            f"{i}. {neutral(question, 150)} (×{count})"
            for i, (question, count) in enumerate(activity.top_questions, 1)
        ]
        yesterday = "\n".join(lines)
    else:
        yesterday = "No questions yet — try `/ask`!"
    embed.add_field(name="Yesterday", value=clip(yesterday, EMBED_FIELD_VALUE_MAX), inline=False)
    embed.add_field(
        name="For moderators",
        value=f"{digest.waiting_for_review} question(s) waiting for review (`/qa unanswered`).",
        inline=False,
    )
    embed.set_footer(text=f"{digest.day.isoformat()} · ask me anything with /ask")
    return embed
