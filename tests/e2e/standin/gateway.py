"""The gateway websocket: HELLO, IDENTIFY/READY, RESUME, heartbeats, shards and dispatches."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from .ids import shard_of
from .world import Guild, World

log = logging.getLogger("standin.gateway")

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT = 0, 1, 2, 6, 7
REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 8, 9, 10, 11


class Intent:
    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_MODERATION = 1 << 2
    GUILD_MESSAGES = 1 << 9
    DIRECT_MESSAGES = 1 << 12
    MESSAGE_CONTENT = 1 << 15


# Events about a guild carry its id in "id"; the rest in "guild_id" (absent in DMs).
GUILD_ITSELF = {"GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"}
INVALID_SHARD = 4010
EVERY_SHARD = -1  # route marker: an event not about any guild or DM
INFER = -2  # route marker: work the guild out from the event's data


@dataclass
class Session:
    """One gateway session; survives a dropped socket so the bot can RESUME it."""

    session_id: str
    intents: int
    shard: tuple[int, int] | None = None  # (shard_id, shard_count) from IDENTIFY
    seq: int = 0
    ws: web.WebSocketResponse | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def covers(self, guild_id: int | None) -> bool:
        """Whether Discord sends this guild's events here (DMs go to shard 0 only)."""
        if self.shard is None or guild_id == EVERY_SHARD:
            return True
        shard_id, count = self.shard
        return shard_id == 0 if guild_id is None else shard_of(guild_id, count) == shard_id


def route_of(event: str, data: Any) -> int | None:
    """The guild an event belongs to, None for a DM event, EVERY_SHARD for neither."""
    if not isinstance(data, dict):
        return EVERY_SHARD
    if event in GUILD_ITSELF and data.get("id"):
        return int(data["id"])
    if data.get("guild_id"):
        return int(data["guild_id"])
    dm_events = ("MESSAGE_", "INTERACTION_", "CHANNEL_", "TYPING_", "THREAD_")
    return None if event.startswith(dm_events) else EVERY_SHARD


class Gateway:
    def __init__(
        self, world: World, token: str | None, heartbeat_interval_ms: int = 41_250
    ) -> None:
        self.world = world
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.url = ""  # ws://host:port/gateway-ws, set when the server listens
        self.sessions: dict[str, Session] = {}
        self.identifies = 0
        self.resumes = 0
        self.received: list[dict[str, Any]] = []  # every payload the bot sent us
        self.errors: list[str] = []
        self.down = False  # an outage: sockets dropped, new connections refused
        self._changed = asyncio.Event()

    # -- state ------------------------------------------------------------------------------

    @property
    def live(self) -> list[Session]:
        return [s for s in self.sessions.values() if s.ws is not None and not s.ws.closed]

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        async def _wait() -> None:
            while not predicate():
                await self._changed.wait()

        try:
            await asyncio.wait_for(_wait(), timeout)
        except TimeoutError:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}") from None

    async def wait_connected(self, timeout: float = 5.0) -> None:
        """Until a session has received READY + GUILD_CREATE (or RESUMED)."""
        await self.wait_until(lambda: bool(self.live), timeout, "the bot to connect to the gateway")

    # -- sending ----------------------------------------------------------------------------

    async def _send(self, ws: web.WebSocketResponse, payload: dict[str, Any]) -> None:
        await ws.send_str(json.dumps(payload))

    async def _dispatch_to(self, session: Session, event: str, data: Any) -> None:
        async with session.lock:
            session.seq += 1
            payload = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
            session.history.append(payload)
            if session.ws is not None and not session.ws.closed:
                await self._send(session.ws, payload)

    async def dispatch(
        self, event: str, data: Any, *, intent: int | None = None, route: int | None = INFER
    ) -> int:
        """Send a DISPATCH to every live session that subscribed ``intent`` and whose shard
        holds the event's guild (``route``: a guild id, None for a DM, default: from the data);
        returns how many sessions got it."""
        target = route_of(event, data) if route == INFER else route
        sent = 0
        for session in self.live:
            if not session.covers(target):
                continue
            if intent is not None and not session.intents & intent:
                log.warning("not dispatching %s: bot did not request intent %s", event, intent)
                continue
            await self._dispatch_to(session, event, data)
            sent += 1
        return sent

    def _guild_create(self, session: Session, guild: Guild, joined: bool = False) -> dict[str, Any]:
        members = bool(session.intents & Intent.GUILD_MEMBERS)
        return self.world.guild_create_payload(guild, joined=joined, all_members=members)

    async def guild_create(self, guild: Guild, *, joined: bool = False) -> int:
        """GUILD_CREATE to the sessions of the guild's shard, each shaped by its intents."""
        sent = 0
        for session in self.live:
            if session.covers(guild.id) and session.intents & Intent.GUILDS:
                data = self._guild_create(session, guild, joined)
                await self._dispatch_to(session, "GUILD_CREATE", data)
                sent += 1
        return sent

    def dispatched(self, event: str) -> list[Any]:
        """The ``d`` of every ``event`` sent to any session so far, in order."""
        return [p["d"] for s in self.sessions.values() for p in s.history if p.get("t") == event]

    def has_intent(self, intent: int, route: int | None = EVERY_SHARD) -> bool:
        return any(s.intents & intent for s in self.live if s.covers(route))

    def sessions_for(self, guild_id: int | None) -> list[Session]:
        """The live sessions that receive ``guild_id``'s events (None: DMs)."""
        return [s for s in self.live if s.covers(guild_id)]

    async def wait_sessions(self, count: int, timeout: float = 5.0) -> None:
        """Until ``count`` sessions are live (e.g. every shard of a sharded bot)."""
        await self.wait_until(lambda: len(self.live) >= count, timeout, f"{count} gateway sessions")

    # -- control ----------------------------------------------------------------------------

    async def kick(
        self, *, resume: bool = True, timeout: float = 5.0, shard: int | None = None
    ) -> None:
        """Drop the bot's sockets (resume=True) or invalidate its sessions, all or one shard's;
        wait until as many have come back."""
        sessions = [s for s in self.live if shard is None or (s.shard or (0, 1))[0] == shard]
        if not sessions:
            raise RuntimeError(f"no live gateway session to kick (shard={shard})")
        before = (self.resumes if resume else self.identifies) + len(sessions) - 1
        for session in sessions:
            assert session.ws is not None
            if resume:
                await session.ws.close(code=4000, message=b"kicked by stand-in")
            else:
                self.sessions.pop(session.session_id, None)
                await self._send(session.ws, {"op": INVALID_SESSION, "d": False})
        counter = (lambda: self.resumes) if resume else (lambda: self.identifies)
        await self.wait_until(
            lambda: counter() > before and bool(self.live), timeout, "the bot to reconnect"
        )

    async def go_down(self) -> None:
        """An outage: drop every socket and refuse new connections until `come_back`."""
        self.down = True
        for session in self.live:
            assert session.ws is not None
            await session.ws.close(code=4000, message=b"stand-in outage")

    async def come_back(self, timeout: float = 10.0) -> None:
        """End the outage and wait until the bot is connected again."""
        self.down = False
        await self.wait_until(lambda: bool(self.live), timeout, "the bot to reconnect")

    async def close(self) -> None:
        for session in list(self.sessions.values()):
            if session.ws is not None and not session.ws.closed:
                await session.ws.close(code=1001, message=b"stand-in shutting down")

    # -- the websocket ----------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.down:
            return web.Response(status=503, text="stand-in outage")
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        await self._send(ws, {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        session: Session | None = None
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    session = await self._on_payload(ws, json.loads(msg.data), session) or session
                elif msg.type is WSMsgType.BINARY:
                    self.errors.append("binary gateway frame received (unsupported)")
        except Exception as exc:  # a bug in the stand-in, surfaced by the fixture
            log.exception("gateway handler failed")
            self.errors.append(f"gateway handler failed: {exc!r}")
        finally:
            if session is not None and session.ws is ws:
                session.ws = None
            self._notify()
        return ws

    async def _on_payload(
        self, ws: web.WebSocketResponse, payload: dict[str, Any], session: Session | None
    ) -> Session | None:
        self.received.append(payload)
        op, data = payload.get("op"), payload.get("d") or {}
        if op == HEARTBEAT:
            await self._send(ws, {"op": HEARTBEAT_ACK})
        elif op == IDENTIFY:
            return await self._identify(ws, data)
        elif op == RESUME:
            return await self._resume(ws, data)
        elif op == REQUEST_MEMBERS and session is not None:
            await self._members_chunk(session, data)
        return None

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> Session | None:
        if self.token is not None and data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        shard = tuple(int(x) for x in data["shard"]) if data.get("shard") else None
        if shard is not None and not (len(shard) == 2 and 0 <= shard[0] < shard[1]):
            await ws.close(code=INVALID_SHARD, message=b"Invalid shard.")
            return None
        session = Session(secrets.token_hex(16), int(data.get("intents") or 0), ws=ws)
        session.shard = (shard[0], shard[1]) if shard is not None else None
        self.sessions[session.session_id] = session
        bot = self.world.bot
        guilds = [g for g in self.world.bot_guilds() if session.covers(g.id)]
        ready = {
            "v": 10,
            "user": {**self.world.user_payload(bot), "verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": self.url,
            "application": {"id": str(bot.id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["local"],
        }
        if data.get("shard"):
            ready["shard"] = data["shard"]
        await self._dispatch_to(session, "READY", ready)
        if session.intents & Intent.GUILDS:
            for g in (g for g in guilds if not g.unavailable):
                await self._dispatch_to(session, "GUILD_CREATE", self._guild_create(session, g))
        self.identifies += 1
        self._notify()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> Session | None:
        session = self.sessions.get(data.get("session_id") or "")
        if session is None or (self.token is not None and data.get("token") != self.token):
            await self._send(ws, {"op": INVALID_SESSION, "d": False})
            return None
        session.ws = ws
        async with session.lock:
            for payload in session.history:
                if payload["s"] > int(data.get("seq") or 0):
                    await self._send(ws, payload)
        await self._dispatch_to(session, "RESUMED", {})
        self.resumes += 1
        self._notify()
        return session

    async def _members_chunk(self, session: Session, data: dict[str, Any]) -> None:
        wanted = {int(u) for u in data.get("user_ids") or []}
        query = (data.get("query") or "").lower()
        guild = self.world.guild(int(data.get("guild_id") or self.world.guild_id))
        members = [
            self.world.member_payload(p, guild=guild)
            for p in (self.world.personas[uid] for uid in guild.members)
            if (not wanted or p.id in wanted) and p.username.lower().startswith(query)
        ]
        if data.get("limit"):
            members = members[: int(data["limit"])]
        chunk: dict[str, Any] = {
            "guild_id": str(data.get("guild_id")),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
        }
        if data.get("nonce"):
            chunk["nonce"] = data["nonce"]
        if wanted:
            chunk["not_found"] = [str(u) for u in wanted - {int(m["user"]["id"]) for m in members}]
        await self._dispatch_to(session, "GUILD_MEMBERS_CHUNK", chunk)
