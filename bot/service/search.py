"""The engine the views answer from: one base index over every served base entry (all live
articles), and per server a small overlay of its own entries sharing the base's scale.

A view is the base seen through a mask (the audience's active articles, the base entries the
server removed or replaced) plus that server's overlay; nothing is rebuilt for a server's change
but its overlay, and a change of the base is applied to the index in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from bot.engine import Engine
from bot.engine.semantic import SemanticModel
from bot.engine.view import AliasBook
from bot.engine.view import View as EngineView
from bot.models import Article, Entry, EntryKey


def alias_book(articles: Mapping[str, Article], shared: Mapping[str, tuple[str, ...]]) -> AliasBook:
    """knowledge/aliases.yaml for every article; each file's own aliases for its own."""
    return AliasBook.of(
        {
            "global": dict(shared),
            "per_article": {a.id: dict(a.aliases) for a in articles.values() if a.aliases},
        }
    )


def build_engine(
    entries: Mapping[EntryKey, Entry],
    aliases: AliasBook,
    *,
    model: str | None,
    dimensions: int | None,
    folder: Path | None,
    warm: bool = False,
) -> Engine:
    """The base index (seconds on a big store the first time; its snapshot under the data
    folder makes the next start quick)."""
    engine = Engine(
        [entries[k] for k in sorted(entries)],
        aliases,
        model=SemanticModel.load(model, dimensions, cache=folder),
        folder=folder,
    )
    if warm:
        engine.warm()
    return engine


def update_engine(
    engine: Engine, before: Mapping[EntryKey, Entry], after: Mapping[EntryKey, Entry]
) -> int:
    """Bring the index from one set of base entries to another in place; the number changed."""
    changed = [e for k, e in after.items() if before.get(k) != e]
    removed = [k for k in before if k not in after]
    if changed or removed:
        engine.update(changed, removed)
    return len(changed) + len(removed)


def engine_view(
    articles: frozenset[str], hidden: frozenset[EntryKey], overlay: object | None
) -> EngineView:
    return EngineView(articles=articles, hidden=hidden, overlay=overlay)  # type: ignore[arg-type]
