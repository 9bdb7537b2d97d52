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
from bot.app.views import Settled
from bot.service import BriefingService
from bot.store import StoreError
from bot.store.records import GuildSettings
from bot.text.plural import count

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.exts.ask.ask",
    "bot.exts.config.config",
    "bot.exts.digest.digest",
    "bot.exts.help.help",
    "bot.exts.qa.qa",
)


class BriefBot(commands.AutoShardedBot):
    """One process of the bot: every shard Discord recommends, or (BRIEFBOT_SHARD_COUNT and
    BRIEFBOT_SHARD_IDS) the shards this process was given, other processes running the rest
    on the same PostgreSQL store."""

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
            shard_count=settings.shard_count,
            shard_ids=settings.shard_ids,
        )
        self.service = service
        self.settings = settings
        self.clock = clock
        self.settled = Settled()  # did-you-mean messages a click already answered

    def serves(self, guild_id: int) -> bool:
        """Whether a guild is on one of this process's shards (Discord: (id >> 22) % count)."""
        if self.shard_ids is None:
            return True  # this process runs every shard
        return (guild_id >> 22) % (self.shard_count or 1) in self.shard_ids

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        return await self.service.guild_settings(guild_id)

    async def update_guild_settings(
        self, guild_id: int, actor: int, **changes: object
    ) -> GuildSettings:
        return await self.service.update_settings(guild_id, str(actor), **changes)

    async def setup_hook(self) -> None:
        self.tree.on_error = self._on_app_command_error  # type: ignore[method-assign]
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
        shards = sorted(self.shards)
        log.info(
            "connected as %s (id %s) to %s on shard(s) %s of %s",
            self.user,
            self.user.id,
            count(len(self.guilds), "server"),
            ",".join(map(str, shards)),
            self.shard_count,
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
            caught = await self.service.catch_up()
            if caught is not None and (caught.base or caught.guilds):
                what = "the shared base" if caught.base else f"{len(caught.guilds)} server(s)"
                log.info("picked up another process's changes to %s", what)
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
