"""Work the gate would otherwise repeat: once per question for every entry it checks, and once
per index for every question that reaches the same text.

Both keep only pure results (the same inputs always give the same value); callers must not
change what they get back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # ranking uses the index memo too
    from bot.engine.index import Index
    from bot.engine.ranking import Prepared

T = TypeVar("T")
# An index's kept results, at most (a body's words and stems are a few kB): past it they are
# dropped and made again as needed, so a long-running bot on a large store stays within ~10 MB.
_KEPT = 2048


def per_question(prepared: Prepared, key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """`make()` for this question, worked out for the first entry checked and reused."""
    memo = prepared.memo
    if key in memo:
        value: T = memo[key]
        return value
    value = memo[key] = make()
    return value


def per_index(index: Index, key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """`make()` for what the key names in this index (a position's entry never changes, so a
    position's texts are a key)."""
    memo = index.memo
    if key in memo:
        value: T = memo[key]
        return value
    if len(memo) >= _KEPT:
        memo.clear()
    value = memo[key] = make()
    return value
