"""Buttons that outlive a restart: their state lives in the custom id (discord.py DynamicItem).

A did-you-mean button carries the ask's id and the suggestion's place in it (the ask keeps the
list), not an entry id: custom ids stay far inside Discord's 100 characters. Buttons posted
before that (`bb:ask:<entry id>`) keep working.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot import metrics
from bot.app.render import BUTTON_LABEL_MAX, answer_embed, clip
from bot.service import Answer, Audience, Suggestion

if TYPE_CHECKING:
    from bot.app.client import BriefBot

NONE = discord.AllowedMentions.none()
GONE = "That entry has been removed since; please ask again."


def audience_of(interaction: discord.Interaction[Any]) -> Audience:
    return Audience(interaction.guild_id)


class FeedbackButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"bb:fb:(?P<query>\d{1,19}):(?P<helpful>[01])",
):
    def __init__(self, query_id: int, helpful: bool) -> None:
        super().__init__(
            discord.ui.Button(
                label="Helpful" if helpful else "Not helpful",
                emoji="👍" if helpful else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"bb:fb:{query_id}:{int(helpful)}",
            )
        )
        self.query_id = query_id
        self.helpful = helpful

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Button[Any],
        match: re.Match[str],
    ) -> FeedbackButton:
        return cls(int(match["query"]), match["helpful"] == "1")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client
        recorded = await bot.service.feedback(self.query_id, interaction.user.id, self.helpful)
        metrics.record_feedback(recorded, self.helpful, interaction.guild)
        text = "Thanks for the feedback!" if recorded else "That answer is no longer on record."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


async def _send_answer(interaction: discord.Interaction[Any], answer: Answer | None) -> None:
    if answer is None:
        await interaction.followup.send(GONE, allowed_mentions=NONE)
        return
    await interaction.followup.send(
        embed=answer_embed(answer), view=answer_view(answer.query_id), allowed_mentions=NONE
    )


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"bb:sg:(?P<query>\d{1,19}):(?P<index>\d)",
):
    def __init__(self, query_id: int, index: int, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(label or "Show this answer", BUTTON_LABEL_MAX),
                style=discord.ButtonStyle.primary,
                custom_id=f"bb:sg:{query_id}:{index}",
            )
        )
        self.query_id = query_id
        self.index = index

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Button[Any],
        match: re.Match[str],
    ) -> SuggestionButton:
        return cls(int(match["query"]), int(match["index"]), item.label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client
        await interaction.response.defer(thinking=True)
        answer = await bot.service.ask_suggestion(
            self.query_id,
            self.index,
            audience=audience_of(interaction),
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
        )
        await _send_answer(interaction, answer)


class LegacySuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"bb:ask:(?P<entry>[a-z0-9][a-z0-9-]{1,79})",
):
    """A did-you-mean button posted before asks kept their suggestions: it names the entry."""

    def __init__(self, entry_id: str, label: str = "") -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(label or entry_id, BUTTON_LABEL_MAX),
                style=discord.ButtonStyle.primary,
                custom_id=f"bb:ask:{entry_id}",
            )
        )
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Button[Any],
        match: re.Match[str],
    ) -> LegacySuggestionButton:
        return cls(match["entry"], item.label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client
        await interaction.response.defer(thinking=True)
        audience = audience_of(interaction)
        found = bot.service.view(audience).by_id(self.entry_id)
        answer = None
        if len(found) == 1:
            answer = await bot.service.answer_with(
                found[0].key,
                audience=audience,
                channel_id=interaction.channel_id,
                user_id=interaction.user.id,
            )
        await _send_answer(interaction, answer)


def answer_view(query_id: int | None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    if query_id is not None:
        view.add_item(FeedbackButton(query_id, helpful=True))
        view.add_item(FeedbackButton(query_id, helpful=False))
    return view


def suggestions_view(query_id: int | None, suggestions: tuple[Suggestion, ...]) -> discord.ui.View:
    """One button per suggestion. Without a logged ask (logging turned off) a button names its
    entry instead, as older buttons did."""
    view = discord.ui.View(timeout=None)
    for index, suggestion in enumerate(suggestions[:3]):
        label = suggestion.entry.question
        if query_id is not None:
            view.add_item(SuggestionButton(query_id, index, label))
        else:
            view.add_item(LegacySuggestionButton(suggestion.entry.id, label))
    return view


DYNAMIC_ITEMS = (FeedbackButton, SuggestionButton, LegacySuggestionButton)
