"""The bot: a `commands.Bot` holding the shared answering service."""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.clock import Clock, utc_now
from bot.app.errors import handle_app_command_error
from bot.service import BriefingService
from bot.settings import Settings
from bot.store.records import GuildSettings

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.ask.ask",
    "bot.exts.config.config",
    "bot.exts.digest.digest",
    "bot.exts.qa.qa",
)


class BriefBot(commands.Bot):
    def __init__(
        self,
        service: BriefingService,
        settings: Settings,
        *,
        clock: Clock = utc_now,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        intents = discord.Intents.default()
        # Privileged: needed only for the optional ask channel. Mentions and DMs work without it.
        intents.message_content = settings.message_content_intent
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.service = service
        self.settings = settings
        self.clock = clock
        self._guild_settings: dict[int, GuildSettings] = {}

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """A guild's settings, cached: every message in every channel looks them up."""
        cached = self._guild_settings.get(guild_id)
        if cached is None:
            cached = await self.service.store.guild_settings(guild_id)
            self._guild_settings[guild_id] = cached
        return cached

    async def update_guild_settings(
        self, guild_id: int, actor: int, **changes: object
    ) -> GuildSettings:
        updated = await self.service.store.update_guild_settings(guild_id, str(actor), **changes)
        self._guild_settings[guild_id] = updated
        return updated

    async def setup_hook(self) -> None:
        self.tree.on_error = self._on_app_command_error
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        synced = await self.tree.sync()
        log.info("synced %d application commands", len(synced))

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info(
            "connected as %s (id %s) to %d guild(s)", self.user, self.user.id, len(self.guilds)
        )

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: cogs listen to messages themselves."""

    async def _on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        await handle_app_command_error(self, interaction, error)
