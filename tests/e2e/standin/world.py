"""The simulated guild: personas, roles, channels, permissions and their Discord payloads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .ids import Ids, SnowflakeFactory


class Perm:
    """Permission bits used by the world (see Discord's permission table)."""

    ADMINISTRATOR = 1 << 3
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38
    ALL = (1 << 51) - 1

    EVERYONE = (
        VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | ADD_REACTIONS
        | USE_EXTERNAL_EMOJIS
        | CHANGE_NICKNAME
        | USE_APPLICATION_COMMANDS
        | SEND_MESSAGES_IN_THREADS
    )


@dataclass(frozen=True)
class Persona:
    """A user of the simulated guild (the bot itself is one too)."""

    id: int
    username: str
    roles: tuple[int, ...] = ()
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
class Channel:
    """A guild text channel (type 0), category (4) or a DM channel (type 1, guild_id None)."""

    id: int
    name: str
    type: int = 0
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    guild_id: int | None = Ids.GUILD
    recipient: Persona | None = None
    last_message_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.type == 1


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
UNKNOWN_CHANNEL = Failure(404, 10003, "Unknown Channel", reads_too=True)
JOINED_AT = "2024-01-01T00:00:00.000000+00:00"


def now_iso() -> str:
    return dt.datetime.now(tz=dt.UTC).isoformat()


@dataclass
class World:
    """Everything the stand-in pretends exists; mutate before the bot connects."""

    guild_id: int = Ids.GUILD
    guild_name: str = "Brief Club"
    snowflake: SnowflakeFactory = field(default_factory=SnowflakeFactory)
    personas: dict[int, Persona] = field(default_factory=dict)
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    failures: dict[int, Failure] = field(default_factory=dict)
    # Server Settings -> Integrations overrides: command name -> role/user ids allowed to use it
    # whatever its default_member_permissions (the guild id stands for @everyone).
    command_access: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def default(cls) -> World:
        w = cls()
        for role in (
            Role(Ids.ROLE_EVERYONE, "@everyone", Perm.EVERYONE, 0),
            Role(Ids.ROLE_CURATORS, "Curators", 0, 1),
            Role(Ids.ROLE_MODERATOR, "Moderator", Perm.MANAGE_GUILD, 2),
            Role(Ids.ROLE_BOT, "briefbot", Perm.EVERYONE, 3, True, {"bot_id": str(Ids.BOT)}),
        ):
            w.roles[role.id] = role
        for persona in (
            Persona(Ids.BOT, "briefbot", (Ids.ROLE_BOT,), bot=True),
            Persona(Ids.OWNER, "owner", global_name="Olive Owner"),
            Persona(Ids.MEMBER, "alice", global_name="Alice"),
            Persona(Ids.MODERATOR, "mod", (Ids.ROLE_MODERATOR,), global_name="Morgan Mod"),
            Persona(Ids.CURATOR, "curator", (Ids.ROLE_CURATORS,), global_name="Cora Curator"),
        ):
            w.personas[persona.id] = persona
        w.channels[Ids.CATEGORY] = Channel(Ids.CATEGORY, "briefing", type=4)
        for pos, (cid, name) in enumerate(
            [
                (Ids.GENERAL, "general"),
                (Ids.ASK, "ask"),
                (Ids.DIGEST, "digest"),
                (Ids.MOD_LOG, "mod-log"),
                (Ids.FORBIDDEN, "forbidden"),
                (Ids.GONE, "gone"),
            ]
        ):
            w.channels[cid] = Channel(cid, name, position=pos, parent_id=Ids.CATEGORY)
        w.failures[Ids.FORBIDDEN] = MISSING_PERMISSIONS
        w.failures[Ids.GONE] = UNKNOWN_CHANNEL
        return w

    # -- lookups ---------------------------------------------------------------------------

    @property
    def bot(self) -> Persona:
        return self.personas[Ids.BOT]

    def persona(self, who: Persona | int | str) -> Persona:
        if isinstance(who, Persona):
            return who
        if isinstance(who, int) and who in self.personas:
            return self.personas[who]
        for p in self.personas.values():
            if who in (p.username, str(p.id)):
                return p
        raise KeyError(f"no persona {who!r}; known: {[p.username for p in self.personas.values()]}")

    def channel(self, which: Channel | int | str) -> Channel:
        if isinstance(which, Channel):
            return which
        if isinstance(which, int) and which in self.channels:
            return self.channels[which]
        name = str(which).lstrip("#")
        for c in self.channels.values():
            if name in (c.name, str(c.id)):
                return c
        raise KeyError(f"no channel {which!r}; known: {[c.name for c in self.channels.values()]}")

    def role(self, which: Role | int | str) -> Role:
        if isinstance(which, Role):
            return which
        for r in self.roles.values():
            if which in (r.id, r.name, str(r.id)):
                return r
        raise KeyError(f"no role {which!r}; known: {[r.name for r in self.roles.values()]}")

    def dm_channel(self, persona: Persona) -> Channel:
        """The (lazily created) DM channel between the bot and ``persona``."""
        for c in self.channels.values():
            if c.is_dm and c.recipient == persona:
                return c
        ch = Channel(self.snowflake(), "", type=1, guild_id=None, recipient=persona)
        self.channels[ch.id] = ch
        return ch

    def add_member(self, username: str, roles: tuple[int, ...] = (), **kw: Any) -> Persona:
        persona = Persona(self.snowflake(), username, roles, **kw)
        self.personas[persona.id] = persona
        return persona

    def add_text_channel(self, name: str, **kw: Any) -> Channel:
        ch = Channel(self.snowflake(), name, position=len(self.channels), **kw)
        self.channels[ch.id] = ch
        return ch

    def permissions(self, persona: Persona) -> int:
        """Guild-level permissions (no channel overwrites exist in this world)."""
        if persona.id == Ids.OWNER:
            return Perm.ALL
        value = self.roles[self.guild_id].permissions
        for rid in persona.roles:
            value |= self.roles[rid].permissions
        return Perm.ALL if value & Perm.ADMINISTRATOR else value

    # -- payloads --------------------------------------------------------------------------

    def user_payload(self, persona: Persona) -> dict[str, Any]:
        return {
            "id": str(persona.id),
            "username": persona.username,
            "global_name": persona.global_name,
            "discriminator": "0",
            "avatar": None,
            "bot": persona.bot,
            "public_flags": 0,
        }

    def member_payload(
        self, persona: Persona, *, with_user: bool = True, with_permissions: bool = False
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roles": [str(r) for r in persona.roles],
            "nick": None,
            "avatar": None,
            "joined_at": JOINED_AT,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user_payload(persona)
        if with_permissions:
            data["permissions"] = str(self.permissions(persona))
        return data

    def role_payload(self, role: Role) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(role.id),
            "name": role.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": role.position,
            "permissions": str(role.permissions),
            "managed": role.managed,
            "mentionable": False,
            "flags": 0,
        }
        if role.tags is not None:
            data["tags"] = role.tags
        return data

    def channel_payload(self, ch: Channel) -> dict[str, Any]:
        if ch.is_dm:
            assert ch.recipient is not None
            return {
                "id": str(ch.id),
                "type": 1,
                "last_message_id": str(ch.last_message_id) if ch.last_message_id else None,
                "recipients": [self.user_payload(ch.recipient)],
                "flags": 0,
            }
        return {
            "id": str(ch.id),
            "type": ch.type,
            "guild_id": str(ch.guild_id),
            "name": ch.name,
            "position": ch.position,
            "permission_overwrites": [],
            "topic": ch.topic,
            "nsfw": False,
            "parent_id": str(ch.parent_id) if ch.parent_id else None,
            "rate_limit_per_user": 0,
            "last_message_id": str(ch.last_message_id) if ch.last_message_id else None,
            "flags": 0,
        }

    def guild_payload(self) -> dict[str, Any]:
        return {
            "id": str(self.guild_id),
            "name": self.guild_name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(Ids.OWNER),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": str(Ids.GENERAL),
            "system_channel_flags": 0,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [self.role_payload(r) for r in self.roles.values()],
        }

    def guild_create_payload(self) -> dict[str, Any]:
        guild_channels = [c for c in self.channels.values() if not c.is_dm]
        return {
            **self.guild_payload(),
            "unavailable": False,
            "large": False,
            "joined_at": JOINED_AT,
            "member_count": len(self.personas),
            "members": [self.member_payload(p) for p in self.personas.values()],
            "channels": [self.channel_payload(c) for c in guild_channels],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }
