"""/help: what briefbot does, its commands and example questions from the store; /about: the
articles briefed here, with what each states about itself and its link. Both private."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.client import BriefBot
from bot.app.render import (
    EMBED_COLOUR,
    EMBED_DESCRIPTION_MAX,
    EMBED_FIELD_VALUE_MAX,
    EMBED_TITLE_MAX,
    clip,
)
from bot.service import Audience

NONE = discord.AllowedMentions.none()
FIELDS_MAX = 25
COMMANDS = "\n".join(
    [
        "`/ask question:` — ask in your own words (or @mention me, or DM me)",
        "Apps → **Ask briefbot about this** — on any message, ask about its text",
        "`/about` — the articles I brief here, with links",
        "`/help` — this message",
        "Moderators: `/qa` curates answers, `/config` and `/digest` set me up",
    ]
)


class Help(commands.Cog):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What briefbot does, with example questions")
    async def help(self, interaction: discord.Interaction[BriefBot]) -> None:
        text = self.bot.service.help_text(Audience(interaction.guild_id))
        embed = discord.Embed(
            title="briefbot", description=clip(text, EMBED_DESCRIPTION_MAX), colour=EMBED_COLOUR
        )
        embed.add_field(name="Commands", value=clip(COMMANDS, EMBED_FIELD_VALUE_MAX), inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="about", description="The articles briefbot briefs here")
    async def about(self, interaction: discord.Interaction[BriefBot]) -> None:
        articles = self.bot.service.articles(Audience(interaction.guild_id))
        embed = discord.Embed(title="Briefed here", colour=EMBED_COLOUR)
        if not articles:
            embed.description = "No article is briefed here yet."
        for article in articles[:FIELDS_MAX]:
            when = (
                f"{article.published.day} {article.published:%B %Y}" if article.published else None
            )
            byline = " · ".join(p for p in (article.author, article.outlet, when) if p)
            lines = [byline or "The article doesn't say who wrote it or when."]
            lines.append(f"[Read it]({article.url})" if article.url else "No link given.")
            lines.append(article.summary)
            embed.add_field(
                name=clip(article.title, EMBED_TITLE_MAX),
                value=clip("\n".join(lines), EMBED_FIELD_VALUE_MAX),
                inline=False,
            )
        if len(articles) > FIELDS_MAX:
            embed.set_footer(text=f"and {len(articles) - FIELDS_MAX} more")
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(Help(bot))
