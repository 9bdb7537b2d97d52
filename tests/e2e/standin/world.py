"""The simulated Discord: users, any number of guilds, DMs, and who owns the application."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, MutableMapping
from typing import Any

from . import payloads
from .clock import StandinClock
from .guild import (
    CATEGORY,
    MISSING_PERMISSIONS,
    PUBLIC_THREAD,
    UNKNOWN_CHANNEL,
    Channel,
    Failure,
    Guild,
    Member,
    Persona,
    Role,
    Team,
    TeamMember,
)
from .ids import Ids, SnowflakeFactory
from .perms import Perm

Who = Persona | int | str
Where = Channel | int | str
GuildRef = Guild | int | str | None  # None: the default guild


class World:
    """Everything the stand-in pretends exists. Mutate freely before the bot connects; once
    it is connected, change things through DiscordStandIn so the gateway tells the bot."""

    def __init__(self, clock: StandinClock | None = None) -> None:
        self.clock = clock or StandinClock()
        self.snowflake = SnowflakeFactory(self.clock)
        self.personas: dict[int, Persona] = {}
        self.guilds: dict[int, Guild] = {}
        self.dm_channels: dict[int, Channel] = {}
        self.failures: dict[int, Failure] = {}
        self.default_guild_id = Ids.GUILD
        self.app_owner_id: int | None = None
        self.team: Team | None = None

    @classmethod
    def default(cls) -> World:
        """The bot, the application owner (in no guild) and "Brief Club" with its regulars."""
        w = cls()
        for persona in (
            Persona(Ids.BOT, "briefbot", bot=True),
            Persona(Ids.OWNER, "owner", global_name="Olive Owner"),
            Persona(Ids.MEMBER, "alice", global_name="Alice"),
            Persona(Ids.MODERATOR, "mod", global_name="Morgan Mod"),
            Persona(Ids.CURATOR, "curator", global_name="Cora Curator"),
            Persona(Ids.APP_OWNER, "dev", global_name="Dana Developer"),
        ):
            w.personas[persona.id] = persona
        w.app_owner_id = Ids.APP_OWNER
        g = Guild(Ids.GUILD, "Brief Club", Ids.OWNER, system_channel_id=Ids.GENERAL)
        for role in (
            Role(Ids.ROLE_EVERYONE, "@everyone", Perm.EVERYONE, 0),
            Role(Ids.ROLE_CURATORS, "Curators", 0, 1),
            Role(Ids.ROLE_MODERATOR, "Moderator", Perm.MANAGE_GUILD, 2),
            Role(Ids.ROLE_BOT, "briefbot", Perm.EVERYONE, 3, True, {"bot_id": str(Ids.BOT)}),
        ):
            g.roles[role.id] = role
        for uid, roles in (
            (Ids.BOT, [Ids.ROLE_BOT]),
            (Ids.OWNER, []),
            (Ids.MEMBER, []),
            (Ids.MODERATOR, [Ids.ROLE_MODERATOR]),
            (Ids.CURATOR, [Ids.ROLE_CURATORS]),
        ):
            g.members[uid] = Member(uid, roles)
        g.channels[Ids.CATEGORY] = Channel(Ids.CATEGORY, "briefing", CATEGORY, guild_id=g.id)
        names = ["general", "ask", "digest", "mod-log", "forbidden", "gone"]
        ids = [Ids.GENERAL, Ids.ASK, Ids.DIGEST, Ids.MOD_LOG, Ids.FORBIDDEN, Ids.GONE]
        for pos, (cid, name) in enumerate(zip(ids, names, strict=True)):
            g.channels[cid] = Channel(
                cid, name, position=pos, parent_id=Ids.CATEGORY, guild_id=g.id
            )
        w.guilds[g.id] = g
        w.failures[Ids.FORBIDDEN] = MISSING_PERMISSIONS
        w.failures[Ids.GONE] = UNKNOWN_CHANNEL
        return w

    # -- the default guild (the single-guild API every older test uses) ----------------------

    @property
    def default_guild(self) -> Guild:
        return self.guilds[self.default_guild_id]

    @property
    def guild_id(self) -> int:
        return self.default_guild_id

    @property
    def guild_name(self) -> str:
        return self.default_guild.name

    @property
    def roles(self) -> dict[int, Role]:
        return self.default_guild.roles

    @property
    def command_access(self) -> dict[str, set[int]]:
        return self.default_guild.command_access

    @property
    def channels(self) -> MutableMapping[int, Channel]:
        """Every channel by id: the default guild's first, then other guilds', then DMs."""
        ordered = [self.default_guild, *(g for g in self.guilds.values() if g.id != self.guild_id)]
        return ChainMap(*(g.channels for g in ordered), self.dm_channels)

    # -- lookups ---------------------------------------------------------------------------

    @property
    def bot(self) -> Persona:
        return self.personas[Ids.BOT]

    def persona(self, who: Who) -> Persona:
        if isinstance(who, Persona):
            return who
        if isinstance(who, int) and who in self.personas:
            return self.personas[who]
        for p in self.personas.values():
            if who in (p.username, str(p.id)):
                return p
        raise KeyError(f"no persona {who!r}; known: {[p.username for p in self.personas.values()]}")

    def guild(self, which: GuildRef = None) -> Guild:
        if which is None:
            return self.default_guild
        if isinstance(which, Guild):
            return which
        for g in self.guilds.values():
            if which in (g.id, g.name, str(g.id)):
                return g
        raise KeyError(f"no guild {which!r}; known: {[g.name for g in self.guilds.values()]}")

    def channel(self, which: Where, guild: GuildRef = None) -> Channel:
        """A channel by object or id anywhere, or by name (in ``guild``, else default first)."""
        if isinstance(which, Channel):
            return which
        if guild is not None:
            return self.guild(guild).channel(which)
        channels = self.channels
        if isinstance(which, int) and which in channels:
            return channels[which]
        name = str(which).lstrip("#")
        for c in channels.values():
            if name in (c.name, str(c.id)):
                return c
        raise KeyError(f"no channel {which!r}; known: {[c.name for c in channels.values()]}")

    def role(self, which: Role | int | str, guild: GuildRef = None) -> Role:
        if guild is None and isinstance(which, Role | int):
            rid = which.id if isinstance(which, Role) else which
            for g in self.guilds.values():
                if rid in g.roles:
                    return g.roles[rid]
        return self.guild(guild).role(which)

    def guild_of(self, channel: Channel) -> Guild | None:
        return None if channel.guild_id is None else self.guilds.get(channel.guild_id)

    def bot_guilds(self) -> list[Guild]:
        """The guilds the bot is a member of (what READY lists)."""
        return [g for g in self.guilds.values() if self.bot.id in g.members]

    def dm_channel(self, persona: Persona) -> Channel:
        """The (lazily created) DM channel between the bot and ``persona``."""
        for c in self.dm_channels.values():
            if c.recipient == persona:
                return c
        ch = Channel(self.snowflake(), "", type=1, guild_id=None, recipient=persona)
        self.dm_channels[ch.id] = ch
        return ch

    # -- building the world ----------------------------------------------------------------

    def add_user(self, username: str, **kw: Any) -> Persona:
        """A Discord user who is in no guild (yet)."""
        persona = Persona(self.snowflake(), username, **kw)
        self.personas[persona.id] = persona
        return persona

    def join(
        self, who: Who, guild: GuildRef = None, roles: Iterable[Role | int | str] = ()
    ) -> Member:
        """``who`` becomes a member of ``guild`` (joined "now")."""
        g, persona = self.guild(guild), self.persona(who)
        member = Member(persona.id, [g.role(r).id for r in roles], joined_at=self.clock.iso())
        g.members[persona.id] = member
        return member

    def add_member(
        self,
        username: str,
        roles: Iterable[Role | int | str] = (),
        *,
        guild: GuildRef = None,
        **kw: Any,
    ) -> Persona:
        persona = self.add_user(username, **kw)
        self.join(persona, guild, roles)
        return persona

    def add_guild(
        self,
        name: str,
        *,
        owner: Who | None = None,
        channels: Iterable[str] = ("general", "ask"),
        shard: tuple[int, int] | None = None,
        bot: bool = True,
    ) -> Guild:
        """A new guild with @everyone, a Moderator role (Manage Server) and text ``channels``.

        ``owner`` (a persona, or a new username) is its owner and first member; ``shard``
        = (shard_id, shard_count) picks an id Discord would route to that shard; ``bot``
        makes the bot a member (with its managed role), as an invite would.
        """
        gid = self.snowflake.on_shard(*shard) if shard else self.snowflake()
        if owner is None:
            owner_persona = self.add_user(f"owner-{gid % 10_000}")
        elif isinstance(owner, str) and owner not in {p.username for p in self.personas.values()}:
            owner_persona = self.add_user(owner)
        else:
            owner_persona = self.persona(owner)
        g = Guild(gid, name, owner_persona.id)
        g.roles[gid] = Role(gid, "@everyone", Perm.EVERYONE, 0)
        mod = Role(self.snowflake(), "Moderator", Perm.MANAGE_GUILD, 1)
        g.roles[mod.id] = mod
        self.guilds[gid] = g
        for pos, cname in enumerate(channels):
            ch = self.add_text_channel(cname, guild=g, position=pos)
            g.system_channel_id = g.system_channel_id or ch.id
        self.join(owner_persona, g)
        if bot:
            self.add_bot_to(g)
        return g

    def add_bot_to(self, guild: GuildRef) -> Member:
        """The bot is invited: it joins with a managed role of its own (Discord creates one)."""
        g = self.guild(guild)
        managed = next((r for r in g.roles.values() if r.managed), None)
        if managed is None:
            managed = Role(
                self.snowflake(),
                self.bot.username,
                Perm.EVERYONE,
                len(g.roles),
                True,
                {"bot_id": str(self.bot.id)},
            )
            g.roles[managed.id] = managed
        return self.join(self.bot, g, [managed])

    def add_role(self, name: str, permissions: int = 0, *, guild: GuildRef = None) -> Role:
        g = self.guild(guild)
        role = Role(self.snowflake(), name, permissions, len(g.roles))
        g.roles[role.id] = role
        return role

    def add_text_channel(self, name: str, *, guild: GuildRef = None, **kw: Any) -> Channel:
        g = self.guild(guild)
        kw.setdefault("position", len(g.channels))
        ch = Channel(self.snowflake(), name, guild_id=g.id, **kw)
        g.channels[ch.id] = ch
        return ch

    def add_thread(self, parent: Where, name: str, *, owner: Who | None = None) -> Channel:
        """A public thread under text channel ``parent`` (started by ``owner``, else the bot)."""
        par = self.channel(parent)
        g = self.guild(par.guild_id)
        starter = self.persona(owner) if owner is not None else self.bot
        ch = Channel(
            self.snowflake(),
            name,
            PUBLIC_THREAD,
            parent_id=par.id,
            guild_id=g.id,
            owner_id=starter.id,
        )
        g.channels[ch.id] = ch
        return ch

    # -- the application's owner ----------------------------------------------------------

    def set_owner(self, who: Who) -> None:
        """A single user owns the application (GET /applications/@me ``owner``)."""
        self.app_owner_id, self.team = self.persona(who).id, None

    def set_team(
        self, members: dict[Who, str], *, owner: Who | None = None, name: str = "Team Brief"
    ) -> Team:
        """A team owns the application; ``members`` maps persona -> admin/developer/read_only."""
        listed = [TeamMember(self.persona(p).id, role) for p, role in members.items()]
        owner_id = self.persona(owner).id if owner is not None else listed[0].user_id
        if owner_id not in {m.user_id for m in listed}:
            listed.insert(0, TeamMember(owner_id, "admin"))
        self.team = Team(self.snowflake(), name, owner_id, listed)
        return self.team

    # -- permissions and payloads ---------------------------------------------------------

    def permissions(
        self, persona: Persona, guild: GuildRef = None, channel: Channel | None = None
    ) -> int:
        """Computed permissions in ``channel`` (its guild), else guild-wide in ``guild``."""
        if channel is not None and channel.is_dm:
            return Perm.EVERYONE
        g = self.guild(channel.guild_id if channel is not None else guild)
        return g.permissions(persona.id, channel)

    def user_payload(self, persona: Persona) -> dict[str, Any]:
        return payloads.user_payload(persona)

    def member_payload(
        self,
        persona: Persona,
        *,
        with_user: bool = True,
        with_permissions: bool = False,
        guild: GuildRef = None,
        channel: Channel | None = None,
    ) -> dict[str, Any]:
        g = self.guild(channel.guild_id if channel is not None else guild)
        member = g.members.get(persona.id)
        if member is None:
            raise LookupError(f"{persona.username} is not a member of {g.name!r}")
        return payloads.member_payload(
            persona,
            member,
            g,
            with_user=with_user,
            with_permissions=with_permissions,
            channel=channel,
        )

    def role_payload(self, role: Role) -> dict[str, Any]:
        return payloads.role_payload(role)

    def channel_payload(self, ch: Channel) -> dict[str, Any]:
        return payloads.channel_payload(ch)

    def guild_payload(self, guild: GuildRef = None) -> dict[str, Any]:
        return payloads.guild_payload(self.guild(guild))

    def guild_create_payload(
        self, guild: GuildRef = None, *, joined: bool = False, all_members: bool = True
    ) -> dict[str, Any]:
        return payloads.guild_create_payload(
            self.guild(guild), self.personas, self.bot.id, joined=joined, all_members=all_members
        )
