"""One place that turns failures into a friendly, private reply: for commands, buttons, forms."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.app.refusals import refusal
from bot.curation.errors import CurationError
from bot.store import StoreError

if TYPE_CHECKING:
    from bot.app.client import BriefBot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()


class NotModerator(app_commands.CheckFailure):
    """The member lacks Manage Server and the guild's moderator role."""


class NotOwner(app_commands.CheckFailure):
    """Only the bot's owner may change what every server shares."""


class NotGuildOwner(app_commands.CheckFailure):
    """Only the server's owner may erase what briefbot keeps for the server."""


class UserFacingError(app_commands.AppCommandError):
    """A refusal whose message is meant for the person (bad input, unknown entry...)."""


NOT_MODERATOR = (
    "This command is for moderators: members with **Manage Server** or the moderator role set "
    "with `/config modrole`."
)
NOT_OWNER = (
    "Only the bot's owner can change what every server shares (the knowledge files). "
    "Changes you make here stay in this server: try `/qa import` without `everywhere`."
)


async def reply_privately(interaction: discord.Interaction[Any], text: str) -> None:
    text = text[:2000]
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)


def message_for(error: BaseException) -> str | None:
    """What the person is told for an error we expect, or None for a bug."""
    cause = getattr(error, "original", error)
    if isinstance(cause, NotModerator):
        return NOT_MODERATOR
    if isinstance(cause, NotOwner):
        return NOT_OWNER
    if isinstance(cause, NotGuildOwner):
        return "Only the server's owner can erase its data."
    if isinstance(cause, UserFacingError):
        return str(cause)
    if isinstance(cause, CurationError):
        return refusal(cause)
    if isinstance(cause, StoreError):
        return f"The database refused: {cause.public}. Nothing was changed."
    if isinstance(cause, app_commands.NoPrivateMessage):
        return "This command works in a server, not in DMs."
    return None


async def report(
    bot: BriefBot, interaction: discord.Interaction[Any], error: BaseException, where: str
) -> None:
    """The one error-to-reply path: refusals audited, expected errors explained, bugs logged."""
    cause = getattr(error, "original", error)
    if isinstance(cause, NotModerator | NotOwner | NotGuildOwner):
        log.warning(
            "refused %s to %s in guild %s", where, interaction.user.id, interaction.guild_id
        )
        try:
            await bot.service.audit(
                str(interaction.user.id), "refused", interaction.guild_id, {"command": where}
            )
        except StoreError as exc:
            log.warning("could not audit a refusal: %s", exc)
    text = message_for(cause)
    if text is None:
        log.exception("%s failed", where, exc_info=cause)
        text = "Sorry, something went wrong on my side. Please try again."
    try:
        await reply_privately(interaction, text)
    except discord.HTTPException as exc:
        log.warning("could not tell %s about an error: %s", interaction.user.id, exc)


async def report_to_message(message: discord.Message, error: BaseException, where: str) -> None:
    """The same, for a question asked in a message (a mention, a DM): a reply to it."""
    text = message_for(error)
    if text is None:
        log.exception("%s failed", where, exc_info=error)
        text = "Sorry, something went wrong on my side. Please try again."
    try:
        await message.reply(text, mention_author=False, allowed_mentions=NONE)
    except discord.HTTPException as exc:
        log.warning("could not tell %s about an error: %s", message.author.id, exc)


async def handle_app_command_error(
    bot: BriefBot, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
) -> None:
    command = interaction.command.qualified_name if interaction.command else "?"
    await report(bot, interaction, error, command)
