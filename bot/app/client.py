"""The bot: a `commands.Bot` holding the shared answering service."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.app.clock import Clock, utc_now
from bot.app.errors import handle_app_command_error
from bot.service import BriefingService
from bot.store import StoreError
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
        settings: Any,
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

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        return await self.service.guild_settings(guild_id)

    async def update_guild_settings(
        self, guild_id: int, actor: int, **changes: object
    ) -> GuildSettings:
        return await self.service.update_settings(guild_id, str(actor), **changes)

    async def setup_hook(self) -> None:
        self.tree.on_error = self._on_app_command_error
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        synced = await self.tree.sync()
        log.info("synced %d application commands", len(synced))
        self._upkeep.change_interval(seconds=self.settings.refresh_seconds)
        self._upkeep.start()

    async def close(self) -> None:
        self._upkeep.cancel()
        await super().close()

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info(
            "connected as %s (id %s) to %d guild(s)", self.user, self.user.id, len(self.guilds)
        )

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self._arrived(guild)

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._arrived(guild)

    async def _arrived(self, guild: discord.Guild) -> None:
        try:
            await self.service.guild_joined(guild.id)
        except StoreError as exc:
            log.warning("could not record server %s: %s", guild.id, exc)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Kicked or left: the server's data waits out the grace period, then goes."""
        try:
            await self.service.guild_left(guild.id)
        except StoreError as exc:
            log.warning("could not record leaving server %s: %s", guild.id, exc)

    async def on_message(self, message: discord.Message) -> None:
        """No prefix commands: cogs listen to messages themselves."""

    @tasks.loop(seconds=5)
    async def _upkeep(self) -> None:
        """Pick up other processes' changes; forget what the retention rules say must go."""
        try:
            await self.service.catch_up()
            await self.service.forget_expired(self.clock())
        except StoreError as exc:
            log.warning("store upkeep failed: %s", exc)
        except Exception:  # the loop must outlive one bad round
            log.exception("store upkeep failed")

    @_upkeep.before_loop
    async def _before_upkeep(self) -> None:
        await self.wait_until_ready()
        await asyncio.sleep(0)

    async def _on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        await handle_app_command_error(self, interaction, error)
