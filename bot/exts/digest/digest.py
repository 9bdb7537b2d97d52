"""/digest and the scheduler that posts each guild's digest once per local day."""

from __future__ import annotations

import logging
from datetime import timedelta
from zoneinfo import available_timezones

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.app.checks import is_moderator
from bot.app.client import BriefBot
from bot.app.errors import NotModerator, UserFacingError
from bot.digest.assemble import assemble_digests
from bot.digest.schedule import ScheduleError, due_day, local_day, parse_time, parse_zone
from bot.exts.digest.embed import digest_embed
from bot.store.records import GuildSettings

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
DEFAULT_TIME, DEFAULT_ZONE = "09:00", "UTC"


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Digest(commands.GroupCog, group_name="digest", group_description="The daily digest"):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self._zones = sorted(available_timezones())

    async def cog_load(self) -> None:
        self.scheduler.change_interval(seconds=self.bot.settings.digest_tick_seconds)
        self.scheduler.start()

    async def cog_unload(self) -> None:
        self.scheduler.cancel()

    async def interaction_check(self, interaction: discord.Interaction[BriefBot]) -> bool:
        if not await is_moderator(interaction):
            raise NotModerator()
        return True

    # -- posting ------------------------------------------------------------------------------

    async def _embeds(self, settings: GuildSettings) -> list[discord.Embed]:
        zone = settings.digest_tz or DEFAULT_ZONE
        day = local_day(self.bot.clock(), zone)
        digests = await assemble_digests(self.bot.service, settings.guild_id, day, zone)
        return [digest_embed(d) for d in digests][:10]

    async def _send(self, settings: GuildSettings) -> discord.Message:
        """Post to the digest channel; raises discord.HTTPException if it is gone or forbidden."""
        assert settings.digest_channel_id is not None
        channel = self.bot.get_channel(settings.digest_channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(settings.digest_channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise UserFacingError("The digest channel is not a text channel.")
        return await channel.send(embeds=await self._embeds(settings), allowed_mentions=NONE)

    @tasks.loop(seconds=30)
    async def scheduler(self) -> None:
        try:
            await self._post_due_digests()
        except Exception:  # the loop must survive one bad guild or a database hiccup
            log.exception("digest scheduler tick failed")

    @scheduler.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    async def _post_due_digests(self) -> None:
        now = self.bot.clock()
        catch_up = timedelta(minutes=self.bot.settings.digest_catchup_minutes)
        store = self.bot.service.store
        for settings in await store.digest_guilds():
            day = due_day(
                now,
                settings.digest_time or DEFAULT_TIME,
                settings.digest_tz or DEFAULT_ZONE,
                catch_up,
            )
            if day is None or settings.digest_channel_id is None:
                continue
            # Recorded before sending: a crash or restart after this never posts the day twice.
            if not await store.claim_digest(
                settings.guild_id, day.isoformat(), settings.digest_channel_id
            ):
                continue
            try:
                message = await self._send(settings)
            except (discord.HTTPException, UserFacingError) as exc:
                reason = getattr(exc, "text", "") or str(exc)
                log.warning(
                    "digest for guild %s not posted to channel %s: %s",
                    settings.guild_id,
                    settings.digest_channel_id,
                    reason,
                )
                await store.finish_digest(
                    settings.guild_id, day.isoformat(), "failed", detail=reason[:300]
                )
                await store.audit(
                    "digest",
                    "digest-failed",
                    {"channel_id": str(settings.digest_channel_id), "reason": reason},
                    settings.guild_id,
                )
                continue
            await store.finish_digest(settings.guild_id, day.isoformat(), "sent", message.id)
            log.info("digest for guild %s posted (%s)", settings.guild_id, day)

    # -- commands -----------------------------------------------------------------------------

    async def _settings(self, interaction: discord.Interaction[BriefBot]) -> GuildSettings:
        assert interaction.guild_id is not None
        return await self.bot.guild_settings(interaction.guild_id)

    @app_commands.command(name="preview", description="See today's digest (only you)")
    async def preview(self, interaction: discord.Interaction[BriefBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        embeds = await self._embeds(await self._settings(interaction))
        await interaction.followup.send(embeds=embeds, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="now", description="Post the digest to its channel now")
    async def now(self, interaction: discord.Interaction[BriefBot]) -> None:
        settings = await self._settings(interaction)
        if settings.digest_channel_id is None:
            raise UserFacingError("No digest channel yet: set one with `/digest channel`.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            await self._send(settings)
        except discord.HTTPException as exc:
            raise UserFacingError(
                f"I couldn't post in <#{settings.digest_channel_id}>: {exc.text or exc.status}."
                " Check that the channel exists and that I may send messages there."
            ) from None
        await interaction.followup.send(
            f"Digest posted in <#{settings.digest_channel_id}>.",
            ephemeral=True,
            allowed_mentions=NONE,
        )

    @app_commands.command(name="channel", description="Post the daily digest in a channel")
    async def channel(
        self, interaction: discord.Interaction[BriefBot], channel: discord.TextChannel
    ) -> None:
        settings = await self._settings(interaction)
        at, zone = settings.digest_time or DEFAULT_TIME, settings.digest_tz or DEFAULT_ZONE
        await self.bot.update_guild_settings(
            settings.guild_id,
            interaction.user.id,
            digest_channel_id=channel.id,
            digest_time=at,
            digest_tz=zone,
            digest_enabled=True,
        )
        await interaction.response.send_message(
            f"The daily digest will be posted in {channel.mention} at {at} ({zone})."
            " Change the time with `/digest time`.",
            ephemeral=True,
            allowed_mentions=NONE,
        )

    @app_commands.command(name="time", description="Set the digest's time of day and time zone")
    @app_commands.describe(time="24-hour time, HH:MM", timezone="IANA name, e.g. Europe/Berlin")
    async def time(
        self, interaction: discord.Interaction[BriefBot], time: str, timezone: str = DEFAULT_ZONE
    ) -> None:
        try:
            at = parse_time(time).strftime("%H:%M")
            zone = parse_zone(timezone).key
        except ScheduleError as exc:
            raise UserFacingError(str(exc)) from None
        settings = await self._settings(interaction)
        await self.bot.update_guild_settings(
            settings.guild_id, interaction.user.id, digest_time=at, digest_tz=zone
        )
        where = (
            f"in <#{settings.digest_channel_id}>"
            if settings.digest_channel_id
            else "once you set a channel with `/digest channel`"
        )
        await interaction.response.send_message(
            f"The digest will be posted daily at {at} ({zone}) {where}.",
            ephemeral=True,
            allowed_mentions=NONE,
        )

    @time.autocomplete("timezone")
    async def _zone_choices(
        self, interaction: discord.Interaction[BriefBot], current: str
    ) -> list[app_commands.Choice[str]]:
        needle = current.lower().replace(" ", "_")
        found = [z for z in self._zones if needle in z.lower()][:25]
        return [app_commands.Choice(name=z, value=z) for z in found]

    @app_commands.command(name="off", description="Stop posting the daily digest")
    async def off(self, interaction: discord.Interaction[BriefBot]) -> None:
        settings = await self._settings(interaction)
        await self.bot.update_guild_settings(
            settings.guild_id, interaction.user.id, digest_enabled=False
        )
        await interaction.response.send_message(
            "The daily digest is off. `/digest channel` turns it back on.",
            ephemeral=True,
            allowed_mentions=NONE,
        )


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(Digest(bot))
