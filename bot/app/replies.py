"""The message for an answer: an embed with feedback buttons, or a decline with suggestions."""

from __future__ import annotations

from typing import Any

import discord

from bot.app.render import answer_embed, decline_text
from bot.app.views import answer_view, suggestions_view
from bot.service import Answer


def reply_for(answer: Answer) -> dict[str, Any]:
    """Keyword arguments for `send`/`reply`; nothing in them can ping anyone."""
    kwargs: dict[str, Any] = {"allowed_mentions": discord.AllowedMentions.none()}
    if answer.entry is not None:
        kwargs["embed"] = answer_embed(answer)
        kwargs["view"] = answer_view(answer.query_id)
    else:
        kwargs["content"] = decline_text(answer)
        view = suggestions_view(answer.query_id, answer.suggestions)
        if view.children:
            kwargs["view"] = view
    return kwargs
