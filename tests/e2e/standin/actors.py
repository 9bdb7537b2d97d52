"""What simulated users do in channels: post, edit and delete their messages."""

from __future__ import annotations

import asyncio
import copy
import logging
from collections.abc import Iterable
from typing import Any

from .gateway import Gateway, Intent
from .ids import Ids
from .perms import Perm
from .recording import Recorded, SentMessage, UploadedFile
from .state import State
from .world import Channel, Persona, Where, Who, World

log = logging.getLogger("standin")
MessageRef = SentMessage | dict[str, Any] | int | str


async def settle(max_rounds: int = 200) -> None:
    """Yield until the event loop (shared by bot, stand-in and test) has nothing ready.

    discord.py stores a view/modal only after reading the callback's HTTP response; settling
    before a click or modal submit guarantees the bot got that far, as a human's delay would.
    It cannot see work in other threads (e.g. aiosqlite) or other processes, so it is not a
    "bot is done" signal.
    """
    loop = asyncio.get_running_loop()
    ready = getattr(loop, "_ready", None)  # CPython's run queue; without it, just yield a while
    idle = 0
    for _ in range(max_rounds):
        await asyncio.sleep(0)
        idle = idle + 1 if ready is not None and not ready else 0
        if idle >= 2:
            return


def check_can_post(world: World, persona: Persona, channel: Channel) -> None:
    """Raise PermissionError where Discord's client would not let ``persona`` post."""
    guild = world.guild_of(channel)
    if guild is None:
        return
    if persona.id not in guild.members:
        raise PermissionError(f"{persona.username} is not a member of {guild.name!r}")
    send = Perm.SEND_MESSAGES_IN_THREADS if channel.is_thread else Perm.SEND_MESSAGES
    perms = guild.permissions(persona.id, channel)
    if perms & (Perm.VIEW_CHANNEL | send) != Perm.VIEW_CHANNEL | send:
        raise PermissionError(f"{persona.username} cannot post in #{channel.name} ({perms=})")


class UserActions:
    """Mixin for DiscordStandIn: every method here makes the gateway DISPATCH something."""

    world: World
    state: State
    gateway: Gateway

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

    def _stored(self, message: MessageRef) -> dict[str, Any]:
        msg_id = int(message["id"] if isinstance(message, dict) else message)
        stored = self.state.store.get(msg_id)
        if stored is None:
            raise LookupError(f"message {msg_id} does not exist on the stand-in")
        return stored

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
        """A user posts ``content`` in any guild's channel (or, ``guild=False``, a DM to the bot);
        dispatches MESSAGE_CREATE and returns the message payload."""
        await self.gateway.wait_connected(timeout)
        persona = self.persona(author)
        channel = self.channel(channel_id) if guild else self.world.dm_channel(persona)
        check_can_post(self.world, persona, channel)
        files = [a if isinstance(a, UploadedFile) else UploadedFile(*a) for a in attachments]
        payload: dict[str, Any] = {"content": content}
        if reply_to is not None:
            payload["message_reference"] = {"message_id": str(reply_to)}
        msg = self.state.store.create(channel, persona, payload, files)
        known = {u["id"] for u in msg["mentions"]}
        for who in mentions:
            p = self.persona(who)
            if str(p.id) not in known:
                msg["mentions"].append(self.state.store.mentioned_user(p, channel))
        await self._deliver("MESSAGE_CREATE", msg)
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

    async def edit_message(self, message: MessageRef, content: str) -> dict[str, Any]:
        """A user edits their own message (MESSAGE_UPDATE)."""
        stored = self._stored(message)
        if int(stored["author"]["id"]) == self.bot.id:
            raise PermissionError("the bot's messages are edited by the bot, not by a test")
        msg = self.state.store.edit(int(stored["id"]), {"content": content})
        await self._deliver("MESSAGE_UPDATE", msg)
        return msg

    async def delete_message(self, message: MessageRef, *, by: Who | None = None) -> None:
        """A message is deleted by its author (or ``by`` someone with Manage Messages)."""
        stored = self._stored(message)
        channel = self.channel(int(stored["channel_id"]))
        deleter = self.persona(by) if by is not None else self.persona(int(stored["author"]["id"]))
        if deleter.id != int(stored["author"]["id"]):
            if not self.world.permissions(deleter, channel=channel) & Perm.MANAGE_MESSAGES:
                raise PermissionError(f"{deleter.username} cannot delete others' messages")
        self.state.store.delete(int(stored["id"]))
        await self.state.echo_delete(stored)

    async def _deliver(self, event: str, msg: dict[str, Any]) -> None:
        dm = "guild_id" not in msg
        route = None if dm else int(msg["guild_id"])
        visible = copy.deepcopy(msg)
        mentioned = any(int(u["id"]) == self.bot.id for u in msg["mentions"])
        if not (dm or mentioned or self.gateway.has_intent(Intent.MESSAGE_CONTENT, route)):
            log.warning("bot lacks the message_content intent: delivering message without content")
            visible.update(content="", embeds=[], attachments=[], components=[])
        intent = Intent.DIRECT_MESSAGES if dm else Intent.GUILD_MESSAGES
        await self.gateway.dispatch(event, visible, intent=intent)
