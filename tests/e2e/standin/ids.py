"""Fixed snowflakes of the default stand-in world, importable by tests at collection time."""

from __future__ import annotations

import itertools

from .clock import StandinClock

DISCORD_EPOCH_MS = 1_420_070_400_000


class Ids:
    """Every fixed id of the default world (ints, as discord.py exposes them)."""

    BOT = 1_100_000_000_000_000_001
    APPLICATION = BOT  # modern applications share the bot user's id
    GUILD = 1_100_000_000_000_000_100

    ROLE_EVERYONE = GUILD  # @everyone always has the guild's id
    ROLE_MODERATOR = 1_100_000_000_000_000_101
    ROLE_CURATORS = 1_100_000_000_000_000_102
    ROLE_BOT = 1_100_000_000_000_000_103

    OWNER = 1_100_000_000_000_000_200  # owns the default guild (not the application)
    MEMBER = 1_100_000_000_000_000_201
    MODERATOR = 1_100_000_000_000_000_202
    CURATOR = 1_100_000_000_000_000_203
    APP_OWNER = 1_100_000_000_000_000_204  # owns the application; in no guild by default

    CATEGORY = 1_100_000_000_000_000_300
    GENERAL = 1_100_000_000_000_000_301
    ASK = 1_100_000_000_000_000_302
    DIGEST = 1_100_000_000_000_000_303
    MOD_LOG = 1_100_000_000_000_000_304
    FORBIDDEN = 1_100_000_000_000_000_305
    GONE = 1_100_000_000_000_000_306


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard Discord routes a guild's events to."""
    return (guild_id >> 22) % shard_count


class SnowflakeFactory:
    """Generates increasing, valid snowflakes whose timestamp is the stand-in's "now"."""

    def __init__(self, clock: StandinClock | None = None) -> None:
        self.clock = clock or StandinClock()
        self._counter = itertools.count(1)
        self._last_ms = 0

    def _ms(self) -> int:
        ms = max(int(self.clock.time() * 1000) - DISCORD_EPOCH_MS, self._last_ms)
        self._last_ms = ms
        return ms

    def __call__(self) -> int:
        return (self._ms() << 22) | (next(self._counter) & 0x3FFFFF)

    def on_shard(self, shard_id: int, shard_count: int) -> int:
        """A fresh snowflake for a guild that Discord would put on ``shard_id``."""
        ms = self._ms()
        ms += (shard_id - ms) % shard_count
        self._last_ms = ms
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)
