import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.knowledge.check import CheckedArticle
from bot.store import Store, StoreError
from bot.store.records import QueryRecord


@pytest.fixture
async def store(tmp_path: Path):
    opened = await Store.open(tmp_path / "data" / "briefbot.sqlite3")
    yield opened
    await opened.close()


def _with_entries(article: CheckedArticle, entries) -> CheckedArticle:
    return replace(article, entries=tuple(entries))


async def test_fresh_database_is_migrated_in_wal_mode(store: Store) -> None:
    """A new file gets every numbered migration and WAL journaling."""
    assert await store.schema_version() == 1
    rows = await store._rows("PRAGMA journal_mode")
    assert rows[0][0] == "wal"


async def test_sync_is_idempotent(store: Store, checked) -> None:
    """Syncing the same files twice changes nothing the second time."""
    first = await store.sync(checked)
    assert len(first.added) == len(checked[0].entries)
    history = await store.history(limit=10_000)
    second = await store.sync(checked)
    assert not second.changed
    assert len(await store.history(limit=10_000)) == len(history)


async def test_moderator_work_survives_a_sync(store: Store, checked) -> None:
    """Edits, removals, added entries and taught phrasings outlive a re-sync of changed files."""
    article = checked[0]
    await store.sync(checked)
    edited, removed, untouched = article.entries[0], article.entries[1], article.entries[2]
    await store.edit_entry(replace(edited, answer="A moderator's answer."), actor="42")
    await store.remove_entry(removed.id, actor="42")
    await store.add_phrasing(untouched.id, "a phrasing a moderator taught", actor="42")
    extra = replace(untouched, id="moderator-entry", alternates=("x y z", "y z", "z z"))
    await store.add_entry(extra, actor="42")

    changed_files = [
        replace(e, answer=e.answer + " (file revision)") for e in article.entries[:3]
    ] + list(article.entries[3:])
    report = await store.sync([_with_entries(article, changed_files)])

    assert (await store.entry(edited.id)).answer == "A moderator's answer."
    assert await store.entry(removed.id) is None
    refreshed = await store.entry(untouched.id)
    assert refreshed.answer.endswith("(file revision)")
    assert "a phrasing a moderator taught" in refreshed.alternates
    assert await store.entry("moderator-entry") is not None
    assert report.updated == [untouched.id]


async def test_entries_dropped_from_files_leave_the_store(store: Store, checked) -> None:
    """A file entry deleted from knowledge/ is removed on the next sync."""
    article = checked[0]
    await store.sync(checked)
    report = await store.sync([_with_entries(article, article.entries[1:])])
    assert report.removed == [article.entries[0].id]
    assert await store.entry(article.entries[0].id) is None


async def test_declined_questions_queue_and_count(store: Store) -> None:
    """A declined ask lands in the review queue; asking again counts, not duplicates."""
    for text in ["When was Peskov born?", "when was peskov born", "What is the capital?"]:
        await store.log_query(QueryRecord(text, answered=False, confidence=0.2))
    await store.log_query(QueryRecord("who is flynn", True, 0.9, "person-flynn"))
    queue = await store.review_queue()
    assert (queue[0].question, queue[0].times_asked) == ("When was Peskov born?", 2)
    assert await store.review_count() == 2


async def test_teach_moves_a_queued_question_onto_an_entry(store: Store, checked) -> None:
    """Teaching adds the phrasing and clears the question from the queue, with an audit."""
    await store.sync(checked)
    await store.log_query(QueryRecord("who is the kremlin voice", False, 0.3))
    await store.teach("who is the kremlin voice", "person-peskov", actor="7")
    assert "who is the kremlin voice" in (await store.entry("person-peskov")).alternates
    assert await store.review_count() == 0
    assert (await store.history("person-peskov"))[0].action == "teach"


async def test_feedback_is_one_vote_per_user(store: Store) -> None:
    """A user's second click replaces the first; unknown asks are refused."""
    query_id = await store.log_query(QueryRecord("who is flynn", True, 0.9, "person-flynn"))
    assert await store.record_feedback(query_id, 5, helpful=True)
    assert await store.record_feedback(query_id, 5, helpful=False)
    stats = await store.stats()
    assert (stats["helpful"], stats["not_helpful"]) == (0, 1)
    assert not await store.record_feedback(query_id + 100, 5, helpful=True)


async def test_digest_claim_holds_across_a_restart(tmp_path: Path) -> None:
    """A day's digest can be claimed once, even by a restarted process."""
    path = tmp_path / "db.sqlite3"
    first = await Store.open(path)
    assert await first.claim_digest(1, "2026-11-24", channel_id=9)
    await first.close()
    second = await Store.open(path)
    assert not await second.claim_digest(1, "2026-11-24", channel_id=9)
    assert await second.claim_digest(1, "2026-11-25", channel_id=9)
    await second.close()


async def test_a_failed_import_changes_nothing(store: Store, checked) -> None:
    """An import that fails half-way is rolled back whole."""
    await store.sync(checked)
    good = replace(checked[0].entries[0], answer="Imported answer.")
    orphan = replace(checked[0].entries[1], id="orphan", article_id="no-such-article")
    with pytest.raises(sqlite3.IntegrityError):
        await store.apply_import([good, orphan], actor="1")
    assert (await store.entry(good.id)).answer == checked[0].entries[0].answer


async def test_activity_counts_one_guild_and_window(store: Store) -> None:
    """Activity covers one guild and a time window, with the top questions."""
    for text in ["who is flynn", "Who is Flynn", "who is peskov"]:
        await store.log_query(QueryRecord(text, True, 0.9, "x", "slash", guild_id=1))
    await store.log_query(QueryRecord("elsewhere", False, 0.1, None, "slash", guild_id=2))
    now = datetime.now(UTC)
    activity = await store.activity(1, now - timedelta(hours=1), now + timedelta(hours=1))
    assert (activity.asked, activity.answered) == (3, 3)
    assert activity.top_questions[0] == ("who is flynn", 2)


async def test_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    """A file that is not a database gives a StoreError naming it."""
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable briefbot database"):
        await Store.open(path)
