"""The digest log: one claim per server and local day, across restarts and processes."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.settings import PROJECT_ROOT
from bot.store import Store

CLAIMER = Path(__file__).with_name("claim_digest.py")


async def test_a_day_is_claimed_once_even_after_a_restart(location: str | Path) -> None:
    """A day's digest can be claimed once, even by a restarted process."""
    first = await Store.connect(location)
    assert await first.digests.claim(1, "2026-11-24", 9, "n1")
    await first.close()
    second = await Store.connect(location)
    assert not await second.digests.claim(1, "2026-11-24", 9, "n2")
    assert await second.digests.claim(1, "2026-11-25", 9, "n3")
    assert [(r.local_date, r.nonce) for r in await second.digests.unsent()] == [
        ("2026-11-24", "n1"),
        ("2026-11-25", "n3"),
    ]
    await second.digests.finish(1, "2026-11-24", "sent", 77)
    assert [r.local_date for r in await second.digests.unsent()] == ["2026-11-25"]
    await second.close()


async def test_processes_claiming_at_once_make_one_winner(location: str | Path) -> None:
    """Three bot processes on one store claim the same server's day at the same moment: exactly
    one wins, and the log holds that one claim."""
    await (await Store.connect(location)).close()  # migrated first, as a running bot's store is
    env = {**os.environ, "CLAIM_STORE": str(location), "PYTHONPATH": str(PROJECT_ROOT)}
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(CLAIMER),
            "5",
            "2026-12-01",
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    for proc in procs:
        assert proc.stdout is not None
        assert await asyncio.wait_for(proc.stdout.readline(), timeout=30) == b"ready\n"
    outcomes = await asyncio.gather(*(proc.communicate(b"go\n") for proc in procs))
    assert sorted(out.decode().strip() for out, _ in outcomes) == ["lost", "lost", "won"]
    store = await Store.connect(location)
    record = await store.digests.record(5, "2026-12-01")
    assert record is not None and record.nonce is not None
    assert record.nonce.startswith("process-")
    assert await store.digests.count(5) == 1
    await store.close()
