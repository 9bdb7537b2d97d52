"""Small digests for the unit tests: an article, quote entries and some activity."""

from __future__ import annotations

from datetime import date

from bot.digest.content import Digest
from bot.models import Article, Entry, Evidence
from bot.store.records import Activity

DAY = date(2026, 11, 24)


def article(
    article_id: str = "a", title: str = "An Article", key_points: tuple[str, ...] = ("One.",)
) -> Article:
    return Article(article_id, "seed.txt", title, "Summary.", key_points)


def quote(
    entry_id: str, article_id: str = "a", passages: tuple[str, ...] = ("“Words,” he said.",)
) -> Entry:
    evidence = tuple(Evidence("seed.txt", p, 0, len(p)) for p in passages)
    return Entry(entry_id, article_id, "quote", f"Who said {entry_id}?", (), "He did.", evidence)


def fact(entry_id: str, article_id: str = "a") -> Entry:
    evidence = (Evidence("seed.txt", "A fact.", 0, 7),)
    return Entry(entry_id, article_id, "fact", f"What is {entry_id}?", (), "A fact.", evidence)


def digest(
    *,
    source: Article | None = None,
    top: list[tuple[str, int]] | None = None,
    asked: int = 0,
    answered: int = 0,
    quoted: Entry | None = None,
    waiting: int = 0,
) -> Digest:
    top = top or []
    asked = asked or sum(n for _, n in top)
    return Digest(DAY, source or article(), quoted, Activity(asked, answered, top), waiting)
