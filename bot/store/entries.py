"""Entries: the shared base (synced from knowledge/) and each server's overlay."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.models import Article, Entry, EntryKey, Evidence
from bot.store import articles as article_rows
from bot.store.audit import bump, record
from bot.store.codec import Clock, entry_of, entry_values, stamp, text_id
from bot.store.database import Connection, Database, fetch_one
from bot.store.errors import StoreError
from bot.store.precedence import (
    FileEntry,
    entry_hash,
    entry_snapshot,
    notices,
    plan_base_sync,
    reverify,
)
from bot.store.records import BaseRow, Overlay, ServerEntry, SyncReport
from bot.text.normalize import phrasing_key

# (article id, passage) -> the passage found in that article's current seed, or None.
Locate = Callable[[str, str], Evidence | None]


def _base_row(r: Any) -> BaseRow:
    return BaseRow(entry_of(r), r["origin"], r["file_hash"], r["withheld"], bool(r["removed"]))


def _server_entry(r: Any) -> ServerEntry:
    entry = entry_of(r) if r["question"] is not None else None
    return ServerEntry(
        int(r["guild_id"]),
        (r["article_id"], r["id"]),
        r["origin"],
        entry,
        bool(r["removed"]),
        r["edited_by"],
        datetime.fromisoformat(r["edited_at"]),
        r["base_hash"],
        r["noticed_hash"],
        r["withheld"],
    )


class Entries:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- reading ------------------------------------------------------------------------------

    async def base_rows(self) -> list[BaseRow]:
        rows = await self._db.fetch("SELECT * FROM entries ORDER BY article_id, id")
        return [_base_row(r) for r in rows]

    async def overlay(self, guild_id: int) -> Overlay:
        found = await self._overlays("WHERE guild_id = ?", (str(guild_id),))
        return found.get(guild_id, Overlay(guild_id))

    async def overlays(self) -> dict[int, Overlay]:
        return await self._overlays("", ())

    async def _overlays(self, where: str, params: tuple[Any, ...]) -> dict[int, Overlay]:
        entries: dict[int, dict[EntryKey, ServerEntry]] = {}
        for r in await self._db.fetch(f"SELECT * FROM server_entries {where}", params):
            item = _server_entry(r)
            entries.setdefault(item.guild_id, {})[item.key] = item
        phrasings: dict[int, dict[EntryKey, list[str]]] = {}
        rows = await self._db.fetch(
            f"SELECT guild_id, article_id, entry_id, text FROM server_phrasings {where}"
            " ORDER BY added_at, text",
            params,
        )
        for r in rows:
            by_key = phrasings.setdefault(int(r["guild_id"]), {})
            by_key.setdefault((r["article_id"], r["entry_id"]), []).append(r["text"])
        return {
            guild: Overlay(
                guild,
                entries.get(guild, {}),
                {k: tuple(v) for k, v in phrasings.get(guild, {}).items()},
            )
            for guild in sorted({*entries, *phrasings})
        }

    async def ids_taken(self, guild_id: int, article_id: str) -> set[str]:
        """Every id in use in one article as one server sees it (removed ones too: an id is
        never reused, so an old reference can never point at a new entry)."""
        base = await self._db.fetch("SELECT id FROM entries WHERE article_id = ?", (article_id,))
        own = await self._db.fetch(
            "SELECT id FROM server_entries WHERE guild_id = ? AND article_id = ?",
            (str(guild_id), article_id),
        )
        return {r["id"] for r in base} | {r["id"] for r in own}

    # -- syncing the files into the base ------------------------------------------------------

    async def sync(
        self,
        files: Sequence[tuple[Article, str, Sequence[FileEntry]]],
        shared_aliases: dict[str, tuple[str, ...]],
        actor: str,
        locate: Locate,
    ) -> SyncReport:
        """Bring checked files (article, seed hash, entries) into the base, in one transaction;
        see bot.store.precedence for who wins."""
        async with self._db.transaction() as tx:
            changed = await article_rows.set_shared_aliases(tx, shared_aliases)
            old_seeds = {
                r["id"]: r["seed_hash"]
                for r in await tx.fetch("SELECT id, seed_hash FROM articles")
            }
            for article, seed_hash, _ in files:
                if await article_rows.upsert(tx, self._clock, article, seed_hash):
                    changed = True
            rows = [_base_row(r) for r in await tx.fetch("SELECT * FROM entries")]
            plan = plan_base_sync({a.id: entries for a, _, entries in files}, rows)
            for item in plan.add:
                await self._insert_base(tx, item, "file")
                await record(
                    tx,
                    self._clock,
                    actor,
                    "sync-add",
                    None,
                    item.entry.key,
                    None,
                    entry_snapshot(item.entry),
                )
            for row, item in plan.update:
                await self._write_base(tx, item)
                await record(
                    tx,
                    self._clock,
                    actor,
                    "sync-update",
                    None,
                    item.entry.key,
                    entry_snapshot(row.entry),
                    entry_snapshot(item.entry),
                )
            for row in plan.withdraw:
                await tx.execute(
                    "UPDATE entries SET removed = 1, changed_at = ?"
                    " WHERE article_id = ? AND id = ?",
                    (stamp(self._clock()), *row.entry.key),
                )
                await record(
                    tx,
                    self._clock,
                    actor,
                    "sync-remove",
                    None,
                    row.entry.key,
                    entry_snapshot(row.entry),
                    None,
                )
            overlays = await self._overlays_in(tx)
            told = notices(plan.update, overlays)
            for guild, key, new_hash in told:
                await tx.execute(
                    "UPDATE server_entries SET noticed_hash = ? WHERE guild_id = ?"
                    " AND article_id = ? AND id = ?",
                    (new_hash, str(guild), *key),
                )
                await record(
                    tx,
                    self._clock,
                    "sync",
                    "file-changed",
                    guild,
                    key,
                    None,
                    {"note": "the files changed this entry; this server keeps its own version"},
                )
            reseeded = {a.id for a, h, _ in files if old_seeds.get(a.id, h) != h}
            withheld_servers = await self._reverify_overlays(tx, overlays, reseeded, locate)
            plan.report.servers_told = len(told) + withheld_servers
            if changed or plan.add or plan.update or plan.withdraw or told or withheld_servers:
                await bump(tx, None)
        return plan.report

    async def _overlays_in(self, tx: Connection) -> list[Overlay]:
        found: dict[int, dict[EntryKey, ServerEntry]] = {}
        for r in await tx.fetch("SELECT * FROM server_entries"):
            item = _server_entry(r)
            found.setdefault(item.guild_id, {})[item.key] = item
        return [Overlay(g, e) for g, e in found.items()]

    async def _reverify_overlays(
        self, tx: Connection, overlays: list[Overlay], reseeded: set[str], locate: Locate
    ) -> int:
        """Servers' own entries of an article whose seed changed: evidence found again (offsets
        updated), or the entry withheld there and its moderators told."""
        count = 0
        for overlay in overlays:
            for key, item in overlay.entries.items():
                if key[0] not in reseeded or item.entry is None or item.removed:
                    continue
                entry, reason = reverify(item.entry, lambda p, a=key[0]: locate(a, p))
                if reason == item.withheld and entry == item.entry:
                    continue
                await tx.execute(
                    "UPDATE server_entries SET evidence = ?, withheld = ? WHERE guild_id = ?"
                    " AND article_id = ? AND id = ?",
                    (entry_values(entry)[4], reason, str(overlay.guild_id), *key),
                )
                if reason is not None:
                    count += 1
                    await record(
                        tx,
                        self._clock,
                        "sync",
                        "withheld",
                        overlay.guild_id,
                        key,
                        None,
                        {"note": reason},
                    )
        return count

    async def _insert_base(self, tx: Connection, item: FileEntry, origin: str) -> None:
        entry = item.entry
        await tx.execute(
            "INSERT INTO entries (article_id, id, kind, question, alternates, answer, evidence,"
            " tags, reviewed, origin, file_hash, withheld, changed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.article_id,
                entry.id,
                *entry_values(entry),
                int(entry.reviewed),
                origin,
                item.hash if origin == "file" else None,
                item.withheld,
                stamp(self._clock()),
            ),
        )

    async def _write_base(self, tx: Connection, item: FileEntry, origin: str = "file") -> None:
        entry = item.entry
        await tx.execute(
            "UPDATE entries SET kind = ?, question = ?, alternates = ?, answer = ?, evidence = ?,"
            " tags = ?, reviewed = ?, origin = ?, file_hash = ?, withheld = ?, removed = 0,"
            " changed_at = ? WHERE article_id = ? AND id = ?",
            (
                *entry_values(entry),
                int(entry.reviewed),
                origin,
                item.hash if origin == "file" else None,
                item.withheld,
                stamp(self._clock()),
                entry.article_id,
                entry.id,
            ),
        )

    # -- a server's changes -------------------------------------------------------------------

    async def add(self, guild_id: int, entry: Entry, actor: str) -> None:
        async with self._db.transaction() as tx:
            await self._refuse_taken(tx, guild_id, entry.key)
            await self._upsert_server(tx, guild_id, entry, "added", actor, None)
            await record(
                tx, self._clock, actor, "add", guild_id, entry.key, None, entry_snapshot(entry)
            )
            await bump(tx, guild_id)

    async def edit(
        self, guild_id: int, before: Entry, after: Entry, actor: str, base_hash: str | None
    ) -> None:
        """A server's whole version of an entry; the phrasings it taught are folded into its
        alternates (the form showed them all)."""
        async with self._db.transaction() as tx:
            own = await self._server_row(tx, guild_id, after.key)
            origin = own["origin"] if own is not None else "edited"
            await self._upsert_server(tx, guild_id, after, origin, actor, base_hash)
            await tx.execute(
                "DELETE FROM server_phrasings WHERE guild_id = ? AND article_id = ?"
                " AND entry_id = ?",
                (str(guild_id), *after.key),
            )
            await record(
                tx,
                self._clock,
                actor,
                "edit",
                guild_id,
                after.key,
                entry_snapshot(before),
                entry_snapshot(after),
            )
            await bump(tx, guild_id)

    async def remove(self, guild_id: int, entry: Entry, actor: str) -> bool:
        """Hide an entry in one server; False if it already was hidden there."""
        async with self._db.transaction() as tx:
            own = await self._server_row(tx, guild_id, entry.key)
            if own is not None and own["removed"]:
                return False
            now = stamp(self._clock())
            if own is None:
                await tx.execute(
                    "INSERT INTO server_entries (guild_id, article_id, id, origin, removed,"
                    " edited_by, edited_at) VALUES (?, ?, ?, 'edited', 1, ?, ?)",
                    (str(guild_id), *entry.key, actor, now),
                )
            else:
                await tx.execute(
                    "UPDATE server_entries SET removed = 1, edited_by = ?, edited_at = ?"
                    " WHERE guild_id = ? AND article_id = ? AND id = ?",
                    (actor, now, str(guild_id), *entry.key),
                )
            await record(
                tx, self._clock, actor, "remove", guild_id, entry.key, entry_snapshot(entry), None
            )
            await bump(tx, guild_id)
        return True

    async def add_phrasing(
        self, guild_id: int, before: Entry, text: str, origin: str, actor: str
    ) -> None:
        async with self._db.transaction() as tx:
            await self.add_phrasing_in(tx, guild_id, before, text, origin, actor)

    async def add_phrasing_in(
        self, tx: Connection, guild_id: int, before: Entry, text: str, origin: str, actor: str
    ) -> None:
        """In the caller's transaction (teaching also settles the review queue)."""
        await tx.execute(
            "INSERT INTO server_phrasings (guild_id, article_id, entry_id, key, text, origin,"
            " added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                str(guild_id),
                *before.key,
                phrasing_key(text),
                text,
                origin,
                actor,
                stamp(self._clock()),
            ),
        )
        after = replace(before, alternates=(*before.alternates, text))
        action = "teach" if origin == "teach" else "alias"
        await record(
            tx,
            self._clock,
            actor,
            action,
            guild_id,
            before.key,
            entry_snapshot(before),
            entry_snapshot(after),
        )
        await bump(tx, guild_id)

    async def import_entries(
        self,
        guild_id: int | None,
        entries: Sequence[tuple[Entry | None, Entry]],
        actor: str,
        base_hashes: dict[EntryKey, str | None],
    ) -> None:
        """(entry as seen before or None, new entry) pairs, all at once or not at all: into one
        server's overlay, or (guild None: the bot's owner) into the base."""
        async with self._db.transaction() as tx:
            for before, after in entries:
                if guild_id is None:
                    item = FileEntry(after)
                    if before is None and not await self._base_exists(tx, after.key):
                        await self._insert_base(tx, item, "owner")
                    else:
                        await self._write_base(tx, item, "owner")
                else:
                    own = await self._server_row(tx, guild_id, after.key)
                    origin = (
                        own["origin"]
                        if own is not None
                        else ("edited" if before is not None else "added")
                    )
                    await self._upsert_server(
                        tx, guild_id, after, origin, actor, base_hashes.get(after.key)
                    )
                    await tx.execute(
                        "DELETE FROM server_phrasings WHERE guild_id = ? AND article_id = ?"
                        " AND entry_id = ?",
                        (str(guild_id), *after.key),
                    )
                await record(
                    tx,
                    self._clock,
                    actor,
                    "import",
                    guild_id,
                    after.key,
                    entry_snapshot(before) if before else None,
                    entry_snapshot(after),
                )
            await bump(tx, guild_id)

    async def _base_exists(self, tx: Connection, key: EntryKey) -> bool:
        row = await fetch_one(tx, "SELECT 1 AS x FROM entries WHERE article_id = ? AND id = ?", key)
        return row is not None

    async def _server_row(self, tx: Connection, guild_id: int, key: EntryKey) -> Any | None:
        return await fetch_one(
            tx,
            "SELECT * FROM server_entries WHERE guild_id = ? AND article_id = ? AND id = ?",
            (str(guild_id), *key),
        )

    async def _refuse_taken(self, tx: Connection, guild_id: int, key: EntryKey) -> None:
        if await self._base_exists(tx, key) or await self._server_row(tx, guild_id, key):
            raise StoreError(f"an entry with id {key[1]!r} already exists")

    async def _upsert_server(
        self,
        tx: Connection,
        guild_id: int,
        entry: Entry,
        origin: str,
        actor: str,
        base_hash: str | None,
    ) -> None:
        await tx.execute(
            "INSERT INTO server_entries (guild_id, article_id, id, origin, kind, question,"
            " alternates, answer, evidence, tags, removed, base_hash, noticed_hash, withheld,"
            " edited_by, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, ?, ?)"
            " ON CONFLICT (guild_id, article_id, id) DO UPDATE SET kind = excluded.kind,"
            " question = excluded.question, alternates = excluded.alternates,"
            " answer = excluded.answer, evidence = excluded.evidence, tags = excluded.tags,"
            " removed = 0, withheld = NULL, base_hash = COALESCE(server_entries.base_hash,"
            " excluded.base_hash), noticed_hash = COALESCE(server_entries.noticed_hash,"
            " excluded.noticed_hash), edited_by = excluded.edited_by,"
            " edited_at = excluded.edited_at",
            (
                str(guild_id),
                *entry.key,
                origin,
                *entry_values(entry),
                base_hash,
                base_hash,
                actor,
                stamp(self._clock()),
            ),
        )

    async def purge_guild(self, tx: Connection, guild_id: int) -> None:
        for table in ("server_entries", "server_phrasings"):
            await tx.execute(f"DELETE FROM {table} WHERE guild_id = ?", (text_id(guild_id),))


def base_hash_of(row: BaseRow | None) -> str | None:
    """The version a server's edit starts from: the file's, or the owner's content."""
    if row is None:
        return None
    return row.file_hash or entry_hash(row.entry)
