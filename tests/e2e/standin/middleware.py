"""Request recording, auth, and error containment for every REST call."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import BodyPartReader, web

from .recording import Recorded, UploadedFile
from .state import State

log = logging.getLogger("standin.rest")

API_PREFIX = "/api/v10"
STATE_KEY = web.AppKey("standin_state", State)
REC_KEY = web.RequestKey("standin_recorded", Recorded)
FILES_FIELD = re.compile(r"^files\[(\d+)\]$")
NO_AUTH = ("/interactions/", "/webhooks/")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def ctx(request: web.Request) -> tuple[State, Recorded]:
    """The shared state and this request's record, for a route handler."""
    return request.app[STATE_KEY], request[REC_KEY]


def path_id(request: web.Request, key: str) -> int:
    return int(request.match_info[key])


async def read_body(request: web.Request) -> tuple[Any, list[UploadedFile]]:
    """Parse a JSON body or a multipart body with ``payload_json`` + ``files[N]`` parts."""
    if request.content_type.startswith("multipart/"):
        payload: Any = None
        files: list[UploadedFile] = []
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            assert isinstance(part, BodyPartReader)
            data = await part.read()
            if part.name == "payload_json":
                payload = json.loads(data)
            elif part.filename is not None:
                m = FILES_FIELD.match(part.name or "")
                ctype = part.headers.get("Content-Type")
                index = int(m.group(1)) if m else len(files)
                files.append(UploadedFile(part.filename, bytes(data), ctype, index))
        return payload, files
    raw = await request.read()
    if not raw:
        return None, []
    try:
        return json.loads(raw), []
    except ValueError:
        return raw.decode("utf-8", "replace"), []


@web.middleware
async def record_requests(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path == "/gateway-ws":
        return await handler(request)
    state = request.app[STATE_KEY]
    path = (
        request.path.removeprefix(API_PREFIX)
        if request.path.startswith(API_PREFIX)
        else request.path
    )
    headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
    rec = Recorded(request.method, path, dict(request.query), None, [], headers)
    request[REC_KEY] = rec
    try:
        rec.json, rec.files = await read_body(request)
        response = await _authorised(request, handler, state, rec)
    except web.HTTPException:
        raise
    except Exception as exc:
        log.exception("stand-in route %s %s failed", request.method, path)
        state.errors.append(f"{request.method} {path}: {exc!r}")
        # 400 rather than 500: discord.py retries 5xx with multi-second sleeps.
        response = state.error(rec, 400, 0, f"stand-in internal error: {exc!r}")
    rec.status = response.status
    state.log.append(rec)
    return response


async def _authorised(
    request: web.Request, handler: Handler, state: State, rec: Recorded
) -> web.StreamResponse:
    needs_auth = request.path.startswith(API_PREFIX) and not any(p in rec.path for p in NO_AUTH)
    if needs_auth and state.token is not None:
        if request.headers.get("Authorization") != f"Bot {state.token}":
            return state.error(rec, 401, 0, "401: Unauthorized")
    return await handler(request)


async def unknown_route(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    rec: Recorded = request[REC_KEY]
    line = f"{request.method} {rec.path}"
    log.warning("stand-in has no route for %s", line)
    state.unknown_routes.append(line)
    return state.error(rec, 404, 0, "Unknown")
