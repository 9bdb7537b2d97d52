"""A database that refuses writes, as the command line meets it: read-only, locked by another
process, or on a full disk. Each is a real SQLite file refusing (no mocks), and each ends in
one clear line on stderr and a non-zero exit, never a traceback.

Root ignores file permissions, so as root the read-only case runs the command as `nobody`
(setpriv, keeping only the right to read); the full disk is a tiny tmpfs mounted over the data
folder in a private mount namespace (unshare). Where the machine allows neither, the test says
so and is skipped.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, SEEDS

NOBODY = 65534
SETPRIV = [
    "setpriv",
    f"--reuid={NOBODY}",
    f"--regid={NOBODY}",
    "--clear-groups",
    "--inh-caps=+dac_read_search",
    "--ambient-caps=+dac_read_search",
]
# Mount a 1 MiB tmpfs over the data folder, put the database back, fill the rest, then run.
FULL_DISK = (
    'mount -t tmpfs -o size=1m tmpfs "$DATA" && cp "$SAVED" "$DATA/briefbot.sqlite3"'
    ' && { dd if=/dev/zero of="$DATA/filler" bs=4k 2>/dev/null || true; } && exec "$@"'
)
COMMANDS = {
    "ask": ["ask", "who is flynn"],
    "sync": ["sync"],
    "run": ["run"],
}
SAYS = {
    "read-only": "is read-only; check the file's permissions",
    "locked": "is locked by another process",
    "full": "is full; free some space",
}


def _env(site: Path, **more: str) -> dict[str, str]:
    env = {
        **os.environ,
        "BRIEFBOT_DATA_DIR": str(site / "data"),
        "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
        "BRIEFBOT_DATABASE_TIMEOUT_SECONDS": "0.2",
        "DISCORD_TOKEN": "not-a-real-token",
        "PYTHONDONTWRITEBYTECODE": "1",
        **more,
    }
    return env


def briefbot(
    site: Path, args: list[str], prefix: list[str] = (), **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=_env(site, **env),
        cwd=site,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="session")
def synced_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site folder with its database made and synced, once."""
    site = tmp_path_factory.mktemp("synced-site")
    shutil.copytree(KNOWLEDGE, site / "knowledge", ignore=shutil.ignore_patterns("candidates"))
    shutil.copytree(SEEDS, site / "seeds")
    done = briefbot(site, ["sync"])
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture
def site(synced_site: Path, tmp_path: Path) -> Path:
    """A copy of the synced site: in a new place its knowledge counts as changed, so `ask`,
    `sync` and `run` all have something to write when they start."""
    shutil.copytree(synced_site, tmp_path / "site")
    return tmp_path / "site"


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run([*command, "true"], capture_output=True, check=False).returncode == 0
    except OSError:
        return False


@contextmanager
def read_only(site: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    database = site / "data" / "briefbot.sqlite3"
    database.chmod(0o444)
    (site / "data").chmod(0o777)  # -wal and -shm may be made; the database itself is not ours
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None or not _works(SETPRIV):
            pytest.skip("running as root, and setpriv cannot drop to an unprivileged user here")
        prefix = SETPRIV
    yield prefix, {}


@contextmanager
def locked(site: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    holder = sqlite3.connect(site / "data" / "briefbot.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield [], {}
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@contextmanager
def full(site: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    unshare = ["unshare", "--map-root-user", "--mount"]
    if shutil.which("unshare") is None or not _works(
        [*unshare, "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0" && exec "$@"', str(site)]
    ):
        pytest.skip("this machine allows no private tmpfs mount (unshare) to fill a disk")
    saved = site / "saved.sqlite3"
    shutil.copy(site / "data" / "briefbot.sqlite3", saved)
    env = {"DATA": str(site / "data"), "SAVED": str(saved)}
    yield [*unshare, "sh", "-c", FULL_DISK, "sh"], env


FAULTS = {"read-only": read_only, "locked": locked, "full": full}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_database_refusing_writes_is_one_clear_line(site: Path, fault: str, command: str) -> None:
    """ask, sync and run on a read-only, locked or full database: exit 2, one line saying
    which database and why, no traceback."""
    with FAULTS[fault](site) as (prefix, env):
        result = briefbot(site, COMMANDS[command], prefix, **env)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefbot: ") and SAYS[fault] in lines[0]
    assert str(site / "data" / "briefbot.sqlite3") in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_an_answer_is_still_printed_when_only_logging_fails(site: Path) -> None:
    """With the knowledge unchanged, ask on a locked database answers, then says in one line
    that the ask was not logged (exit 2)."""
    briefbot(site, ["sync"])  # nothing left to sync
    with locked(site) as (prefix, env):
        result = briefbot(site, ["ask", "who is flynn"], prefix, **env)
    assert "National Security Advisor" in result.stdout
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("briefbot: answered, but the ask was not logged: the database")
