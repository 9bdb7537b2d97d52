"""Steps shared by the digest and config end-to-end tests."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from discord.ext import tasks
from standin import DiscordStandIn, Ids, Recorded, SentMessage

from bot.store.records import GuildSettings
from tests.e2e.conftest import RunningBot


async def command(
    standin: DiscordStandIn,
    path: str,
    options: dict[str, Any] | None = None,
    *,
    user: int = Ids.MODERATOR,
    channel_id: int = Ids.GENERAL,
) -> SentMessage:
    """Run `/path` as `user` and return the first message they see."""
    handle = await standin.slash(path, options or {}, user=user, channel_id=channel_id)
    return await handle.reply()


async def configure(
    standin: DiscordStandIn,
    *,
    channel: int = Ids.DIGEST,
    at: str = "09:00",
    zone: str = "Europe/Berlin",
) -> None:
    """A moderator sets the digest channel, then its time and zone."""
    assert (await command(standin, "digest channel", {"channel": channel}))["ephemeral"]
    assert (await command(standin, "digest time", {"time": at, "timezone": zone}))["ephemeral"]


def utc(day: date, hhmm: str, zone: str = "Europe/Berlin") -> datetime:
    """The UTC instant of a local wall-clock time."""
    local = datetime.combine(day, time.fromisoformat(hhmm), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def posts(standin: DiscordStandIn, channel_id: int = Ids.DIGEST, after: int = 0) -> list[Recorded]:
    """Every attempt to post a message in the channel, failed ones included."""
    path = f"/channels/{channel_id}/messages"
    return [r for r in standin.requests[after:] if r.method == "POST" and r.path == path]


def scheduler(running: RunningBot) -> tasks.Loop[Any]:
    cog = running.bot.get_cog("Digest")
    assert cog is not None
    return cog.scheduler  # type: ignore[attr-defined]


async def ticks(running: RunningBot, count: int = 3, timeout: float = 5.0) -> None:
    """Wait until the digest scheduler has run `count` more times (it ticks every 0.05 s)."""
    loop = scheduler(running)
    target = loop.current_loop + count
    async with asyncio.timeout(timeout):
        while loop.current_loop < target:  # noqa: ASYNC110 - the loop counts; it has no event
            await asyncio.sleep(0.01)


async def stored(running: RunningBot) -> GuildSettings:
    """The guild's settings as saved in the database (not the bot's cache)."""
    return await running.bot.service.guild_settings(Ids.GUILD)


def embed_text(message: SentMessage) -> str:
    """All the visible text of a message's embeds, for `in` checks."""
    parts: list[str] = [message.get("content") or ""]
    for embed in message["embeds"]:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields") or []]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def field(message: SentMessage, name: str, embed: int = 0) -> str:
    fields = message["embeds"][embed].get("fields") or []
    found = [f["value"] for f in fields if f["name"] == name]
    assert found, f"no field {name!r} in {[f['name'] for f in fields]}"
    return found[0]
