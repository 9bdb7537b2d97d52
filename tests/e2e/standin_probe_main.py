"""The probe bot as a process: ``python -m standin.pointed standin_probe_main SHARD COUNT``.

Prints "ready" once connected, then runs until terminated.
"""

from __future__ import annotations

import asyncio
import os
import sys

from standin_probe import Probe


async def main(shard_id: int, shard_count: int) -> None:
    bot = Probe(shard_id=shard_id, shard_count=shard_count, guild_ready_timeout=0.05)

    async def on_ready() -> None:
        print("ready", flush=True)

    bot.add_listener(on_ready)
    async with bot:
        await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
