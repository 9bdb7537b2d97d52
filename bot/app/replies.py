"""The message for a reply: an answer as an embed with feedback buttons, anything else as text
(a decline with did-you-mean buttons, help, the article's metadata). Public replies carry a
Delete button for the person who asked."""

from __future__ import annotations

from typing import Any

import discord

from bot.app.render import MESSAGE_MAX, answer_embed, clip, decline_text
from bot.app.views import answer_view, suggestions_view
from bot.service import Answer
from bot.service.answer import ANSWER


def is_public(answer: Answer) -> bool:
    """Only answers from the article are posted for everyone when a slash command asks:
    declines, suggestions, help and the like go to the asker alone."""
    return answer.reply == ANSWER


def reply_for(answer: Answer, *, asker_id: int | None = None) -> dict[str, Any]:
    """Keyword arguments for `send`/`reply`; nothing in them can ping anyone. `asker_id`
    (on public replies only) adds a Delete button for the asker."""
    kwargs: dict[str, Any] = {"allowed_mentions": discord.AllowedMentions.none()}
    if answer.entry is not None:
        kwargs["embed"] = answer_embed(answer)
        kwargs["view"] = answer_view(answer.query_id, asker_id)
        return kwargs
    if answer.kind is not None:
        kwargs["content"] = clip(answer.message or "", MESSAGE_MAX)
        view = answer_view(None, asker_id)
    else:
        kwargs["content"] = decline_text(answer)
        view = suggestions_view(answer.query_id, answer.suggestions, asker_id)
    if view.children:
        kwargs["view"] = view
    return kwargs
