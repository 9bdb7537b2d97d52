"""What simulated users do with the bot's application: commands, menus, clicks, modals."""

from __future__ import annotations

import copy
import logging
import secrets
from typing import Any

from .actors import MessageRef, UserActions, settle
from .builders import (
    MESSAGE_COMMAND,
    USER_COMMAND,
    check_invocable,
    command_data,
    context_menu_data,
    interaction_payload,
)
from .commands import CommandRegistry
from .components import component_data, modal_data
from .handle import InteractionHandle
from .ids import Ids
from .perms import Perm
from .recording import Recorded
from .resolve import Resolver
from .state import InteractionRecord
from .store import EPHEMERAL
from .world import Channel, Persona, Where, Who

COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
log = logging.getLogger("standin")


class InteractionActions(UserActions):
    """Mixin for DiscordStandIn: users invoking the application (INTERACTION_CREATE)."""

    @property
    def commands(self) -> CommandRegistry:
        return self.state.commands

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
        if itype in (COMPONENT, MODAL_SUBMIT):
            await settle()
        handle = InteractionHandle(self.state.log, record, self.mark())
        if not await self.gateway.dispatch("INTERACTION_CREATE", payload):
            where = f"guild {channel.guild_id}" if channel.guild_id else "DMs (shard 0)"
            raise RuntimeError(f"no live gateway session for {where} to deliver the interaction")
        return handle

    def _where(self, user: Persona, channel_id: Where, dm: bool) -> Channel:
        return self.world.dm_channel(user) if dm else self.channel(channel_id)

    async def _command(
        self, name: str, user: Persona, channel: Channel, ctype: int, timeout: float
    ) -> dict[str, Any]:
        await self.gateway.wait_connected(timeout)
        cmd = await self.commands.wait_for(
            name, guild_id=channel.guild_id, type=ctype, timeout=timeout
        )
        check_invocable(cmd, self.world, user, channel)
        return cmd

    def _resolver(self, user: Persona, channel: Channel) -> Resolver:
        return Resolver(self.world, self.state.store, user, channel)

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
        """A user runs ``/command_path`` (e.g. "qa add") with ``options`` (name -> value) in
        ``channel_id`` (any guild's channel) or in a DM with the bot.

        Values: str/int/float/bool; users as Persona/id/username; channels as Channel/id/name;
        roles as Role/id/name; attachments as UploadedFile or (filename, bytes[, content_type]).
        """
        persona = self.persona(user)
        channel = self._where(persona, channel_id, dm)
        cmd = await self._command(command_path, persona, channel, 1, timeout)
        data = command_data(cmd, command_path, options or {}, self._resolver(persona, channel))
        return await self._interact(COMMAND, data, user=persona, channel=channel)

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
        cmd = await self._command(command_path, persona, channel, 1, timeout)
        resolver = self._resolver(persona, channel)
        data = command_data(cmd, command_path, options, resolver, focused)
        handle = await self._interact(AUTOCOMPLETE, data, user=persona, channel=channel)
        return await handle.choices(timeout)

    async def message_command(
        self, name: str, message: MessageRef, *, user: Who = Ids.MEMBER, timeout: float = 5.0
    ) -> InteractionHandle:
        """A user picks Apps -> ``name`` on ``message`` (a message context menu, type 3)."""
        stored = self._stored(message)
        persona = self.persona(user)
        channel = self.channel(int(stored["channel_id"]))
        self._check_sees(persona, channel, stored)
        cmd = await self._command(name, persona, channel, MESSAGE_COMMAND, timeout)
        resolver = self._resolver(persona, channel)
        resolver.message(stored)
        data = context_menu_data(cmd, int(stored["id"]), resolver)
        return await self._interact(COMMAND, data, user=persona, channel=channel)

    async def user_command(
        self,
        name: str,
        target: Who,
        *,
        user: Who = Ids.MEMBER,
        channel_id: Where = Ids.ASK,
        dm: bool = False,
        timeout: float = 5.0,
    ) -> InteractionHandle:
        """A user picks Apps -> ``name`` on ``target``'s profile (a user context menu, type 2)."""
        persona, victim = self.persona(user), self.persona(target)
        channel = self._where(persona, channel_id, dm)
        cmd = await self._command(name, persona, channel, USER_COMMAND, timeout)
        resolver = self._resolver(persona, channel)
        resolver.user(victim)
        data = context_menu_data(cmd, victim.id, resolver)
        return await self._interact(COMMAND, data, user=persona, channel=channel)

    def _check_sees(self, persona: Persona, channel: Channel, msg: dict[str, Any]) -> None:
        """Only who can see a message can use it: channel access, and an ephemeral's owner."""
        guild = self.world.guild_of(channel)
        if guild is not None:
            if persona.id not in guild.members:
                raise PermissionError(f"{persona.username} is not a member of {guild.name!r}")
            if not guild.permissions(persona.id, channel) & Perm.VIEW_CHANNEL:
                raise PermissionError(f"{persona.username} cannot see #{channel.name}")
        if int(msg.get("flags") or 0) & EPHEMERAL:
            owner = (msg.get("interaction_metadata") or {}).get("user", {}).get("id")
            if owner is not None and int(owner) != persona.id:
                problem = f"message {msg['id']} is ephemeral: only its owner can see or use it"
                if self.state.strict_ephemeral:
                    raise PermissionError(problem)
                log.warning("%s; %s used it anyway (strict_ephemeral is off)", problem, persona)

    async def click(
        self,
        custom_id: str,
        message: MessageRef,
        *,
        user: Who = Ids.MEMBER,
        values: list[Any] | None = None,
        timeout: float = 5.0,
    ) -> InteractionHandle:
        """A user presses a button (or picks ``values`` in a select) on a message the bot sent."""
        await self.gateway.wait_connected(timeout)
        stored = self._stored(message)
        persona = self.persona(user)
        channel = self.channel(int(stored["channel_id"]))
        self._check_sees(persona, channel, stored)
        data = component_data(stored, custom_id, values, self._resolver(persona, channel))
        return await self._interact(
            COMPONENT,
            data,
            user=persona,
            channel=channel,
            message=copy.deepcopy(stored),
            component_message_id=int(stored["id"]),
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
        """A user submits the modal ``custom_id`` with ``values`` (input custom_id -> value).

        Values: text for text inputs, a list for selects and checkbox groups, a bool for a
        checkbox, an option value for a radio group, files for a file upload. The submitter's
        roles and permissions are read now, so a member who lost a role since the modal opened
        submits without it (as on Discord)."""
        await self.gateway.wait_connected(timeout)
        persona = self.persona(user)
        opener = self._modal_opener(custom_id)
        modal = opener.json["data"] if opener is not None else None
        origin = self.state.interactions.get(opener.interaction_id or 0) if opener else None
        if channel_id is not None:
            channel = self.channel(channel_id)
        else:
            channel = origin.channel if origin is not None else self.channel(Ids.ASK)
        data = modal_data(custom_id, values, modal, self._resolver(persona, channel))
        source_id = origin.component_message_id if origin is not None else None
        source = self.state.store.get(source_id) if source_id is not None else None
        return await self._interact(
            MODAL_SUBMIT,
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
