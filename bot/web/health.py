"""Is this process healthy: every shard connected to the gateway, and the database answering."""

from __future__ import annotations

import asyncio
from typing import Any

import discord

from bot.service import BriefingService

# A database that takes longer than this to answer SELECT 1 counts as unreachable.
DATABASE_TIMEOUT = 2.0


def shard_connections(client: discord.Client) -> dict[int, bool]:
    """Each shard this process runs, and whether its gateway socket is open and ready."""
    if not client.is_ready():
        return {}
    if isinstance(client, discord.AutoShardedClient):
        return {shard_id: not info.is_closed() for shard_id, info in client.shards.items()}
    return {client.shard_id or 0: client.ws is not None and client.ws.open}


async def health(client: discord.Client, service: BriefingService) -> tuple[bool, dict[str, Any]]:
    """Whether all is well, and a report naming each part: for /healthz's JSON body."""
    shards = shard_connections(client)
    try:
        database = await asyncio.wait_for(service.healthy(), DATABASE_TIMEOUT)
    except TimeoutError:
        database = False
    ok = bool(shards) and all(shards.values()) and database
    return ok, {
        "status": "ok" if ok else "failing",
        "gateway": "connected" if shards and all(shards.values()) else "not connected",
        "shards": {str(s): "connected" if up else "disconnected" for s, up in shards.items()},
        "database": "ok" if database else "unreachable",
    }
