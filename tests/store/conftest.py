"""A real store per test on each backend (`location`, in tests/conftest.py: a SQLite file, and
a PostgreSQL schema of its own), and the curated article as sync input."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from bot.knowledge.check import CheckedArticle, resolve_evidence
from bot.models import Entry, Evidence
from bot.store import Store
from bot.store.precedence import FileEntry
from bot.store.records import SyncReport


@pytest.fixture
async def store(location: str | Path) -> AsyncIterator[Store]:
    opened = await Store.connect(location)
    yield opened
    await opened.close()


async def sync(
    store: Store,
    checked: Sequence[CheckedArticle],
    entries: Sequence[Entry] | None = None,
    withheld: dict[str, str] | None = None,
    seed_hash: str | None = None,
) -> SyncReport:
    """Sync one curated article (optionally with other entries) into the base."""
    article = checked[0]
    chosen = article.entries if entries is None else entries
    files = [
        (
            article.article,
            seed_hash or article.seed.sha256,
            [FileEntry(e, (withheld or {}).get(e.id)) for e in chosen],
        )
    ]

    def locate(article_id: str, passage: str) -> Evidence | None:
        return resolve_evidence(article.seed, passage)

    return await store.entries.sync(files, {}, "sync", locate)
