"""`briefbot run`: start the bot, and stop it cleanly on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Callable
from contextlib import nullcontext

import aiohttp
import discord

from bot.app.client import BriefBot
from bot.app.clock import Clock, utc_now
from bot.app.logs import configure_logging
from bot.lifetime import lasting
from bot.service import BriefingService
from bot.settings import Settings
from bot.web.server import HealthServer

log = logging.getLogger("briefbot")

NO_TOKEN = (
    "briefbot: no Discord token. Set DISCORD_TOKEN in the environment or in a .env file "
    "(see README: Connecting to Discord).\n"
    "To try briefbot without Discord, run: briefbot chat"
)


async def _start_health(
    bot: BriefBot, service: BriefingService, settings: Settings
) -> HealthServer:
    server = HealthServer(bot, service)
    if settings.health_port is not None:
        try:
            await server.start(settings.health_host, settings.health_port)
        except OSError as exc:
            where = f"{settings.health_host}:{settings.health_port}"
            raise SystemExit(
                f"briefbot: cannot serve /healthz on {where}: {exc.strerror}"
            ) from None
    return server


async def serve(
    settings: Settings,
    *,
    clock: Clock = utc_now,
    on_created: Callable[[BriefBot], None] | None = None,
    guild_ready_timeout: float = 2.0,
    own_process: bool = False,
) -> None:
    """Run the bot until it is closed; the store is closed on the way out, whatever happens.
    `own_process`: the process runs this bot alone, so what its start makes (the store's
    entries, the index) is kept for the process's life (`bot.lifetime`)."""
    if settings.discord_token is None:
        raise SystemExit(NO_TOKEN)
    # One clock for the bot and its store: asks are stamped with the time the digest reads.
    with lasting() if own_process else nullcontext():
        service = await BriefingService.start(settings, clock=clock, warm=True)
    bot = BriefBot(service, settings, clock=clock, guild_ready_timeout=guild_ready_timeout)
    try:
        health = await _start_health(bot, service, settings)
        if on_created is not None:
            on_created(bot)
        try:
            async with bot:
                await bot.start(settings.discord_token.get_secret_value())
        finally:
            await health.stop()
    finally:
        await service.close()
        log.info("stopped; database closed")


async def _serve_until_signal(settings: Settings) -> None:
    created: list[BriefBot] = []
    closing: set[asyncio.Task[None]] = set()
    loop = asyncio.get_running_loop()

    def stop() -> None:
        log.info("shutting down")
        for bot in created:
            task = loop.create_task(bot.close())
            closing.add(task)
            task.add_done_callback(closing.discard)

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop)
    await serve(settings, on_created=created.append, own_process=True)


def run_from_cli(settings: Settings) -> int:
    if settings.discord_token is None:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format, settings.secrets)
    try:
        asyncio.run(_serve_until_signal(settings))
    except discord.LoginFailure:
        print("briefbot: Discord refused the token (check DISCORD_TOKEN).", file=sys.stderr)
        return 2
    except (aiohttp.ClientConnectionError, OSError) as exc:
        print(f"briefbot: cannot reach Discord ({exc}).", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "briefbot: the Message Content intent is not enabled for this application. Enable it"
            " in the developer portal, or unset BRIEFBOT_MESSAGE_CONTENT_INTENT.",
            file=sys.stderr,
        )
        return 2
    return 0
