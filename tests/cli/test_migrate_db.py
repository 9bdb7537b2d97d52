"""`briefbot migrate-db --to URL`, as a real subprocess: a store with something in every table
is copied whole (ids, counters, versions), a second copy into it is refused, and no message ever
shows the target's password."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.models import Entry
from bot.store import Store
from bot.store.copy import TABLES
from bot.store.records import AskRecord
from tests.cli.test_cli import run
from tests.postgres import fresh_schema, postgresql
from tests.store.conftest import sync

FLYNN = ("trump-russia", "person-flynn")


async def _fill(path: Path, checked: Any) -> None:
    """A store such as a running bot leaves: a row in every table."""
    store = await Store.open(path)
    await sync(store, checked)
    await store.guilds.joined(1)
    await store.guilds.update(1, "11", digest_channel_id=9, digest_enabled=True)
    await store.guilds.choose_article(1, "trump-russia", True, "11")
    await store.entries.add(1, Entry("mod-x", "trump-russia", "person", "X?", (), "Y.", ()), "11")
    flynn = next(e for e in checked[0].entries if e.key == FLYNN)
    await store.entries.add_phrasing(1, flynn, "the general guy", "alias", "11")
    declined = await store.asks.log(AskRecord("when was peskov born", "decline", 0.2, guild_id=1))
    answered = await store.asks.log(AskRecord("who is flynn", "answer", 0.9, FLYNN, guild_id=1))
    await store.asks.feedback(answered, 5, helpful=True)
    await store.asks.propose(1, "the general?", FLYNN, 5, declined)
    await store.digests.claim(1, "2026-11-24", 9, "nonce")
    await store.digests.finish(1, "2026-11-24", "sent", 77)
    await store.close()


async def _tables(location: str | Path) -> dict[str, list[dict[str, Any]]]:
    store = await Store.connect(location)
    try:
        return {
            table: [dict(r) for r in await store.db.fetch(f"SELECT * FROM {t} ORDER BY {k}")]
            for table, key in TABLES
            for t, k in [(table, ", ".join(key))]
        }
    finally:
        await store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=postgresql)])
async def target(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'copy' / 'briefbot.sqlite3'}"
        return
    async with fresh_schema() as url:
        yield url


async def test_every_table_is_copied_whole_and_a_second_copy_is_refused(
    tmp_path: Path, checked: Any, target: str
) -> None:
    """Every row of every table arrives as it was; the counters go on from where they were; a
    second run finds the target full and changes nothing."""
    source = tmp_path / "data" / "briefbot.sqlite3"
    await _fill(source, checked)
    before = await _tables(source)
    assert all(before.values()), [t for t, rows in before.items() if not rows]

    result = run(tmp_path, "migrate-db", "--to", target)
    assert result.returncode == 0, result.stderr
    assert "entries" in result.stdout and "rows counted on both sides" in result.stdout
    copied = target if target.startswith("postgresql") else Path(target[len("sqlite:///") :])
    assert await _tables(copied) == before

    store = await Store.connect(copied)
    assert await store.asks.log(AskRecord("q", "decline", 0.1)) > max(
        r["id"] for r in before["asks"]
    )
    await store.audit.write("1", "test", None, {})
    newest = (await store.audit.history(None, limit=1))[0]
    assert newest.id == max(r["id"] for r in before["audit_log"]) + 1
    await store.close()

    again = run(tmp_path, "migrate-db", "--to", target)
    assert again.returncode == 1
    assert "already holds a briefbot store" in again.stderr
    assert "nothing was changed" in again.stderr
    secret = target.split("://", 1)[1].split("@", 1)[0].partition(":")[2]
    for output in (result.stdout, result.stderr, again.stdout, again.stderr):
        assert "://" not in output and (not secret or secret not in output)


def test_an_unreachable_target_is_one_line_without_its_password(tmp_path: Path) -> None:
    """Nothing listens there: a one-line reason naming host and port, never the password."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run(tmp_path, "migrate-db", "--to", f"postgresql://u:pw-4711@127.0.0.1:{port}/db")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and "nothing was copied" in result.stderr
    assert "pw-4711" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("to", "says"),
    [
        ("mysql://u:pw-4711@h/db", "must be sqlite:///PATH or postgresql://"),
        ("sqlite:///data/briefbot.sqlite3", "already uses"),
    ],
)
def test_a_target_that_cannot_be_used_is_refused(tmp_path: Path, to: str, says: str) -> None:
    """Another kind of database, or the site's own store: refused, the URL not echoed."""
    result = run(tmp_path, "migrate-db", "--to", to)
    assert result.returncode == 2 and says in result.stderr
    assert "pw-4711" not in result.stderr
