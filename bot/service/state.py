"""The service's picture of the store, kept in memory: articles, the base, each server's
overlay, choices and settings; the base engine and the servers' overlay indexes; and the views
built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.engine import Engine
from bot.engine.view import View as EngineView
from bot.models import Entry, EntryKey
from bot.service.people import People
from bot.service.search import engine_view
from bot.service.views import Audience, View, active_articles, build_view
from bot.store.precedence import server_view
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
    engine: Engine | None = None
    # A server's own entries indexed on the base's scale, and the base entries they hide.
    overlay_indexes: dict[int, tuple[Any, frozenset[EntryKey]]] = field(default_factory=dict)
    views: dict[Audience, View] = field(default_factory=dict)
    engine_views: dict[Audience, EngineView] = field(default_factory=dict)
    peoples: dict[Audience, People] = field(default_factory=dict)

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
            index, hidden = self._overlay_index(guild)
            self.views[audience] = found
            self.engine_views[audience] = engine_view(frozenset(found.articles), hidden, index)
        return found

    def _overlay_index(self, guild: int | None) -> tuple[Any, frozenset[EntryKey]]:
        """The server's own entries as an index (None when it has none) and what they hide."""
        overlay = self.overlays.get(guild) if guild is not None else None
        if guild is None or overlay is None or overlay.empty or self.engine is None:
            return None, frozenset()
        found = self.overlay_indexes.get(guild)
        if found is None:
            own, hidden = server_view(self.base, overlay)
            found = (self.engine.overlay(own) if own else None, hidden)
            self.overlay_indexes[guild] = found
        return found

    def engine_view(self, audience: Audience) -> EngineView:
        """How the engine sees this audience's view (built with it)."""
        found = self.engine_views.get(audience)
        if found is None:
            self.view(audience)
            found = self.engine_views[audience]
        return found

    def people(self, audience: Audience) -> People:
        """Who the entries of this audience's view are about (for follow-ups)."""
        found = self.peoples.get(audience)
        if found is None:
            found = self.peoples[audience] = People(self.view(audience).entries.values())
        return found

    def forget_views(self, guild_id: int | None = None) -> None:
        """Views to build again: one server's (its overlay index too), or (None) every view."""
        if guild_id is None:
            self.views.clear()
            self.engine_views.clear()
            self.peoples.clear()
            self.overlay_indexes.clear()
            return
        self.overlay_indexes.pop(guild_id, None)
        for audience in [a for a in self.views if a.guild_id == guild_id]:
            self.views.pop(audience, None)
            self.engine_views.pop(audience, None)
            self.peoples.pop(audience, None)
