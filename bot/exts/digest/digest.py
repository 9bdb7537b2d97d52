"""/digest and the scheduler that posts each guild's digest once per local day."""

from __future__ import annotations

import logging
import secrets
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import available_timezones

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot import metrics
from bot.app.checks import require_moderator
from bot.app.client import BriefBot
from bot.app.errors import UserFacingError
from bot.digest.assemble import assemble_digests
from bot.digest.content import Digest as DigestPart
from bot.digest.schedule import (
    ScheduleError,
    due_day,
    local_day,
    parse_time,
    parse_zone,
    scheduled_at,
)
from bot.exts.digest.embed import digest_embeds
from bot.store.records import DigestRecord, GuildSettings

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
DEFAULT_TIME, DEFAULT_ZONE = "09:00", "UTC"
HISTORY_LOOKED_AT = 100  # one page of the channel's history, newest first
TOO_LATE = "not posted: the bot stopped before sending it and came back after the catch-up window"


# Registered for Manage Server by default (Discord hides it from others; a server can open it
# to the moderator role under Integrations) and checked again at run time.
@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Digest(commands.GroupCog, group_name="digest", group_description="The daily digest"):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self._zones = sorted(available_timezones())
        self._unschedulable: set[int] = set()  # guilds already warned about
        self._sending: set[tuple[int, str]] = set()  # (guild, day) being sent by this process

    async def cog_load(self) -> None:
        self.scheduler.change_interval(seconds=self.bot.settings.digest_tick_seconds)
        self.scheduler.start()

    async def cog_unload(self) -> None:
        self.scheduler.cancel()

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        await require_moderator(interaction)
        return True

    # -- posting ------------------------------------------------------------------------------

    async def _digests(self, settings: GuildSettings, day: date | None = None) -> list[DigestPart]:
        """The digest for `day` (by default today in the guild's zone)."""
        zone = settings.digest_tz or DEFAULT_ZONE
        day = day or local_day(self.bot.clock(), zone)
        digests = await assemble_digests(self.bot.service, settings.guild_id, day, zone)
        if not digests:
            raise UserFacingError(
                "There is no active article to make a digest of: see `/config articles`."
            )
        return digests

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(channel_id)
        if not isinstance(channel, discord.abc.Messageable):
            raise UserFacingError("The digest channel is not a text channel.")
        return channel

    async def _send(
        self, settings: GuildSettings, day: date | None = None, nonce: str | None = None
    ) -> discord.Message:
        """Post to the digest channel; raises discord.HTTPException if it is gone or forbidden.
        With a nonce, Discord drops a repeat of the same send for a few minutes."""
        assert settings.digest_channel_id is not None
        channel = await self._channel(settings.digest_channel_id)
        digests = await self._digests(settings, day)
        embeds = digest_embeds(digests)
        if nonce:
            message = await channel.send(embeds=embeds, allowed_mentions=NONE, nonce=nonce)
        else:
            message = await channel.send(embeds=embeds, allowed_mentions=NONE)
        new = [d.article.id for d in digests if d.new]
        if new:
            await self.bot.service.mark_featured(settings.guild_id, new, digests[0].day.isoformat())
        return message

    @tasks.loop(seconds=30)
    async def scheduler(self) -> None:
        try:
            await self._post_due_digests()
        except Exception:  # the loop must survive one bad guild or a database hiccup
            log.exception("digest scheduler tick failed")

    @scheduler.before_loop
    async def _wait_until_ready(self) -> None:
        await self.bot.wait_until_ready()

    def _catch_up(self) -> timedelta:
        # Never narrower than two ticks: with no catch-up at all, a tick must still see the time.
        return max(
            timedelta(minutes=self.bot.settings.digest_catchup_minutes),
            timedelta(seconds=2 * self.bot.settings.digest_tick_seconds),
        )

    async def _post_due_digests(self) -> None:
        await self._recover_unsent()
        now, catch_up = self.bot.clock(), self._catch_up()
        for settings in await self.bot.service.digest_guilds():
            if not self.bot.serves(settings.guild_id):
                continue  # another process's shard posts it (the claim would stop a double)
            try:
                await self._post_if_due(settings, now, catch_up)
            except Exception:  # one guild's trouble must not hold up the others
                log.exception("digest for guild %s failed", settings.guild_id)

    def _due_day(self, settings: GuildSettings, now: datetime, catch_up: timedelta) -> date | None:
        at, zone = settings.digest_time or DEFAULT_TIME, settings.digest_tz or DEFAULT_ZONE
        try:
            return due_day(now, at, zone, catch_up)
        except ScheduleError as exc:  # e.g. a zone a tzdata update removed: warn once
            if settings.guild_id not in self._unschedulable:
                self._unschedulable.add(settings.guild_id)
                log.warning("digest for guild %s cannot be scheduled: %s", settings.guild_id, exc)
            return None

    async def _post_if_due(
        self, settings: GuildSettings, now: datetime, catch_up: timedelta
    ) -> None:
        day = self._due_day(settings, now, catch_up)
        if day is None or settings.digest_channel_id is None:
            return
        service = self.bot.service
        nonce = secrets.token_hex(8)
        # Recorded before sending: a crash or restart after this never posts the day twice.
        if not await service.claim_digest(
            settings.guild_id, day.isoformat(), settings.digest_channel_id, nonce
        ):
            return
        self._sending.add((settings.guild_id, day.isoformat()))
        try:
            await self._deliver(settings, day, nonce)
        finally:
            self._sending.discard((settings.guild_id, day.isoformat()))

    async def _deliver(self, settings: GuildSettings, day: date, nonce: str) -> None:
        service = self.bot.service
        try:
            message = await self._send(settings, day, nonce)
        except Exception as exc:  # recorded as failed, never retried that day
            reason = _reason(exc)
            log.warning(
                "digest for guild %s not posted to channel %s: %s",
                settings.guild_id,
                settings.digest_channel_id,
                reason,
                exc_info=not isinstance(exc, discord.HTTPException | UserFacingError),
            )
            await service.finish_digest(
                settings.guild_id, day.isoformat(), "failed", detail=reason[:300]
            )
            metrics.record_digest(False, settings.guild_id, self.bot.shard_count)
            await service.audit(
                "digest",
                "digest-failed",
                settings.guild_id,
                {"channel_id": str(settings.digest_channel_id), "reason": reason},
            )
            return
        await service.finish_digest(settings.guild_id, day.isoformat(), "sent", message.id)
        metrics.record_digest(True, settings.guild_id, self.bot.shard_count)
        log.info("digest for guild %s posted (%s)", settings.guild_id, day)

    async def _recover_unsent(self) -> None:
        """A day claimed but never marked sent (a crash came between): first look for that
        day's digest among the bot's recent messages in the channel, and only then send it
        again (with the recorded nonce, which Discord honours for a few minutes) if it is
        still within the catch-up window; past it, the day is recorded as missed."""
        service = self.bot.service
        for record in await service.unsent_digests():
            if (record.guild_id, record.local_date) in self._sending:
                continue  # this process is sending it right now
            if record.channel_id is None or self.bot.get_guild(record.guild_id) is None:
                continue  # not one of this process's servers
            try:
                await self._recover(record)
            except Exception:  # one guild's trouble must not hold up the others
                log.exception("recovering the digest of guild %s failed", record.guild_id)

    async def _recover(self, record: DigestRecord) -> None:
        service = self.bot.service
        assert record.channel_id is not None
        posted = await self._find_posted(record.channel_id, record.local_date)
        if posted is not None:
            await service.finish_digest(
                record.guild_id, record.local_date, "sent", posted.id, "recovered"
            )
            log.info(
                "digest for guild %s (%s) was posted: recorded", record.guild_id, record.local_date
            )
            return
        settings = await service.guild_settings(record.guild_id)
        day = date.fromisoformat(record.local_date)
        if self._too_late(settings, day):
            await service.finish_digest(
                record.guild_id, record.local_date, "failed", detail=TOO_LATE
            )
            log.warning("digest for guild %s (%s) %s", record.guild_id, day, TOO_LATE)
            return
        settings = replace(settings, digest_channel_id=record.channel_id)
        await self._deliver(settings, day, record.nonce or "")

    def _too_late(self, settings: GuildSettings, day: date) -> bool:
        at, zone = settings.digest_time or DEFAULT_TIME, settings.digest_tz or DEFAULT_ZONE
        try:
            due = scheduled_at(day, parse_time(at), parse_zone(zone))
        except ScheduleError:
            return True
        return self.bot.clock() > due + self._catch_up()

    async def _find_posted(self, channel_id: int, day: str) -> discord.Message | None:
        """The day's digest among the bot's recent messages in the channel (one page)."""
        channel = await self._channel(channel_id)
        assert self.bot.user is not None
        async for message in channel.history(limit=HISTORY_LOOKED_AT):  # type: ignore[attr-defined]
            if message.author.id != self.bot.user.id:
                continue
            if any((embed.footer.text or "").startswith(day) for embed in message.embeds):
                return message
        return None

    # -- commands -----------------------------------------------------------------------------

    async def _settings(self, interaction: discord.Interaction[BriefBot]) -> GuildSettings:
        assert interaction.guild_id is not None
        return await self.bot.guild_settings(interaction.guild_id)

    @app_commands.command(name="preview", description="See today's digest (only you)")
    async def preview(self, interaction: discord.Interaction[BriefBot]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        embeds = digest_embeds(await self._digests(await self._settings(interaction)))
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
    @app_commands.describe(
        time="24-hour time, HH:MM",
        timezone="IANA name, e.g. Europe/Berlin (leave empty to keep the current one)",
    )
    async def time(
        self, interaction: discord.Interaction[BriefBot], time: str, timezone: str | None = None
    ) -> None:
        settings = await self._settings(interaction)
        try:
            at = parse_time(time).strftime("%H:%M")
            zone = parse_zone(timezone or settings.digest_tz or DEFAULT_ZONE).key
        except ScheduleError as exc:
            raise UserFacingError(str(exc)) from None
        await self.bot.update_guild_settings(
            settings.guild_id, interaction.user.id, digest_time=at, digest_tz=zone
        )
        if not settings.digest_channel_id:
            where = "once you set a channel with `/digest channel`"
        elif not settings.digest_enabled:
            where = "once `/digest channel` turns it back on"
        else:
            where = f"in <#{settings.digest_channel_id}>"
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


def _reason(exc: Exception) -> str:
    if isinstance(exc, discord.HTTPException):
        return exc.text or f"HTTP {exc.status}"
    return str(exc) or type(exc).__name__


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(Digest(bot))
