"""Articles: their metadata, their life (added, retired) and the aliases shared by all."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from bot.models import Article
from bot.store.audit import bump, record
from bot.store.codec import Clock, dumps, stamp, time_of
from bot.store.database import Connection, Database, fetch_one
from bot.store.errors import StoreError
from bot.store.records import ArticleRecord


async def upsert(tx: Connection, clock: Clock, article: Article, seed_hash: str | None) -> bool:
    """Write an article's metadata as its file states it; True when it is new. Its first sync
    time and any retirement are the store's own and survive."""
    now = stamp(clock())
    existing = await fetch_one(tx, "SELECT id FROM articles WHERE id = ?", (article.id,))
    await tx.execute(
        "INSERT INTO articles (id, seed, title, summary, key_points, aliases, url, outlet, author,"
        " published, status, seed_hash, added_at, synced_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " seed = excluded.seed, title = excluded.title, summary = excluded.summary,"
        " key_points = excluded.key_points, aliases = excluded.aliases, url = excluded.url,"
        " outlet = excluded.outlet, author = excluded.author, published = excluded.published,"
        " status = excluded.status, seed_hash = excluded.seed_hash,"
        " synced_at = excluded.synced_at",
        (
            article.id,
            article.seed,
            article.title,
            article.summary,
            dumps(list(article.key_points)),
            dumps({k: list(v) for k, v in article.aliases.items()}),
            article.url,
            article.outlet,
            article.author,
            article.published.isoformat() if article.published else None,
            article.status,
            seed_hash,
            now,
            now,
        ),
    )
    return existing is None


async def set_shared_aliases(tx: Connection, aliases: dict[str, tuple[str, ...]]) -> bool:
    """Store knowledge/aliases.yaml; True if it changed."""
    value = dumps({k: list(v) for k, v in sorted(aliases.items())})
    old = await fetch_one(tx, "SELECT value FROM meta WHERE key = 'aliases'")
    if old is not None and old["value"] == value:
        return False
    await tx.execute(
        "INSERT INTO meta (key, value) VALUES ('aliases', ?) ON CONFLICT (key) DO UPDATE"
        " SET value = excluded.value",
        (value,),
    )
    return True


def _article(r: Any) -> ArticleRecord:
    published = r["published"]
    article = Article(
        r["id"],
        r["seed"],
        r["title"],
        r["summary"],
        tuple(json.loads(r["key_points"])),
        {k: tuple(v) for k, v in json.loads(r["aliases"]).items()},
        url=r["url"],
        outlet=r["outlet"],
        author=r["author"],
        published=date.fromisoformat(published) if published else None,
        status=r["status"],
    )
    added = datetime.fromisoformat(r["added_at"])
    return ArticleRecord(article, added, time_of(r["retired_at"]), r["seed_hash"])


class Articles:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def all(self) -> list[ArticleRecord]:
        return [_article(r) for r in await self._db.fetch("SELECT * FROM articles ORDER BY id")]

    async def shared_aliases(self) -> dict[str, tuple[str, ...]]:
        row = await fetch_one(self._db, "SELECT value FROM meta WHERE key = 'aliases'")
        return {k: tuple(v) for k, v in json.loads(row["value"]).items()} if row else {}

    async def retire(self, article_id: str, actor: str, *, undo: bool = False) -> bool:
        """Take an article out of service (or back); its entries, asks and history stay.
        False if it already was in that state."""
        async with self._db.transaction() as tx:
            row = await fetch_one(tx, "SELECT retired_at FROM articles WHERE id = ?", (article_id,))
            if row is None:
                raise StoreError(f"there is no article {article_id!r} in the store")
            if (row["retired_at"] is None) == undo:
                return False
            when = None if undo else stamp(self._clock())
            await tx.execute("UPDATE articles SET retired_at = ? WHERE id = ?", (when, article_id))
            action = "unretire" if undo else "retire"
            await record(tx, self._clock, actor, action, None, None, None, {"article": article_id})
            await bump(tx, None)
        return True
