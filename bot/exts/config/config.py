"""/config: the guild's ask channel and moderator role."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.checks import is_moderator, require_guild_owner, require_moderator
from bot.app.client import BriefBot
from bot.app.errors import UserFacingError
from bot.app.render import clip, neutral
from bot.app.reported import ReportingView
from bot.service import Audience
from bot.text.plural import count

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

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        command = interaction.command.name if interaction.command else ""
        if command == "forget":
            await require_guild_owner(interaction)  # the owner, moderator or not
        else:
            await require_moderator(interaction)
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
        service = self.bot.service
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
        last = await service.last_digest(interaction.guild_id)
        if last is not None:
            status = f"{last.local_date}: {last.status}"
            if last.detail:
                status += f" — {neutral(last.detail, 200)}"
            embed.add_field(name="Last digest", value=status, inline=False)
        waiting = await service.queue_count(interaction.guild_id)
        embed.add_field(name="Review queue", value=f"{count(waiting, 'question')} waiting")
        titles = [neutral(a.title, 80) for a in service.articles(Audience(interaction.guild_id))]
        embed.add_field(
            name="Active articles",
            value=clip("\n".join(f"• {t}" for t in titles) or "none (see /config articles)", 1024),
            inline=False,
        )
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="articles", description="Choose the articles answered here")
    @app_commands.describe(
        article="An article to turn on or off (leave empty to see them all)",
        active="On (answer from it here) or off",
    )
    async def articles(
        self,
        interaction: discord.Interaction[BriefBot],
        article: str | None = None,
        active: bool | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        service = self.bot.service
        here = {a.id for a in service.articles(Audience(interaction.guild_id))}
        if article is None or active is None:
            lines = [
                f"{'✅' if r.article.id in here else '⬜'} **{neutral(r.article.title, 120)}**"
                f" (`{r.article.id}`){' · draft' if r.article.is_draft else ''}"
                for r in service.article_records()
                if r.live
            ]
            text = "\n".join(lines) or "There is no article yet."
            text += "\nTurn one on or off with `/config articles article:… active:…`."
            await interaction.response.send_message(
                clip(text, 2000), ephemeral=True, allowed_mentions=NONE
            )
            return
        record = next(
            (r for r in service.article_records() if r.article.id == article and r.live), None
        )
        if record is None:
            raise UserFacingError(f"There is no article `{neutral(article, 60)}`.")
        await service.choose_article(
            interaction.guild_id, article, active, str(interaction.user.id)
        )
        state = "answered here from now on" if active else "no longer answered here"
        note = (
            " It is a draft: its answers have not been reviewed yet."
            if (active and record.article.is_draft)
            else ""
        )
        await interaction.response.send_message(
            f"*{neutral(record.article.title, 200)}* is {state}.{note}",
            ephemeral=True,
            allowed_mentions=NONE,
        )

    @articles.autocomplete("article")
    async def _article_choices(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        if not await is_moderator(interaction):
            return []
        needle = current.lower()
        found = [
            r.article
            for r in self.bot.service.article_records()
            if r.live and (needle in r.article.id or needle in r.article.title.lower())
        ]
        return [
            app_commands.Choice(name=clip(f"{a.title} ({a.id})", 100), value=a.id)
            for a in found[:25]
        ]

    @app_commands.command(
        name="forget", description="Erase everything briefbot keeps for this server"
    )
    async def forget(self, interaction: discord.Interaction[BriefBot]) -> None:
        view = ConfirmForget(interaction.user.id)
        await interaction.response.send_message(
            "This erases this server's questions, feedback, review queue, its own entries and"
            " edits, its settings and history. It cannot be undone. Erase now?",
            view=view,
            ephemeral=True,
            allowed_mentions=NONE,
        )


class ConfirmForget(ReportingView):
    where = "the /config forget confirmation"

    def __init__(self, owner_id: int) -> None:
        super().__init__(timeout=120)
        self.owner_id = owner_id

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        await require_guild_owner(interaction)  # checked again when the erasing is applied
        return interaction.user.id == self.owner_id

    @discord.ui.button(label="Erase everything", style=discord.ButtonStyle.danger)
    async def erase(
        self, interaction: discord.Interaction[BriefBot], button: discord.ui.Button[ConfirmForget]
    ) -> None:
        assert interaction.guild_id is not None
        self.stop()
        await interaction.client.service.forget_guild(
            interaction.guild_id, str(interaction.user.id)
        )
        await interaction.client.service.guild_joined(interaction.guild_id)
        await interaction.response.edit_message(
            content="Done: everything briefbot kept for this server is erased.", view=None
        )

    @discord.ui.button(label="Keep", style=discord.ButtonStyle.secondary)
    async def keep(
        self, interaction: discord.Interaction[BriefBot], button: discord.ui.Button[ConfirmForget]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(content="Nothing was erased.", view=None)


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(Config(bot))
