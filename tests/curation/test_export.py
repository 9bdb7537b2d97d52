"""Exported knowledge files pass `briefbot check` and hold every entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from bot.curation.export import export_article, schema_problem
from bot.curation.files import self_check
from bot.knowledge.check import CheckedArticle, check_knowledge
from bot.models import Entry
from tests.conftest import SEEDS

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def round_trip(tmp_path: Path, text: str) -> list[CheckedArticle]:
    (tmp_path / "knowledge").mkdir(exist_ok=True)
    (tmp_path / "knowledge" / "trump-russia.yaml").write_text(text, encoding="utf-8")
    knowledge, problems = check_knowledge(tmp_path / "knowledge", SEEDS)
    assert problems == []
    return list(knowledge.articles)


def test_export_round_trips_the_curated_file(checked: list[CheckedArticle], tmp_path: Path) -> None:
    """Exporting the checked knowledge and checking the export gives the same entries."""
    source = checked[0]
    exported = export_article(source.article, source.entries, NOW)
    assert exported.filename == "trump-russia.yaml" and exported.held_back == ()
    again = round_trip(tmp_path, exported.text)[0]
    assert again.article == source.article
    assert sorted(again.entries, key=lambda e: e.id) == sorted(source.entries, key=lambda e: e.id)
    assert self_check([exported], SEEDS) == []


def test_entries_the_schema_refuses_become_comments(
    checked: list[CheckedArticle], tmp_path: Path
) -> None:
    """An entry with too few alternates is kept as a comment; the file still checks."""
    source = checked[0]
    draft = replace(source.entries[0], id="mod-draft", question="A draft?", alternates=("one",))
    exported = export_article(source.article, [*source.entries, draft], NOW)
    assert [i for i, _ in exported.held_back] == ["mod-draft"]
    assert "alternates" in exported.held_back[0][1]
    assert "#   - id: mod-draft" in exported.text
    again = round_trip(tmp_path, exported.text)[0]
    assert "mod-draft" not in {e.id for e in again.entries}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"alternates": ("a", "b")}, "alternates"),
        ({"answer": "x" * 601}, "answer"),
        ({"evidence": ()}, "evidence"),
        ({"id": "Bad Id"}, "id"),
        ({}, None),
    ],
)
def test_schema_problem(checked: list[CheckedArticle], changes: dict, problem: str | None) -> None:
    """The schema's reason names the field at fault; a good entry has none."""
    from bot.curation.export import entry_data

    entry: Entry = replace(checked[0].entries[0], **changes)
    found = schema_problem(entry_data(entry))
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_export_text_is_plain_yaml_with_a_header(checked: list[CheckedArticle]) -> None:
    """The file starts with a comment saying what it is, and is valid YAML."""
    text = export_article(checked[0].article, checked[0].entries, NOW).text
    assert text.startswith("# Exported by briefbot /qa export on 2026-11-24T08:00:00+00:00.")
    data = yaml.safe_load(text)
    assert list(data) == ["article", "aliases", "entries"]
