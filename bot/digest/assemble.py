"""Gather a digest's figures from the store: the shared step of the CLI preview and the bot."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.digest.content import Digest, build_digest
from bot.service import BriefingService


async def assemble_digests(
    service: BriefingService, guild_id: int | None, day: date, zone: str = "UTC"
) -> list[Digest]:
    """One digest per article for `day`, with the activity of the local day before it."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day - timedelta(days=1), time(), tzinfo=tz)
    end = datetime.combine(day, time(), tzinfo=tz)
    activity = await service.store.activity(guild_id, start, end)
    waiting = await service.store.review_count()
    entries = await service.store.entries()
    return [
        build_digest(article, entries, day, activity, waiting)
        for article in service.articles.values()
    ]
