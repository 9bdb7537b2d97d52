"""Test-driven changes to the world while the bot runs, each announced as Discord would."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import events
from .guild import Channel, Guild, Member, Persona, Role
from .perms import MEMBER, ROLE, Overwrite
from .state import State
from .world import GuildRef, Where, Who, World

RoleRef = Role | int | str


class WorldChanges:
    """Mixin for DiscordStandIn: guilds, members, roles and channels changing at run time."""

    world: World
    state: State

    def guild(self, which: GuildRef = None) -> Guild:
        """A guild by object, id or name (None: the default guild)."""
        return self.world.guild(which)

    # -- guilds and the bot ----------------------------------------------------------------

    async def add_guild(
        self,
        name: str,
        *,
        owner: Who | None = None,
        channels: Iterable[str] = ("general", "ask"),
        members: Iterable[Who] = (),
        shard: tuple[int, int] | None = None,
    ) -> Guild:
        """A new guild whose owner invites the bot (GUILD_CREATE: on_guild_join if connected,
        else it is in READY). ``members`` (personas, or new usernames) join it first."""
        guild = self.world.add_guild(name, owner=owner, channels=channels, shard=shard, bot=False)
        for who in members:
            self._join(who, guild)
        await events.bot_joined(self.state, guild)
        return guild

    async def invite_bot(self, guild: GuildRef) -> None:
        """The bot joins a guild it is not in (GUILD_CREATE without ``unavailable``)."""
        g = self.world.guild(guild)
        if self.world.bot.id in g.members:
            raise ValueError(f"the bot is already in {g.name!r}")
        await events.bot_joined(self.state, g)

    async def remove_bot(self, guild: GuildRef) -> None:
        """The bot is kicked from a guild (GUILD_DELETE without ``unavailable``)."""
        await events.bot_removed(self.state, self.world.guild(guild))

    async def guild_outage(self, guild: GuildRef) -> None:
        """The guild becomes unavailable (GUILD_DELETE ``unavailable: true``)."""
        await events.guild_outage(self.state, self.world.guild(guild))

    async def guild_recovers(self, guild: GuildRef) -> None:
        """The guild is available again (GUILD_CREATE ``unavailable: false``)."""
        await events.guild_recovered(self.state, self.world.guild(guild))

    # -- members -----------------------------------------------------------------------------

    def _join(self, who: Who, guild: Guild, roles: Iterable[RoleRef] = ()) -> Persona:
        try:
            persona = self.world.persona(who)
        except KeyError:
            if not isinstance(who, str):
                raise
            persona = self.world.add_user(who)
        self.world.join(persona, guild, roles)
        return persona

    async def add_member(
        self, username: str, roles: Iterable[RoleRef] = (), *, guild: GuildRef = None, **kw: Any
    ) -> Persona:
        """A new user joins ``guild`` (GUILD_MEMBER_ADD, for bots with the members intent)."""
        g = self.world.guild(guild)
        persona = self.world.add_member(username, roles, guild=g, **kw)
        await events.member_joined(self.state, persona, g)
        return persona

    async def join_guild(self, who: Who, guild: GuildRef, roles: Iterable[RoleRef] = ()) -> Persona:
        """An existing user (e.g. a default persona) joins another guild too."""
        g = self.world.guild(guild)
        persona = self._join(who, g, roles)
        await events.member_joined(self.state, persona, g)
        return persona

    async def leave_guild(self, who: Who, guild: GuildRef = None) -> None:
        """A member leaves or is kicked (GUILD_MEMBER_REMOVE)."""
        await events.member_removed(self.state, self.world.persona(who), self.world.guild(guild))

    def _member(self, who: Who, guild: GuildRef) -> tuple[Persona, Guild, Member]:
        persona, g = self.world.persona(who), self.world.guild(guild)
        member = g.member(persona.id)
        if member is None:
            raise LookupError(f"{persona.username} is not a member of {g.name!r}")
        return persona, g, member

    async def set_roles(
        self, who: Who, roles: Iterable[RoleRef], *, guild: GuildRef = None
    ) -> None:
        """Replace a member's roles (GUILD_MEMBER_UPDATE); takes effect in their next action."""
        persona, g, member = self._member(who, guild)
        member.roles = [g.role(r).id for r in roles]
        await events.member_updated(self.state, persona, g)

    async def add_roles(self, who: Who, *roles: RoleRef, guild: GuildRef = None) -> None:
        _, g, member = self._member(who, guild)
        added = [g.role(r).id for r in roles]
        await self.set_roles(
            who, [*member.roles, *(r for r in added if r not in member.roles)], guild=g
        )

    async def remove_roles(self, who: Who, *roles: RoleRef, guild: GuildRef = None) -> None:
        _, g, member = self._member(who, guild)
        removed = {g.role(r).id for r in roles}
        await self.set_roles(who, [r for r in member.roles if r not in removed], guild=g)

    # -- roles and channels ------------------------------------------------------------------

    async def create_role(self, name: str, permissions: int = 0, *, guild: GuildRef = None) -> Role:
        g = self.world.guild(guild)
        role = self.world.add_role(name, permissions, guild=g)
        await events.role_changed(self.state, role, g, created=True)
        return role

    async def set_role_permissions(
        self, role: RoleRef, permissions: int, *, guild: GuildRef = None
    ) -> Role:
        """A role's permissions change (GUILD_ROLE_UPDATE)."""
        g = self.world.guild(guild)
        old = g.role(role)
        new = Role(old.id, old.name, permissions, old.position, old.managed, old.tags)
        g.roles[new.id] = new
        await events.role_changed(self.state, new, g)
        return new

    async def set_channel_permissions(
        self,
        channel: Where,
        target: Persona | Role | Guild | int | str,
        *,
        allow: int = 0,
        deny: int = 0,
    ) -> None:
        """Set the channel's overwrite for a role, a member or @everyone (the guild); allow=0
        and deny=0 removes it. CHANNEL_UPDATE tells the bot."""
        ch = self.world.channel(channel)
        g = self.world.guild(ch.guild_id)
        if isinstance(target, Guild) or target in (g.id, "@everyone"):
            tid, ttype = g.id, ROLE
        elif isinstance(target, Role) or (not isinstance(target, Persona) and _is_role(g, target)):
            tid, ttype = g.role(target).id, ROLE
        else:
            tid, ttype = self.world.persona(target).id, MEMBER
        if allow or deny:
            ch.overwrites[tid] = Overwrite(tid, ttype, allow, deny)
        else:
            ch.overwrites.pop(tid, None)
        await events.channel_changed(self.state, ch)

    async def add_text_channel(self, name: str, *, guild: GuildRef = None, **kw: Any) -> Channel:
        """A text channel is created (CHANNEL_CREATE is dispatched if the bot is connected)."""
        channel = self.world.add_text_channel(name, guild=guild, **kw)
        await events.channel_changed(self.state, channel, created=True)
        return channel

    async def add_thread(self, parent: Where, name: str, *, owner: Who | None = None) -> Channel:
        """A public thread is started under ``parent`` (THREAD_CREATE)."""
        thread = self.world.add_thread(parent, name, owner=owner)
        await events.channel_changed(self.state, thread, created=True)
        return thread

    async def delete_channel(self, channel: Where) -> None:
        """A channel is deleted (CHANNEL_DELETE); later requests to it get 404 Unknown Channel."""
        ch = self.world.channel(channel)
        await events.channel_deleted(self.state, ch, self.world.guild(ch.guild_id))


def _is_role(guild: Guild, target: Any) -> bool:
    try:
        guild.role(target)
    except KeyError:
        return False
    return True
