"""Finding entries and queued questions from what a moderator types."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.curation.search import entry_choices, find_entries, find_queued, queue_choices
from bot.knowledge.check import CheckedArticle
from bot.models import Entry
from bot.store.records import QueueItem
from bot.text.normalize import phrasing_key


@pytest.fixture(scope="module")
def entries(checked: list[CheckedArticle]) -> tuple[Entry, ...]:
    return checked[0].entries


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("peskov-mutual", "quote-peskov-mutual-trust"),  # part of an id
        ("peskof trust", "quote-peskov-mutual-trust"),  # a typo
        ("champagne", "champagne-bottles"),
        ("obama reset", "obama-reset"),
    ],
)
def test_find_entries_best_first(entries: tuple[Entry, ...], query: str, first: str) -> None:
    """Ids, questions and phrasings match fuzzily; the best match comes first."""
    assert find_entries(entries, query)[0].id == first


@pytest.mark.parametrize(
    ("query", "irrelevant"),
    [
        ("secretary of state", "champagne-bottles"),  # "state" alone, in a long answer
        ("iran deal", "article-argument"),  # "iraq" is one letter from "iran"
        ("nato", "global-survey"),
    ],
)
def test_find_entries_lists_only_relevant_entries(
    entries: tuple[Entry, ...], query: str, irrelevant: str
) -> None:
    """Every word of the query must be in an entry for /qa list to find it."""
    found = [e.id for e in find_entries(entries, query)]
    assert found and irrelevant not in found


def test_find_entries_without_a_query_lists_all_by_id(entries: tuple[Entry, ...]) -> None:
    """An empty query lists every entry in id order."""
    found = find_entries(entries, "  ")
    assert [e.id for e in found] == sorted(e.id for e in entries)


def test_find_entries_leaves_out_what_does_not_match(entries: tuple[Entry, ...]) -> None:
    """Unrelated text matches nothing."""
    assert find_entries(entries, "zzzzqqq") == []


@pytest.mark.parametrize("several", [False, True])
def test_entry_choices_within_discord_limits(entries: tuple[Entry, ...], several: bool) -> None:
    """At most 25 choices, names of at most 100 characters, values that are entry ids."""
    choices = entry_choices(entries, several=several)
    ids = {f"{e.article_id}/{e.id}" for e in entries}
    assert len(choices) == min(25, len(entries)) and all(len(n) <= 100 for n, _ in choices)
    assert all(value in ids for _, value in choices)
    shown = entries[: len(choices)]
    names = [name for name, _ in choices]
    assert all((f"({e.article_id})" in n) == several for e, n in zip(shown, names, strict=True))


def item(question: str, times: int = 1) -> QueueItem:
    return QueueItem(phrasing_key(question), question, times, datetime(2026, 1, 1, tzinfo=UTC))


LONG = "what did the article say about " + "the very long and winding road " * 5
QUEUE = [item("what does juncture mean", 3), item("is it raining in moscow"), item(LONG)]


def test_queue_choices_fit_and_match() -> None:
    """Queued questions are offered with their count; long ones clipped to 100 characters."""
    choices = queue_choices(QUEUE, "")
    assert choices[0] == ("what does juncture mean (×3)", "what does juncture mean")
    assert all(len(name) <= 100 and len(value) <= 100 for name, value in choices)
    assert [v for _, v in queue_choices(QUEUE, "raining")] == ["is it raining in moscow"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("what does juncture mean", "what does juncture mean"),
        ("What does JUNCTURE mean?", "what does juncture mean"),
        (queue_choices(QUEUE, "winding")[0][1], LONG),  # a clipped choice still finds it
        ("what does", None),  # a prefix without the clipping mark is not a pick
        ("never asked", None),
        ("", None),
    ],
)
def test_find_queued(typed: str, expected: str | None) -> None:
    """The queued question picked, by its normalised text or its clipped choice."""
    found = find_queued(typed, QUEUE)
    assert (found.question if found else None) == expected
