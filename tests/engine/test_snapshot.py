"""A restart from the saved index answers exactly as the index it was saved from, and changes made
after the restart never reach the saved file."""

from dataclasses import replace
from pathlib import Path

import pytest

from bot.bench.realistic import SEED, Generator
from bot.bench.store import real_knowledge
from bot.engine import AliasBook, Engine
from bot.engine.result import EngineResult
from bot.models import Entry

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store() -> tuple[list[Entry], AliasBook, list[str]]:
    real, book = real_knowledge(ROOT / "knowledge", ROOT / "seeds")
    generator = Generator(real, SEED)
    entries = real + generator.entries(300)
    questions = [q for q, _ in generator.questions(entries, 150, SEED + 1)]
    return entries, book, questions


def _answers(engine: Engine, questions: list[str]) -> list[EngineResult]:
    return [engine.answer(q) for q in questions]


def test_a_restart_answers_every_question_as_the_built_index(store, tmp_path) -> None:
    """Same verdicts, confidences and candidates, read back from the mapped snapshot file."""
    entries, book, questions = store
    built = Engine(entries, book, folder=tmp_path)
    restarted = Engine(entries, book, folder=tmp_path)
    assert restarted.reused == len(entries)
    assert _answers(restarted, questions) == _answers(built, questions)


def test_changes_after_a_restart_stay_out_of_the_saved_file(store, tmp_path) -> None:
    """An edit with a new word is answered at once; the next restart still has the saved index."""
    entries, book, questions = store
    Engine(entries, book, folder=tmp_path)
    saved = list(tmp_path.iterdir())
    before = [p.read_bytes() for p in saved]
    restarted = Engine(entries, book, folder=tmp_path)
    expected = _answers(restarted, questions)
    edited = replace(entries[-1], question="Who rode the zeppelin?", alternates=("zeppelin ride",))
    restarted.update([edited] + [replace(e, alternates=(*e.alternates, "x")) for e in entries[:5]])
    assert restarted.answer("who rode the zeppelin").key == edited.key
    assert [p.read_bytes() for p in saved] == before
    again = Engine(entries, book, folder=tmp_path)
    assert again.reused == len(entries)
    assert _answers(again, questions) == expected


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_snapshot_is_built_again(store, tmp_path, damage: str) -> None:
    """A half-copied or damaged saved index never stops a start: it is rebuilt and saved anew."""
    entries, book, questions = store
    expected = _answers(Engine(entries, book, folder=tmp_path), questions)
    (saved,) = tmp_path.glob("index-v*.npz")
    data = saved.read_bytes()
    damaged = {"truncated": data[: len(data) // 3], "garbage": b"not an index" * 50, "empty": b""}
    saved.write_bytes(damaged[damage])
    rebuilt = Engine(entries, book, folder=tmp_path)
    assert rebuilt.reused == 0
    assert _answers(rebuilt, questions) == expected
    assert Engine(entries, book, folder=tmp_path).reused == len(entries)  # saved again, whole
