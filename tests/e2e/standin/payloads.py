"""Discord's JSON shapes for users, members, roles, channels and guilds."""

from __future__ import annotations

from typing import Any

from .guild import JOINED_AT, Channel, Guild, Member, Persona, Role


def user_payload(persona: Persona) -> dict[str, Any]:
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
    persona: Persona,
    member: Member,
    guild: Guild,
    *,
    with_user: bool = True,
    with_permissions: bool = False,
    channel: Channel | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "roles": [str(r) for r in member.roles],
        "nick": member.nick,
        "avatar": None,
        "joined_at": member.joined_at,
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if with_user:
        data["user"] = user_payload(persona)
    if with_permissions:
        data["permissions"] = str(guild.permissions(persona.id, channel))
    return data


def role_payload(role: Role) -> dict[str, Any]:
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


def _last(ch: Channel) -> str | None:
    return str(ch.last_message_id) if ch.last_message_id else None


def channel_payload(ch: Channel) -> dict[str, Any]:
    if ch.is_dm:
        assert ch.recipient is not None
        return {
            "id": str(ch.id),
            "type": 1,
            "last_message_id": _last(ch),
            "recipients": [user_payload(ch.recipient)],
            "flags": 0,
        }
    data: dict[str, Any] = {
        "id": str(ch.id),
        "type": ch.type,
        "guild_id": str(ch.guild_id),
        "name": ch.name,
        "parent_id": str(ch.parent_id) if ch.parent_id else None,
        "rate_limit_per_user": 0,
        "last_message_id": _last(ch),
        "flags": 0,
    }
    if ch.is_thread:
        data.update(
            owner_id=str(ch.owner_id) if ch.owner_id else None,
            message_count=0,
            member_count=1,
            total_message_sent=0,
            thread_metadata={
                "archived": ch.archived,
                "auto_archive_duration": 1440,
                "archive_timestamp": JOINED_AT,
                "locked": ch.locked,
            },
        )
        return data
    data.update(
        position=ch.position,
        permission_overwrites=[o.payload() for o in ch.overwrites.values()],
        topic=ch.topic,
        nsfw=False,
    )
    return data


def guild_payload(guild: Guild) -> dict[str, Any]:
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(guild.owner_id),
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
        "system_channel_id": str(guild.system_channel_id) if guild.system_channel_id else None,
        "system_channel_flags": 0,
        "features": [],
        "emojis": [],
        "stickers": [],
        "roles": [role_payload(r) for r in guild.roles.values()],
    }


def guild_create_payload(
    guild: Guild,
    personas: dict[int, Persona],
    bot_id: int,
    *,
    joined: bool = False,
    all_members: bool = True,
) -> dict[str, Any]:
    """GUILD_CREATE ``d``. ``unavailable: false`` marks a guild announced in READY (or back from
    an outage); a guild the bot has just joined has no ``unavailable`` key (discord.py then
    fires on_guild_join rather than on_guild_available). Without the members intent
    (``all_members=False``) Discord lists only the bot itself.
    """
    members = [
        member_payload(personas[uid], m, guild)
        for uid, m in guild.members.items()
        if uid in personas and (all_members or uid == bot_id)
    ]
    data: dict[str, Any] = {
        **guild_payload(guild),
        "large": False,
        "joined_at": guild.members[bot_id].joined_at,
        "member_count": len(guild.members),
        "members": members,
        "channels": [channel_payload(c) for c in guild.channels.values() if not c.is_thread],
        "threads": [
            channel_payload(c) for c in guild.channels.values() if c.is_thread and not c.archived
        ],
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }
    if not joined:
        data["unavailable"] = False
    return data
