"""Syncing the knowledge files into the shared base: idempotent, and who wins when."""

from __future__ import annotations

from dataclasses import replace

from bot.store import Store
from bot.store.entries import base_hash_of
from tests.store.conftest import sync


async def test_a_fresh_store_gets_every_migration(store: Store) -> None:
    """A new store gets every numbered migration of its backend, the same version on both."""
    assert await store.schema_version() == 3
    assert await store.version() == 0


async def test_sync_is_idempotent(store: Store, checked) -> None:
    """Syncing the same files twice changes nothing the second time (no audit rows either)."""
    first = await sync(store, checked)
    assert len(first.added) == len(checked[0].entries)
    history = await store.audit.history(None, limit=10_000)
    version = await store.version()
    second = await sync(store, checked)
    assert not second.changed
    assert len(await store.audit.history(None, limit=10_000)) == len(history)
    assert await store.version() == version


async def test_file_changes_flow_into_the_base(store: Store, checked) -> None:
    """An entry whose file version changed is updated; a dropped one is withdrawn, not deleted."""
    entries = list(checked[0].entries)
    await sync(store, checked)
    changed = [replace(entries[0], answer=entries[0].answer + " (revised)"), *entries[2:]]
    report = await sync(store, checked, changed)
    assert report.updated == [entries[0].id]
    assert report.removed == [entries[1].id]
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    assert rows[entries[0].key].entry.answer.endswith("(revised)")
    assert rows[entries[1].key].removed and not rows[entries[1].key].served
    again = await sync(store, checked)
    assert entries[1].id in again.updated
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    assert rows[entries[1].key].served


async def test_the_owners_import_outlives_a_file_change(store: Store, checked) -> None:
    """An entry the bot's owner imported keeps the owner's version through syncs."""
    entries = list(checked[0].entries)
    await sync(store, checked)
    owned = replace(entries[0], answer="The owner's answer.")
    await store.entries.import_entries(None, [(entries[0], owned)], "owner", {})
    report = await sync(store, checked, [replace(entries[0], answer="File v2."), *entries[1:]])
    assert report.kept_moderator == [entries[0].id]
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    assert rows[entries[0].key].entry.answer == "The owner's answer."


async def test_an_entry_whose_evidence_left_the_seed_is_withheld(store: Store, checked) -> None:
    """Withheld entries are stored but not served, and listed in the report."""
    entries = list(checked[0].entries)
    await sync(store, checked)
    report = await sync(store, checked, withheld={entries[3].id: "evidence not found"})
    assert report.withheld == [entries[3].id]
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    assert rows[entries[3].key].withheld == "evidence not found"
    assert not rows[entries[3].key].served
    back = await sync(store, checked)
    assert back.updated == [entries[3].id]


async def test_a_server_keeps_its_edit_and_is_told_of_the_file_change(
    store: Store, checked
) -> None:
    """When the files change an entry one server edited, that server keeps its version and an
    audit record in that server says so; other servers just follow the file."""
    entries = list(checked[0].entries)
    await sync(store, checked)
    await store.guilds.joined(1)
    await store.guilds.joined(2)
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    mine = replace(entries[0], answer="Server one's answer.")
    await store.entries.edit(1, entries[0], mine, "11", base_hash_of(rows[entries[0].key]))
    report = await sync(store, checked, [replace(entries[0], answer="File v2."), *entries[1:]])
    assert report.servers_told == 1
    overlay = await store.entries.overlay(1)
    assert overlay.entries[entries[0].key].entry.answer == "Server one's answer."
    notes = [r.action for r in await store.audit.history(1, limit=20)]
    assert "file-changed" in notes
    assert "file-changed" not in [r.action for r in await store.audit.history(2, limit=20)]
    again = await sync(store, checked, [replace(entries[0], answer="File v2."), *entries[1:]])
    assert again.servers_told == 0  # told once per file version
