"""Identical asks in one channel within a few seconds get one answer, not five."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.text.normalize import phrasing_key


class RecentAsks:
    def __init__(self, window_seconds: float = 15.0, now: Callable[[], float] = time.monotonic):
        self._window = window_seconds
        self._now = now
        self._seen: dict[tuple[int, str], float] = {}

    def first(self, channel_id: int, question: str) -> bool:
        """True for the first ask of this question in this channel within the window."""
        now = self._now()
        if len(self._seen) > 1000:
            self._seen = {k: t for k, t in self._seen.items() if now - t < self._window}
        key = (channel_id, phrasing_key(question))
        seen = self._seen.get(key)
        if seen is not None and now - seen < self._window:
            return False
        self._seen[key] = now
        return True
