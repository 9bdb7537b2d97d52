"""A send that never comes back: the next message sent to a channel is held, before Discord
creates it or after, until the test releases (or abandons) it. A bot stopped meanwhile has
crashed mid-send, exactly between "sent" and "heard back"."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class Stall:
    channel_id: int
    after_create: bool  # True: Discord has created the message; only the answer is held
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    _released: asyncio.Event = field(default_factory=asyncio.Event)
    abandoned: bool = False
    used: bool = False

    def take(self) -> bool:
        """True for the one send this stall holds (later sends go through)."""
        if self.used:
            return False
        self.used = True
        return True

    async def hold(self) -> bool:
        """Hold the request; True once released, False if abandoned (the caller is gone)."""
        self.reached.set()
        await self._released.wait()
        return not self.abandoned

    async def until_reached(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self.reached.wait(), timeout)

    def release(self) -> None:
        self._released.set()

    def abandon(self) -> None:
        """Answer the held request with an error at once (its sender has stopped)."""
        self.abandoned = True
        self._released.set()
