"""The stand-in's clock: real time plus an offset a test can move forward (never back)."""

from __future__ import annotations

import datetime as dt
import time


class StandinClock:
    """Discord's notion of "now" for the stand-in: message timestamps, snowflakes, windows.

    ``advance(minutes=5)`` lets a test show time-bound behaviour (the nonce window, the
    interaction deadline) without sleeping.
    """

    def __init__(self) -> None:
        self.offset = 0.0

    def advance(self, **delta: float) -> None:
        seconds = dt.timedelta(**delta).total_seconds()
        if seconds < 0:
            raise ValueError("the stand-in clock only moves forward")
        self.offset += seconds

    def time(self) -> float:
        """Seconds since the Unix epoch."""
        return time.time() + self.offset

    def monotonic(self) -> float:
        """For measuring intervals (deadlines, windows)."""
        return time.monotonic() + self.offset

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.time(), tz=dt.UTC)

    def iso(self) -> str:
        return self.now().isoformat()
