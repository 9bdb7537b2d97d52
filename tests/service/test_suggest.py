"""Autocomplete through the service: index-backed, and off the event loop on a big store."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace

import pytest

from bot.service import BriefingService, asking
from bot.service.views import Audience

GUILD = 4242
PREFIXES = ["pesk", "who is fl", "how many bot", "trump-", "person-", "champagne"]


async def test_keystrokes_find_entries_by_words_and_by_id(briefing: BriefingService) -> None:
    """Typed words and typed ids both find their entries, within Discord's 25."""
    audience = Audience.cli()
    by_words = await briefing.suggest("pesk", audience)
    by_id = await briefing.suggest("person-fl", audience)
    assert by_words and all("peskov" in (e.id + e.question).lower() for e in by_words[:2])
    assert by_id[0].id == "person-flynn"
    assert len(await briefing.suggest("", audience)) == 25


async def test_big_store_keystrokes_run_off_the_loop_with_the_same_results(
    briefing: BriefingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a big store a keystroke runs in the autocomplete thread and finds what it finds inline."""
    audience = Audience.cli()
    inline = [[e.key for e in await briefing.suggest(p, audience)] for p in PREFIXES]
    engine = briefing._engine
    threads: set[str] = set()
    original = engine.suggest

    def spied(*args: object, **kwargs: object) -> object:
        threads.add(threading.current_thread().name)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "suggest", spied)
    monkeypatch.setattr(asking, "KEYSTROKE_THREAD_FROM", 0)
    threaded = [[e.key for e in await briefing.suggest(p, audience)] for p in PREFIXES]
    assert threaded == inline
    assert threads and all(name.startswith("autocomplete") for name in threads)


async def test_keystrokes_beside_moderator_changes_never_fail(
    briefing: BriefingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keystrokes in their thread while a server's entries change: each one answers."""
    monkeypatch.setattr(asking, "KEYSTROKE_THREAD_FROM", 0)
    audience = Audience(GUILD)
    base = next(iter(briefing.view(Audience.cli()).entries.values()))

    async def keystrokes() -> list[int]:
        return [len(await briefing.suggest(p, audience)) for p in PREFIXES * 5]

    async def changes() -> None:
        for n in range(5):
            entry = replace(base, id=f"mod-note-{n}", question=f"what is note number {n}")
            await briefing.add_entry(GUILD, "mod", entry)
            await asyncio.sleep(0)

    counts, _ = await asyncio.gather(keystrokes(), changes())
    assert len(counts) == len(PREFIXES) * 5 and max(counts) > 0
    assert [e.id for e in await briefing.suggest("mod-note", audience)][:5] == [
        f"mod-note-{n}" for n in range(5)
    ]
