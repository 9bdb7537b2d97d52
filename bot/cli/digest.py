"""`briefbot digest --preview`."""

from __future__ import annotations

from bot.app.clock import utc_now
from bot.digest.assemble import assemble_digests
from bot.digest.text import digest_text
from bot.service import BriefingService


async def run_digest_preview(service: BriefingService, guild_id: int | None) -> int:
    digests = await assemble_digests(service, guild_id, utc_now().date())
    print("\n\n".join(digest_text(d) for d in digests))
    return 0
