"""What one server sees of the store, and whose aliases apply where."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.engine.index import Index

EntryKey = tuple[str, str]  # (article_id, entry_id): ids are unique only within an article

AliasTable = Mapping[str, Iterable[str]]  # canonical term -> what users type instead


@dataclass(frozen=True)
class View:
    """A server's window on the base index.

    `articles`: the server's active articles (None = all); `hidden`: base entries the server removed
    or replaced by its own edit; `overlay`: a small index of the server's own entries, built with
    `Index.overlay(...)` on the base so that its scores are comparable.
    """

    articles: frozenset[str] | None = None
    hidden: frozenset[EntryKey] = frozenset()
    overlay: Index | None = field(default=None, compare=False, hash=False)

    def shows(self, article_id: str) -> bool:
        return self.articles is None or article_id in self.articles


ALL = View()


@dataclass(frozen=True)
class AliasBook:
    """Global aliases apply to every entry; an article's own only when scoring that article."""

    global_: dict[str, tuple[str, ...]] = field(default_factory=dict)
    per_article: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def of(cls, aliases: AliasBook | Mapping[str, Any] | None) -> AliasBook:
        """Accepts a book, `{global: ..., per_article: ...}`, or a flat table (all global)."""
        if aliases is None:
            return cls()
        if isinstance(aliases, AliasBook):
            return aliases
        if set(aliases) <= {"global", "per_article"} and aliases:
            return cls(
                _table(aliases.get("global") or {}),
                {a: _table(t) for a, t in sorted((aliases.get("per_article") or {}).items())},
            )
        return cls(_table(aliases))

    def identity(self) -> str:
        """A stable text naming every alias, for keying caches of analysed text."""
        parts = [repr(sorted(self.global_.items()))]
        parts += [f"{a}:{sorted(t.items())!r}" for a, t in sorted(self.per_article.items())]
        return "\n".join(parts)


def _table(table: AliasTable) -> dict[str, tuple[str, ...]]:
    return {str(k): tuple(str(v) for v in vs) for k, vs in sorted(table.items())}
