"""REST routes for guilds the bot is in: the guild, its channels, roles and members."""

from __future__ import annotations

from aiohttp import web

from . import events
from .guild import Guild
from .middleware import API_PREFIX, ctx, path_id
from .recording import Recorded
from .state import State

routes = web.RouteTableDef()
GUILD = f"{API_PREFIX}/guilds/{{guild_id:\\d+}}"


def _guild(st: State, rec: Recorded, request: web.Request) -> Guild | web.Response:
    guild = st.world.guilds.get(path_id(request, "guild_id"))
    if guild is None:
        return st.error(rec, 404, 10004, "Unknown Guild")
    if st.world.bot.id not in guild.members:
        return st.error(rec, 403, 50001, "Missing Access")
    return guild


@routes.get(GUILD)
async def get_guild(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    data = {**st.world.guild_payload(g), "approximate_member_count": len(g.members)}
    return st.reply(rec, data)


@routes.get(f"{GUILD}/channels")
async def get_guild_channels(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    chans = [st.world.channel_payload(c) for c in g.channels.values() if not c.is_thread]
    return st.reply(rec, chans)


@routes.get(f"{GUILD}/roles")
async def get_guild_roles(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    return st.reply(rec, [st.world.role_payload(r) for r in g.roles.values()])


@routes.get(f"{GUILD}/members")
async def list_members(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    limit, after = int(request.query.get("limit", 1)), int(request.query.get("after", 0))
    ids = sorted(uid for uid in g.members if uid > after)[:limit]
    members = [st.world.member_payload(st.world.personas[uid], guild=g) for uid in ids]
    return st.reply(rec, members)


@routes.get(f"{GUILD}/members/{{user_id:\\d+}}")
async def get_member(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    uid = path_id(request, "user_id")
    if uid not in g.members or uid not in st.world.personas:
        return st.error(rec, 404, 10007, "Unknown Member")
    return st.reply(rec, st.world.member_payload(st.world.personas[uid], guild=g))


@routes.delete(f"{API_PREFIX}/users/@me/guilds/{{guild_id:\\d+}}")
async def leave_guild(request: web.Request) -> web.Response:
    """The bot leaves a guild itself (discord.py ``Guild.leave``): GUILD_DELETE follows."""
    st, rec = ctx(request)
    g = _guild(st, rec, request)
    if isinstance(g, web.Response):
        return g
    await events.bot_removed(st, g)
    return st.reply(rec, None, 204)
