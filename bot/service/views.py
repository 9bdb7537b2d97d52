"""What one audience sees: a server (its active articles, the base with its own changes), a
direct message (the reviewed articles), or the command line (every article, drafts too)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bot.models import Article, Entry, EntryKey
from bot.store.precedence import server_view
from bot.store.records import ArticleRecord, GuildSettings, Overlay
from bot.text.normalize import phrasing_key


@dataclass(frozen=True)
class Audience:
    """Who is asking. A server sees its own view; outside servers the base is used."""

    guild_id: int | None = None
    drafts: bool = False  # the command line sees draft articles; Discord DMs do not
    article: str | None = None  # asked about one article only (`/ask article:`)

    @classmethod
    def cli(cls) -> Audience:
        return cls(None, drafts=True)


def active_articles(
    articles: Iterable[ArticleRecord],
    audience: Audience,
    settings: GuildSettings | None,
    choices: Mapping[str, bool],
) -> list[Article]:
    """Reviewed articles present when a server joined are active there; newer and draft ones
    only once its moderators turn them on. Retired articles are nowhere."""
    found = []
    for record in articles:
        article = record.article
        if not record.live or audience.article not in (None, article.id):
            continue
        if audience.guild_id is None:
            if audience.drafts or not article.is_draft:
                found.append(article)
            continue
        choice = choices.get(article.id)
        if choice is None:
            joined = settings.joined_at if settings else None
            choice = not article.is_draft and (joined is None or record.added_at <= joined)
        if choice:
            found.append(article)
    return sorted(found, key=lambda a: a.id)


@dataclass(frozen=True)
class View:
    """The entries one audience may be answered from, and the articles they belong to."""

    audience: Audience
    articles: dict[str, Article]
    entries: dict[EntryKey, Entry]
    own: frozenset[EntryKey] = field(default_factory=frozenset)  # the server's own versions
    # A phrasing of the server's own entries (or one its moderators taught) -> its entry: typed
    # exactly, it is answered with that entry, as the moderators meant.
    taught: dict[str, EntryKey] = field(default_factory=dict)

    def entry(self, key: EntryKey) -> Entry | None:
        return self.entries.get(key)

    def by_id(self, entry_id: str) -> list[Entry]:
        """Entries with this id in any active article (ids repeat only across articles)."""
        return [e for key, e in self.entries.items() if key[1] == entry_id]

    def article_of(self, entry: Entry) -> Article | None:
        return self.articles.get(entry.article_id)


def build_view(
    audience: Audience,
    articles: list[Article],
    base: Mapping[EntryKey, Entry],
    overlay: Overlay | None,
) -> View:
    active = {a.id: a for a in articles}
    own: list[Entry] = []
    hidden: frozenset[EntryKey] = frozenset()
    if overlay is not None:
        own, hidden = server_view(base, overlay)
    entries = {k: e for k, e in base.items() if k[0] in active and k not in hidden}
    mine = [e for e in own if e.article_id in active]
    entries |= {e.key: e for e in mine}
    owners: dict[str, set[EntryKey]] = {}
    for entry in mine:
        for phrasing in entry.phrasings:
            owners.setdefault(phrasing_key(phrasing), set()).add(entry.key)
    taught = {k: next(iter(v)) for k, v in owners.items() if k and len(v) == 1}
    return View(audience, active, entries, frozenset(e.key for e in mine), taught)
