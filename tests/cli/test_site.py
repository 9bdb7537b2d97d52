"""Site folders through the real `briefbot` command: init, finding the folder, .env, --version."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __version__


def briefbot(
    cwd: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """The command with none of this machine's briefbot settings, only `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    clean.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**clean, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def asks_logged(database: Path) -> int:
    if not database.exists():
        return 0
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT COUNT(*) FROM asks").fetchone()[0])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site folder made by `briefbot init`, shared by the tests that only read it."""
    folder = tmp_path_factory.mktemp("site") / "briefing"
    made = briefbot(folder.parent, "init", "briefing")
    assert made.returncode == 0, made.stderr
    return folder


def test_version() -> None:
    """--version names the release."""
    assert briefbot(Path.cwd(), "--version").stdout.strip() == f"briefbot {__version__}"


def test_init_makes_a_site_ready_to_chat(site: Path) -> None:
    """init lays out knowledge/, seeds/ (with the third-party note), data/ and a private .env."""
    assert sorted(p.name for p in (site / "knowledge").iterdir()) == [
        "aliases.yaml",
        "trump-russia.yaml",
    ]
    assert sorted(p.suffix for p in (site / "seeds").iterdir()) == [".md", ".txt"]
    assert (site / "data").is_dir() and (site / ".env").stat().st_mode & 0o077 == 0
    chat = briefbot(site, "chat", "--no-log", stdin="who is flynn\nquit\n")
    assert chat.returncode == 0, chat.stderr
    assert "National Security Advisor" in chat.stdout


@pytest.mark.parametrize("how", ["cwd", "--home", "BRIEFBOT_HOME"])
def test_the_site_folder_is_found_by_name_or_by_being_here(
    site: Path, tmp_path: Path, how: str
) -> None:
    """The current directory, --home or BRIEFBOT_HOME: the ask lands in that site's data/."""
    before = asks_logged(site / "data" / "briefbot.sqlite3")
    if how == "cwd":
        result = briefbot(site, "ask", "who is flynn")
    elif how == "--home":
        result = briefbot(tmp_path, "--home", str(site), "ask", "who is flynn")
    else:
        result = briefbot(tmp_path, "ask", "who is flynn", BRIEFBOT_HOME=str(site))
    assert result.returncode == 0, result.stderr
    assert "National Security Advisor" in result.stdout
    assert asks_logged(site / "data" / "briefbot.sqlite3") == before + 1
    assert list(tmp_path.iterdir()) == []


def test_env_file_is_read_from_the_site_folder(tmp_path: Path) -> None:
    """The site's .env applies even when briefbot runs elsewhere; the environment still wins."""
    site, elsewhere, winner = tmp_path / "site", tmp_path / "elsewhere", tmp_path / "winner"
    assert briefbot(tmp_path, "init", "site").returncode == 0
    (site / ".env").write_text(f"BRIEFBOT_DATA_DIR={elsewhere}\n", encoding="utf-8")
    result = briefbot(tmp_path, "--home", "site", "ask", "who is peskov")
    assert result.returncode == 0, result.stderr
    briefbot(tmp_path, "--home", "site", "ask", "who is bolton", BRIEFBOT_DATA_DIR=str(winner))
    assert asks_logged(elsewhere / "briefbot.sqlite3") == 1
    assert asks_logged(winner / "briefbot.sqlite3") == 1
    assert not (site / "data" / "briefbot.sqlite3").exists()


@pytest.mark.parametrize("command", [["ask", "who is flynn"], ["chat"], ["check"], ["sync"]])
def test_outside_a_site_folder_one_line_says_how_to_make_one(
    tmp_path: Path, command: list[str]
) -> None:
    """No knowledge/ here: one line pointing to `briefbot init`, exit 2, nothing written."""
    result = briefbot(tmp_path, *command)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "briefbot init" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", ["knowledge", "seeds"])
def test_init_never_overwrites_a_site(tmp_path: Path, existing: str) -> None:
    """init into a folder that already has knowledge/ or seeds/ changes nothing."""
    (tmp_path / existing).mkdir()
    result = briefbot(tmp_path, "init")
    assert result.returncode == 2 and "nothing changed" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [existing]


def test_a_bad_setting_is_one_line(tmp_path: Path) -> None:
    """A setting with a wrong value is named in one line, without a traceback."""
    result = briefbot(tmp_path, "check", BRIEFBOT_MAX_QUESTION_CHARS="many")
    assert result.returncode == 2
    assert "BRIEFBOT_MAX_QUESTION_CHARS" in result.stderr and "Traceback" not in result.stderr
