"""Scoring candidates against an answer key: speaker and role matching, the report's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.extraction import extract
from bot.extraction.scoring import TruthError, articles_in, role_right, same_speaker, score_article
from bot.text.seed import Seed
from tests.cli.test_cli import run

ARTICLE = """\
Council backs the harbour plan

Mayor Ellen Marsh said the plan was “good for the town.”

“We waited long enough,” said Tom Reid, a harbour official.

“It is a fair deal,” Ann Cole said.
"""
TRUTH = {
    "quotes": [
        {"text": "good for the town.", "speaker": "Ellen Marsh"},
        {"text": "We waited long enough,", "speaker": "Tom Reid"},
        {"text": "It is a fair deal,", "speaker": "Ann Cole"},
        {"text": "never said", "speaker": "Tom Reid"},
    ],
    "persons": [
        {"name": "Ellen Marsh", "role": "Mayor"},
        {"name": "Tom Reid", "role": "harbour official"},
        {"name": "Ann Cole", "role": None},
    ],
}


@pytest.mark.parametrize(
    ("found", "truth", "is_person", "right"),
    [
        ("Benjamin Netanyahu", "Benjamin Netanyahu", True, True),
        ("Netanyahu", "Benjamin Netanyahu", True, True),
        ("Mr. Netanyahu", "Benjamin Netanyahu", True, True),
        ("Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu", True, True),
        ("Benjamin", "Benjamin Netanyahu", True, False),
        ("Sara Netanyahu", "Benjamin Netanyahu", True, False),
        ("The French foreign ministry", "French foreign ministry", False, True),
        ("Russia’s foreign ministry", "Russia's foreign ministry", False, True),
        ("A spokesperson for the British Foreign Office", "British Foreign Office", False, True),
        ("High Commissioner", "United Nations High Commissioner for Human Rights", False, False),
        ("Arab", "Arab League", False, False),
        (None, "Arab League", False, False),
    ],
)
def test_same_speaker(found: str | None, truth: str, is_person: bool, right: bool) -> None:
    """Full name or surname names a person; an organisation needs all its words."""
    assert same_speaker(found, truth, is_person=is_person) is right


@pytest.mark.parametrize(
    ("roles", "truth", "right"),
    [
        (["US Secretary of State"], "US Secretary of State", True),
        (["Secretary of State"], "US Secretary of State", False),
        (["co-owner of the shop"], "co-owner of the shop", True),
        (["the CEO of DH,"], "CEO of DH", True),
        (["a writer", "CEO of DH"], "CEO of DH", True),
        ([], "CEO of DH", False),
    ],
)
def test_role_right(roles: list[str], truth: str, right: bool) -> None:
    """The key's role words must appear in order in one role found."""
    assert role_right(roles, truth) is right


def test_score_article(tmp_path: Path) -> None:
    """Missing quotations count against speakers; unlisted persons are non-persons."""
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    truth = {**TRUTH, "persons": TRUTH["persons"][:2]}
    score = score_article(extract(Seed.load(path)), truth, "harbour")
    assert (score.quotations, score.found, score.speakers_right) == (4, 3, 3)
    assert (score.with_role, score.roles_right) == (2, 2)
    assert score.non_persons == ["Ann Cole"]
    assert any("never said" in miss for miss in score.misses)


def test_folder_without_keys(tmp_path: Path) -> None:
    """A folder with no X.txt beside an X.truth.json is refused with a message."""
    (tmp_path / "a.txt").write_text("A title\n\nText.\n", encoding="utf-8")
    with pytest.raises(TruthError, match="no article with an answer key"):
        articles_in(tmp_path)


def test_cli_report_extraction(tmp_path: Path) -> None:
    """The report prints one line per article; --details adds the misses; bad input is a message."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "harbour.truth.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    result = run(tmp_path, "report", "--extraction", str(folder))
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.strip().startswith("harbour:"))
    assert "speakers 3/4 (75%), roles 2/2 (100%), non-persons 0" in line
    assert "quotations found 3/4" in line
    assert "never said" not in result.stdout
    detailed = run(tmp_path, "report", "--extraction", str(folder), "--details")
    assert "quotation not found: “never said” (Tom Reid)" in detailed.stdout
    (folder / "harbour.truth.json").write_text("{not json", encoding="utf-8")
    broken = run(tmp_path, "report", "--extraction", str(folder))
    assert broken.returncode == 2
    assert broken.stderr.startswith("briefbot: cannot read the answer key")
    assert "Traceback" not in broken.stderr
    missing = run(tmp_path, "report", "--extraction", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr
