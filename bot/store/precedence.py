"""Who wins when the files, the bot's owner and the servers' moderators all touch an entry.

Pure functions, shared by every database backend:

| situation | result |
|---|---|
| entry only in the files | added to the base |
| base entry nobody changed | follows its file |
| base entry the bot's owner imported | keeps the owner's version |
| entry gone from the files | withdrawn from the base (the row stays, so references hold) |
| evidence no longer in a changed seed | withheld and listed, until the evidence stands again |
| a server edited or removed a base entry | that server keeps its version (if the file |
|                                         | changes, its moderators are told)           |
| a server added an entry or taught one   | only that server sees it; syncs leave it    |
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.models import Entry, EntryKey, Evidence
from bot.store.records import BaseRow, Overlay, SyncReport


def entry_snapshot(entry: Entry) -> dict[str, Any]:
    """An entry as plain data, for the audit log, exports and version hashes."""
    data: dict[str, Any] = {
        "id": entry.id,
        "article_id": entry.article_id,
        "kind": entry.kind,
        "question": entry.question,
        "alternates": list(entry.alternates),
        "answer": entry.answer,
        "evidence": [e.quote for e in entry.evidence],
        "tags": list(entry.tags),
    }
    if not entry.reviewed:  # only then: hashes of reviewed entries stay what they always were
        data["reviewed"] = False
    return data


def entry_hash(entry: Entry) -> str:
    data = json.dumps(entry_snapshot(entry), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


@dataclass(frozen=True)
class FileEntry:
    """An entry as the files state it, and why it cannot be served (if it cannot)."""

    entry: Entry
    withheld: str | None = None

    @property
    def hash(self) -> str:
        return entry_hash(self.entry)


@dataclass
class BasePlan:
    add: list[FileEntry] = field(default_factory=list)
    update: list[tuple[BaseRow, FileEntry]] = field(default_factory=list)
    withdraw: list[BaseRow] = field(default_factory=list)
    report: SyncReport = field(default_factory=SyncReport)


def plan_base_sync(files: Mapping[str, Sequence[FileEntry]], rows: Iterable[BaseRow]) -> BasePlan:
    """What a sync of `files` (article id -> its entries) does to the stored base rows."""
    plan = BasePlan()
    stored = {row.entry.key: row for row in rows}
    in_files: set[EntryKey] = set()
    for entries in files.values():
        for item in entries:
            key = item.entry.key
            in_files.add(key)
            row = stored.get(key)
            if row is None:
                plan.add.append(item)
                plan.report.added.append(item.entry.id)
            elif row.origin == "owner" and not row.removed:
                plan.report.kept_moderator.append(item.entry.id)
            elif row.removed or row.file_hash != item.hash or row.withheld != item.withheld:
                plan.update.append((row, item))
                plan.report.updated.append(item.entry.id)
            if item.withheld is not None and (row is None or row.withheld != item.withheld):
                plan.report.withheld.append(item.entry.id)
    for key, row in sorted(stored.items()):
        if key not in in_files and row.origin == "file" and not row.removed:
            plan.withdraw.append(row)
            plan.report.removed.append(row.entry.id)
    return plan


def notices(
    updated: Iterable[tuple[BaseRow, FileEntry]], overlays: Iterable[Overlay]
) -> list[tuple[int, EntryKey, str]]:
    """(server, entry, new file version) for each server whose own edit of a base entry now
    differs from a changed file: the server keeps its version, its moderators are told once."""
    changed = {item.entry.key: item.hash for _, item in updated}
    found = []
    for overlay in overlays:
        for key, own in overlay.entries.items():
            new_hash = changed.get(key)
            if own.origin == "edited" and new_hash is not None and own.noticed_hash != new_hash:
                found.append((overlay.guild_id, key, new_hash))
    return found


def server_view(
    base: Mapping[EntryKey, Entry], overlay: Overlay
) -> tuple[list[Entry], frozenset[EntryKey]]:
    """A server's own entries (added, edited, or base entries with phrasings it taught) and
    the base entries they hide (removed or replaced there)."""
    own: list[Entry] = []
    hidden: set[EntryKey] = set()
    for key, item in overlay.entries.items():
        if key in base or item.origin == "edited":
            hidden.add(key)
        if item.removed or item.entry is None or item.withheld is not None:
            continue
        own.append(_with_phrasings(item.entry, overlay.phrasings.get(key, ())))
    for key, texts in overlay.phrasings.items():
        if key in overlay.entries or key not in base:
            continue
        hidden.add(key)
        own.append(_with_phrasings(base[key], texts))
    return sorted(own, key=lambda e: e.key), frozenset(hidden)


def _with_phrasings(entry: Entry, extra: Sequence[str]) -> Entry:
    known = set(entry.phrasings)
    more = tuple(t for t in extra if t not in known)
    return replace(entry, alternates=entry.alternates + more) if more else entry


def reverify(entry: Entry, locate: Callable[[str], Evidence | None]) -> tuple[Entry, str | None]:
    """An entry's evidence found again in its article's current seed (offsets may move), or the
    reason it cannot be served any more."""
    found = []
    for evidence in entry.evidence:
        again = locate(evidence.quote)
        if again is None:
            return entry, f"evidence no longer in the article: {evidence.display[:60]!r}"
        found.append(again)
    return replace(entry, evidence=tuple(found)), None
