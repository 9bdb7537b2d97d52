"""Who may run moderator commands: Manage Server, or the guild's moderator role."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.app.errors import NotModerator

if TYPE_CHECKING:
    from bot.app.client import BriefBot


async def is_moderator(interaction: discord.Interaction[Any]) -> bool:
    if interaction.guild_id is None:
        return False
    permissions = interaction.permissions
    if permissions.manage_guild or permissions.administrator:
        return True
    bot: BriefBot = interaction.client  # type: ignore[assignment]
    settings = await bot.guild_settings(interaction.guild_id)
    if settings.mod_role_id is None or not isinstance(interaction.user, discord.Member):
        return False
    return any(role.id == settings.mod_role_id for role in interaction.user.roles)


async def _moderator_predicate(interaction: discord.Interaction[Any]) -> bool:
    if not await is_moderator(interaction):
        raise NotModerator()
    return True


def moderator_only() -> Any:
    """Checked at run time, on top of the default member permissions set at registration."""
    return app_commands.check(_moderator_predicate)
