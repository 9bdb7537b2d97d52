"""Pointing a real discord.py client at the stand-in, and running it for the length of a test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from typing import Any, TypeVar

import discord
import yarl
from discord.gateway import DiscordWebSocket

from .ids import Ids, shard_of
from .server import DiscordStandIn

ClientT = TypeVar("ClientT", bound=discord.Client)
RunClient = Callable[..., AbstractAsyncContextManager[Any]]  # the `run_client` fixture's type


@contextmanager
def point_discord_at(standin: DiscordStandIn) -> Iterator[None]:
    """Route every discord.py REST call and gateway connection to ``standin``."""
    with point_discord_urls(standin.api_base, standin.gateway_url):
        yield


@contextmanager
def point_discord_urls(api_base: str, gateway_url: str) -> Iterator[None]:
    """Route discord.py to a stand-in by its URLs (also used by the `briefbot` launcher).

    discord.py builds all REST URLs from ``Route.BASE``; a plain ``Client`` never asks
    ``GET /gateway`` but connects to ``DiscordWebSocket.DEFAULT_GATEWAY`` (and falls back to it
    after an invalidated session), so both are patched.
    """
    old_base, old_gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = old_base, old_gateway


async def _wait_ready(
    client: discord.Client,
    task: asyncio.Task[None],
    timeout: float,
    standin: DiscordStandIn | None = None,
) -> None:
    ready = asyncio.ensure_future(client.wait_until_ready())
    done, _ = await asyncio.wait(
        {ready, task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
    )
    if ready not in done:
        ready.cancel()
        if task in done:
            task.result()  # re-raises LoginFailure, ConnectionClosed, ...
            raise RuntimeError("the client stopped before it became ready")
        raise TimeoutError(f"client not ready within {timeout}s")
    if not client.intents.guilds:
        return
    for gid in expected_guilds(client, standin):
        if client.get_guild(gid) is None:
            # on_ready fired before GUILD_CREATE was parsed (only with a tiny guild_ready_timeout).
            await client.wait_for(
                "guild_available", check=lambda g, i=gid: g.id == i, timeout=timeout
            )


def expected_guilds(client: discord.Client, standin: DiscordStandIn | None) -> list[int]:
    """The guilds the stand-in sends this client: all the bot's guilds on its shards."""
    if standin is None:
        return [Ids.GUILD]
    count = client.shard_count or 1
    shard_ids = getattr(client, "shard_ids", None) or (
        [client.shard_id] if client.shard_id is not None else list(range(count))
    )
    return [
        g.id
        for g in standin.world.bot_guilds()
        if not g.unavailable and shard_of(g.id, count) in shard_ids
    ]


@asynccontextmanager
async def run_client(
    client: ClientT,
    token: str = "test-token",
    *,
    timeout: float = 5.0,
    guild_ready_timeout: float | None = 0.05,
    standin: DiscordStandIn | None = None,
) -> AsyncIterator[ClientT]:
    """Start ``client`` with ``client.start(token)``, yield once it is ready, then close it.

    discord.py waits ``guild_ready_timeout`` (default 2 s) after the last GUILD_CREATE before
    firing on_ready; we lower it (it is the documented ``Client(guild_ready_timeout=...)``
    option) so tests stay fast. Pass ``None`` to keep the client's own value. With
    ``standin``, "ready" also means every guild of the client's shards has arrived.
    """
    if guild_ready_timeout is not None:
        client._connection.guild_ready_timeout = guild_ready_timeout
    async with client:
        task = asyncio.create_task(client.start(token), name="discord-client")
        failed = False
        try:
            await _wait_ready(client, task, timeout, standin)
            yield client
        except BaseException:
            failed = True
            raise
        finally:
            await client.close()
            try:
                await asyncio.wait_for(task, timeout)
            except Exception:
                if not failed:
                    raise
