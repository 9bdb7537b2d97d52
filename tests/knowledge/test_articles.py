"""Several articles side by side: ids, phrasings and aliases belong to their article; shared
aliases live in knowledge/aliases.yaml; a clash names both files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge.check import check_knowledge

SEED_TEXT = (
    "Harbour Fair Returns\n\n"
    "The harbour fair opened on Saturday with 40 stalls, said organiser Mia Lund.\n\n"
    "\u201cWe waited three years for this,\u201d Lund said.\n"
)


def _article(
    article_id: str, seed: str, entries: list[dict], aliases: dict | None = None, **meta: object
) -> dict:
    return {
        "article": {
            "id": article_id,
            "seed": seed,
            "title": article_id.title(),
            "summary": "A summary.",
            "key_points": ["one", "two", "three"],
            **meta,
        },
        "aliases": aliases or {},
        "entries": entries,
    }


def _entry(entry_id: str, question: str, evidence: str, **more: object) -> dict:
    return {
        "id": entry_id,
        "kind": "background",
        "question": question,
        "alternates": [f"{question} a", f"{question} b", f"{question} c"],
        "answer": "An answer.",
        "evidence": [evidence],
        **more,
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "fair.txt").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "seeds" / "fair2.txt").write_text(SEED_TEXT.replace("40", "41"), encoding="utf-8")
    return tmp_path


def _write(folder: Path, name: str, data: dict) -> None:
    (folder / "knowledge" / name).write_text(yaml.safe_dump(data, allow_unicode=True))


def _problems(folder: Path) -> list[str]:
    return [str(p) for p in check_knowledge(folder / "knowledge", folder / "seeds")[1]]


GIST = "What is the article about?"
STALLS = "The harbour fair opened on Saturday with 40 stalls"


def test_ids_and_phrasings_repeat_across_articles(folder: Path) -> None:
    """Each article may have its own `summary` entry and its own "what is it about"."""
    _write(folder, "one.yaml", _article("one", "fair.txt", [_entry("summary", GIST, STALLS)]))
    _write(
        folder,
        "two.yaml",
        _article("two", "fair2.txt", [_entry("summary", GIST, STALLS.replace("40", "41"))]),
    )
    assert _problems(folder) == []


def test_metadata_and_drafts_are_read(folder: Path) -> None:
    """url, outlet, author, published and status come through to the article."""
    meta = {
        "url": "https://example.com/fair",
        "outlet": "The Harbour Gazette",
        "author": "Ann Reporter",
        "published": "2019-11-19",
        "status": "draft",
    }
    entry = _entry("stalls", "How many stalls?", STALLS, reviewed=False)
    _write(folder, "one.yaml", _article("one", "fair.txt", [entry], **meta))
    knowledge, problems = check_knowledge(folder / "knowledge", folder / "seeds")
    assert problems == []
    article = knowledge.articles[0].article
    assert (article.url, article.outlet, article.author, str(article.published)) == (
        "https://example.com/fair",
        "The Harbour Gazette",
        "Ann Reporter",
        "2019-11-19",
    )
    assert article.is_draft and not knowledge.articles[0].entries[0].reviewed


@pytest.mark.parametrize(
    ("meta", "says"),
    [
        ({"url": "not a link"}, "url: String should match pattern"),
        ({"published": "last tuesday"}, "published: Input should be a valid date"),
        ({"status": "final"}, "status: Input should be 'reviewed' or 'draft'"),
    ],
)
def test_bad_metadata_is_refused(folder: Path, meta: dict, says: str) -> None:
    """Metadata that is not what it says it is gets a file:line problem."""
    _write(folder, "one.yaml", _article("one", "fair.txt", [_entry("gist", GIST, STALLS)], **meta))
    assert any(says in p for p in _problems(folder)), _problems(folder)


def test_a_shared_alias_clashing_with_an_articles_names_both_files(folder: Path) -> None:
    """`organiser` meaning one thing everywhere and another in one article is refused."""
    (folder / "knowledge" / "aliases.yaml").write_text(
        "aliases:\n  lund: [organiser, mia]\n", encoding="utf-8"
    )
    _write(
        folder,
        "one.yaml",
        _article("one", "fair.txt", [_entry("gist", GIST, STALLS)], {"mayor": ["organiser"]}),
    )
    [problem] = _problems(folder)
    assert "one.yaml" in problem and "aliases.yaml" in problem and "'organiser'" in problem


def test_two_files_on_one_seed_are_refused(folder: Path) -> None:
    """Two knowledge files for the same article text is a mistake worth naming."""
    _write(folder, "one.yaml", _article("one", "fair.txt", [_entry("gist", GIST, STALLS)]))
    _write(folder, "two.yaml", _article("two", "fair.txt", [_entry("gist", GIST, STALLS)]))
    assert any("is already the article of" in p and "one.yaml" in p for p in _problems(folder))


def test_missing_evidence_withholds_the_entry_only(folder: Path) -> None:
    """Evidence not in the seed is a problem (check fails) that withholds that entry alone;
    the article is still there to sync."""
    entries = [_entry("ok", GIST, STALLS), _entry("gone", "Gone?", "Not in the article.")]
    _write(folder, "one.yaml", _article("one", "fair.txt", entries))
    knowledge, problems = check_knowledge(folder / "knowledge", folder / "seeds")
    assert [p.blocking for p in problems] == [False]
    assert list(knowledge.articles[0].withheld) == ["gone"]
