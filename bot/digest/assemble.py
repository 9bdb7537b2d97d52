"""Gather a server's digest from the service: the shared step of the CLI preview and the bot."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.digest.content import Digest, build_digest
from bot.service import Audience, BriefingService

# Audit actions that tell a server's moderators the files moved under their own version.
_NOTICES = {
    "file-changed": "changed in the files since this server edited it",
    "withheld": "withheld here: its evidence is no longer in the article",
}


async def assemble_digests(
    service: BriefingService, guild_id: int | None, day: date, zone: str = "UTC"
) -> list[Digest]:
    """One part per active article for `day` (newly active ones first, featured once), with
    the server's activity of the local day before it."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day - timedelta(days=1), time(), tzinfo=tz)
    end = datetime.combine(day, time(), tzinfo=tz)
    activity = await service.activity(guild_id, start, end)
    waiting = await service.queue_count(guild_id)
    view = service.view(Audience(guild_id))
    entries = list(view.entries.values())
    featured = await service.featured(guild_id) if guild_id is not None else {}
    # Featured once: articles turned on after the server arrived (its first articles are simply
    # the digest's, from the start).
    chosen = service.chosen_articles(guild_id) if guild_id is not None else set()
    notices: list[str] = []
    if guild_id is not None:
        for record in await service.history(guild_id, limit=50):
            if record.action in _NOTICES and start <= record.at < end + timedelta(days=1):
                notices.append(f"`{record.entry_id}` {_NOTICES[record.action]}")
    articles = sorted(view.articles.values(), key=lambda a: (featured.get(a.id) is not None, a.id))
    return [
        build_digest(
            article,
            entries,
            day,
            activity,
            waiting,
            new=article.id in chosen and featured.get(article.id) is None,
            notices=tuple(notices[:5]),
        )
        for article in articles
    ]
