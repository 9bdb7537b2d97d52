"""Answering within a view.

The engine indexes whatever entries it is given; a view's entries are the base entries of its
active articles with the server's own changes applied, and its aliases are those of its
articles plus the shared ones. Views that see the same entries share one engine. The engine
knows an entry by one id, so it is given `article/id` (ids repeat across articles, and neither
part may hold a slash).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace

from bot.engine import Engine
from bot.models import EntryKey
from bot.service.views import View


def engine_id(key: EntryKey) -> str:
    return f"{key[0]}/{key[1]}"


def key_of(engine_entry_id: str) -> EntryKey:
    article, _, entry = engine_entry_id.partition("/")
    return (article, entry)


def view_aliases(view: View, shared: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {k: list(v) for k, v in shared.items()}
    for article in view.articles.values():
        for canonical, variants in article.aliases.items():
            aliases.setdefault(canonical, []).extend(variants)
    return aliases


# Engines by what they index, shared by every view (and every service in one process) that
# sees the same entries and aliases; the least recently used go first.
_ENGINES: OrderedDict[tuple[object, ...], Engine] = OrderedDict()
_ENGINES_KEPT = 8


class Searcher:
    def __init__(self, shared_aliases: Mapping[str, tuple[str, ...]]) -> None:
        self._shared = shared_aliases

    def engine(self, view: View) -> Engine:
        aliases = view_aliases(view, self._shared)
        key = (
            frozenset(view.entries.values()),
            tuple(sorted((k, tuple(v)) for k, v in aliases.items())),
        )
        engine = _ENGINES.get(key)
        if engine is None:
            entries = [replace(e, id=engine_id(k)) for k, e in view.entries.items()]
            engine = Engine(entries, aliases)
            _ENGINES[key] = engine
            while len(_ENGINES) > _ENGINES_KEPT:
                _ENGINES.popitem(last=False)
        else:
            _ENGINES.move_to_end(key)
        return engine
