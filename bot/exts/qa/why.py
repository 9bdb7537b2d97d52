"""/qa why: why an ask got the reply it got, for moderators. The ask's log row says what was
answered and with what score; the same question asked again now (this server's view, no
conversation) shows the runner-up, and whether the answer would still be the same."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import discord

from bot.app.render import (
    CHOICE_MAX,
    EMBED_COLOUR,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    clip,
    neutral,
)
from bot.exts.qa.format import when
from bot.service import Answer

REPLIES = {
    "answer": "answered",
    "suggest": "offered suggestions",
    "decline": "declined",
    "clarify": "asked back (a follow-up without a conversation to continue)",
    "help": "gave the help reply",
    "about": "told what the article states about itself",
}


def choice_name(row: dict[str, Any]) -> str:
    """An ask as /qa why's autocomplete lists it."""
    entry = f"`{row['entry_id']}`" if row["entry_id"] else REPLIES.get(row["reply"], row["reply"])
    return clip(f"{' '.join(row['question'].split())} → {entry}", CHOICE_MAX)


def _entry_line(article_id: str | None, entry_id: str | None, score: float) -> str:
    return f"`{article_id}/{entry_id}` at score {score:.2f}"


def why_embed(row: dict[str, Any], now: Answer) -> discord.Embed:
    """The ask (from its log row) beside the same question asked again now."""
    embed = discord.Embed(
        title=clip(f"Why: {neutral(row['question'], 200)}", EMBED_TITLE_MAX), colour=EMBED_COLOUR
    )
    asked = datetime.fromisoformat(row["asked_at"])
    reply = REPLIES.get(row["reply"], row["reply"])
    if row["entry_id"]:
        chose = f"{reply} with " + _entry_line(
            row["article_id"], row["entry_id"], row["confidence"]
        )
    else:
        chose = f"{reply} (best score {row['confidence']:.2f})"
    embed.add_field(name="Then", value=clip(f"{when(asked)}: {chose}", EMBED_FIELD_VALUE_MAX))
    if now.entry is not None:
        best = "answers with " + _entry_line(now.entry.article_id, now.entry.id, now.confidence)
        same = (now.entry.article_id, now.entry.id) == (row["article_id"], row["entry_id"])
        best += " (the same)" if same else " (a different entry)"
    else:
        best = f"{REPLIES.get(now.reply, now.reply)} (best score {now.confidence:.2f})"
    embed.add_field(name="Asked again now", value=clip(best, EMBED_FIELD_VALUE_MAX), inline=False)
    runner = now.runner_up
    if runner is not None:
        line = _entry_line(runner.entry.article_id, runner.entry.id, runner.score)
        embed.add_field(
            name="Runner-up",
            value=clip(f"{line}: {neutral(runner.entry.question, 200)}", EMBED_FIELD_VALUE_MAX),
            inline=False,
        )
    if now.suggestions and now.entry is None:
        lines = [f"`{s.entry.id}` at {s.score:.2f}" for s in now.suggestions]
        embed.add_field(name="Suggestions", value=clip(", ".join(lines), EMBED_FIELD_VALUE_MAX))
    embed.set_footer(
        text="An answer needs a high enough score and a clear lead over the runner-up;"
        " a follow-up is asked again here without its conversation."
    )
    return embed
