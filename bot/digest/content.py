"""What the daily digest says: key points, a quote of the day and yesterday's activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.models import Article, Entry, Evidence
from bot.store.records import Activity


@dataclass(frozen=True)
class Digest:
    """One article's part of a server's daily digest (the activity is the server's)."""

    day: date
    article: Article
    quote: Entry | None
    activity: Activity
    waiting_for_review: int
    new: bool = False  # the article became active here since the last digest: featured once
    notices: tuple[str, ...] = ()  # for moderators: what the files changed under their edits


def quote_of_the_day(entries: list[Entry], day: date) -> Entry | None:
    """Rotates through the quotations in a fixed order: never the same one two days running."""
    quotes = sorted((e for e in entries if e.kind == "quote" and e.evidence), key=lambda e: e.id)
    if not quotes:
        return None
    return quotes[day.toordinal() % len(quotes)]


def build_digest(
    article: Article,
    entries: list[Entry],
    day: date,
    activity: Activity,
    waiting: int,
    *,
    new: bool = False,
    notices: tuple[str, ...] = (),
) -> Digest:
    own = [e for e in entries if e.article_id == article.id]
    return Digest(day, article, quote_of_the_day(own, day), activity, waiting, new, notices)


def quotation(entry: Entry) -> Evidence:
    """The passage of a quote entry that holds the quotation itself (not its context)."""
    return next((e for e in entry.evidence if any(q in e.quote for q in '“"')), entry.evidence[0])
