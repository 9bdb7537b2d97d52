"""Fixed snowflakes of the default stand-in world, importable by tests at collection time."""

from __future__ import annotations

import itertools
import time

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

    OWNER = 1_100_000_000_000_000_200
    MEMBER = 1_100_000_000_000_000_201
    MODERATOR = 1_100_000_000_000_000_202
    CURATOR = 1_100_000_000_000_000_203

    CATEGORY = 1_100_000_000_000_000_300
    GENERAL = 1_100_000_000_000_000_301
    ASK = 1_100_000_000_000_000_302
    DIGEST = 1_100_000_000_000_000_303
    MOD_LOG = 1_100_000_000_000_000_304
    FORBIDDEN = 1_100_000_000_000_000_305
    GONE = 1_100_000_000_000_000_306


class SnowflakeFactory:
    """Generates increasing, valid snowflakes whose timestamp is "now"."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def __call__(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._counter) & 0x3FFFFF)
