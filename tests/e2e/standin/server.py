"""DiscordStandIn: a loopback Discord (REST + gateway) for end-to-end tests of a real client."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aiohttp import web

from . import rest_app, rest_guilds, rest_interactions, rest_messages
from .changes import WorldChanges
from .clock import StandinClock
from .commands import CommandRegistry
from .gateway import Gateway
from .ids import Ids
from .interact import InteractionActions
from .middleware import STATE_KEY, record_requests, unknown_route
from .recording import Predicate, Recorded, RequestLog, SentMessage, UploadedFile
from .stall import Stall
from .state import State
from .store import MessageStore
from .world import Failure, Where, World


class DiscordStandIn(InteractionActions, WorldChanges):
    """Discord's REST API under ``api_base`` and its gateway at ``gateway_url``, on 127.0.0.1."""

    def __init__(
        self,
        *,
        token: str | None = "test-token",
        world: World | None = None,
        port: int = 0,
        heartbeat_interval_ms: int = 41_250,
        interaction_deadline: float = 3.0,
        echo_bot_messages: bool = True,
    ) -> None:
        self.world = world or World.default()
        self.port = port
        self.gateway = Gateway(self.world, token, heartbeat_interval_ms)
        self.state = State(
            world=self.world,
            store=MessageStore(self.world),
            log=RequestLog(),
            commands=CommandRegistry(self.world.bot.id, self.world.snowflake),
            gateway=self.gateway,
            token=token,
            interaction_deadline=interaction_deadline,
            echo_bot_messages=echo_bot_messages,
        )
        self._runner: web.AppRunner | None = None

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[record_requests], client_max_size=64 * 1024**2)
        app[STATE_KEY] = self.state
        app.router.add_get("/gateway-ws", self.gateway.handle)
        for module in (rest_app, rest_guilds, rest_messages, rest_interactions):
            app.router.add_routes(module.routes)
        app.router.add_route("*", "/{tail:.*}", unknown_route)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        self.port = self._runner.addresses[0][1]
        self.state.store.base_url = self.base_url
        self.gateway.url = f"ws://127.0.0.1:{self.port}/gateway-ws"

    async def stop(self) -> None:
        for stall in list(self.state.stalls.values()):  # nobody is waiting for them any more
            stall.abandon()
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordStandIn:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """What ``discord.http.Route.BASE`` must be set to."""
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return self.gateway.url

    def subprocess_env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        """Environment for ``python -m standin.pointed MODULE``: a bot process that talks to
        this stand-in (API base, gateway URL, token, and a PYTHONPATH that finds ``standin``)."""
        env = dict(os.environ if base is None else base)
        here = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
        env.update(STANDIN_API_BASE=self.api_base, STANDIN_GATEWAY_URL=self.gateway_url)
        if self.state.token is not None:
            env["DISCORD_TOKEN"] = self.state.token
        return env

    # -- inspection -------------------------------------------------------------------------

    ids = Ids

    @property
    def messages(self) -> dict[int, dict[str, Any]]:
        """Every message that exists, by id (user and bot messages alike)."""
        return self.state.store.messages

    @property
    def attachments(self) -> dict[int, UploadedFile]:
        return self.state.store.attachments

    def message(self, message_id: int | str) -> dict[str, Any] | None:
        """A message as it is now (after edits), or None once deleted."""
        return self.state.store.get(int(message_id))

    def history(
        self,
        channel: Where,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
        around: int | None = None,
    ) -> list[dict[str, Any]]:
        """What GET /channels/{id}/messages returns (newest first; no ephemeral or deleted)."""
        return self.state.store.history(
            self.channel(channel).id, limit=limit, before=before, after=after, around=around
        )

    @property
    def clock(self) -> StandinClock:
        """Discord's "now": ``standin.clock.advance(minutes=5)`` moves it forward."""
        return self.world.clock

    @property
    def nonce_window(self) -> float:
        """Seconds during which ``enforce_nonce`` returns the earlier message (default 180)."""
        return self.state.nonce_window

    @nonce_window.setter
    def nonce_window(self, seconds: float) -> None:
        self.state.nonce_window = seconds

    @property
    def shard_count(self) -> int:
        """The shard count GET /gateway/bot recommends (AutoShardedClient uses it)."""
        return self.state.shard_count

    @shard_count.setter
    def shard_count(self, count: int) -> None:
        self.state.shard_count = count

    @property
    def errors(self) -> list[str]:
        """Stand-in bugs (route/gateway exceptions); the fixture fails the test on any."""
        return self.state.errors + self.gateway.errors

    @property
    def unknown_routes(self) -> list[str]:
        return self.state.unknown_routes

    async def wait_for_request(
        self, predicate: Predicate, *, after: int = 0, timeout: float = 5.0
    ) -> Recorded:
        return await self.state.log.wait_for(predicate, after=after, timeout=timeout)

    def sent_messages(self, *, after: int = 0, channel_id: int | None = None) -> list[SentMessage]:
        return [
            r.message
            for r in self.requests[after:]
            if r.message is not None and channel_id in (None, r.message["channel_id"])
        ]

    async def next_message(
        self,
        *,
        channel_id: int | None = None,
        after: int = 0,
        kind: str | None = None,
        timeout: float = 5.0,
    ) -> SentMessage:
        """The first message the bot made visible after ``after`` (sends, edits, interactions)."""
        rec = await self.state.log.wait_for(
            lambda r: (
                r.message is not None
                and channel_id in (None, r.message["channel_id"])
                and kind in (None, r.message["kind"])
            ),
            after=after,
            timeout=timeout,
            what=f"a bot message in channel {channel_id}" if channel_id else "a bot message",
        )
        assert rec.message is not None
        return rec.message

    async def expect_no_message(
        self, *, channel_id: int | None = None, after: int = 0, within: float = 0.3
    ) -> None:
        """Assert the bot stays silent for ``within`` seconds (the only deliberate wait)."""
        try:
            msg = await self.next_message(channel_id=channel_id, after=after, timeout=within)
        except TimeoutError:
            return
        raise AssertionError(f"expected no message, got {msg['kind']}: {msg['content']!r}")

    # -- configuration ----------------------------------------------------------------------

    def fail_channel(
        self,
        channel: Where,
        status: int = 403,
        code: int = 50013,
        message: str = "Missing Permissions",
    ) -> None:
        """Make writes to ``channel`` fail (a 404 also fails reads)."""
        self.world.failures[self.channel(channel).id] = Failure(
            status, code, message, status == 404
        )

    def stall_next_send(self, channel: Where, *, after_create: bool = False) -> Stall:
        """Hold the next message sent to ``channel``: before Discord creates it, or (with
        ``after_create``) after, with only the response held. Release or abandon it."""
        stall = Stall(self.channel(channel).id, after_create)
        self.state.stalls[stall.channel_id] = stall
        return stall

    def heal_channel(self, channel: Where) -> None:
        self.world.failures.pop(self.channel(channel).id, None)

    async def kick(
        self, *, resume: bool = True, timeout: float | None = None, shard: int | None = None
    ) -> None:
        """Drop the bot's gateway connection(s) (every session, or one ``shard``'s) and wait
        until they have RESUMEd (or re-IDENTIFYed).

        ``resume=False`` invalidates the session; discord.py's ``Client.before_identify_hook``
        then sleeps 5 s before IDENTIFY, so that path takes ~5 s (default timeout 10 s).
        """
        await self.gateway.kick(
            resume=resume, timeout=timeout or (5.0 if resume else 10.0), shard=shard
        )

    async def gateway_outage(self) -> None:
        """Drop the bot's gateway connection and refuse it until `end_gateway_outage`."""
        await self.gateway.go_down()

    async def end_gateway_outage(self, timeout: float = 10.0) -> None:
        """Accept the bot again and wait until it has reconnected (after discord.py's backoff)."""
        await self.gateway.come_back(timeout)

    async def dispatch(self, event: str, data: Any, *, intent: int | None = None) -> int:
        """Escape hatch: send any gateway DISPATCH to the bot."""
        return await self.gateway.dispatch(event, data, intent=intent)
