"""Commands for the bot's owner: figures across servers, retiring an article."""

from __future__ import annotations

from bot.service import BriefingService


async def run_stats(service: BriefingService) -> int:
    """Every server's asks side by side (the owner's view; no server sees another's)."""
    total = await service.stats(None)
    print(
        f"All servers: {total['asked']} asks, {total['answered']} answered,"
        f" {total['helpful']} helpful / {total['not_helpful']} not helpful,"
        f" {total['waiting']} question{'s' if total['waiting'] != 1 else ''} waiting for review"
    )
    rows = await service.stats_per_server()
    if not rows:
        print("No asks yet.")
        return 0
    print(f"{'server':<22} {'asks':>7} {'answered':>9}")
    for guild, asked, answered in rows:
        share = f"{answered / asked:.0%}" if asked else "-"
        print(f"{guild or '(DMs and CLI)':<22} {asked:>7} {share:>9}")
    return 0


async def run_retire(service: BriefingService, article_id: str, *, undo: bool) -> int:
    changed = await service.retire(article_id, "cli", undo=undo)
    state = "back in service" if undo else "retired (its entries and history are kept)"
    print(f"{article_id}: {state}" if changed else f"{article_id} was already {state.split()[0]}")
    return 0
