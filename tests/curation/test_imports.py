"""Checking an uploaded knowledge file: every problem, with its line, before any change."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
import yaml

from bot.curation.export import export_article
from bot.curation.imports import check_import, decode_upload
from bot.knowledge.check import CheckedArticle
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def text(checked: list[CheckedArticle]) -> str:
    from datetime import UTC, datetime

    return export_article(checked[0].article, checked[0].entries, datetime.now(UTC)).text


def run(checked: list[CheckedArticle], text: str, live: Any = None) -> tuple[Any, list[str]]:
    article = checked[0].article
    plan, problems = check_import(
        text, "up.yaml", SEEDS, {article.id: article}, checked[0].entries if live is None else live
    )
    return plan, [str(p) for p in problems]


def changed(text: str, entry_id: str | None = None, **changes: Any) -> tuple[str, int]:
    """The file with one entry (or the article, for entry_id None) changed, and its line."""
    data = yaml.safe_load(text)
    target = (
        data["article"]
        if entry_id is None
        else next(e for e in data["entries"] if e["id"] == entry_id)
    )
    target.update(changes)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    marker = "article:" if entry_id is None else f"- id: {entry_id}"
    return dumped, dumped.splitlines().index(marker) + 1


def test_an_unchanged_export_imports_cleanly(checked: list[CheckedArticle], text: str) -> None:
    """The export of the store is a valid import with nothing to note."""
    plan, problems = run(checked, text)
    assert problems == [] and plan is not None and plan.notes == ()
    assert sorted(plan.entries, key=lambda e: e.id) == sorted(
        checked[0].entries, key=lambda e: e.id
    )


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: changed(t, "conclusion", evidence=["Putin loves vodka."]),
            r"up\.yaml:{line}: entry 'conclusion': evidence not found verbatim",
        ),
        (
            lambda t: changed(t, "conclusion", alternates=["just one"]),
            r"up\.yaml:\d+: entry 'conclusion': entries\.\d+\.alternates: List should have",
        ),
        (
            lambda t: changed(t, "conclusion", kind="gossip"),
            r"up\.yaml:\d+: entry 'conclusion': entries\.\d+\.kind: Input should be",
        ),
        (
            lambda t: changed(t, "conclusion", alternates=["a b", "c d", "who is flynn"]),
            r"up\.yaml:\d+: entry '[a-z-]+': phrasing 'who is flynn' also stands under",
        ),
        (
            lambda t: changed(t, None, id="other-article"),
            r"up\.yaml:{line}: article 'other-article' is not active here",
        ),
        (
            lambda t: changed(t, None, seed="../../etc/passwd"),
            r"up\.yaml:{line}: article\.seed must be '000_824f32114a763518\.txt'",
        ),
        (lambda t: ("article: [oops\n", 0), r"up\.yaml:2: malformed YAML"),
        (lambda t: ("- just\n- a list\n", 0), r"up\.yaml:1: expected a mapping"),
    ],
)
def test_problems_are_found_with_their_line(
    checked: list[CheckedArticle], text: str, edit: Any, expected: str
) -> None:
    """Each kind of problem is reported as file:line: entry: reason, and no plan is made."""
    bad, line = edit(text)
    plan, problems = run(checked, bad)
    assert plan is None
    assert any(re.match(expected.format(line=line), p) for p in problems), problems


def test_phrasings_of_entries_left_in_the_store_clash(
    checked: list[CheckedArticle], text: str
) -> None:
    """A file with one entry may not take a phrasing of an entry it does not touch."""
    data = yaml.safe_load(text)
    data["entries"] = [e for e in data["entries"] if e["id"] == "conclusion"]
    data["entries"][0]["alternates"].append("How many bottles of champagne?")
    plan, problems = run(checked, yaml.safe_dump(data))
    assert plan is None
    assert "already stands under 'champagne-bottles'" in problems[0]


def test_another_articles_ids_and_phrasings_are_its_own(
    checked: list[CheckedArticle], text: str
) -> None:
    """The same id and phrasings under another article do not clash with this one's."""
    live = [replace(e, article_id="x") for e in checked[0].entries]
    plan, problems = run(checked, text, live)
    assert problems == [] and plan is not None


def test_article_details_in_a_file_are_noted_not_imported(
    checked: list[CheckedArticle], text: str
) -> None:
    """A changed summary is not imported, and the reply says so."""
    bad, _ = changed(text, None, summary="A different summary.")
    plan, problems = run(checked, bad)
    assert problems == [] and plan is not None
    assert plan.article == checked[0].article
    assert "were not imported" in plan.notes[0]


@pytest.mark.parametrize(
    ("name", "size", "data", "says"),
    [
        ("k.yaml", 10, None, None),
        ("K.YML", 10, b"a: 1", None),
        ("k.txt", 10, None, "Only .yaml or .yml"),
        ("k.yaml.exe", 10, None, "Only .yaml or .yml"),
        ("k.yaml", 1024 * 1024 + 1, None, "capped at 1 MiB"),
        ("k.yaml", 5, b"#" * (1024 * 1024 + 1), "capped at 1 MiB"),
        ("k.yaml", 2, b"\xff\xfe", "not UTF-8"),
    ],
)
def test_decode_upload(name: str, size: int, data: bytes | None, says: str | None) -> None:
    """Uploads are refused by name, size and encoding, with a reason."""
    reason = decode_upload(name, size, data)
    assert (reason is None) if says is None else (reason is not None and says in reason)
