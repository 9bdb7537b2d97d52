"""One ask's log write in process: `store.asks.log` on a real SQLite file in a temp folder, as the
service calls it for every question answered (the row is in the file when it returns)."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.bench.measure import percentile
from bot.store import Store
from bot.store.records import AskRecord

_WARM = 300
# One ask in five declined or only suggested, so its question also goes to the review queue.
_DECLINED_EVERY = 5


def _ask(n: int) -> AskRecord:
    if n % _DECLINED_EVERY == 0:
        return AskRecord(f"when was peskov born {n}", "decline", 0.2, None, "slash", 1, 2, 3)
    key = ("trump-russia", "person-peskov")
    return AskRecord("who is peskov", "answer", 1.0, key, "slash", 1, 2, 3)


async def _measure(samples: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        store = await Store.connect(Path(folder) / "briefbot.sqlite3")
        try:
            for n in range(_WARM):
                await store.asks.log(_ask(n))
            await store.asks.flush()
            times, waited = [], 0
            for n in range(samples):
                started = time.perf_counter_ns()
                await store.asks.log(_ask(n))
                times.append((time.perf_counter_ns() - started) / 1e6)
                waited += store.asks.waiting > 0
                if store.asks.waiting:
                    await store.asks.flush()  # not timed: the next ask starts as it would
        finally:
            await store.close()
    return {
        "n": samples,
        "p50_ms": round(percentile(times, 0.5), 4),
        "p99_ms": round(percentile(times, 0.99), 4),
        "max_ms": round(max(times), 3),
        "written_later": waited,  # rows the database could not take at once
        "declined_share": round(1 / _DECLINED_EVERY, 2),
    }


def ask_log(samples: int) -> dict[str, Any]:
    return asyncio.run(_measure(samples))
