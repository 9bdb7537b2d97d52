"""What every backend guarantees the store's modules: whole transactions, any batch size."""

from __future__ import annotations

import asyncio

import pytest

from bot.store import Store
from bot.store.activity import Asks
from bot.store.records import AskRecord


async def test_a_cancelled_transaction_leaves_nothing_and_the_store_goes_on(store: Store) -> None:
    """A write cancelled half-way (a shutdown, a timeout) is undone; the next one works."""
    started = asyncio.Event()

    async def interrupted() -> None:
        async with store.db.transaction() as tx:
            await tx.execute("INSERT INTO meta (key, value) VALUES ('half', 'written')")
            started.set()
            await asyncio.sleep(30)

    task = asyncio.create_task(interrupted())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await store.meta("half") is None
    await store.set_meta("after", "ok")
    assert await store.meta("after") == "ok"


async def test_a_full_waiting_list_is_written_in_one_flush(store: Store) -> None:
    """10,000 waiting asks (120,000 values, far past a statement's 32,767 parameters) go in one
    flush, with consecutive ids."""
    asks = Asks(store.db, store.clock, flush_seconds=3600)  # no background flush meanwhile
    ids = [await asks.log(AskRecord(f"q{n}", "answer", 0.9)) for n in range(10_000)]
    assert asks.waiting == 10_000
    await asks.flush()
    assert ids == list(range(ids[0], ids[0] + 10_000))
    assert (asks.waiting, (await asks.stats(None))["asked"]) == (0, 10_000)
    await asks.close()
