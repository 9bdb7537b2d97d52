"""The things a world is made of: users, and guilds with roles, members and channels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .perms import Overwrite, apply_overwrites, base_permissions

JOINED_AT = "2024-01-01T00:00:00.000000+00:00"
TEXT, DM, CATEGORY, PUBLIC_THREAD, PRIVATE_THREAD = 0, 1, 4, 11, 12
THREAD_TYPES = (10, PUBLIC_THREAD, PRIVATE_THREAD)


@dataclass(frozen=True)
class Persona:
    """A Discord user (the bot itself is one too); guild membership lives in ``Guild.members``."""

    id: int
    username: str
    bot: bool = False
    global_name: str | None = None

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    @property
    def display_name(self) -> str:
        return self.global_name or self.username


@dataclass(frozen=True)
class Role:
    id: int
    name: str
    permissions: int
    position: int
    managed: bool = False
    tags: dict[str, Any] | None = None

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"


@dataclass
class Member:
    """A user's membership of one guild; ``roles`` never lists @everyone (as on Discord)."""

    user_id: int
    roles: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = JOINED_AT


@dataclass
class Channel:
    """A guild text channel (0), category (4), thread (11/12), or a DM (1, guild_id None)."""

    id: int
    name: str
    type: int = TEXT
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    guild_id: int | None = None
    recipient: Persona | None = None
    last_message_id: int | None = None
    overwrites: dict[int, Overwrite] = field(default_factory=dict)
    owner_id: int | None = None  # threads: who started it
    archived: bool = False
    locked: bool = False

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.type == DM

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES


@dataclass(frozen=True)
class Failure:
    """A canned error returned for requests touching a channel."""

    status: int
    code: int
    message: str
    reads_too: bool = False  # also fail GET /channels/{id} (e.g. a deleted channel)

    def body(self) -> dict[str, Any]:
        return {"message": self.message, "code": self.code}


MISSING_PERMISSIONS = Failure(403, 50013, "Missing Permissions")
MISSING_ACCESS = Failure(403, 50001, "Missing Access")
UNKNOWN_CHANNEL = Failure(404, 10003, "Unknown Channel", reads_too=True)


@dataclass
class Guild:
    """One server: its owner, roles (incl. @everyone, id == guild id), members and channels."""

    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    # Server Settings -> Integrations overrides: command name -> role/user ids allowed to use it
    # whatever its default_member_permissions (the guild id stands for @everyone).
    command_access: dict[str, set[int]] = field(default_factory=dict)
    system_channel_id: int | None = None
    unavailable: bool = False  # an outage: GUILD_DELETE {unavailable: true} was sent

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def member(self, user_id: int) -> Member | None:
        return self.members.get(user_id)

    def channel(self, which: Channel | int | str) -> Channel:
        """A channel of this guild by object, id or name ("general" or "#general")."""
        if isinstance(which, Channel) and which.id in self.channels:
            return which
        name = str(which.id if isinstance(which, Channel) else which).lstrip("#")
        for c in self.channels.values():
            if name in (c.name, str(c.id)):
                return c
        known = [c.name for c in self.channels.values()]
        raise KeyError(f"guild {self.name!r} has no channel {which!r}; known: {known}")

    def role(self, which: Role | int | str) -> Role:
        key = which.id if isinstance(which, Role) else which
        for r in self.roles.values():
            if key in (r.id, r.name, str(r.id)):
                return r
        known = [r.name for r in self.roles.values()]
        raise KeyError(f"guild {self.name!r} has no role {which!r}; known: {known}")

    def permissions(self, user_id: int, channel: Channel | None = None) -> int:
        """Discord's computed permissions of a member, guild-wide or in ``channel``."""
        member = self.members.get(user_id)
        if member is None:
            return 0
        role_ids = [r for r in member.roles if r in self.roles]
        base = base_permissions(
            user_id=user_id,
            owner_id=self.owner_id,
            everyone=self.everyone.permissions,
            role_permissions=[self.roles[r].permissions for r in role_ids],
        )
        if channel is None:
            return base
        source = channel
        if channel.is_thread and channel.parent_id in self.channels:
            source = self.channels[channel.parent_id]  # threads inherit their parent's overwrites
        return apply_overwrites(
            base,
            guild_id=self.id,
            user_id=user_id,
            role_ids=role_ids,
            overwrites=source.overwrites,
            thread=channel.is_thread,
        )


@dataclass
class TeamMember:
    user_id: int
    role: str = "admin"  # admin, developer or read_only (the owner is listed as admin)


@dataclass
class Team:
    """The team that owns the application (then ``owner`` is the team's pseudo-user)."""

    id: int
    name: str
    owner_user_id: int
    members: list[TeamMember] = field(default_factory=list)
