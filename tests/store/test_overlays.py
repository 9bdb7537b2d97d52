"""Each server's own changes: stored apart, applied only to that server's view."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.models import Entry
from bot.store import Store, StoreError
from bot.store.entries import base_hash_of
from bot.store.precedence import server_view
from tests.store.conftest import sync


async def _base(store: Store) -> dict:
    return {r.entry.key: r.entry for r in await store.entries.base_rows() if r.served}


async def test_each_kind_of_change_stays_in_its_server(store: Store, checked) -> None:
    """An add, an edit, a removal and a taught phrasing in server 1 change nothing for 2."""
    entries = list(checked[0].entries)
    await sync(store, checked)
    rows = {r.entry.key: r for r in await store.entries.base_rows()}
    added = Entry(
        "mod-who-is-flynn-really",
        "trump-russia",
        "person",
        "Who is Flynn really?",
        (),
        "A note.",
        (),
    )
    await store.entries.add(1, added, "11")
    edited = replace(entries[0], answer="Server one's answer.")
    await store.entries.edit(1, entries[0], edited, "11", base_hash_of(rows[entries[0].key]))
    assert await store.entries.remove(1, entries[1], "11")
    await store.entries.add_phrasing(1, entries[2], "a phrasing taught here", "alias", "11")

    base = await _base(store)
    own, hidden = server_view(base, await store.entries.overlay(1))
    by_key = {e.key: e for e in own}
    assert by_key[added.key].answer == "A note."
    assert by_key[entries[0].key].answer == "Server one's answer."
    assert entries[1].key in hidden and entries[1].key not in by_key
    assert "a phrasing taught here" in by_key[entries[2].key].alternates

    other, other_hidden = server_view(base, await store.entries.overlay(2))
    assert other == [] and other_hidden == frozenset()
    assert base[entries[0].key].answer == entries[0].answer  # the base is untouched


async def test_ids_are_never_reused_in_a_server(store: Store, checked) -> None:
    """A removed added entry keeps its id taken; another server may use the same slug."""
    await sync(store, checked)
    added = Entry("mod-x", "trump-russia", "background", "X?", (), "Y.", ())
    await store.entries.add(1, added, "11")
    await store.entries.remove(1, added, "11")
    assert "mod-x" in await store.entries.ids_taken(1, "trump-russia")
    with pytest.raises(StoreError, match="already exists"):
        await store.entries.add(1, added, "11")
    await store.entries.add(2, added, "22")  # server 2's own namespace
    assert "mod-x" not in await store.entries.ids_taken(3, "trump-russia")


async def test_removing_twice_is_refused(store: Store, checked) -> None:
    """The second removal of the same entry in a server reports that nothing changed."""
    await sync(store, checked)
    entry = checked[0].entries[0]
    assert await store.entries.remove(1, entry, "11")
    assert not await store.entries.remove(1, entry, "11")
    assert await store.entries.remove(2, entry, "22")


async def test_a_failed_import_changes_nothing(store: Store, checked) -> None:
    """An import that fails half-way is rolled back whole."""
    await sync(store, checked)
    entries = checked[0].entries
    good = replace(entries[0], answer="Imported answer.")
    bad = replace(entries[1], kind=None)  # type: ignore[arg-type]  # the NOT NULL refuses it
    with pytest.raises(StoreError):
        await store.entries.import_entries(None, [(entries[0], good), (None, bad)], "1", {})
    base = await _base(store)
    assert base[entries[0].key].answer == entries[0].answer


async def test_forgetting_a_server_leaves_the_others(store: Store, checked) -> None:
    """Purging one server's data removes its overlay, asks and settings only."""
    await sync(store, checked)
    entry = checked[0].entries[0]
    for guild in (1, 2):
        await store.guilds.joined(guild)
        await store.entries.add_phrasing(guild, entry, f"phrasing of {guild}", "alias", "9")
    await store.forget_guild(1)
    assert (await store.entries.overlay(1)).empty
    assert not (await store.entries.overlay(2)).empty
    assert {g.guild_id for g in await store.guilds.all()} == {2}
