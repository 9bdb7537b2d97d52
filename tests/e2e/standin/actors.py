"""What simulated users do: post messages, run slash commands, click, submit modals."""

from __future__ import annotations

import asyncio
import copy
import logging
import secrets
from collections.abc import Iterable
from typing import Any

from .builders import (
    Resolver,
    check_invocable,
    command_data,
    component_data,
    interaction_payload,
    modal_data,
)
from .commands import CommandRegistry
from .gateway import Gateway, Intent
from .handle import InteractionHandle
from .ids import Ids
from .recording import Recorded, SentMessage, UploadedFile
from .state import InteractionRecord, State
from .world import Channel, Persona, World

log = logging.getLogger("standin")
Who = Persona | int | str
Where = Channel | int | str


async def settle(max_rounds: int = 200) -> None:
    """Yield until the event loop (shared by bot, stand-in and test) has nothing ready.

    discord.py stores a view/modal only after reading the callback's HTTP response; settling
    before a click or modal submit guarantees the bot got that far, as a human's delay would.
    It cannot see work in other threads (e.g. aiosqlite), so it is not a "bot is done" signal.
    """
    loop = asyncio.get_running_loop()
    ready = getattr(loop, "_ready", None)  # CPython's run queue; without it, just yield a while
    idle = 0
    for _ in range(max_rounds):
        await asyncio.sleep(0)
        idle = idle + 1 if ready is not None and not ready else 0
        if idle >= 2:
            return


class UserActions:
    """Mixin for DiscordStandIn: every method here makes the gateway DISPATCH something."""

    world: World
    state: State
    gateway: Gateway

    @property
    def commands(self) -> CommandRegistry:
        return self.state.commands

    @property
    def requests(self) -> list[Recorded]:
        return self.state.log.items

    @property
    def bot(self) -> Persona:
        return self.world.bot

    def persona(self, who: Who) -> Persona:
        return self.world.persona(who)

    def channel(self, where: Where) -> Channel:
        return self.world.channel(where)

    def mark(self) -> int:
        return self.state.log.mark()

    # -- the world changing ----------------------------------------------------------------

    async def add_member(self, username: str, roles: tuple[int, ...] = (), **kw: Any) -> Persona:
        """A user joins (GUILD_MEMBER_ADD is dispatched if the bot is connected)."""
        persona = self.world.add_member(username, roles, **kw)
        member = {**self.world.member_payload(persona), "guild_id": str(self.world.guild_id)}
        await self.gateway.dispatch("GUILD_MEMBER_ADD", member, intent=Intent.GUILD_MEMBERS)
        return persona

    async def add_text_channel(self, name: str, **kw: Any) -> Channel:
        """A text channel is created (CHANNEL_CREATE is dispatched if the bot is connected)."""
        channel = self.world.add_text_channel(name, **kw)
        payload = self.world.channel_payload(channel)
        await self.gateway.dispatch("CHANNEL_CREATE", payload, intent=Intent.GUILDS)
        return channel

    # -- users talking ----------------------------------------------------------------------

    async def send_message(
        self,
        content: str,
        *,
        author: Who = Ids.MEMBER,
        channel_id: Where = Ids.GENERAL,
        mentions: Iterable[Who] = (),
        guild: bool = True,
        attachments: Iterable[UploadedFile | tuple[Any, ...]] = (),
        reply_to: int | None = None,
        timeout: float = 5.0,
    ) -> dict[str, Any]:
        """A user posts ``content``; dispatches MESSAGE_CREATE and returns the message payload."""
        await self.gateway.wait_connected(timeout)
        persona = self.persona(author)
        channel = self.channel(channel_id) if guild else self.world.dm_channel(persona)
        files = [a if isinstance(a, UploadedFile) else UploadedFile(*a) for a in attachments]
        payload: dict[str, Any] = {"content": content}
        if reply_to is not None:
            payload["message_reference"] = {"message_id": str(reply_to)}
        msg = self.state.store.create(channel, persona, payload, files)
        known = {u["id"] for u in msg["mentions"]}
        for who in mentions:
            p = self.persona(who)
            if str(p.id) not in known:
                user = self.world.user_payload(p)
                user["member"] = self.world.member_payload(p, with_user=False)
                msg["mentions"].append(user)
        await self._deliver(msg)
        return msg

    async def send_dm(
        self,
        content: str,
        *,
        author: Who = Ids.MEMBER,
        attachments: Iterable[UploadedFile | tuple[Any, ...]] = (),
        timeout: float = 5.0,
    ) -> dict[str, Any]:
        """A user DMs the bot (MESSAGE_CREATE without guild_id)."""
        return await self.send_message(
            content, author=author, guild=False, attachments=attachments, timeout=timeout
        )

    async def _deliver(self, msg: dict[str, Any]) -> None:
        dm = "guild_id" not in msg
        visible = copy.deepcopy(msg)
        mentioned = any(int(u["id"]) == self.bot.id for u in msg["mentions"])
        if not (dm or mentioned or self.gateway.has_intent(Intent.MESSAGE_CONTENT)):
            log.warning("bot lacks the message_content intent: delivering message without content")
            visible.update(content="", embeds=[], attachments=[], components=[])
        intent = Intent.DIRECT_MESSAGES if dm else Intent.GUILD_MESSAGES
        await self.gateway.dispatch("MESSAGE_CREATE", visible, intent=intent)

    # -- users interacting ------------------------------------------------------------------

    async def _interact(
        self,
        itype: int,
        data: dict[str, Any],
        *,
        user: Persona,
        channel: Channel,
        message: dict[str, Any] | None = None,
        component_message_id: int | None = None,
    ) -> InteractionHandle:
        iid = self.world.snowflake()
        token = f"standin-{iid}-{secrets.token_urlsafe(16)}"
        payload = interaction_payload(
            self.world,
            interaction_id=iid,
            token=token,
            type=itype,
            data=data,
            user=user,
            channel=channel,
            message=message,
        )
        record = InteractionRecord(iid, token, itype, payload, user, channel, self.state.now())
        record.component_message_id = component_message_id
        self.state.interactions[iid] = record
        if itype in (3, 5):
            await settle()
        handle = InteractionHandle(self.state.log, record, self.mark())
        if not await self.gateway.dispatch("INTERACTION_CREATE", payload):
            raise RuntimeError("no live gateway session to deliver the interaction to")
        return handle

    def _where(self, user: Persona, channel_id: Where, dm: bool) -> Channel:
        return self.world.dm_channel(user) if dm else self.channel(channel_id)

    async def _command_data(
        self,
        command_path: str,
        options: dict[str, Any],
        user: Persona,
        channel: Channel,
        focused: str | None,
        timeout: float,
    ) -> dict[str, Any]:
        await self.gateway.wait_connected(timeout)
        guild_id = None if channel.is_dm else self.world.guild_id
        cmd = await self.commands.wait_for(command_path, guild_id=guild_id, timeout=timeout)
        check_invocable(cmd, self.world, user, channel)
        resolver = Resolver(self.world, self.state.store, user, not channel.is_dm)
        return command_data(cmd, command_path, options, resolver, focused)

    async def slash(
        self,
        command_path: str,
        options: dict[str, Any] | None = None,
        *,
        user: Who = Ids.MEMBER,
        channel_id: Where = Ids.ASK,
        dm: bool = False,
        timeout: float = 5.0,
    ) -> InteractionHandle:
        """A user runs ``/command_path`` (e.g. "qa add") with ``options`` (name -> value).

        Values: str/int/float/bool; users as Persona/id/username; channels as Channel/id/name;
        roles as Role/id/name; attachments as UploadedFile or (filename, bytes[, content_type]).
        """
        persona = self.persona(user)
        channel = self._where(persona, channel_id, dm)
        data = await self._command_data(
            command_path, options or {}, persona, channel, None, timeout
        )
        return await self._interact(2, data, user=persona, channel=channel)

    async def autocomplete(
        self,
        command_path: str,
        options: dict[str, Any],
        *,
        focused: str,
        user: Who = Ids.MEMBER,
        channel_id: Where = Ids.ASK,
        dm: bool = False,
        timeout: float = 5.0,
    ) -> list[dict[str, Any]]:
        """A user types into option ``focused``; returns the choices the bot answered."""
        persona = self.persona(user)
        channel = self._where(persona, channel_id, dm)
        data = await self._command_data(command_path, options, persona, channel, focused, timeout)
        handle = await self._interact(4, data, user=persona, channel=channel)
        return await handle.choices(timeout)

    async def click(
        self,
        custom_id: str,
        message: SentMessage | dict[str, Any] | int | str,
        *,
        user: Who = Ids.MEMBER,
        values: list[Any] | None = None,
        timeout: float = 5.0,
    ) -> InteractionHandle:
        """A user presses a button (or picks ``values`` in a select) on a message the bot sent."""
        await self.gateway.wait_connected(timeout)
        msg_id = int(message["id"] if isinstance(message, dict) else message)
        stored = self.state.store.get(msg_id)
        if stored is None:
            raise LookupError(f"message {msg_id} does not exist on the stand-in")
        persona = self.persona(user)
        channel = self.channel(int(stored["channel_id"]))
        resolver = Resolver(self.world, self.state.store, persona, not channel.is_dm)
        data = component_data(stored, custom_id, values, resolver)
        return await self._interact(
            3,
            data,
            user=persona,
            channel=channel,
            message=copy.deepcopy(stored),
            component_message_id=msg_id,
        )

    async def submit_modal(
        self,
        custom_id: str,
        values: dict[str, Any],
        *,
        user: Who = Ids.MEMBER,
        channel_id: Where | None = None,
        timeout: float = 5.0,
    ) -> InteractionHandle:
        """A user submits the modal ``custom_id`` with ``values`` (input custom_id -> text)."""
        await self.gateway.wait_connected(timeout)
        persona = self.persona(user)
        opener = self._modal_opener(custom_id)
        modal = opener.json["data"] if opener is not None else None
        origin = self.state.interactions.get(opener.interaction_id or 0) if opener else None
        if channel_id is not None:
            channel = self.channel(channel_id)
        else:
            channel = origin.channel if origin is not None else self.channel(Ids.ASK)
        resolver = Resolver(self.world, self.state.store, persona, not channel.is_dm)
        data = modal_data(custom_id, values, modal, resolver)
        source_id = origin.component_message_id if origin is not None else None
        source = self.state.store.get(source_id) if source_id is not None else None
        return await self._interact(
            5,
            data,
            user=persona,
            channel=channel,
            message=copy.deepcopy(source) if source else None,
            component_message_id=source_id,
        )

    def _modal_opener(self, custom_id: str) -> Recorded | None:
        for rec in reversed(self.requests):
            body = rec.json if rec.ok and rec.path.endswith("/callback") else None
            if isinstance(body, dict) and body.get("type") == 9:
                if (body.get("data") or {}).get("custom_id") == custom_id:
                    return rec
        return None
