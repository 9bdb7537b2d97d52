"""What a server sees: its active articles, its removals and edits, its own entries, and aliases
that belong to one article only."""

import pytest

from bot.engine import AliasBook, Engine, View
from bot.models import Entry, Evidence


def entry(article: str, entry_id: str, kind: str, question: str, *alternates: str) -> Entry:
    evidence = (Evidence(f"{article}.txt", question, 0, len(question)),)
    return Entry(entry_id, article, kind, question, alternates, question, evidence)


ENTRIES = [
    entry("kremlin", "person-peskov", "person", "Who is Dmitry Peskov?", "peskov"),
    entry("kremlin", "trust", "quote", "Who said trust takes years?", "trust takes years"),
    entry("whitehouse", "person-spicer", "person", "Who is the press secretary?", "spicer"),
    entry("whitehouse", "briefing", "event", "What happened at the briefing?", "briefing room"),
    entry("whitehouse", "trust", "event", "Did the press trust the briefing?", "press trust"),
]
ALIASES = {
    "global": {"press secretary": ["spokesman", "spokesperson"]},
    "per_article": {"kremlin": {"peskov": ["spokesman", "kremlin spokesman"]}},
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ENTRIES, ALIASES)


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        (frozenset({"kremlin"}), ("kremlin", "person-peskov")),
        (frozenset({"whitehouse"}), ("whitehouse", "person-spicer")),
    ],
)
def test_an_articles_aliases_apply_only_to_its_entries(
    engine: Engine, articles: frozenset[str], expected: tuple[str, str]
) -> None:
    """'spokesman' is Peskov in the Kremlin article and the press secretary everywhere else."""
    result = engine.answer("who is the spokesman", View(articles=articles))
    assert result.key == expected


def test_ids_are_unique_only_within_an_article(engine: Engine) -> None:
    """Two articles may use the same id; the key tells them apart."""
    assert engine.entry(("kremlin", "trust")).question == "Who said trust takes years?"  # type: ignore[union-attr]
    assert engine.entry(("whitehouse", "trust")).kind == "event"  # type: ignore[union-attr]


def test_inactive_articles_and_hidden_entries_are_never_answered(engine: Engine) -> None:
    """A server's removed entry and its inactive articles are invisible to its questions."""
    assert engine.answer("who is peskov").key == ("kremlin", "person-peskov")
    hidden = View(hidden=frozenset({("kremlin", "person-peskov")}))
    assert engine.answer("who is peskov", hidden).key != ("kremlin", "person-peskov")
    assert engine.entry(("kremlin", "person-peskov"), hidden) is None
    other = View(articles=frozenset({"whitehouse"}))
    ranked = engine.rank("who is peskov", other) or []
    assert all(c.article_id == "whitehouse" for c in ranked)


def test_a_servers_own_entry_is_answered_and_scored_like_a_base_one(engine: Engine) -> None:
    """An overlay entry is found, and scores exactly as the same entry would in the base."""
    mine = entry("kremlin", "mod-banquet", "event", "Who threw the banquet?", "banquet")
    view = View(overlay=engine.overlay([mine]))
    result = engine.answer("who threw the banquet", view)
    assert result.key == ("kremlin", "mod-banquet")
    assert engine.answer("who threw the banquet").key is None  # other servers never see it
    both = Engine([*ENTRIES, mine], ALIASES).answer("who threw the banquet")
    assert both.confidence == pytest.approx(result.confidence, abs=0.02)


def test_an_edit_replaces_the_base_entry_for_that_server_only(engine: Engine) -> None:
    """A server's edit hides the base entry and answers with its own version."""
    edited = entry("kremlin", "person-peskov", "person", "Who is Peskov, Putin's press man?")
    view = View(hidden=frozenset({edited.key}), overlay=engine.overlay([edited]))
    found = engine.entry(edited.key, view)
    assert found is not None and found.question == edited.question
    assert engine.entry(edited.key).question == "Who is Dmitry Peskov?"  # type: ignore[union-attr]


def test_update_changes_the_base_in_place() -> None:
    """A changed entry replaces the old one, a removed one is gone, the rest is untouched."""
    engine = Engine(ENTRIES, ALIASES)
    before = engine.answer("what happened at the briefing")
    renamed = entry("whitehouse", "briefing", "event", "What happened at the press gaggle?")
    engine.update([renamed], [("kremlin", "trust")])
    assert engine.entry(("kremlin", "trust")) is None
    assert engine.answer("what happened at the press gaggle").key == renamed.key
    assert before.key == renamed.key
    assert len(engine) == len(ENTRIES) - 1


def test_aliases_book_accepts_a_flat_table_as_global() -> None:
    """Old callers pass one merged table: it applies to every article."""
    book = AliasBook.of({"peskov": ["spokesman"]})
    assert book.global_ == {"peskov": ("spokesman",)} and not book.per_article


def test_a_restart_reads_the_saved_index_and_redoes_only_what_changed(tmp_path) -> None:
    """Saved under the data folder, the index comes back with the same answers; an entry edited
    while the bot was down is analysed again, one removed is gone."""
    first = Engine(ENTRIES, ALIASES, folder=tmp_path)
    questions = ["who is the spokesman", "who said trust takes years", "briefing room", "spicer"]
    before = [first.answer(q) for q in questions]
    again = Engine(ENTRIES, ALIASES, folder=tmp_path)
    assert again.reused == len(ENTRIES)
    assert [again.answer(q) for q in questions] == before
    edited = entry("whitehouse", "briefing", "event", "What happened at the press gaggle?")
    changed = [e for e in ENTRIES if e.key not in {edited.key, ("kremlin", "trust")}] + [edited]
    restarted = Engine(changed, ALIASES, folder=tmp_path)
    assert restarted.reused == len(ENTRIES) - 2
    assert restarted.answer("what happened at the press gaggle").key == edited.key
    assert restarted.entry(("kremlin", "trust")) is None
    other_aliases = Engine(ENTRIES, {"peskov": ["spokesman"]}, folder=tmp_path)
    assert other_aliases.reused == 0  # made by another analyzer: not reused


def test_autocomplete_offers_a_servers_own_entries_and_hides_its_removals(engine: Engine) -> None:
    """What one server added is offered to it alone; what it removed is offered to nobody there."""
    mine = entry("kremlin", "mod-zeppelin", "event", "Who rode the zeppelin?", "zeppelin ride")
    view = View(hidden=frozenset({("kremlin", "person-peskov")}), overlay=engine.overlay([mine]))
    assert [c.key for c in engine.suggest("zepp", view)] == [mine.key]
    assert engine.suggest("zepp") == []
    assert ("kremlin", "person-peskov") not in [c.key for c in engine.suggest("pesk", view)]
    assert ("kremlin", "person-peskov") in [c.key for c in engine.suggest("pesk")]
