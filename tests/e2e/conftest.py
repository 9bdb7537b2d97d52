"""Fixtures for end-to-end tests: a real discord.py client against a loopback Discord stand-in.

Usage::

    async def test_ping(standin: DiscordStandIn, run_client: RunClient) -> None:
        async with run_client(make_bot()):  # logged in; READY + GUILD_CREATE processed
            mark = standin.mark()
            await standin.send_message("ping", channel_id=Ids.GENERAL)
            reply = await standin.next_message(channel_id=Ids.GENERAL, after=mark)

The harness package is imported as ``standin`` (pytest puts ``tests/e2e`` on sys.path because
the directory has no ``__init__.py``).
"""

from __future__ import annotations

import asyncio
import json
import socket
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import discord
import pytest
from standin import DiscordStandIn, RunClient, point_discord_at
from standin import run_client as _run_client

from bot.app.client import BriefBot
from bot.app.runner import serve
from bot.settings import PROJECT_ROOT, Settings


@pytest.fixture
async def standin() -> AsyncIterator[DiscordStandIn]:
    """A fresh stand-in per test; discord.py is pointed at it for the test's duration."""
    server = DiscordStandIn(token="test-token")
    await server.start()
    try:
        with point_discord_at(server):
            yield server
    finally:
        await server.stop()
    if server.unknown_routes:
        warnings.warn(
            f"the bot called routes the stand-in lacks: {server.unknown_routes}", stacklevel=1
        )
    if server.errors:
        pytest.fail(f"stand-in internal errors: {server.errors}")


@pytest.fixture
def run_client(standin: DiscordStandIn) -> RunClient:
    """``async with run_client(bot):`` starts ``bot`` against the stand-in and closes it after."""

    def _run(client: discord.Client, token: str | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("standin", standin)  # ready = every guild of the client's shards
        return _run_client(client, token or standin.state.token or "test-token", **kwargs)

    return _run


# -- The real bot ---------------------------------------------------------------------------------


class FakeClock:
    """The bot's clock under test control."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class RunningBot:
    bot: BriefBot
    task: asyncio.Task[None]
    settings: Settings
    clock: FakeClock

    async def stop(self) -> None:
        """Shut down as on SIGTERM: the bot closes, then the store."""
        await self.bot.close()
        await asyncio.wait_for(self.task, timeout=10)


StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on, for the bot's /healthz and /metrics."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def health_until(url: str, status: int) -> dict[str, Any]:
    """/healthz's report once it answers `status` (a bounded wait, not a timing)."""
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            async with http.get(url) as response:
                code, body = response.status, await response.text()
            if code == status:
                return dict(json.loads(body))
            await asyncio.sleep(0.05)
    raise AssertionError(f"{url} never answered {status}; last: {code} {body}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 8, 0, tzinfo=UTC))


@pytest.fixture
async def start_briefbot(
    standin: DiscordStandIn, tmp_path: Path, clock: FakeClock
) -> AsyncIterator[StartBot]:
    """Start the real bot through `serve` (the code behind `briefbot run`); restartable."""
    running: list[RunningBot] = []

    async def start(**overrides: Any) -> RunningBot:
        values: dict[str, Any] = {
            "discord_token": standin.state.token,
            "data_dir": tmp_path / "data",
            "knowledge_dir": PROJECT_ROOT / "knowledge",
            "seeds_dir": PROJECT_ROOT / "seeds",
            "digest_tick_seconds": 0.05,
        }
        settings = Settings(_env_file=None, **{**values, **overrides})
        created: list[BriefBot] = []
        task = asyncio.create_task(
            serve(settings, clock=clock, on_created=created.append, guild_ready_timeout=0.05)
        )
        for _ in range(200):
            if created or task.done():
                break
            await asyncio.sleep(0.01)
        if task.done():
            task.result()
        bot = created[0]
        await asyncio.wait_for(bot.wait_until_ready(), timeout=10)
        handle = RunningBot(bot, task, settings, clock)
        running.append(handle)
        return handle

    yield start
    for handle in running:
        if not handle.task.done():
            await handle.stop()


MODERATOR_COMMANDS = ("config", "digest", "qa")


@pytest.fixture
def commands_open_to_everyone(standin: DiscordStandIn) -> None:
    """As a server admin might under Integrations: everyone may invoke the moderator commands,
    so only the bot's own run-time check stands between a member and them."""
    for name in MODERATOR_COMMANDS:
        standin.world.command_access[name] = {standin.world.guild_id}


@pytest.fixture
async def briefbot(start_briefbot: StartBot) -> RunningBot:
    """The real briefbot, connected to the stand-in and ready."""
    return await start_briefbot()
