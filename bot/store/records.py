"""Records the store hands out, besides the shared `bot.models` ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.models import Article, Entry, EntryKey

# Where a change or a question belongs: a server's id, or None for the shared base (the files,
# the bot's owner, direct messages and the command line).
Scope = int | None


@dataclass(frozen=True)
class AskRecord:
    question: str
    reply: str  # answer, suggest, decline, help, about, refused
    confidence: float
    key: EntryKey | None = None
    source: str = "cli"
    guild_id: int | None = None
    channel_id: int | None = None
    user_id: int | None = None
    suggestions: tuple[EntryKey, ...] = ()

    @property
    def answered(self) -> bool:
        return self.reply == "answer"


@dataclass(frozen=True)
class LoggedAsk:
    id: int
    record: AskRecord
    asked_at: datetime


@dataclass(frozen=True)
class QueueItem:
    key: str
    question: str
    times_asked: int
    last_asked: datetime


@dataclass(frozen=True)
class Proposal:
    """Members who clicked a suggestion for a question: they meant that entry."""

    question_key: str
    question: str
    key: EntryKey
    members: int


@dataclass(frozen=True)
class Flag:
    """An answer members marked Not helpful: the question and entry, for review."""

    question: str
    key: EntryKey
    members: int


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
    article_id: str | None = None


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
    joined_at: datetime | None = None
    left_at: datetime | None = None
    # The change counter at this server's last overlay or settings change (any process's).
    version: int = 0


@dataclass(frozen=True)
class ArticleRecord:
    article: Article
    added_at: datetime
    retired_at: datetime | None = None
    seed_hash: str | None = None

    @property
    def live(self) -> bool:
        return self.retired_at is None


@dataclass(frozen=True, slots=True)
class BaseRow:
    """A base entry as stored: the entry and what the sync needs to know about it."""

    entry: Entry
    origin: str  # file, or owner (the bot's owner imported it)
    file_hash: str | None
    withheld: str | None = None
    removed: bool = False

    @property
    def served(self) -> bool:
        return not self.removed and self.withheld is None


@dataclass(frozen=True)
class ServerEntry:
    """A server's own version of an entry: added there, or a base entry edited or removed."""

    guild_id: int
    key: EntryKey
    origin: str  # added or edited
    entry: Entry | None  # None for a base entry that was only removed
    removed: bool
    edited_by: str
    edited_at: datetime
    base_hash: str | None = None
    noticed_hash: str | None = None
    withheld: str | None = None


@dataclass(frozen=True)
class Overlay:
    """Everything one server changed: its entries and the phrasings it taught."""

    guild_id: int
    entries: dict[EntryKey, ServerEntry] = field(default_factory=dict)
    phrasings: dict[EntryKey, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.entries and not self.phrasings


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_moderator: list[str] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    servers_told: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.withheld)

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.removed)} removed",
        ]
        if self.kept_moderator:
            parts.append(f"{len(self.kept_moderator)} kept as the owner left them")
        if self.withheld:
            parts.append(f"{len(self.withheld)} withheld (evidence no longer in the article)")
        if self.servers_told:
            parts.append(f"{self.servers_told} server edit(s) now differ from the files")
        return ", ".join(parts)


@dataclass(frozen=True)
class DigestRecord:
    guild_id: int
    local_date: str
    status: str
    channel_id: int | None
    message_id: int | None
    detail: str | None
    nonce: str | None = None
