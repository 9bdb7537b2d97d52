"""What a crash may lose: a `briefbot chat` killed outright (SIGKILL, no chance to clean up)
right after an answer has lost no answered ask's log row, and none of the curated store; only
an ask being answered at that moment could be lost."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import logged
from tests.conftest import KNOWLEDGE, SEEDS

QUESTIONS = ["who is flynn", "who is peskov", "what did putin say about trust"]


def test_a_killed_chat_has_logged_every_ask_it_answered(tmp_path: Path) -> None:
    """Each ask's row is in the file before its answer is printed."""
    env = {
        **os.environ,
        "BRIEFBOT_DATA_DIR": str(tmp_path / "data"),
        "BRIEFBOT_KNOWLEDGE_DIR": str(KNOWLEDGE),
        "BRIEFBOT_SEEDS_DIR": str(SEEDS),
        "PYTHONUNBUFFERED": "1",
    }
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert chat.stdin is not None and chat.stdout is not None
    try:
        for question in QUESTIONS:
            chat.stdin.write(question + "\n")
            chat.stdin.flush()
            line = chat.stdout.readline()
            while line and not line.startswith("briefbot> "):
                line = chat.stdout.readline()
            assert line, "the chat ended before answering"
    finally:
        chat.kill()
        chat.wait(timeout=30)
    assert [q for q, _ in logged(tmp_path)] == QUESTIONS
    with sqlite3.connect(tmp_path / "data" / "briefbot.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] > 0
