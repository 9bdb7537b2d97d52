"""The bot's log lines: text or JSON, never the token nor a database URL."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from bot.app.logs import configure_logging

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.secret-part_of-the-token"
SECRET_URLS = [
    "postgresql://briefbot:hunter2@db.internal:5432/briefbot",
    'postgres://user:pa"ss@127.0.0.1/db',
    "sqlite:////srv/briefbot/data/briefbot.sqlite3",
]


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Leave the root logger as pytest had it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.mark.parametrize("log_format", ["text", "json"])
@pytest.mark.parametrize("url", SECRET_URLS)
def test_secrets_never_reach_the_log(
    capsys: pytest.CaptureFixture[str], root_logging: None, log_format: str, url: str
) -> None:
    """The token and any database URL are redacted from messages and tracebacks alike."""
    configure_logging("INFO", log_format, [TOKEN])
    log = logging.getLogger("briefbot.test")
    log.info("logged in with %s to %s", TOKEN, url)
    try:
        raise ConnectionError(f"cannot connect to {url}")
    except ConnectionError:
        log.exception("store failed")
    err = capsys.readouterr().err
    assert TOKEN not in err and url not in err and "hunter2" not in err
    assert "[redacted]" in err and "[database URL]" in err
    if log_format == "json":
        lines = [json.loads(line) for line in err.splitlines()]
        assert [line["level"] for line in lines] == ["INFO", "ERROR"]
        assert "ConnectionError" in lines[1]["exc_info"]
