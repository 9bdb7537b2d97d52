from pathlib import Path

import pytest
import yaml

from bot.knowledge.check import check_knowledge

GOOD_ENTRY = {
    "id": "quote-trust",
    "kind": "quote",
    "question": "Who said mutual trust takes years?",
    "alternates": ["who said trust takes years", "peskov trust quote", "trust takes years"],
    "answer": "Kremlin spokesman Dmitry Peskov said it.",
    "evidence": ["An atmosphere of mutual trust takes years to achieve."],
    "tags": ["peskov"],
}


def _write(folder: Path, entries: list[dict], **article: object) -> Path:
    data = {
        "article": {
            "id": "trump-russia",
            "seed": "000_824f32114a763518.txt",
            "title": "Trump: Russia’s Chance for Friendship?",
            "summary": "A summary.",
            "key_points": ["one", "two", "three"],
            **article,
        },
        "aliases": {"peskov": ["kremlin spokesman"]},
        "entries": entries,
    }
    path = folder / "knowledge" / "trump-russia.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def folder(knowledge_copy: Path) -> Path:
    for path in (knowledge_copy / "knowledge").glob("*.yaml"):
        path.unlink()
    return knowledge_copy


def _problems(folder: Path) -> list[str]:
    _, problems = check_knowledge(folder / "knowledge", folder / "seeds")
    return [str(p) for p in problems]


def test_the_curated_knowledge_passes(checked) -> None:
    """The shipped knowledge files check clean and cover every kind."""
    kinds = {e.kind for a in checked for e in a.entries}
    assert kinds == {
        "quote",
        "person",
        "risk",
        "cooperation",
        "event",
        "number",
        "background",
        "argument",
    }


def test_a_good_file_passes(folder: Path) -> None:
    """A minimal valid file has no problems."""
    _write(folder, [GOOD_ENTRY])
    assert _problems(folder) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"evidence": ["Mutual trust is built overnight."]}, "evidence not found verbatim"),
        ({"answer": "x" * 601}, "at most 600 characters"),
        ({"alternates": ["just one"]}, "at least 3 items"),
        ({"kind": "rumour"}, "kind: Input should be"),
        ({"id": "Bad Id!"}, "id: String should match pattern"),
        ({"question": ""}, "question: String should have at least 1 character"),
        ({"colour": "blue"}, "Extra inputs are not permitted"),
    ],
)
def test_entry_problems_name_file_entry_and_reason(
    folder: Path, change: dict, expected: str
) -> None:
    """Each broken field is reported with the file, the entry and the reason."""
    _write(folder, [{**GOOD_ENTRY, **change}])
    problems = _problems(folder)
    assert len(problems) == 1, problems
    assert "trump-russia.yaml" in problems[0]
    assert expected in problems[0]


def test_schema_problems_carry_the_line(folder: Path) -> None:
    """A schema problem points at the line of the offending field."""
    path = _write(folder, [{**GOOD_ENTRY, "kind": "rumour"}])
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "rumour" in t)
    assert f"trump-russia.yaml:{line}:" in _problems(folder)[0]


def test_duplicate_ids_and_phrasings(folder: Path) -> None:
    """The same id twice, and the same phrasing under two entries, are both refused."""
    twin = {**GOOD_ENTRY, "id": "person-peskov", "question": "Who is Peskov?"}
    twin["alternates"] = ["peskov", "kremlin spokesman", "Trust takes YEARS!"]
    _write(folder, [GOOD_ENTRY, GOOD_ENTRY, twin])
    problems = "\n".join(_problems(folder))
    assert "duplicate id" in problems
    assert "also stands under 'quote-trust'" in problems


def test_malformed_yaml_gives_file_line_and_reason(folder: Path) -> None:
    """Broken YAML is reported with its line, and nothing else is loaded."""
    path = folder / "knowledge" / "broken.yaml"
    path.write_text("article:\n  id: x\n  title: [unclosed\nentries: []\n", encoding="utf-8")
    problems = _problems(folder)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:") and "malformed YAML" in problems[0]


def test_missing_seed_is_reported(folder: Path) -> None:
    """An article naming a seed that is not there is an error, not a crash."""
    _write(folder, [GOOD_ENTRY], seed="missing.txt")
    assert "seed not found" in _problems(folder)[0]


def test_empty_knowledge_folder_is_reported(folder: Path) -> None:
    """No knowledge files at all is a problem."""
    assert "no knowledge files" in _problems(folder)[0]
