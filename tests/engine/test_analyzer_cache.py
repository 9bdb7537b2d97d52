"""The analyzer's alias tables read back from the data folder analyse every question as tables
made from the aliases; a damaged, foreign or unwritable file only means they are made again."""

from pathlib import Path

import pytest

from bot.bench.store import real_knowledge
from bot.engine import AliasBook
from bot.engine.analyzer import Analyzer
from bot.engine.analyzer_cache import cache_path

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = [
    "who is peskov",
    "wat did pesko say about trump",
    "how did jon bolton react",
    "what did hedge mean",
    "whats the deal with the kremlin spokesman",
]


@pytest.fixture(scope="module")
def book() -> AliasBook:
    return real_knowledge(ROOT / "knowledge", ROOT / "seeds")[1]


def _analyses(analyzer: Analyzer) -> list[object]:
    return [analyzer.query(q) for q in QUESTIONS]


def test_tables_read_back_analyse_as_tables_made_afresh(book, tmp_path) -> None:
    """The second start reads the saved file and analyses every question the same way."""
    fresh = Analyzer(book)
    Analyzer(book, folder=tmp_path)
    saved = cache_path(tmp_path, fresh.identity)
    assert saved.is_file()
    saved.touch()
    before = saved.stat().st_mtime_ns
    read_back = Analyzer(book, folder=tmp_path)
    assert saved.stat().st_mtime_ns == before  # read, not written again
    assert _analyses(read_back) == _analyses(fresh)


@pytest.mark.parametrize(
    "damage", [b"", b"\x00garbage", b"\xe9\x00\x00\x00"], ids=["empty", "garbage", "not a dict"]
)
def test_a_damaged_file_is_made_again(book, tmp_path, damage) -> None:
    """A file that can't be read back is ignored and replaced by a good one."""
    fresh = Analyzer(book)
    saved = cache_path(tmp_path, fresh.identity)
    saved.write_bytes(damage)
    assert _analyses(Analyzer(book, folder=tmp_path)) == _analyses(fresh)
    assert _analyses(Analyzer(book, folder=tmp_path)) == _analyses(fresh)
    assert saved.read_bytes() != damage


def test_other_aliases_make_their_own_file_and_the_old_one_goes(book, tmp_path) -> None:
    """A change of aliases never reads the tables made for the old ones."""
    Analyzer(book, folder=tmp_path)
    other = AliasBook(global_={"peskov": ("the voice of the kremlin",)})
    changed = Analyzer(other, folder=tmp_path)
    assert [p.name for p in tmp_path.glob("analyzer-*")] == [
        cache_path(tmp_path, changed.identity).name
    ]
    assert (
        changed.query("the voice of the kremlin").terms
        == Analyzer(other).query("the voice of the kremlin").terms
    )


def test_a_folder_that_cannot_be_written_still_analyses(book, tmp_path) -> None:
    """Nothing can be saved (the folder's place is a file): the tables are made in memory."""
    blocked = tmp_path / "a file"
    blocked.write_text("")
    folder = blocked / "engine"
    assert _analyses(Analyzer(book, folder=folder)) == _analyses(Analyzer(book))
    assert blocked.read_text() == ""
