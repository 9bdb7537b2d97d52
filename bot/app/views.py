"""Buttons that outlive a restart: their state lives in the custom id (discord.py DynamicItem)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot import metrics
from bot.app.render import BUTTON_LABEL_MAX, answer_embed, clip
from bot.engine import Candidate

if TYPE_CHECKING:
    from bot.app.client import BriefBot

NONE = discord.AllowedMentions.none()


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
        bot: BriefBot = interaction.client  # type: ignore[assignment]
        recorded = await bot.service.store.record_feedback(
            self.query_id, interaction.user.id, self.helpful
        )
        metrics.record_feedback(recorded, self.helpful, interaction.guild)
        text = "Thanks for the feedback!" if recorded else "That answer is no longer on record."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"bb:ask:(?P<entry>[a-z0-9][a-z0-9-]{1,79})",
):
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
    ) -> SuggestionButton:
        return cls(match["entry"], item.label or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client  # type: ignore[assignment]
        await interaction.response.defer(thinking=True)
        answer = await bot.service.ask_entry(
            self.entry_id,
            source="suggestion",
            guild_id=interaction.guild_id,
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
        )
        if answer is None:
            await interaction.followup.send(
                "That entry has been removed since; please ask again.", allowed_mentions=NONE
            )
            return
        await interaction.followup.send(
            embed=answer_embed(answer), view=answer_view(answer.query_id), allowed_mentions=NONE
        )


def answer_view(query_id: int | None) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    if query_id is not None:
        view.add_item(FeedbackButton(query_id, helpful=True))
        view.add_item(FeedbackButton(query_id, helpful=False))
    return view


def suggestions_view(suggestions: tuple[Candidate, ...]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for suggestion in suggestions[:3]:
        view.add_item(SuggestionButton(suggestion.entry_id, suggestion.question))
    return view
