"""Answers as Discord messages, within Discord's limits and unable to ping anyone."""

from __future__ import annotations

import discord

from bot.service import Answer

EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
MESSAGE_MAX = 2000
BUTTON_LABEL_MAX = 80
CHOICE_MAX = 100
EMBED_COLOUR = discord.Colour.blurple()


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def neutral(text: str, limit: int) -> str:
    """User-written text made inert: no markdown, no mentions, within a length.

    discord.py escapes markdown, @everyone/@here and long ids; a zero-width space after every
    "<" also defuses `<@123>`, `<#…>`, `<@&…>`, `</cmd:…>` and `<t:…>`, whatever their length.
    """
    text = " ".join(text.split())
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return clip(text.replace("<", "<\u200b"), limit)


def quote_block(text: str, limit: int) -> str:
    return clip("\n".join(f"> {line}" for line in text.splitlines() or [""]), limit)


def answer_embed(answer: Answer) -> discord.Embed:
    entry = answer.entry
    assert entry is not None
    embed = discord.Embed(title=neutral(answer.question, EMBED_TITLE_MAX), colour=EMBED_COLOUR)
    quotes = "\n\n".join(quote_block(e.display, 1500) for e in entry.evidence)
    body = entry.answer + ("\n\n" + quotes if quotes else "")
    embed.description = clip(body, EMBED_DESCRIPTION_MAX)
    sections = sorted({e.section for e in entry.evidence if e.section})
    title = answer.article.title if answer.article else entry.article_id
    source = f"*{title}*" + (f" — section “{'”, “'.join(sections)}”" if sections else "")
    embed.add_field(name="Source", value=clip(source, EMBED_FIELD_VALUE_MAX), inline=False)
    embed.set_footer(text=f"{entry.id} · confidence {answer.confidence:.0%}")
    return embed


def decline_text(answer: Answer) -> str:
    if answer.message:
        return answer.message
    if answer.verdict == "empty":
        return "I couldn't find a question in that. Ask me something about the article!"
    if answer.suggestions:
        return "I'm not sure the article answers that exactly. Did you mean one of these?"
    return (
        "Sorry — the article doesn't say anything I can match to that. "
        "Try asking who said something, who someone is, or what it says about a topic."
    )
