"""The digest log: one claim per server and local day, across restarts and processes."""

from __future__ import annotations

from pathlib import Path

from bot.store import Store


async def test_a_day_is_claimed_once_even_after_a_restart(tmp_path: Path) -> None:
    """A day's digest can be claimed once, even by a restarted process."""
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    assert await first.digests.claim(1, "2026-11-24", 9, "n1")
    await first.close()
    second = await Store.open(path)
    assert not await second.digests.claim(1, "2026-11-24", 9, "n2")
    assert await second.digests.claim(1, "2026-11-25", 9, "n3")
    assert [(r.local_date, r.nonce) for r in await second.digests.unsent()] == [
        ("2026-11-24", "n1"),
        ("2026-11-25", "n3"),
    ]
    await second.digests.finish(1, "2026-11-24", "sent", 77)
    assert [r.local_date for r in await second.digests.unsent()] == ["2026-11-25"]
    await second.close()


async def test_two_processes_share_one_claim(tmp_path: Path) -> None:
    """Two stores open on one file (two bot processes): only one wins the day."""
    path = tmp_path / "db.sqlite3"
    one, two = await Store.open(path), await Store.open(path)
    won = [
        await one.digests.claim(5, "2026-12-01", 9, "a"),
        await two.digests.claim(5, "2026-12-01", 9, "b"),
    ]
    assert sorted(won) == [False, True]
    await one.close()
    await two.close()
