"""/config: the guild's ask channel and moderator role."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.checks import is_moderator
from bot.app.client import BriefBot
from bot.app.errors import NotModerator
from bot.app.render import neutral

NONE = discord.AllowedMentions.none()


def _channel(channel_id: int | None) -> str:
    return f"<#{channel_id}>" if channel_id else "not set"


# Registered for Manage Server by default (Discord hides it from others; a server can open it
# to the moderator role under Integrations) and checked again at run time.
@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Config(
    commands.GroupCog, group_name="config", group_description="briefbot's server settings"
):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[BriefBot]) -> bool:
        if not await is_moderator(interaction):
            raise NotModerator()
        return True

    @app_commands.command(name="askchannel", description="Answer every message in a channel")
    @app_commands.describe(channel="The channel (leave empty to turn the ask channel off)")
    async def askchannel(
        self, interaction: discord.Interaction[BriefBot], channel: discord.TextChannel | None = None
    ) -> None:
        assert interaction.guild_id is not None
        await self.bot.update_guild_settings(
            interaction.guild_id,
            interaction.user.id,
            ask_channel_id=channel.id if channel else None,
        )
        if channel is None:
            text = "Ask channel turned off. Members can still use /ask, mentions and DMs."
        else:
            text = f"Every message in {channel.mention} will now be taken as a question."
            if not self.bot.settings.message_content_intent:
                text += (
                    "\n⚠️ The Message Content intent is off, so I can't read messages there yet:"
                    " enable it in the developer portal and set"
                    " BRIEFBOT_MESSAGE_CONTENT_INTENT=true."
                )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="modrole", description="Let a role use moderator commands")
    @app_commands.describe(role="The role (leave empty to rely on Manage Server only)")
    async def modrole(
        self, interaction: discord.Interaction[BriefBot], role: discord.Role | None = None
    ) -> None:
        assert interaction.guild_id is not None
        await self.bot.update_guild_settings(
            interaction.guild_id, interaction.user.id, mod_role_id=role.id if role else None
        )
        text = (
            f"Members with {role.mention} can now use moderator commands."
            if role
            else "Moderator role cleared: only members with Manage Server can moderate."
        )
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="show", description="Show briefbot's settings for this server")
    async def show(self, interaction: discord.Interaction[BriefBot]) -> None:
        assert interaction.guild_id is not None
        settings = await self.bot.guild_settings(interaction.guild_id)
        store = self.bot.service.store
        embed = discord.Embed(title="briefbot settings", colour=discord.Colour.blurple())
        embed.add_field(name="Ask channel", value=_channel(settings.ask_channel_id))
        embed.add_field(
            name="Moderator role",
            value=f"<@&{settings.mod_role_id}>" if settings.mod_role_id else "Manage Server only",
        )
        if settings.digest_enabled and settings.digest_channel_id:
            digest = f"{_channel(settings.digest_channel_id)} at {settings.digest_time} "
            digest += f"({settings.digest_tz})"
        else:
            digest = "off"
        embed.add_field(name="Daily digest", value=digest, inline=False)
        last = await store.last_digest(interaction.guild_id)
        if last is not None:
            status = f"{last.local_date}: {last.status}"
            if last.detail:
                status += f" — {neutral(last.detail, 200)}"
            embed.add_field(name="Last digest", value=status, inline=False)
        embed.add_field(
            name="Review queue", value=f"{await store.review_count()} question(s) waiting"
        )
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(Config(bot))
