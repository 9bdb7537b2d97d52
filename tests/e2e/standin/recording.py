"""What the stand-in saw: recorded REST requests, uploaded files, and waiting on them."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# A message the bot made visible (sent, edited, interaction reply, follow-up), normalised:
# kind, id, channel_id, interaction_id, content, embeds, components, flags, ephemeral,
# allowed_mentions, files (list[UploadedFile] uploaded by this request), attachments,
# message_reference, payload (raw request JSON), message (full message after the request).
SentMessage = dict[str, Any]


@dataclass
class UploadedFile:
    """A file part of a multipart request, or a file a test uploads as a user."""

    filename: str
    data: bytes
    content_type: str | None = None
    index: int | None = None  # N of the ``files[N]`` form field

    def text(self, encoding: str = "utf-8") -> str:
        return self.data.decode(encoding)


@dataclass
class Recorded:
    """One REST request; ``path`` is relative to ``/api/v10`` (other routes are verbatim)."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[UploadedFile]
    headers: dict[str, str]
    index: int = -1
    status: int = 0
    response: Any = None
    message: SentMessage | None = None
    interaction_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def summary(self) -> str:
        return f"#{self.index} {self.method} {self.path} -> {self.status}"


Predicate = Callable[[Recorded], bool]


class RequestLog:
    """Append-only list of requests with ``await``-able lookups (no polling)."""

    def __init__(self) -> None:
        self.items: list[Recorded] = []
        self._changed = asyncio.Event()

    def mark(self) -> int:
        return len(self.items)

    def append(self, rec: Recorded) -> None:
        rec.index = len(self.items)
        self.items.append(rec)
        self._changed.set()
        self._changed = asyncio.Event()

    def find(self, predicate: Predicate, *, after: int = 0) -> Recorded | None:
        return next((r for r in self.items[after:] if predicate(r)), None)

    async def wait_for(
        self, predicate: Predicate, *, after: int = 0, timeout: float = 5.0, what: str = ""
    ) -> Recorded:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        idx = after
        while True:
            while idx < len(self.items):
                rec = self.items[idx]
                idx += 1
                if predicate(rec):
                    return rec
            remaining = deadline - loop.time()
            changed = self._changed
            try:
                if remaining <= 0:
                    raise TimeoutError
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                seen = "\n  ".join(r.summary() for r in self.items[after:]) or "(nothing)"
                raise TimeoutError(
                    f"timed out after {timeout}s waiting for {what or 'a matching request'};"
                    f" requests since mark {after}:\n  {seen}"
                ) from None


def normalise_message(
    kind: str,
    message: dict[str, Any],
    payload: dict[str, Any] | None,
    files: list[UploadedFile],
    *,
    interaction_id: int | None = None,
) -> SentMessage:
    """Build the SentMessage view of ``message`` (the stored message after the request)."""
    payload = payload or {}
    message = copy.deepcopy(message)
    flags = int(message.get("flags") or 0)
    return {
        "kind": kind,
        "id": int(message["id"]),
        "channel_id": int(message["channel_id"]),
        "interaction_id": interaction_id,
        "content": message.get("content", ""),
        "embeds": message.get("embeds", []),
        "components": message.get("components", []),
        "flags": flags,
        "ephemeral": bool(flags & 64),
        "allowed_mentions": payload.get("allowed_mentions"),
        "files": files,
        "attachments": message.get("attachments", []),
        "message_reference": message.get("message_reference"),
        "payload": payload,
        "message": message,
    }
