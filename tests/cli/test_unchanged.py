"""`briefbot ask` on an unchanged site folder answers from what the first call saved (nothing
checked, synced or indexed again), and notices whatever did change: a knowledge file, a new
phrasing in it, or the store changed by another command."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

QUESTION = "who is peskov"


def ask(site: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
    env["BRIEFBOT_HOME"] = str(site)
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode in (0, 2), done.stderr
    return json.loads(done.stdout) if "--json" in args else {}


def saved(site: Path) -> tuple[object, ...]:
    """The engine's files as written, and the store's change counter."""
    engine = sorted((p.name, p.stat().st_mtime_ns) for p in (site / "data" / "engine").iterdir())
    with sqlite3.connect(site / "data" / "briefbot.sqlite3") as db:
        version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return tuple(engine), version


@pytest.fixture
def site(knowledge_copy: Path) -> Path:
    """A site folder of its own, asked once (its first start syncs, indexes, stores the model)."""
    assert ask(knowledge_copy, "ask", QUESTION, "--json")["entry_id"] == "person-peskov"
    return knowledge_copy


def test_an_unchanged_site_is_answered_from_what_was_saved(site: Path) -> None:
    """The same answer again, and no engine file or store counter moved."""
    before = saved(site)
    assert ask(site, "ask", QUESTION, "--json")["entry_id"] == "person-peskov"
    assert saved(site) == before


@pytest.mark.parametrize("change", ["answer edited", "phrasing added", "article retired"])
def test_a_change_since_the_last_call_is_noticed(site: Path, change: str) -> None:
    """An edited file, a new phrasing with a word the index never saw, another command's write."""
    question = QUESTION
    knowledge = site / "knowledge" / "trump-russia.yaml"
    text = knowledge.read_text(encoding="utf-8")
    if change == "answer edited":
        old = "which quotes him twice."
        assert old in text
        knowledge.write_text(text.replace(old, "which quotes him twice (edited)."), "utf-8")
    elif change == "phrasing added":
        old = "      - who handles the kremlins press\n"
        assert old in text
        question = "who is the zeppelinmeister"
        knowledge.write_text(text.replace(old, old + f"      - {question}\n"), encoding="utf-8")
    else:
        ask(site, "retire", "trump-russia")
    answer = ask(site, "ask", question, "--json")
    if change == "answer edited":
        assert answer["answer"].endswith("which quotes him twice (edited).")
    elif change == "phrasing added":
        assert answer["entry_id"] == "person-peskov"
    else:
        assert answer["entry_id"] is None
