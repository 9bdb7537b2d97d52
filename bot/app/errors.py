"""One place that turns command failures into a friendly, private reply."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.app.client import BriefBot

log = logging.getLogger(__name__)


class NotModerator(app_commands.CheckFailure):
    """The member lacks Manage Server and the guild's moderator role."""


class UserFacingError(app_commands.AppCommandError):
    """A refusal whose message is meant for the person (bad input, unknown entry...)."""


async def reply_privately(interaction: discord.Interaction, text: str) -> None:
    text = text[:2000]
    if interaction.response.is_done():
        await interaction.followup.send(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
    else:
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )


async def handle_app_command_error(
    bot: BriefBot, interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    command = interaction.command.qualified_name if interaction.command else "?"
    if isinstance(error, NotModerator):
        log.warning(
            "refused /%s to non-moderator %s in guild %s",
            command,
            interaction.user.id,
            interaction.guild_id,
        )
        await bot.service.store.audit(
            str(interaction.user.id), "refused", {"command": command}, interaction.guild_id
        )
        await reply_privately(
            interaction,
            "This command is for moderators: members with **Manage Server** or the moderator "
            "role set with `/config modrole`.",
        )
        return
    if isinstance(error, UserFacingError):
        await reply_privately(interaction, str(error))
        return
    if isinstance(error, app_commands.NoPrivateMessage):
        await reply_privately(interaction, "This command works in a server, not in DMs.")
        return
    log.exception("/%s failed", command, exc_info=error)
    await reply_privately(interaction, "Sorry, something went wrong on my side. Please try again.")
