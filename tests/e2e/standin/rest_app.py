"""REST routes for users, DMs, the gateway, the application (owner/team) and its commands."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .commands import command_errors_body
from .middleware import API_PREFIX, ctx, path_id
from .recording import Recorded
from .state import State
from .world import World

routes = web.RouteTableDef()
api = API_PREFIX
TEAM_PSEUDO_USER = 1 << 10


@routes.get(f"{api}/users/@me")
async def get_me(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    bot = {**st.world.user_payload(st.world.bot), "verified": True, "mfa_enabled": False}
    return st.reply(rec, {**bot, "flags": 0, "locale": "en-US"})


@routes.post(f"{api}/users/@me/channels")
async def create_dm(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    uid = int((rec.json or {}).get("recipient_id", 0))
    if uid not in st.world.personas:
        return st.error(rec, 404, 10013, "Unknown User")
    ch = st.world.dm_channel(st.world.personas[uid])
    return st.reply(rec, st.world.channel_payload(ch))


@routes.get(f"{api}/users/{{user_id:\\d+}}")
async def get_user(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    persona = st.world.personas.get(path_id(request, "user_id"))
    if persona is None:
        return st.error(rec, 404, 10013, "Unknown User")
    return st.reply(rec, st.world.user_payload(persona))


@routes.get(f"{api}/gateway")
async def get_gateway(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    return st.reply(rec, {"url": st.gateway.url})


@routes.get(f"{api}/gateway/bot")
async def get_gateway_bot(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    body = {"url": st.gateway.url, "shards": st.shard_count, "session_start_limit": limit}
    return st.reply(rec, body)


def owner_payloads(w: World) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """``owner`` and ``team``: a team-owned application's owner is the team's pseudo-user."""
    if w.team is None:
        if w.app_owner_id is None:
            raise LookupError("the world has no application owner (World.set_owner)")
        return w.user_payload(w.personas[w.app_owner_id]), None
    t = w.team
    pseudo = {
        "id": str(t.id),
        "username": f"team{t.id}",
        "global_name": None,
        "discriminator": "0",
        "avatar": None,
        "bot": False,
        "flags": TEAM_PSEUDO_USER,
        "public_flags": TEAM_PSEUDO_USER,
    }
    members = [
        {
            "membership_state": 2,  # accepted
            "permissions": ["*"],
            "team_id": str(t.id),
            "user": w.user_payload(w.personas[m.user_id]),
            "role": m.role,
        }
        for m in t.members
    ]
    team = {
        "id": str(t.id),
        "name": t.name,
        "icon": None,
        "owner_user_id": str(t.owner_user_id),
        "members": members,
    }
    return pseudo, team


@routes.get(f"{api}/oauth2/applications/@me")
@routes.get(f"{api}/applications/@me")
async def get_application(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    w = st.world
    owner, team = owner_payloads(w)
    return st.reply(
        rec,
        {
            "id": str(w.bot.id),
            "name": w.bot.username,
            "icon": None,
            "description": "",
            "summary": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": owner,
            "team": team,
            "flags": 0,
            "bot": w.user_payload(w.bot),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": len(w.bot_guilds()),
        },
    )


# -- application commands -------------------------------------------------------------------

CMDS = f"{api}/applications/{{app_id:\\d+}}"


def _scope(request: web.Request) -> int | None:
    gid = request.match_info.get("guild_id")
    return int(gid) if gid is not None else None


def _check_app(st: State, rec: Recorded, request: web.Request) -> web.Response | None:
    if path_id(request, "app_id") != st.commands.application_id:
        return st.error(rec, 403, 50001, "Missing Access")
    gid = _scope(request)
    if gid is not None and gid not in {g.id for g in st.world.bot_guilds()}:
        return st.error(rec, 403, 50001, "Missing Access")
    return None


@routes.get(f"{CMDS}/commands")
@routes.get(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def list_commands(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    return _check_app(st, rec, request) or st.reply(rec, st.commands.list(_scope(request)))


@routes.put(f"{CMDS}/commands")
@routes.put(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def overwrite_commands(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    cmds: list[dict[str, Any]] = rec.json or []
    if body := command_errors_body(cmds):
        return st.reply(rec, body, 400)
    return st.reply(rec, st.commands.overwrite(_scope(request), cmds))


@routes.post(f"{CMDS}/commands")
@routes.post(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def upsert_command(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    if body := command_errors_body([rec.json or {}]):
        return st.reply(rec, body, 400)
    return st.reply(rec, st.commands.upsert(_scope(request), rec.json), 201)


@routes.route("*", f"{CMDS}/commands/{{command_id:\\d+}}")
@routes.route("*", f"{CMDS}/guilds/{{guild_id:\\d+}}/commands/{{command_id:\\d+}}")
async def one_command(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    scope, cid = _scope(request), path_id(request, "command_id")
    cmd = st.commands.by_id(scope, cid)
    if cmd is None:
        return st.error(rec, 404, 10063, "Unknown application command")
    if request.method == "DELETE":
        st.commands.delete(scope, cid)
        return st.reply(rec, None, 204)
    if request.method == "PATCH":
        return st.reply(rec, st.commands.upsert(scope, {**cmd, **(rec.json or {})}))
    return st.reply(rec, cmd)
