"""Buttons and views whose failures reach the person: errors go through the one error-to-reply
path (bot.app.errors.report) instead of "This interaction failed"."""

from __future__ import annotations

from typing import Any

import discord

from bot.app.errors import report


class Reported(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"(?!)"):
    """Subclasses give their own template and implement `run`."""

    where = "a button"

    async def run(self, interaction: discord.Interaction[Any]) -> None:  # pragma: no cover
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self.run(interaction)
        except Exception as error:  # every failure becomes a reply, bugs are logged too
            await report(interaction.client, interaction, error, self.where)


class ReportingView(discord.ui.View):
    """A view whose checks and callbacks may raise: the person is told why, privately."""

    where = "a button"

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await report(interaction.client, interaction, error, self.where)
