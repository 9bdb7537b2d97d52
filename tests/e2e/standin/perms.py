"""Permission bits and Discord's documented permission computation (roles, then overwrites)."""

from __future__ import annotations

from dataclasses import dataclass


class Perm:
    """Permission bits used by the world (see Discord's permission table)."""

    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    SEND_TTS_MESSAGES = 1 << 12
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    MANAGE_ROLES = 1 << 28
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_THREADS = 1 << 34
    CREATE_PUBLIC_THREADS = 1 << 35
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40
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
        | CREATE_PUBLIC_THREADS
    )

    # Without Send Messages these are implicitly denied too (Discord's "implicit permissions").
    NEEDS_SEND = MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS


ROLE, MEMBER = 0, 1  # overwrite target types


@dataclass(frozen=True)
class Overwrite:
    """A channel permission overwrite for a role (type 0) or a member (type 1)."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> dict[str, object]:
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


def base_permissions(
    *, user_id: int, owner_id: int, everyone: int, role_permissions: list[int]
) -> int:
    """Guild-wide permissions: @everyone | each role; the owner and administrators get all."""
    if user_id == owner_id:
        return Perm.ALL
    value = everyone
    for perms in role_permissions:
        value |= perms
    return Perm.ALL if value & Perm.ADMINISTRATOR else value


def apply_overwrites(
    base: int,
    *,
    guild_id: int,
    user_id: int,
    role_ids: list[int],
    overwrites: dict[int, Overwrite],
    thread: bool = False,
) -> int:
    """Channel permissions: @everyone overwrite, then roles' (combined), then the member's."""
    if base & Perm.ADMINISTRATOR or base == Perm.ALL:
        return Perm.ALL
    value = base
    if (everyone := overwrites.get(guild_id)) is not None:
        value = (value & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for rid in role_ids:
        if (ow := overwrites.get(rid)) is not None and ow.type == ROLE:
            allow, deny = allow | ow.allow, deny | ow.deny
    value = (value & ~deny) | allow
    if (mine := overwrites.get(user_id)) is not None and mine.type == MEMBER:
        value = (value & ~mine.deny) | mine.allow
    if not value & Perm.VIEW_CHANNEL:
        return 0
    send = Perm.SEND_MESSAGES_IN_THREADS if thread else Perm.SEND_MESSAGES
    if not value & send:
        value &= ~Perm.NEEDS_SEND
    return value
