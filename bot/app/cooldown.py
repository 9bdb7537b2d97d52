"""The per-person ask rate: a token bucket. A burst of `burst` asks at once, refilled at
`burst` per `per_seconds` (the defaults, 5 per 30 s, let a reader ask 10 times a minute
without ever meeting the cooldown, and 5 in a row). discord.py's own cooldown is a fixed
window: the 6th ask within 30 s would wait out the whole window."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable


class AskRate:
    def __init__(
        self, burst: int, per_seconds: float, now: Callable[[], float], kept: int = 50_000
    ) -> None:
        self._burst = float(burst)
        self._rate = burst / per_seconds  # asks regained per second
        self._now = now
        self._kept = kept
        self._buckets: OrderedDict[int, tuple[float, float]] = OrderedDict()  # tokens, when

    def retry_after(self, user_id: int) -> float | None:
        """Take one ask for this person: None if they may ask now, else seconds to wait."""
        now = self._now()
        tokens, then = self._buckets.pop(user_id, (self._burst, now))
        tokens = min(self._burst, tokens + max(0.0, now - then) * self._rate)
        if tokens < 1.0:
            self._buckets[user_id] = (tokens, now)
            return (1.0 - tokens) / self._rate
        self._buckets[user_id] = (tokens - 1.0, now)
        while len(self._buckets) > self._kept:  # the least recently seen go; they start full
            self._buckets.popitem(last=False)
        return None
