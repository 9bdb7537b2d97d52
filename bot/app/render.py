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
NOTE_COLOUR = discord.Colour.greyple()


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
    """The answer, the verbatim passage(s) it rests on and the article it comes from. An entry
    without evidence is a note from the server's moderators and says so: never a quote."""
    entry = answer.entry
    assert entry is not None
    article = answer.article
    grounded = bool(entry.evidence)
    embed = discord.Embed(
        title=neutral(answer.question, EMBED_TITLE_MAX),
        url=article.url if article is not None and article.url else None,
        colour=EMBED_COLOUR if grounded else NOTE_COLOUR,
    )
    quotes = "\n\n".join(quote_block(e.display, 1500) for e in entry.evidence)
    body = entry.answer + ("\n\n" + quotes if quotes else "")
    embed.description = clip(body, EMBED_DESCRIPTION_MAX)
    title = article.title if article else entry.article_id
    if grounded:
        sections = sorted({e.section for e in entry.evidence if e.section})
        source = f"*{title}*" + (f" — section “{'”, “'.join(sections)}”" if sections else "")
        if article is not None and article.url:
            source = f"[{source}]({article.url})"
        embed.add_field(name="Source", value=clip(source, EMBED_FIELD_VALUE_MAX), inline=False)
    else:
        embed.add_field(
            name="A note from this server's moderators",
            value=clip(f"Not a quote from *{title}*.", EMBED_FIELD_VALUE_MAX),
            inline=False,
        )
    embed.set_footer(text=clip(f"From “{title}”", EMBED_FOOTER_MAX))
    return embed


def decline_text(answer: Answer) -> str:
    """A decline or did-you-mean note; suggestions from several articles say which is which."""
    text = answer.message or ""
    several = len({s.entry.article_id for s in answer.suggestions}) > 1
    if several:
        lines = [text]
        for number, s in enumerate(answer.suggestions, 1):
            title = s.article.title if s.article else s.entry.article_id
            lines.append(f"{number}. {neutral(s.entry.question, 150)} — *{clip(title, 80)}*")
        text = "\n".join(lines)
    return clip(text, MESSAGE_MAX)
