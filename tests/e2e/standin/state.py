"""Shared server state handed to the REST routes, plus response/echo helpers."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from .commands import CommandRegistry
from .gateway import Gateway, Intent
from .recording import Recorded, RequestLog
from .stall import Stall
from .store import EPHEMERAL, MessageStore
from .world import Channel, Persona, World


@dataclass
class InteractionRecord:
    """An interaction the stand-in created, and what the bot did with it so far."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    user: Persona
    channel: Channel
    created_at: float
    callback_type: int | None = None
    original_message_id: int | None = None  # the message @original refers to
    component_message_id: int | None = None  # the message whose component was used
    followups: list[int] = field(default_factory=list)


@dataclass
class State:
    world: World
    store: MessageStore
    log: RequestLog
    commands: CommandRegistry
    gateway: Gateway
    token: str | None
    interaction_deadline: float = 3.0  # Discord invalidates tokens not answered within 3 s
    interaction_token_lifetime: float = 15 * 60.0  # follow-ups and edits work for 15 minutes
    echo_bot_messages: bool = True
    # enforce_nonce de-duplicates "within the past few minutes" (Discord gives no exact figure).
    nonce_window: float = 180.0
    shard_count: int = 1  # what GET /gateway/bot recommends
    # Discord shows an ephemeral message (and its buttons) to its owner only. Off by default
    # because older tests click other users' ephemeral prompts; on, such a click raises.
    strict_ephemeral: bool = False
    interactions: dict[int, InteractionRecord] = field(default_factory=dict)
    stalls: dict[int, Stall] = field(default_factory=dict)  # channel id -> its next send
    errors: list[str] = field(default_factory=list)
    unknown_routes: list[str] = field(default_factory=list)

    def interaction_by_token(self, token: str) -> InteractionRecord | None:
        return next((i for i in self.interactions.values() if i.token == token), None)

    def now(self) -> float:
        return self.world.clock.monotonic()

    # -- responses --------------------------------------------------------------------------

    @staticmethod
    def reply(rec: Recorded, data: Any = None, status: int = 200) -> web.Response:
        rec.response = copy.deepcopy(data)
        if data is None and status == 200:
            status = 204
        if status == 204:
            return web.Response(status=204)
        # discord.py parses JSON only if Content-Type is exactly "application/json" (no charset).
        body = json.dumps(data).encode()
        return web.Response(body=body, status=status, headers={"Content-Type": "application/json"})

    def error(self, rec: Recorded, status: int, code: int, message: str) -> web.Response:
        return self.reply(rec, {"message": message, "code": code}, status)

    # -- gateway echoes (what Discord would tell the bot about its own actions) ------------

    def _message_intent(self, msg: dict[str, Any]) -> int:
        return Intent.DIRECT_MESSAGES if "guild_id" not in msg else Intent.GUILD_MESSAGES

    async def echo(self, event: str, msg: dict[str, Any]) -> None:
        if not self.echo_bot_messages or int(msg.get("flags") or 0) & EPHEMERAL:
            return
        await self.gateway.dispatch(event, msg, intent=self._message_intent(msg))

    async def echo_delete(self, msg: dict[str, Any]) -> None:
        if int(msg.get("flags") or 0) & EPHEMERAL:
            return  # nobody but the recipient ever knew about it
        data = {"id": msg["id"], "channel_id": msg["channel_id"]}
        if "guild_id" in msg:
            data["guild_id"] = msg["guild_id"]
        await self.gateway.dispatch("MESSAGE_DELETE", data, intent=self._message_intent(msg))
