"""BRIEFBOT_DATABASE_URL through the real `briefbot` command: a SQLite URL, a PostgreSQL one, and
the one line a wrong one gets, which never shows the password."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from bot.store import Store
from tests.cli.test_cli import run
from tests.postgres import fresh_schema, postgresql


def test_a_sqlite_url_puts_the_store_where_it_says(tmp_path: Path) -> None:
    """sqlite:///PATH is relative to the site folder; nothing goes to the default file."""
    result = run(tmp_path, "ask", "who is flynn", BRIEFBOT_DATABASE_URL="sqlite:///db/b.sqlite3")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "db" / "b.sqlite3").is_file()
    assert not (tmp_path / "data" / "briefbot.sqlite3").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "says"),
    [
        (
            "postgresql://ann:pw-4711@127.0.0.1:{port}/briefbot",
            "cannot reach the PostgreSQL database briefbot on 127.0.0.1:{port}: connection refused",
        ),
        ("mysql://ann:pw-4711@db/briefbot", "setting BRIEFBOT_DATABASE_URL: must be sqlite:///"),
    ],
)
def test_a_url_that_does_not_work_is_one_line_without_the_password(
    tmp_path: Path, url: str, says: str
) -> None:
    """Exit 2 and one line saying why; the password appears nowhere."""
    port = _free_port()
    result = run(tmp_path, "ask", "who is flynn", BRIEFBOT_DATABASE_URL=url.format(port=port))
    assert result.returncode == 2
    assert result.stderr.startswith("briefbot: ") and result.stderr.count("\n") == 1
    assert says.format(port=port) in result.stderr
    assert "pw-4711" not in result.stdout + result.stderr


@postgresql
async def test_the_command_line_works_on_postgresql(tmp_path: Path) -> None:
    """sync names the database (not its URL), ask answers and logs the ask there."""
    async with fresh_schema() as url:
        synced = run(tmp_path, "sync", BRIEFBOT_DATABASE_URL=url)
        assert synced.returncode == 0, synced.stderr
        assert "into the PostgreSQL database" in synced.stdout and "://" not in synced.stdout
        asked = run(tmp_path, "ask", "who is flynn", BRIEFBOT_DATABASE_URL=url)
        assert "National Security Advisor" in asked.stdout
        store = await Store.connect(url)
        assert (await store.asks.stats(None))["answered"] == 1
        await store.close()
