"""The aiohttp server behind /healthz and /metrics; started and stopped by `briefbot run`."""

from __future__ import annotations

import logging

import discord
from aiohttp import web
from prometheus_client.aiohttp import make_aiohttp_handler

from bot.metrics import REGISTRY
from bot.service import BriefingService
from bot.web.health import health

log = logging.getLogger(__name__)


class HealthServer:
    def __init__(self, client: discord.Client, service: BriefingService) -> None:
        self.client = client
        self.service = service
        self._runner: web.AppRunner | None = None

    async def _healthz(self, request: web.Request) -> web.Response:
        ok, report = await health(self.client, self.service)
        return web.json_response(report, status=200 if ok else 503)

    async def start(self, host: str, port: int) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", make_aiohttp_handler(REGISTRY))
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, host, port).start()
        except OSError:
            await self.stop()
            raise
        bound_host, bound_port = self._runner.addresses[0][:2]
        log.info("health and metrics on http://%s:%s/healthz and /metrics", bound_host, bound_port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
