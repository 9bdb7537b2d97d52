"""The service's picture of the store, kept in memory: articles, the base, each server's
overlay, choices and settings, and the views (with their engines) built from them."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine import Engine
from bot.models import Entry, EntryKey
from bot.service.people import People
from bot.service.search import Searcher
from bot.service.views import Audience, View, active_articles, build_view
from bot.store.records import ArticleRecord, BaseRow, GuildSettings, Overlay


@dataclass
class State:
    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    shared_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    base_rows: dict[EntryKey, BaseRow] = field(default_factory=dict)
    # The base entries that may be served (not withdrawn, not withheld).
    base: dict[EntryKey, Entry] = field(default_factory=dict)
    overlays: dict[int, Overlay] = field(default_factory=dict)
    choices: dict[int, dict[str, bool]] = field(default_factory=dict)
    guilds: dict[int, GuildSettings] = field(default_factory=dict)
    views: dict[Audience, View] = field(default_factory=dict)
    engines: dict[Audience, Engine] = field(default_factory=dict)
    peoples: dict[Audience, People] = field(default_factory=dict)
    searcher: Searcher = field(default_factory=lambda: Searcher({}))

    def set_base(self, rows: list[BaseRow]) -> None:
        self.base_rows = {r.entry.key: r for r in rows}
        self.base = {k: r.entry for k, r in self.base_rows.items() if r.served}

    def view(self, audience: Audience) -> View:
        found = self.views.get(audience)
        if found is None:
            guild = audience.guild_id
            articles = active_articles(
                self.articles.values(),
                audience,
                self.guilds.get(guild) if guild is not None else None,
                self.choices.get(guild, {}) if guild is not None else {},
            )
            overlay = self.overlays.get(guild) if guild is not None else None
            found = build_view(audience, articles, self.base, overlay)
            self.views[audience] = found
            self.engines[audience] = self.searcher.engine(found)
        return found

    def engine(self, audience: Audience) -> Engine:
        """The engine over what this audience sees (built with its view)."""
        found = self.engines.get(audience)
        if found is None:
            self.view(audience)
            found = self.engines[audience]
        return found

    def people(self, audience: Audience) -> People:
        """Who the entries of this audience's view are about (for follow-ups)."""
        found = self.peoples.get(audience)
        if found is None:
            found = self.peoples[audience] = People(self.view(audience).entries.values())
        return found

    def forget_views(self, guild_id: int | None = None) -> None:
        """Views to build again: one server's, or (None) every view."""
        if guild_id is None:
            self.views.clear()
            self.engines.clear()
            self.peoples.clear()
        else:
            self.views.pop(Audience(guild_id), None)
            self.engines.pop(Audience(guild_id), None)
            self.peoples.pop(Audience(guild_id), None)
