"""REST routes for channels and their messages (send, history, edit, delete, reactions)."""

from __future__ import annotations

from aiohttp import web

from .middleware import API_PREFIX, ctx, path_id
from .perms import Perm
from .recording import Recorded, normalise_message
from .state import State
from .store import EPHEMERAL
from .validation import form_error_body, message_errors
from .world import Channel

routes = web.RouteTableDef()
CHANNEL = f"{API_PREFIX}/channels/{{channel_id:\\d+}}"


def _channel(
    st: State, rec: Recorded, request: web.Request, *, write: bool, need: int = 0
) -> Channel | web.Response:
    """The channel, or Discord's error: canned failures, unknown, no access, missing ``need``."""
    cid = path_id(request, "channel_id")
    failure = st.world.failures.get(cid)
    if failure is not None and (write or failure.reads_too):
        return st.reply(rec, failure.body(), failure.status)
    ch = st.world.channels.get(cid)
    if ch is None:
        return st.error(rec, 404, 10003, "Unknown Channel")
    guild = st.world.guild_of(ch)
    if guild is None:
        return ch
    perms = guild.permissions(st.world.bot.id, ch)
    if st.world.bot.id not in guild.members or not perms & Perm.VIEW_CHANNEL:
        return st.error(rec, 403, 50001, "Missing Access")
    if perms & need != need:
        return st.error(rec, 403, 50013, "Missing Permissions")
    return ch


def _send_permission(ch: Channel) -> int:
    return Perm.SEND_MESSAGES_IN_THREADS if ch.is_thread else Perm.SEND_MESSAGES


@routes.get(CHANNEL)
async def get_channel(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    ch = _channel(st, rec, request, write=False)
    return ch if isinstance(ch, web.Response) else st.reply(rec, st.world.channel_payload(ch))


@routes.post(f"{CHANNEL}/typing")
async def typing(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    cid = path_id(request, "channel_id")
    ch = st.world.channels.get(cid)
    need = _send_permission(ch) if ch is not None else 0
    found = _channel(st, rec, request, write=True, need=need)
    return found if isinstance(found, web.Response) else st.reply(rec, None, 204)


@routes.post(f"{CHANNEL}/messages")
async def create_message(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    payload = rec.json or {}
    ch = st.world.channels.get(path_id(request, "channel_id"))
    need = (_send_permission(ch) if ch is not None else 0) | (Perm.ATTACH_FILES if rec.files else 0)
    found = _channel(st, rec, request, write=True, need=need)
    if isinstance(found, web.Response):
        return found
    if errors := message_errors(payload, has_files=bool(rec.files)):
        return st.reply(rec, form_error_body(errors), 400)
    stall = st.stalls.get(found.id)
    stall = stall if stall is not None and stall.take() else None
    if stall is not None and not stall.after_create and not await stall.hold():
        return st.error(rec, 503, 0, "the sender went away")  # nothing was created
    if payload.get("enforce_nonce") and payload.get("nonce") is not None:
        earlier = st.store.recent_nonce(st.world.bot.id, payload["nonce"], st.nonce_window)
        if earlier is not None:  # a retried send: Discord returns the first message, no event
            rec.extra["deduplicated"] = True
            return st.reply(rec, earlier)
    msg = st.store.create(found, st.world.bot, payload, rec.files)
    rec.message = normalise_message("create", msg, payload, rec.files)
    await st.echo("MESSAGE_CREATE", msg)
    if stall is not None and stall.after_create and not await stall.hold():
        return st.error(rec, 503, 0, "the sender went away")  # the message stays created
    return st.reply(rec, msg)


def _snowflake_param(request: web.Request, key: str) -> int | None:
    value = request.query.get(key)
    return int(value) if value else None


@routes.get(f"{CHANNEL}/messages")
async def list_messages(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    ch = _channel(st, rec, request, write=False)
    if isinstance(ch, web.Response):
        return ch
    limit = int(request.query.get("limit", 50))
    if not 1 <= limit <= 100:
        return st.reply(rec, form_error_body({"limit": "Must be between 1 and 100."}), 400)
    guild = st.world.guild_of(ch)
    if guild is not None and not guild.permissions(st.world.bot.id, ch) & Perm.READ_MESSAGE_HISTORY:
        return st.reply(rec, [])  # documented: without Read Message History, no messages
    found = st.store.history(
        ch.id,
        limit=limit,
        before=_snowflake_param(request, "before"),
        after=_snowflake_param(request, "after"),
        around=_snowflake_param(request, "around"),
    )
    return st.reply(rec, found)


@routes.route("*", f"{CHANNEL}/messages/{{message_id:\\d+}}")
async def one_message(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    reading = request.method == "GET"
    need = Perm.READ_MESSAGE_HISTORY if reading else 0
    ch = _channel(st, rec, request, write=not reading, need=need)
    if isinstance(ch, web.Response):
        return ch
    msg = st.store.get(path_id(request, "message_id"))
    if msg is None or int(msg["channel_id"]) != ch.id or int(msg["flags"]) & EPHEMERAL:
        return st.error(rec, 404, 10008, "Unknown Message")
    by_bot = int(msg["author"]["id"]) == st.world.bot.id
    if reading:
        return st.reply(rec, msg)
    if request.method == "DELETE":
        if not by_bot and not st.world.permissions(st.world.bot, channel=ch) & Perm.MANAGE_MESSAGES:
            return st.error(rec, 403, 50013, "Missing Permissions")
        st.store.delete(int(msg["id"]))
        rec.extra["deleted"] = int(msg["id"])
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
    st, rec = ctx(request)
    ch = _channel(st, rec, request, write=True, need=Perm.ADD_REACTIONS)
    if isinstance(ch, web.Response):
        return ch
    if st.store.get(path_id(request, "message_id")) is None:
        return st.error(rec, 404, 10008, "Unknown Message")
    return st.reply(rec, None, 204)


# -- attachments (the "CDN") ----------------------------------------------------------------


@routes.get("/attachments/{attachment_id:\\d+}/{filename}")
async def get_attachment(request: web.Request) -> web.Response:
    st, rec = ctx(request)
    upload = st.store.attachments.get(path_id(request, "attachment_id"))
    if upload is None or upload.filename != request.match_info["filename"]:
        return web.Response(status=404, text="asset not found")
    rec.response = f"<{len(upload.data)} bytes>"
    return web.Response(body=upload.data, content_type=upload.content_type)
