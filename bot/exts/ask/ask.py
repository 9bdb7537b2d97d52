"""Asking: /ask with autocomplete, @mentions, direct messages and an optional ask channel."""

from __future__ import annotations

import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot import metrics
from bot.app.client import BriefBot
from bot.app.dedupe import RecentAsks
from bot.app.render import CHOICE_MAX, clip
from bot.app.replies import reply_for
from bot.app.views import DYNAMIC_ITEMS
from bot.questions import QuestionRejected, prepare_question
from bot.service import Audience

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()


class Ask(commands.Cog):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        settings = bot.settings
        self._cooldowns: commands.CooldownMapping[int] = commands.CooldownMapping(
            commands.Cooldown(settings.cooldown_asks, settings.cooldown_seconds), lambda key: key
        )
        self._recent = RecentAsks()
        self._warned: set[int] = set()

    def _retry_after(self, user_id: int) -> float | None:
        bucket = self._cooldowns.get_bucket(user_id)
        assert bucket is not None
        return bucket.update_rate_limit()

    @app_commands.command(name="ask", description="Ask a question about the article")
    @app_commands.describe(
        question="Your question, in your own words",
        article="Only this article (when several are briefed here)",
    )
    async def ask(
        self, interaction: discord.Interaction[BriefBot], question: str, article: str | None = None
    ) -> None:
        retry = self._retry_after(interaction.user.id)
        if retry is not None:
            await interaction.response.send_message(
                f"You're asking faster than I can keep up — try again in {retry:.0f} s.",
                ephemeral=True,
                allowed_mentions=NONE,
            )
            return
        try:
            prepare_question(question, self.bot.settings.max_question_chars)
        except QuestionRejected as rejected:
            await interaction.response.send_message(
                rejected.message, ephemeral=True, allowed_mentions=NONE
            )
            return
        audience = Audience(interaction.guild_id)
        if article is not None:
            if article not in {a.id for a in self.bot.service.articles(audience)}:
                await interaction.response.send_message(
                    "That article is not briefed here; pick one from the list as you type.",
                    ephemeral=True,
                    allowed_mentions=NONE,
                )
                return
            audience = Audience(interaction.guild_id, article=article)
        channel_id = interaction.channel_id or 0
        if not self._recent.first(channel_id, question):
            await interaction.response.send_message(
                "That was just asked here — the answer is right above.",
                ephemeral=True,
                allowed_mentions=NONE,
            )
            return
        await interaction.response.defer(thinking=True)
        answer = await self.bot.service.ask(
            question,
            audience=audience,
            source="slash",
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
        )
        await interaction.followup.send(**reply_for(answer))
        metrics.record_ask(answer, interaction.guild, interaction.created_at)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = self.bot.service.suggest(current[:200], Audience(interaction.guild_id), limit=25)
        return [
            app_commands.Choice(
                name=clip(e.question, CHOICE_MAX), value=clip(e.question, CHOICE_MAX)
            )
            for e in found
        ]

    @ask.autocomplete("article")
    async def article_autocomplete(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        needle = current.lower()
        found = [
            a
            for a in self.bot.service.articles(Audience(interaction.guild_id))
            if needle in a.title.lower() or needle in a.id
        ]
        return [app_commands.Choice(name=clip(a.title, CHOICE_MAX), value=a.id) for a in found[:25]]

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None:
            return
        source, question = await self._question_in(message)
        if source is None:
            return
        retry = self._retry_after(message.author.id)
        if retry is not None:
            # One note per burst, removed after a while, so a spammer can't make the bot spam.
            if message.author.id not in self._warned:
                self._warned.add(message.author.id)
                await message.reply(
                    f"You're asking faster than I can keep up — try again in {retry:.0f} s.",
                    delete_after=10,
                    mention_author=False,
                    allowed_mentions=NONE,
                )
            return
        self._warned.discard(message.author.id)
        if not self._recent.first(message.channel.id, question):
            return
        answer = await self.bot.service.ask(
            question,
            audience=Audience(message.guild.id if message.guild else None),
            source=source,
            channel_id=message.channel.id,
            user_id=message.author.id,
        )
        await message.reply(mention_author=False, **reply_for(answer))
        metrics.record_ask(answer, message.guild, message.created_at)

    async def _question_in(self, message: discord.Message) -> tuple[str | None, str]:
        assert self.bot.user is not None
        if message.guild is None:
            return "dm", message.content
        if self.bot.user in message.mentions:
            mention = re.compile(rf"<@!?{self.bot.user.id}>")
            return "mention", mention.sub(" ", message.content)
        settings = await self.bot.guild_settings(message.guild.id)
        if settings.ask_channel_id == message.channel.id:
            return "channel", message.content
        return None, ""


async def setup(bot: BriefBot) -> None:
    bot.add_dynamic_items(*DYNAMIC_ITEMS)
    await bot.add_cog(Ask(bot))
