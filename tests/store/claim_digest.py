"""One process's try at a day's digest, for tests/store/test_digests.py.

    CLAIM_STORE=LOCATION python tests/store/claim_digest.py GUILD DAY

Connects, prints "ready", waits for a line on stdin (so that every process claims at once), then
prints "won" or "lost".
"""

import asyncio
import os
import sys

from bot.store import Store


async def main(guild_id: int, day: str) -> None:
    store = await Store.connect(os.environ["CLAIM_STORE"])
    try:
        print("ready", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        won = await store.digests.claim(guild_id, day, 9, f"process-{os.getpid()}")
    finally:
        await store.close()
    print("won" if won else "lost", flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
