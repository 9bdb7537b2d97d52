"""The delete button on the bot's public replies: the person who asked, or a moderator, may
remove the reply. The asker's id lives in the custom id, so the button outlives a restart."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.app.checks import is_moderator
from bot.app.reported import Reported

NONE = discord.AllowedMentions.none()
NOT_YOURS = "Only the person who asked, or a moderator, can delete this reply."
_DELETE_ID = re.compile(r"^bb:del:(\d{1,20})$")


class DeleteButton(Reported, template=r"bb:del:(?P<asker>\d{1,20})"):
    where = "the delete button"

    def __init__(self, asker_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                emoji="🗑️",
                label="Delete",
                style=discord.ButtonStyle.secondary,
                custom_id=f"bb:del:{asker_id}",
            )
        )
        self.asker_id = asker_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> DeleteButton:
        return cls(int(match["asker"]))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.user.id != self.asker_id and not await is_moderator(interaction):
            await interaction.response.send_message(
                NOT_YOURS, ephemeral=True, allowed_mentions=NONE
            )
            return
        await interaction.response.defer()
        await interaction.delete_original_response()


def asker_of(message: discord.Message | None) -> int | None:
    """Who asked for a reply, read from its delete button (None if it has none)."""
    if message is None:
        return None
    for row in message.components:
        for child in getattr(row, "children", ()):
            found = _DELETE_ID.match(getattr(child, "custom_id", None) or "")
            if found:
                return int(found.group(1))
    return None
