"""InteractionHandle: what a test gets back from slash/click/submit_modal."""

from __future__ import annotations

from typing import Any

from .recording import Recorded, RequestLog, SentMessage
from .state import InteractionRecord


class InteractionRejected(AssertionError):
    """The bot's answer to an interaction was refused by the stand-in (as Discord would)."""


class InteractionHandle:
    """An interaction the stand-in sent; await the bot's callback, replies and follow-ups."""

    def __init__(self, log: RequestLog, record: InteractionRecord, mark: int) -> None:
        self._log = log
        self.record = record
        self.mark = mark  # request-log mark taken just before the interaction was dispatched

    @property
    def id(self) -> int:
        return self.record.id

    @property
    def token(self) -> str:
        return self.record.token

    @property
    def type(self) -> int:
        return self.record.type

    @property
    def payload(self) -> dict[str, Any]:
        return self.record.payload

    @property
    def callback_type(self) -> int | None:
        """4 message, 5 deferred (thinking), 6 deferred update, 7 update, 8 choices, 9 modal."""
        return self.record.callback_type

    def _mine(self, rec: Recorded) -> bool:
        return rec.interaction_id == self.id

    def _raise_if_rejected(self, rec: Recorded) -> Recorded:
        if not rec.ok:
            raise InteractionRejected(
                f"{rec.method} {rec.path} for interaction {self.id} -> {rec.status}: {rec.response}"
            )
        return rec

    async def callback(self, timeout: float = 5.0) -> dict[str, Any]:
        """The raw callback body the bot POSTed: ``{"type": ..., "data": ...}``."""
        rec = await self._log.wait_for(
            lambda r: self._mine(r) and r.path.endswith("/callback"),
            after=self.mark,
            timeout=timeout,
            what=f"the callback for interaction {self.id}",
        )
        return self._raise_if_rejected(rec).json

    async def _wait_message(self, after: int, kind: str | None, timeout: float) -> Recorded:
        rec = await self._log.wait_for(
            lambda r: (
                self._mine(r)
                and (not r.ok or (r.message is not None and kind in (None, r.message["kind"])))
            ),
            after=after,
            timeout=timeout,
            what=f"a {kind or 'message'} for interaction {self.id}",
        )
        return self._raise_if_rejected(rec)

    async def next_message(
        self, *, after: int | None = None, kind: str | None = None, timeout: float = 5.0
    ) -> SentMessage:
        """The next visible message this interaction produced (callback/update/follow-up/edit).

        ``kind`` is one of callback, update, followup, edit_original, edit_followup.
        """
        rec = await self._wait_message(self.mark if after is None else after, kind, timeout)
        assert rec.message is not None
        return rec.message

    async def reply(self, timeout: float = 5.0) -> SentMessage:
        """The first message the user sees, whether sent directly or after a defer."""
        return await self.next_message(timeout=timeout)

    async def followup(self, index: int = 0, timeout: float = 5.0) -> SentMessage:
        """The ``index``-th follow-up (``interaction.followup.send``), counting from 0."""
        after = self.mark
        for _ in range(index + 1):
            rec = await self._wait_message(after, "followup", timeout)
            after = rec.index + 1
        assert rec.message is not None
        return rec.message

    async def modal(self, timeout: float = 5.0) -> dict[str, Any]:
        """The modal the bot opened (``custom_id``, ``title``, ``components``)."""
        body = await self.callback(timeout)
        if body.get("type") != 9:
            raise AssertionError(f"expected a modal (callback type 9), got {body}")
        return body["data"]

    async def choices(self, timeout: float = 5.0) -> list[dict[str, Any]]:
        """The autocomplete choices the bot answered."""
        body = await self.callback(timeout)
        if body.get("type") != 8:
            raise AssertionError(f"expected autocomplete choices (callback type 8), got {body}")
        return body["data"]["choices"]

    @property
    def messages(self) -> list[SentMessage]:
        """Every message this interaction produced so far."""
        return [r.message for r in self._log.items if self._mine(r) and r.message is not None]

    def __repr__(self) -> str:
        return f"<InteractionHandle id={self.id} type={self.type} callback={self.callback_type}>"
