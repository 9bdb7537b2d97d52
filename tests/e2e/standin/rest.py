"""REST routes for users, the application, commands, guilds, channels and messages."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .commands import command_errors_body
from .middleware import API_PREFIX, REC_KEY, STATE_KEY
from .recording import Recorded, normalise_message
from .state import State
from .validation import form_error_body, message_errors
from .world import Channel, Perm

routes = web.RouteTableDef()
api = API_PREFIX


def _ctx(request: web.Request) -> tuple[State, Recorded]:
    return request.app[STATE_KEY], request[REC_KEY]


def _id(request: web.Request, key: str) -> int:
    return int(request.match_info[key])


# -- users, gateway, application ------------------------------------------------------------


@routes.get(f"{api}/users/@me")
async def get_me(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    bot = {**st.world.user_payload(st.world.bot), "verified": True, "mfa_enabled": False}
    return st.reply(rec, {**bot, "flags": 0, "locale": "en-US"})


@routes.post(f"{api}/users/@me/channels")
async def create_dm(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    uid = int((rec.json or {}).get("recipient_id", 0))
    if uid not in st.world.personas:
        return st.error(rec, 404, 10013, "Unknown User")
    ch = st.world.dm_channel(st.world.personas[uid])
    return st.reply(rec, st.world.channel_payload(ch))


@routes.get(f"{api}/users/{{user_id:\\d+}}")
async def get_user(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    persona = st.world.personas.get(_id(request, "user_id"))
    if persona is None:
        return st.error(rec, 404, 10013, "Unknown User")
    return st.reply(rec, st.world.user_payload(persona))


@routes.get(f"{api}/gateway")
async def get_gateway(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    return st.reply(rec, {"url": st.gateway.url})


@routes.get(f"{api}/gateway/bot")
async def get_gateway_bot(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    return st.reply(rec, {"url": st.gateway.url, "shards": 1, "session_start_limit": limit})


@routes.get(f"{api}/oauth2/applications/@me")
@routes.get(f"{api}/applications/@me")
async def get_application(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    w = st.world
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
            "owner": w.user_payload(w.persona("owner")),
            "team": None,
            "flags": 0,
            "bot": w.user_payload(w.bot),
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "approximate_guild_count": 1,
        },
    )


# -- application commands -------------------------------------------------------------------

CMDS = f"{api}/applications/{{app_id:\\d+}}"


def _scope(request: web.Request) -> int | None:
    gid = request.match_info.get("guild_id")
    return int(gid) if gid is not None else None


def _check_app(st: State, rec: Recorded, request: web.Request) -> web.Response | None:
    if _id(request, "app_id") != st.commands.application_id:
        return st.error(rec, 403, 50001, "Missing Access")
    gid = _scope(request)
    if gid is not None and gid != st.world.guild_id:
        return st.error(rec, 403, 50001, "Missing Access")
    return None


@routes.get(f"{CMDS}/commands")
@routes.get(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def list_commands(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    return _check_app(st, rec, request) or st.reply(rec, st.commands.list(_scope(request)))


@routes.put(f"{CMDS}/commands")
@routes.put(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def overwrite_commands(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    cmds: list[dict[str, Any]] = rec.json or []
    if body := command_errors_body(cmds):
        return st.reply(rec, body, 400)
    return st.reply(rec, st.commands.overwrite(_scope(request), cmds))


@routes.post(f"{CMDS}/commands")
@routes.post(f"{CMDS}/guilds/{{guild_id:\\d+}}/commands")
async def upsert_command(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    if body := command_errors_body([rec.json or {}]):
        return st.reply(rec, body, 400)
    return st.reply(rec, st.commands.upsert(_scope(request), rec.json), 201)


@routes.route("*", f"{CMDS}/commands/{{command_id:\\d+}}")
@routes.route("*", f"{CMDS}/guilds/{{guild_id:\\d+}}/commands/{{command_id:\\d+}}")
async def one_command(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    if (denied := _check_app(st, rec, request)) is not None:
        return denied
    scope, cid = _scope(request), _id(request, "command_id")
    cmd = st.commands.by_id(scope, cid)
    if cmd is None:
        return st.error(rec, 404, 10063, "Unknown application command")
    if request.method == "DELETE":
        st.commands.delete(scope, cid)
        return st.reply(rec, None, 204)
    if request.method == "PATCH":
        return st.reply(rec, st.commands.upsert(scope, {**cmd, **(rec.json or {})}))
    return st.reply(rec, cmd)


# -- guild ----------------------------------------------------------------------------------

GUILD = f"{api}/guilds/{{guild_id:\\d+}}"


def _guild_or_404(st: State, rec: Recorded, request: web.Request) -> web.Response | None:
    if _id(request, "guild_id") != st.world.guild_id:
        return st.error(rec, 404, 10004, "Unknown Guild")
    return None


@routes.get(GUILD)
async def get_guild(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    n = len(st.world.personas)
    data = {**st.world.guild_payload(), "approximate_member_count": n}
    return _guild_or_404(st, rec, request) or st.reply(rec, data)


@routes.get(f"{GUILD}/channels")
async def get_guild_channels(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    chans = [st.world.channel_payload(c) for c in st.world.channels.values() if not c.is_dm]
    return _guild_or_404(st, rec, request) or st.reply(rec, chans)


@routes.get(f"{GUILD}/roles")
async def get_guild_roles(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    roles = [st.world.role_payload(r) for r in st.world.roles.values()]
    return _guild_or_404(st, rec, request) or st.reply(rec, roles)


@routes.get(f"{GUILD}/members")
async def list_members(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    members = [st.world.member_payload(p) for p in st.world.personas.values()]
    return _guild_or_404(st, rec, request) or st.reply(rec, members)


@routes.get(f"{GUILD}/members/{{user_id:\\d+}}")
async def get_member(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    persona = st.world.personas.get(_id(request, "user_id"))
    if persona is None:
        return st.error(rec, 404, 10007, "Unknown Member")
    return _guild_or_404(st, rec, request) or st.reply(rec, st.world.member_payload(persona))


# -- channels and messages ------------------------------------------------------------------

CHANNEL = f"{api}/channels/{{channel_id:\\d+}}"


def _channel(
    st: State, rec: Recorded, request: web.Request, *, write: bool
) -> Channel | web.Response:
    cid = _id(request, "channel_id")
    failure = st.world.failures.get(cid)
    if failure is not None and (write or failure.reads_too):
        return st.reply(rec, failure.body(), failure.status)
    ch = st.world.channels.get(cid)
    if ch is None:
        return st.error(rec, 404, 10003, "Unknown Channel")
    return ch


@routes.get(CHANNEL)
async def get_channel(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=False)
    return ch if isinstance(ch, web.Response) else st.reply(rec, st.world.channel_payload(ch))


@routes.post(f"{CHANNEL}/typing")
async def typing(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=True)
    return ch if isinstance(ch, web.Response) else st.reply(rec, None, 204)


@routes.post(f"{CHANNEL}/messages")
async def create_message(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=True)
    if isinstance(ch, web.Response):
        return ch
    payload = rec.json or {}
    if errors := message_errors(payload, has_files=bool(rec.files)):
        return st.reply(rec, form_error_body(errors), 400)
    if payload.get("enforce_nonce") and payload.get("nonce") is not None:
        same = [m for m in st.store.in_channel(ch.id) if m.get("nonce") == payload["nonce"]]
        if same:  # Discord de-duplicates a retried send and returns the first message
            return st.reply(rec, same[0])
    msg = st.store.create(ch, st.world.bot, payload, rec.files)
    rec.message = normalise_message("create", msg, payload, rec.files)
    await st.echo("MESSAGE_CREATE", msg)
    return st.reply(rec, msg)


@routes.get(f"{CHANNEL}/messages")
async def list_messages(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=False)
    if isinstance(ch, web.Response):
        return ch
    limit = int(request.query.get("limit", 50))
    return st.reply(rec, list(reversed(st.store.in_channel(ch.id)))[:limit])


@routes.route("*", f"{CHANNEL}/messages/{{message_id:\\d+}}")
async def one_message(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=request.method != "GET")
    if isinstance(ch, web.Response):
        return ch
    msg = st.store.get(_id(request, "message_id"))
    if msg is None or int(msg["channel_id"]) != ch.id:
        return st.error(rec, 404, 10008, "Unknown Message")
    by_bot = int(msg["author"]["id"]) == st.world.bot.id
    if request.method == "GET":
        return st.reply(rec, msg)
    if request.method == "DELETE":
        if not by_bot and not st.world.permissions(st.world.bot) & Perm.MANAGE_MESSAGES:
            return st.error(rec, 403, 50013, "Missing Permissions")
        st.store.delete(int(msg["id"]))
        await st.echo_delete(msg)
        return st.reply(rec, None, 204)
    if request.method != "PATCH":
        return st.error(rec, 405, 0, "405: Method Not Allowed")
    if not by_bot:
        return st.error(rec, 403, 50005, "Cannot edit a message authored by another user")
    payload = rec.json or {}
    if errors := message_errors(payload, has_files=bool(rec.files), edit=True):
        return st.reply(rec, form_error_body(errors), 400)
    msg = st.store.edit(int(msg["id"]), payload, rec.files)
    rec.message = normalise_message("edit", msg, payload, rec.files)
    await st.echo("MESSAGE_UPDATE", msg)
    return st.reply(rec, msg)


@routes.route("*", f"{CHANNEL}/messages/{{message_id:\\d+}}/reactions/{{emoji}}/@me")
async def own_reaction(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    ch = _channel(st, rec, request, write=True)
    if isinstance(ch, web.Response):
        return ch
    if st.store.get(_id(request, "message_id")) is None:
        return st.error(rec, 404, 10008, "Unknown Message")
    return st.reply(rec, None, 204)


# -- attachments (the "CDN") ----------------------------------------------------------------


@routes.get("/attachments/{attachment_id:\\d+}/{filename}")
async def get_attachment(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    upload = st.store.attachments.get(_id(request, "attachment_id"))
    if upload is None or upload.filename != request.match_info["filename"]:
        return web.Response(status=404, text="asset not found")
    rec.response = f"<{len(upload.data)} bytes>"
    return web.Response(body=upload.data, content_type=upload.content_type)
