"""Records the store hands out, besides the shared `bot.models` ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class QueryRecord:
    question: str
    answered: bool
    confidence: float
    entry_id: str | None = None
    source: str = "cli"
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None


@dataclass(frozen=True)
class QueueItem:
    key: str
    question: str
    times_asked: int
    last_asked: datetime


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    entry_id: str | None
    before: dict | None
    after: dict | None
    guild_id: int | None = None


@dataclass(frozen=True)
class Activity:
    asked: int
    answered: int
    top_questions: list[tuple[str, int]] = field(default_factory=list)

    @property
    def answered_share(self) -> float:
        return self.answered / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class GuildSettings:
    guild_id: int
    ask_channel_id: int | None = None
    mod_role_id: int | None = None
    digest_channel_id: int | None = None
    digest_time: str | None = None
    digest_tz: str | None = None
    digest_enabled: bool = False


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_moderator: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.removed)} removed",
        ]
        if self.kept_moderator:
            parts.append(f"{len(self.kept_moderator)} kept as moderators left them")
        return ", ".join(parts)


@dataclass(frozen=True)
class DigestRecord:
    guild_id: int
    local_date: str
    status: str
    channel_id: int | None
    message_id: int | None
    detail: str | None
