"""Buttons that outlive a restart: their state lives in the custom id (discord.py DynamicItem).

A did-you-mean button carries the ask's id and the suggestion's place in it (the ask keeps the
list), not an entry id: custom ids stay far inside Discord's 100 characters. Buttons posted
before that (`bb:ask:<entry id>`) keep working.

A did-you-mean message is settled by its first click: it is edited into the answer (public
unless the decline was private). A click that comes after (someone else's, at the same time)
gets the answer privately, so the channel never fills with copies.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot import metrics
from bot.app.delete import DeleteButton, asker_of
from bot.app.render import BUTTON_LABEL_MAX, answer_embed, clip
from bot.app.reported import Reported
from bot.service import Answer, Audience, Suggestion
from bot.service.conversation import ConversationKey

if TYPE_CHECKING:
    from bot.app.client import BriefBot

NONE = discord.AllowedMentions.none()
GONE = "That entry has been removed since; please ask again."


def audience_of(interaction: discord.Interaction[Any]) -> Audience:
    return Audience(interaction.guild_id)


def conversation_of(interaction: discord.Interaction[Any]) -> ConversationKey:
    return (interaction.guild_id, interaction.channel_id, interaction.user.id)


class Settled:
    """Did-you-mean messages already answered by a click (the latest few thousand)."""

    def __init__(self, kept: int = 5000) -> None:
        self._ids: OrderedDict[int, None] = OrderedDict()
        self._kept = kept

    def first(self, message_id: int) -> bool:
        """True for the first click on this message; every later call is False."""
        if message_id in self._ids:
            return False
        self._ids[message_id] = None
        while len(self._ids) > self._kept:
            self._ids.popitem(last=False)
        return True


class FeedbackButton(Reported, template=r"bb:fb:(?P<query>\d{1,19}):(?P<helpful>[01])"):
    where = "a feedback button"

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
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> FeedbackButton:
        return cls(int(match["query"]), match["helpful"] == "1")

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client
        recorded = await bot.service.feedback(self.query_id, interaction.user.id, self.helpful)
        metrics.record_feedback(recorded, self.helpful, interaction.guild)
        text = "Thanks for the feedback!" if recorded else "That answer is no longer on record."
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


async def answer_click(
    interaction: discord.Interaction[Any], resolve: Callable[[], Awaitable[Answer | None]]
) -> None:
    """Answer a did-you-mean click: the first click edits the message into the answer, any
    later one gets the answer privately."""
    bot: BriefBot = interaction.client
    message = interaction.message
    first = message is not None and bot.settled.first(message.id)
    if first:
        await interaction.response.defer()
    else:
        await interaction.response.defer(ephemeral=True, thinking=True)
    answer = await resolve()
    if not first:
        if answer is None:
            await interaction.followup.send(GONE, ephemeral=True, allowed_mentions=NONE)
        else:
            view = answer_view(answer.query_id, None)
            await interaction.followup.send(
                embed=answer_embed(answer), view=view, ephemeral=True, allowed_mentions=NONE
            )
        return
    assert message is not None
    private = message.flags.ephemeral
    asker = None if private else asker_of(message) or interaction.user.id
    if answer is None:
        view = answer_view(None, asker)
        await interaction.edit_original_response(
            content=GONE, embed=None, view=view if view.children else None, allowed_mentions=NONE
        )
        return
    await interaction.edit_original_response(
        content=None,
        embed=answer_embed(answer),
        view=answer_view(answer.query_id, asker),
        allowed_mentions=NONE,
    )


class SuggestionButton(Reported, template=r"bb:sg:(?P<query>\d{1,19}):(?P<index>\d)"):
    where = "a did-you-mean button"

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
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> SuggestionButton:
        return cls(int(match["query"]), int(match["index"]), getattr(item, "label", None) or "")

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client

        async def resolve() -> Answer | None:
            return await bot.service.ask_suggestion(
                self.query_id,
                self.index,
                audience=audience_of(interaction),
                channel_id=interaction.channel_id,
                user_id=interaction.user.id,
                conversation=conversation_of(interaction),
            )

        await answer_click(interaction, resolve)


class LegacySuggestionButton(Reported, template=r"bb:ask:(?P<entry>[a-z0-9][a-z0-9-]{1,79})"):
    """A did-you-mean button posted before asks kept their suggestions: it names the entry."""

    where = "a did-you-mean button"

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
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> LegacySuggestionButton:
        return cls(match["entry"], getattr(item, "label", None) or "")

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        bot: BriefBot = interaction.client
        audience = audience_of(interaction)

        async def resolve() -> Answer | None:
            found = bot.service.view(audience).by_id(self.entry_id)
            if len(found) != 1:
                return None
            return await bot.service.answer_with(
                found[0].key,
                audience=audience,
                channel_id=interaction.channel_id,
                user_id=interaction.user.id,
                conversation=conversation_of(interaction),
            )

        await answer_click(interaction, resolve)


def answer_view(query_id: int | None, asker_id: int | None) -> discord.ui.View:
    """Helpful / Not helpful (when the ask was logged), and Delete on a public reply."""
    view = discord.ui.View(timeout=None)
    if query_id is not None:
        view.add_item(FeedbackButton(query_id, helpful=True))
        view.add_item(FeedbackButton(query_id, helpful=False))
    if asker_id is not None:
        view.add_item(DeleteButton(asker_id))
    return view


def suggestions_view(
    query_id: int | None, suggestions: tuple[Suggestion, ...], asker_id: int | None
) -> discord.ui.View:
    """One button per suggestion (and Delete on a public reply). Without a logged ask
    (logging turned off) a button names its entry instead, as older buttons did."""
    view = discord.ui.View(timeout=None)
    for index, suggestion in enumerate(suggestions[:3]):
        label = suggestion.entry.question
        if query_id is not None:
            view.add_item(SuggestionButton(query_id, index, label))
        else:
            view.add_item(LegacySuggestionButton(suggestion.entry.id, label))
    if asker_id is not None:
        view.add_item(DeleteButton(asker_id))
    return view


DYNAMIC_ITEMS = (FeedbackButton, SuggestionButton, LegacySuggestionButton, DeleteButton)
