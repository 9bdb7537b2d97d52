"""A short memory of each conversation: the last answer a person got in one channel, kept for
a few minutes and for a bounded number of conversations (the least recently used go first).

Only `briefbot chat` and Discord converse; `ask`, `--batch` and reports are context-free.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.models import EntryKey

# Who is talking where: (server or None, channel or None, person or None).
ConversationKey = tuple[int | None, int | None, int | None]
SHOWN_KEPT = 12  # entries already shown in a conversation, so "what else" moves on


@dataclass(frozen=True)
class Turn:
    """What the last reply was about."""

    article_id: str | None
    entry: EntryKey | None = None
    people: tuple[str, ...] = ()  # the person tags of the last answer, its subject first
    shown: tuple[EntryKey, ...] = ()  # entries this conversation has seen, latest first
    at: float = 0.0

    def after(self, entry: EntryKey) -> tuple[EntryKey, ...]:
        """`shown` once `entry` has been shown too."""
        return (entry, *(k for k in self.shown if k != entry))[:SHOWN_KEPT]


@dataclass
class Conversations:
    minutes: float
    now: Callable[[], float]
    max_kept: int = 10_000
    _turns: OrderedDict[ConversationKey, Turn] = field(default_factory=OrderedDict)

    def get(self, key: ConversationKey | None) -> Turn | None:
        """The conversation's last turn, unless it is older than the memory lasts."""
        if key is None:
            return None
        turn = self._turns.get(key)
        if turn is None:
            return None
        if self.now() - turn.at > self.minutes * 60:
            del self._turns[key]
            return None
        return turn

    def remember(self, key: ConversationKey | None, turn: Turn) -> None:
        if key is None:
            return
        self._turns[key] = turn
        self._turns.move_to_end(key)
        while len(self._turns) > self.max_kept:
            self._turns.popitem(last=False)

    def __len__(self) -> int:
        return len(self._turns)
