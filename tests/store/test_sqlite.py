"""The SQLite backend's faults come back as one clear line, never a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.store import Store, StoreError, StoreUnavailable
from bot.store.records import AskRecord


async def test_a_new_file_uses_wal_journaling(tmp_path: Path) -> None:
    """Readers never wait for the writer: the file is in WAL mode."""
    store = await Store.open(tmp_path / "db.sqlite3")
    rows = await store.db.fetch("PRAGMA journal_mode")
    assert rows[0][0] == "wal"
    await store.close()


async def test_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    """A file that is not a database gives a StoreError naming it."""
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable briefbot database"):
        await Store.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
async def test_a_read_only_database_says_so(tmp_path: Path) -> None:
    """Writing to a read-only file is refused with the store's own message."""
    path = tmp_path / "db.sqlite3"
    await (await Store.open(path)).close()  # create it
    path.chmod(0o444)
    readonly = await Store.open(path)
    await readonly.asks.log(AskRecord("q", "decline", 0.1))
    with pytest.raises(StoreUnavailable, match="read-only"):
        await readonly.asks.flush()
    await readonly.db.close()


async def test_a_vanished_data_folder_stops_writes(tmp_path: Path) -> None:
    """When the data folder is deleted under a running store, writes are refused (not lost
    silently in an unlinked file) and the store reports itself unhealthy."""
    folder = tmp_path / "data"
    store = await Store.open(folder / "db.sqlite3")
    assert await store.ping()
    shutil.rmtree(folder)
    assert not await store.ping()
    with pytest.raises(StoreUnavailable, match="gone"):
        await store.audit.write("1", "test", None, {})
    await store.db.close()
