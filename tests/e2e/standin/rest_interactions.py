"""Interaction callbacks and the interaction webhook (follow-ups, @original)."""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from .middleware import API_PREFIX, REC_KEY, STATE_KEY
from .recording import Recorded, normalise_message
from .state import InteractionRecord, State
from .store import EPHEMERAL, LOADING
from .validation import choices_errors, form_error_body, message_errors, modal_errors

log = logging.getLogger("standin.interactions")
routes = web.RouteTableDef()

PONG, MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE, CHOICES, MODAL = 1, 4, 5, 6, 7, 8, 9
COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
ALLOWED = {
    COMMAND: {MESSAGE, DEFERRED_MESSAGE, MODAL},
    COMPONENT: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE, MODAL},
    AUTOCOMPLETE: {CHOICES},
    MODAL_SUBMIT: {MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE},
}


def _ctx(request: web.Request) -> tuple[State, Recorded]:
    return request.app[STATE_KEY], request[REC_KEY]


def _message_extra(st: State, it: InteractionRecord) -> dict[str, Any]:
    app_id = str(st.world.bot.id)
    meta: dict[str, Any] = {
        "id": str(it.id),
        "type": it.type,
        "user": st.world.user_payload(it.user),
        "authorizing_integration_owners": {"0": str(it.channel.guild_id or 0)},
    }
    if it.component_message_id is not None:
        meta["interacted_message_id"] = str(it.component_message_id)
    return {"webhook_id": app_id, "application_id": app_id, "interaction_metadata": meta}


def _new_message(
    st: State, it: InteractionRecord, payload: dict[str, Any], rec: Recorded
) -> dict[str, Any]:
    return st.store.create(
        it.channel,
        st.world.bot,
        payload,
        rec.files,
        msg_type=20 if it.type == COMMAND else 0,
        extra=_message_extra(st, it),
    )


def _finish_loading(st: State, msg_id: int) -> None:
    msg = st.store.messages[msg_id]
    msg["flags"] = int(msg["flags"]) & ~LOADING


def _callback_errors(it: InteractionRecord, ctype: int, data: dict[str, Any], rec: Recorded) -> Any:
    if ctype not in ALLOWED.get(it.type, set()):
        return {"message": f"Interaction callback type {ctype} is not valid here", "code": 50035}
    if ctype == UPDATE and it.component_message_id is None:
        return {"message": "This interaction has no message to update", "code": 50035}
    errors = {}
    if ctype == MESSAGE:
        errors = message_errors(data, has_files=bool(rec.files))
    elif ctype == UPDATE:
        errors = message_errors(data, has_files=bool(rec.files), edit=True)
    elif ctype == CHOICES:
        errors = choices_errors(data.get("choices") or [])
    elif ctype == MODAL:
        errors = modal_errors(data)
    return form_error_body(errors, prefix="data") if errors else None


@routes.post(f"{API_PREFIX}/interactions/{{interaction_id:\\d+}}/{{token}}/callback")
async def callback(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    it = st.interactions.get(int(request.match_info["interaction_id"]))
    if it is None or it.token != request.match_info["token"]:
        return st.error(rec, 404, 10062, "Unknown interaction")
    rec.interaction_id = it.id
    late = st.now() - it.created_at
    if late > st.interaction_deadline:
        log.warning(
            "interaction %s answered after %.2fs (limit %.1fs)",
            it.id,
            late,
            st.interaction_deadline,
        )
        return st.error(rec, 404, 10062, "Unknown interaction")
    if it.callback_type is not None:
        return st.error(rec, 400, 40060, "Interaction has already been acknowledged.")
    body = rec.json or {}
    ctype, data = int(body.get("type", 0)), body.get("data") or {}
    if (error := _callback_errors(it, ctype, data, rec)) is not None:
        return st.reply(rec, error, 400)
    it.callback_type = ctype
    msg: dict[str, Any] | None = None
    if ctype == MESSAGE:
        msg = _new_message(st, it, data, rec)
        rec.message = normalise_message("callback", msg, data, rec.files, interaction_id=it.id)
        await st.echo("MESSAGE_CREATE", msg)
    elif ctype == DEFERRED_MESSAGE:
        flags = (int(data.get("flags") or 0) & EPHEMERAL) | LOADING
        msg = _new_message(st, it, {"content": "", "flags": flags}, rec)
        await st.echo("MESSAGE_CREATE", msg)
    elif ctype == UPDATE:
        assert it.component_message_id is not None
        msg = st.store.edit(it.component_message_id, data, rec.files)
        rec.message = normalise_message("update", msg, data, rec.files, interaction_id=it.id)
        await st.echo("MESSAGE_UPDATE", msg)
    elif ctype == DEFERRED_UPDATE and it.component_message_id is not None:
        msg = st.store.get(it.component_message_id)
    if msg is not None:
        it.original_message_id = int(msg["id"])
    if request.query.get("with_response", "").lower() not in ("1", "true"):
        return st.reply(rec, None, 204)
    flags = int(msg["flags"]) if msg else 0
    summary: dict[str, Any] = {"id": str(it.id), "type": it.type}
    if msg is not None:
        summary["response_message_id"] = msg["id"]
        summary["response_message_loading"] = bool(flags & LOADING)
        summary["response_message_ephemeral"] = bool(flags & EPHEMERAL)
    resource: dict[str, Any] = {"type": ctype}
    if msg is not None:
        resource["message"] = msg
    return st.reply(rec, {"interaction": summary, "resource": resource})


# -- the interaction webhook ----------------------------------------------------------------

HOOK = f"{API_PREFIX}/webhooks/{{app_id:\\d+}}/{{token}}"


def _hook_interaction(
    st: State, rec: Recorded, request: web.Request
) -> InteractionRecord | web.Response:
    it = st.interaction_by_token(request.match_info["token"])
    if it is None or int(request.match_info["app_id"]) != st.world.bot.id:
        return st.error(rec, 404, 10015, "Unknown Webhook")
    rec.interaction_id = it.id
    if it.callback_type is None:
        return st.error(rec, 404, 10015, "Unknown Webhook")
    if st.now() - it.created_at > st.interaction_token_lifetime:
        return st.error(rec, 401, 50027, "Invalid Webhook Token")
    return it


@routes.post(HOOK)
async def followup(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    it = _hook_interaction(st, rec, request)
    if isinstance(it, web.Response):
        return it
    payload = rec.json or {}
    if errors := message_errors(payload, has_files=bool(rec.files)):
        return st.reply(rec, form_error_body(errors), 400)
    original = st.store.get(it.original_message_id or 0)
    if original is not None and int(original["flags"]) & LOADING and not it.followups:
        # The first follow-up after a "thinking" defer replaces the loading message.
        msg = st.store.edit(int(original["id"]), payload, rec.files)
        _finish_loading(st, int(msg["id"]))
        await st.echo("MESSAGE_UPDATE", msg)
    else:
        msg = _new_message(st, it, payload, rec)
        await st.echo("MESSAGE_CREATE", msg)
    it.followups.append(int(msg["id"]))
    rec.message = normalise_message("followup", msg, payload, rec.files, interaction_id=it.id)
    wait = request.query.get("wait", "").lower() in ("1", "true")
    return st.reply(rec, msg) if wait else st.reply(rec, None, 204)


@routes.route("*", f"{HOOK}/messages/{{message_id}}")
async def hook_message(request: web.Request) -> web.Response:
    st, rec = _ctx(request)
    it = _hook_interaction(st, rec, request)
    if isinstance(it, web.Response):
        return it
    raw = request.match_info["message_id"]
    is_original = raw == "@original"
    mid = it.original_message_id if is_original else int(raw) if raw.isdigit() else None
    if mid is None or (not is_original and mid not in [*it.followups, it.original_message_id]):
        return st.error(rec, 404, 10008, "Unknown Message")
    msg = st.store.get(mid)
    if msg is None:
        return st.error(rec, 404, 10008, "Unknown Message")
    if request.method == "GET":
        return st.reply(rec, msg)
    if request.method == "DELETE":
        st.store.delete(mid)
        await st.echo_delete(msg)
        return st.reply(rec, None, 204)
    payload = rec.json or {}
    if errors := message_errors(payload, has_files=bool(rec.files), edit=True):
        return st.reply(rec, form_error_body(errors), 400)
    msg = st.store.edit(mid, payload, rec.files)
    _finish_loading(st, mid)
    kind = "edit_original" if is_original else "edit_followup"
    rec.message = normalise_message(kind, msg, payload, rec.files, interaction_id=it.id)
    await st.echo("MESSAGE_UPDATE", msg)
    return st.reply(rec, msg)
