"""Who may do what: moderators (Manage Server, or the server's moderator role) curate their own
server; the bot's owner (the application's owner or team) alone changes the shared base. Checked
when a command runs and again when a form, confirmation or button applies the change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.app.errors import NotGuildOwner, NotModerator, NotOwner

if TYPE_CHECKING:
    from bot.app.client import BriefBot


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    if interaction.guild_id is None:
        return False
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.administrator:
        return True
    bot: BriefBot = interaction.client
    settings = await bot.guild_settings(interaction.guild_id)
    if settings.mod_role_id is None or not isinstance(interaction.user, discord.Member):
        return False
    return any(role.id == settings.mod_role_id for role in interaction.user.roles)


async def is_owner(interaction: discord.Interaction[Any]) -> bool:
    bot: BriefBot = interaction.client
    return await bot.is_owner(interaction.user)


async def require_moderator(interaction: discord.Interaction[Any]) -> None:
    """Raise NotModerator (turned into a private note and an audit record) unless allowed."""
    if not await is_moderator(interaction):
        raise NotModerator()


async def require_owner(interaction: discord.Interaction[Any]) -> None:
    if not await is_owner(interaction):
        raise NotOwner()


async def require_guild_owner(interaction: discord.Interaction[Any]) -> None:
    """Raise NotGuildOwner unless the person owns this server."""
    guild = interaction.guild
    if guild is None or interaction.user.id != guild.owner_id:
        raise NotGuildOwner()


async def _moderator_predicate(interaction: discord.Interaction[Any]) -> bool:
    await require_moderator(interaction)
    return True


def moderator_only() -> Any:
    """Checked at run time, on top of the default member permissions set at registration."""
    return app_commands.check(_moderator_predicate)
