"""Asking: /ask with autocomplete, the "Ask briefbot about this" message menu, @mentions,
direct messages and an optional ask channel. Each is a conversation: per person and channel,
follow-ups ("what else did he say?") continue the last answer."""

from __future__ import annotations

import logging
import re

import discord
from discord import app_commands
from discord.ext import commands

from bot import metrics
from bot.app.client import BriefBot
from bot.app.cooldown import AskRate
from bot.app.dedupe import RecentAsks
from bot.app.errors import UserFacingError, report_to_message
from bot.app.render import CHOICE_MAX, clip
from bot.app.replies import is_public, reply_for
from bot.app.views import DYNAMIC_ITEMS
from bot.questions import QuestionRejected, prepare_question
from bot.service import Answer, Audience
from bot.service.conversation import ConversationKey

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
MENU = "Ask briefbot about this"
NO_TEXT = "That message has no text I can ask about."
JUST_ASKED = "That was just asked here — the answer is right above."


def _too_fast(retry: float) -> str:
    return f"You're asking faster than I can keep up — try again in {max(retry, 1):.0f} s."


class Ask(commands.Cog):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        settings = bot.settings
        self._rate = AskRate(
            settings.cooldown_asks, settings.cooldown_seconds, lambda: bot.clock().timestamp()
        )
        self._recent = RecentAsks()
        self._warned: set[int] = set()
        self._menu = app_commands.ContextMenu(name=MENU, callback=self.ask_about)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self._menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self._menu.name, type=self._menu.type)

    def _repeat(self, channel_id: int, question: str, answer: Answer) -> bool:
        """The same question just answered the same way here (five people asking at once get
        one answer; in a conversation the same words may mean another entry)."""
        entry = answer.entry
        if entry is None or not is_public(answer):
            return False
        return not self._recent.first(channel_id, f"{question} {entry.article_id} {entry.id}")

    # -- slash command and message menu -------------------------------------------------------

    @app_commands.command(name="ask", description="Ask a question about the article")
    @app_commands.describe(
        question="Your question, in your own words",
        article="Only this article (when several are briefed here)",
    )
    async def ask(
        self, interaction: discord.Interaction[BriefBot], question: str, article: str | None = None
    ) -> None:
        audience = Audience(interaction.guild_id)
        if article is not None:
            if article not in {a.id for a in self.bot.service.articles(audience)}:
                raise UserFacingError(
                    "That article is not briefed here; pick one from the list as you type."
                )
            audience = Audience(interaction.guild_id, article=article)
        await self._answer(interaction, question, audience, "slash")

    async def ask_about(
        self, interaction: discord.Interaction[BriefBot], message: discord.Message
    ) -> None:
        """Apps → "Ask briefbot about this": the message's text is the question."""
        assert self.bot.user is not None
        text = re.sub(rf"<@!?{self.bot.user.id}>", " ", message.content).strip()
        if not text:
            raise UserFacingError(NO_TEXT)
        limit = self.bot.settings.max_question_chars
        if len(text) > limit:  # a long message: ask about its opening
            text = text[:limit].rsplit(" ", 1)[0] or text[:limit]
        await self._answer(interaction, text, Audience(interaction.guild_id), "menu")

    async def _answer(
        self,
        interaction: discord.Interaction[BriefBot],
        question: str,
        audience: Audience,
        source: str,
    ) -> None:
        """An answer is posted for the channel; anything else only the asker sees."""
        retry = self._rate.retry_after(interaction.user.id)
        if retry is not None:
            raise UserFacingError(_too_fast(retry))
        try:
            prepare_question(question, self.bot.settings.max_question_chars)
        except QuestionRejected as rejected:
            raise UserFacingError(rejected.message) from None
        service = self.bot.service
        conversation: ConversationKey = (
            interaction.guild_id,
            interaction.channel_id,
            interaction.user.id,
        )
        answer = service.evaluate(question, audience, conversation=conversation)
        if self._repeat(interaction.channel_id or 0, question, answer):
            service.remember(conversation, answer, audience)
            raise UserFacingError(JUST_ASKED)
        public = is_public(answer)
        # Decided before answering: a deferred reply keeps the privacy it was deferred with.
        await interaction.response.defer(thinking=True, ephemeral=not public)
        answer = await service.record(
            answer,
            audience=audience,
            source=source,
            channel_id=interaction.channel_id,
            user_id=interaction.user.id,
            conversation=conversation,
        )
        asker = interaction.user.id if public else None
        await interaction.followup.send(**reply_for(answer, asker_id=asker))
        metrics.record_ask(answer, interaction.guild, interaction.created_at)

    @ask.autocomplete("question")
    async def ask_autocomplete(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = await self.bot.service.suggest(
            current[:200], Audience(interaction.guild_id), limit=25
        )
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

    # -- messages: mentions, DMs, the ask channel ---------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.bot.user is None:
            return
        try:
            await self._answer_message(message)
        except Exception as error:  # told to the asker like any command's failure
            await report_to_message(message, error, "a question in a message")

    async def _answer_message(self, message: discord.Message) -> None:
        source, question = await self._question_in(message)
        if source is None:
            return
        retry = self._rate.retry_after(message.author.id)
        if retry is not None:
            # One note per burst, removed after a while, so a spammer can't make the bot spam.
            if message.author.id not in self._warned:
                self._warned.add(message.author.id)
                await message.reply(
                    _too_fast(retry), delete_after=10, mention_author=False, allowed_mentions=NONE
                )
            return
        self._warned.discard(message.author.id)
        guild_id = message.guild.id if message.guild else None
        audience = Audience(guild_id)
        conversation: ConversationKey = (guild_id, message.channel.id, message.author.id)
        service = self.bot.service
        answer = service.evaluate(question, audience, conversation=conversation)
        if self._repeat(message.channel.id, question, answer):
            service.remember(conversation, answer, audience)
            return
        answer = await service.record(
            answer,
            audience=audience,
            source=source,
            channel_id=message.channel.id,
            user_id=message.author.id,
            conversation=conversation,
        )
        await message.reply(mention_author=False, **reply_for(answer, asker_id=message.author.id))
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
