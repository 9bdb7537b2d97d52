"""The ``resolved`` block of an interaction: users, members, roles, channels, files, messages."""

from __future__ import annotations

import copy
from typing import Any

from .recording import UploadedFile
from .store import MessageStore
from .world import Channel, Persona, Role, World


class Resolver:
    """Collects ``resolved`` entries for values a user picked in ``channel``."""

    def __init__(
        self, world: World, store: MessageStore, invoker: Persona, channel: Channel
    ) -> None:
        self.world, self.store, self.invoker, self.channel_ = world, store, invoker, channel
        self.guild = world.guild_of(channel)
        self.data: dict[str, dict[str, Any]] = {}

    @property
    def in_guild(self) -> bool:
        return self.guild is not None

    def _put(self, kind: str, key: int | str, value: dict[str, Any]) -> str:
        self.data.setdefault(kind, {})[str(key)] = value
        return str(key)

    def user(self, value: Persona | int | str) -> str:
        p = self.world.persona(value)
        if self.guild is not None and p.id in self.guild.members:
            member = self.world.member_payload(
                p, with_user=False, with_permissions=True, channel=self.channel_
            )
            self._put("members", p.id, member)
        return self._put("users", p.id, self.world.user_payload(p))

    def role(self, value: Role | int | str) -> str:
        r = self.world.role(value, self.guild)
        return self._put("roles", r.id, self.world.role_payload(r))

    def mentionable(self, value: Any) -> str:
        try:
            return self.user(value)
        except KeyError:
            return self.role(value)

    def channel(self, value: Channel | int | str, allowed: list[int] | None = None) -> str:
        ch = self.world.channel(value, self.guild)
        if allowed and ch.type not in allowed:
            raise ValueError(f"channel {ch.name!r} (type {ch.type}) not allowed; types {allowed}")
        data = self.world.channel_payload(ch)
        data["permissions"] = str(self.world.permissions(self.invoker, channel=ch))
        return self._put("channels", ch.id, data)

    def attachment(self, value: UploadedFile | tuple[Any, ...]) -> str:
        upload = value if isinstance(value, UploadedFile) else UploadedFile(*value)
        data = {**self.store.attach(upload), "ephemeral": True}
        return self._put("attachments", data["id"], data)

    def message(self, msg: dict[str, Any]) -> str:
        """A message command's target, as Discord resolves it (the message as stored)."""
        return self._put("messages", msg["id"], copy.deepcopy(msg))

    def payload(self) -> dict[str, Any] | None:
        return self.data or None
