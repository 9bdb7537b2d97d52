"""A one-server database (schema 1) moves to the per-server schema with every reference intact."""

from __future__ import annotations

import json
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from bot.store import Store
from bot.store.precedence import entry_snapshot, server_view
from tests.store.conftest import sync

A = "trump-russia"
GUILD, OTHER = "100", "200"


def _evidence(quote: str) -> str:
    return json.dumps(
        [{"seed": "s.txt", "quote": quote, "start": 0, "end": len(quote), "section": ""}]
    )


def _v1_database(path: Path, checked) -> None:
    """What an earlier briefbot left: one article, moderators' changes from two servers."""
    schema = resources.files("bot.store.migrations.sqlite").joinpath("001_initial.sql")
    entries = {e.id: e for e in checked[0].entries}
    db = sqlite3.connect(path)
    db.executescript(schema.read_text(encoding="utf-8") + "\nPRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO articles VALUES (?, ?, 'T', 'S', '[]', '{}', '2026-11-01T00:00:00+00:00')",
        (A, checked[0].article.seed),
    )

    def entry(
        entry_id: str,
        origin: str,
        answer: str | None = None,
        edited: bool = False,
        removed: bool = False,
    ) -> None:
        e = entries.get(entry_id)
        db.execute(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?)",
            (
                entry_id,
                A,
                e.kind if e else "person",
                e.question if e else "Who is Flynn really?",
                answer or (e.answer if e else "A note."),
                _evidence(e.evidence[0].quote) if e else "[]",
                origin,
                "hash-v1" if origin == "file" else None,
                "11" if edited else None,
                "2026-11-20T00:00:00+00:00" if edited else None,
                int(removed),
            ),
        )
        for alternate in e.alternates[:3] if e else ():
            db.execute(
                "INSERT INTO phrasings VALUES (?, ?, ?, 'file', NULL, NULL)",
                (entry_id, alternate, alternate.lower()),
            )

    entry("person-flynn", "file")
    db.execute(
        "INSERT INTO phrasings VALUES ('person-flynn', 'the general guy', 'the general guy',"
        " 'moderator', '11', '2026-11-21T00:00:00+00:00')"
    )
    entry("quote-peskov-mutual-trust", "file", "Server 100's answer.", edited=True)
    entry("person-peskov", "file", edited=True, removed=True)
    entry("mod-who-is-flynn-really", "moderator", edited=True)
    audit = [
        (1, "teach", "person-flynn", GUILD),
        (2, "edit", "quote-peskov-mutual-trust", GUILD),
        (3, "remove", "person-peskov", OTHER),
        (4, "add", "mod-who-is-flynn-really", GUILD),
    ]
    for number, action, entry_id, guild in audit:
        db.execute(
            "INSERT INTO audit_log VALUES (?, '2026-11-21T00:00:00+00:00', '11', ?, ?, ?,"
            " NULL, NULL)",
            (number, guild, action, entry_id),
        )
    asks = [
        (1, GUILD, "who is flynn", 1, "person-flynn"),
        (2, GUILD, "the general guy", 0, None),
        (3, OTHER, "when was peskov born", 0, None),
        (4, OTHER, "when was peskov born", 0, None),
    ]
    for number, guild, question, answered, entry_id in asks:
        db.execute(
            "INSERT INTO query_log VALUES (?, '2026-11-21T10:00:00+00:00', ?, '5', '6',"
            " 'slash', ?, ?, ?, 0.5)",
            (number, guild, question, answered, entry_id),
        )
    db.execute(
        "INSERT INTO feedback VALUES (1, '6', 'person-flynn', 1, '2026-11-21T10:01:00+00:00')"
    )
    db.execute(
        "INSERT INTO review_queue VALUES ('the general guy', 'the general guy', 1, 'x', 'x',"
        " 'taught', 'person-flynn')"
    )
    db.execute(
        "INSERT INTO review_queue VALUES ('when was peskov born', 'when was peskov born', 2,"
        " 'x', 'x', 'open', NULL)"
    )
    db.execute(
        "INSERT INTO guild_settings VALUES (?, NULL, '77', '88', '09:00', 'UTC', 1,"
        " '2026-11-02T00:00:00+00:00')",
        (GUILD,),
    )
    db.execute(
        "INSERT INTO digest_log VALUES (?, '2026-11-21', 'sent', '88', '99', NULL,"
        " '2026-11-21T09:00:00+00:00')",
        (GUILD,),
    )
    db.commit()
    db.close()


@pytest.fixture
async def migrated(tmp_path: Path, checked):
    path = tmp_path / "old.sqlite3"
    _v1_database(path, checked)
    store = await Store.open(path)
    yield store
    await store.close()


async def test_references_survive(migrated: Store) -> None:
    """Logged asks, feedback, audit records and digests keep their ids and entries."""
    assert await migrated.schema_version() == 3
    first = await migrated.asks.get(1)
    assert (first["article_id"], first["entry_id"], first["guild_id"]) == (A, "person-flynn", GUILD)
    assert (await migrated.asks.stats(int(GUILD)))["helpful"] == 1
    history = await migrated.audit.history(int(GUILD), limit=10)
    assert {(r.action, r.article_id, r.entry_id) for r in history} >= {
        ("edit", A, "quote-peskov-mutual-trust"),
        ("add", A, "mod-who-is-flynn-really"),
    }
    assert (await migrated.digests.record(int(GUILD), "2026-11-21")).message_id == 99
    assert (
        await migrated.asks.log(
            __import__("bot.store.records", fromlist=["AskRecord"]).AskRecord("x", "decline", 0.1)
        )
        > 4
    )


async def test_moderators_changes_become_their_servers_overlays(migrated: Store) -> None:
    """Edits, additions and phrasings go to the server that made them; a removal too."""
    mine = await migrated.entries.overlay(int(GUILD))
    assert mine.entries[(A, "quote-peskov-mutual-trust")].entry.answer == "Server 100's answer."
    assert mine.entries[(A, "mod-who-is-flynn-really")].origin == "added"
    assert mine.phrasings[(A, "person-flynn")] == ("the general guy",)
    theirs = await migrated.entries.overlay(int(OTHER))
    assert theirs.entries[(A, "person-peskov")].removed
    assert (A, "person-peskov") not in mine.entries


async def test_queue_settings_and_articles_are_per_server(migrated: Store) -> None:
    """The queue is rebuilt per server; settings stay; every old article stays active."""
    assert [i.question for i in await migrated.asks.queue(int(OTHER))] == ["when was peskov born"]
    assert (await migrated.asks.queue(int(OTHER)))[0].times_asked == 2
    assert await migrated.asks.queue(int(GUILD)) == []  # taught there
    settings = await migrated.guilds.get(int(GUILD))
    assert (settings.mod_role_id, settings.digest_channel_id) == (77, 88)
    assert await migrated.guilds.article_choices(int(GUILD)) == {A: True}


async def test_the_next_sync_restores_the_files_in_the_base(migrated: Store, checked) -> None:
    """The base gets the file's version back; the editing server keeps its own."""
    await sync(migrated, checked)
    base = {r.entry.key: r.entry for r in await migrated.entries.base_rows() if r.served}
    original = next(e for e in checked[0].entries if e.id == "quote-peskov-mutual-trust")
    assert entry_snapshot(base[original.key]) == entry_snapshot(original)
    own, hidden = server_view(base, await migrated.entries.overlay(int(GUILD)))
    assert {e.key: e for e in own}[original.key].answer == "Server 100's answer."
    assert original.key in hidden
