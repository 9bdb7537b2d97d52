"""World changes that Discord announces on the gateway (shared by tests and REST routes)."""

from __future__ import annotations

from typing import Any

from .gateway import Intent
from .guild import Channel, Guild, Persona, Role
from .state import State


def _member_event(st: State, persona: Persona, guild: Guild) -> dict[str, Any]:
    return {**st.world.member_payload(persona, guild=guild), "guild_id": str(guild.id)}


async def member_joined(st: State, persona: Persona, guild: Guild) -> None:
    await st.gateway.dispatch(
        "GUILD_MEMBER_ADD", _member_event(st, persona, guild), intent=Intent.GUILD_MEMBERS
    )


async def member_updated(st: State, persona: Persona, guild: Guild) -> None:
    """Roles or nick changed. Like Discord, only bots with the members intent hear of it;
    the next interaction carries the member's new roles and permissions either way."""
    await st.gateway.dispatch(
        "GUILD_MEMBER_UPDATE", _member_event(st, persona, guild), intent=Intent.GUILD_MEMBERS
    )


async def member_removed(st: State, persona: Persona, guild: Guild) -> None:
    guild.members.pop(persona.id, None)
    data = {"guild_id": str(guild.id), "user": st.world.user_payload(persona)}
    await st.gateway.dispatch("GUILD_MEMBER_REMOVE", data, intent=Intent.GUILD_MEMBERS)


async def role_changed(st: State, role: Role, guild: Guild, *, created: bool = False) -> None:
    event = "GUILD_ROLE_CREATE" if created else "GUILD_ROLE_UPDATE"
    data = {"guild_id": str(guild.id), "role": st.world.role_payload(role)}
    await st.gateway.dispatch(event, data, intent=Intent.GUILDS)


async def channel_changed(st: State, channel: Channel, *, created: bool = False) -> None:
    if channel.is_thread:
        event = "THREAD_CREATE" if created else "THREAD_UPDATE"
        data = st.world.channel_payload(channel)
        if created:
            data["newly_created"] = True
    else:
        event = "CHANNEL_CREATE" if created else "CHANNEL_UPDATE"
        data = st.world.channel_payload(channel)
    await st.gateway.dispatch(event, data, intent=Intent.GUILDS)


async def channel_deleted(st: State, channel: Channel, guild: Guild) -> None:
    guild.channels.pop(channel.id, None)
    event = "THREAD_DELETE" if channel.is_thread else "CHANNEL_DELETE"
    data = st.world.channel_payload(channel)
    await st.gateway.dispatch(event, data, intent=Intent.GUILDS)


async def bot_joined(st: State, guild: Guild) -> None:
    """An invite accepted: GUILD_CREATE without ``unavailable`` (discord.py: on_guild_join)."""
    st.world.add_bot_to(guild)
    guild.unavailable = False
    await st.gateway.guild_create(guild, joined=True)


async def bot_removed(st: State, guild: Guild) -> None:
    """Kicked, banned, or left: GUILD_DELETE without ``unavailable`` (on_guild_remove)."""
    guild.members.pop(st.world.bot.id, None)
    await st.gateway.dispatch("GUILD_DELETE", {"id": str(guild.id)}, intent=Intent.GUILDS)


async def guild_outage(st: State, guild: Guild) -> None:
    """Discord loses the guild for a while: GUILD_DELETE {unavailable: true}."""
    guild.unavailable = True
    data = {"id": str(guild.id), "unavailable": True}
    await st.gateway.dispatch("GUILD_DELETE", data, intent=Intent.GUILDS)


async def guild_recovered(st: State, guild: Guild) -> None:
    """Back from an outage: GUILD_CREATE {unavailable: false} (on_guild_available)."""
    guild.unavailable = False
    await st.gateway.guild_create(guild)
