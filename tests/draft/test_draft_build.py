"""`briefbot build --draft`: a draft for every seed without a knowledge file, passing check,
served at once; reruns keep reviewed entries, metadata and ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from bot.draft import run_draft_build
from bot.knowledge.check import check_knowledge
from tests.cli.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "extraction" / "fixtures" / "articles"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder: the curated sample article and two articles of our own without files."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "knowledge").mkdir()
    shutil.copy(ROOT / "seeds" / "000_824f32114a763518.txt", tmp_path / "seeds")
    shutil.copy(ROOT / "knowledge" / "trump-russia.yaml", tmp_path / "knowledge")
    for name in ("hockey", "politics"):
        shutil.copy(FIXTURES / f"{name}.txt", tmp_path / "seeds")
    return tmp_path


def _env(site: Path) -> dict[str, str]:
    return {
        "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
    }


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_build_draft_writes_checked_drafts_that_answer_at_once(site: Path) -> None:
    """Each new seed gets a draft that passes check; the CLI answers from it right away."""
    curated = (site / "knowledge" / "trump-russia.yaml").read_bytes()
    result = run(site, "build", "--draft", **_env(site))
    assert result.returncode == 0, result.stderr
    assert "[2/3] drafting hockey.txt" in result.stderr
    assert "trump-russia.yaml is reviewed; left as it is" in result.stdout
    assert (site / "knowledge" / "trump-russia.yaml").read_bytes() == curated
    assert (site / "knowledge" / "candidates" / "hockey.candidates.yaml").is_file()
    knowledge, problems = check_knowledge(site / "knowledge", site / "seeds")
    assert problems == []
    drafts = {a.article.id: a for a in knowledge.articles if a.article.is_draft}
    assert sorted(drafts) == ["hockey", "politics"]
    hockey = drafts["hockey"]
    assert hockey.article.title == "Lind scores twice as Hawks top Owls 4-1"
    assert not any(e.reviewed for e in hockey.entries)
    assert {e.kind for e in hockey.entries} >= {"quote", "person", "number", "background"}
    answer = run(site, "ask", "--json", "who said we just kept going to the net", **_env(site))
    data = json.loads(answer.stdout)
    assert data["article"]["id"] == "hockey" and "Marco Lind" in data["answer"]
    seed = (site / "seeds" / "hockey.txt").read_text(encoding="utf-8")
    assert all(seed[e["start"] : e["end"]] == e["quote"] for e in data["evidence"])


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("who is marco lind", "person-lind", "veteran winger"),
        ("who is the hawks goalie", "person-novak", "Petra Novak"),
        ("what did hale say about trust", "quote-hale-trust-each-other", "trust each other"),
        ("how many saves did novak make", None, "31 saves"),
        ("what is the article about", "summary", "Marco Lind"),
    ],
)
def test_a_draft_answers_the_ways_people_ask(
    tmp_path: Path, question: str, entry: str | None, says: str
) -> None:
    """Who someone is, who said what, numbers and the gist, from the draft alone."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(FIXTURES / "hockey.txt", tmp_path / "seeds")
    run_draft_build(tmp_path / "seeds", tmp_path / "knowledge")
    result = run(tmp_path, "ask", "--json", "--no-log", question, **_env(tmp_path))
    data = json.loads(result.stdout)
    # The saves are one fact, in one entry: the goalie's own entry says who she is.
    assert data["answered"], data
    assert entry is None or data["entry_id"] == entry
    assert says in data["answer"]


def test_rerun_keeps_reviewed_entries_metadata_and_ids(site: Path) -> None:
    """A curator's reviewed entry and article block survive a rerun; no entry is renamed."""
    run_draft_build(site / "seeds", site / "knowledge")
    path = site / "knowledge" / "hockey.yaml"
    data = _load(path)
    first_ids = [e["id"] for e in data["entries"]]
    data["article"]["url"] = "https://example.com/hockey"
    data["article"]["summary"] = "Lind's two goals end the Hawks' skid."
    mine = next(e for e in data["entries"] if e["kind"] == "person")
    mine |= {"answer": "Marco Lind, the Hawks' veteran winger.", "reviewed": True}
    dropped = next(e for e in data["entries"] if e["kind"] == "number")
    data["entries"] = [e for e in data["entries"] if e is not dropped]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    report = run_draft_build(site / "seeds", site / "knowledge")
    assert "1 reviewed kept" in report.summary()
    again = _load(path)
    assert again["article"]["url"] == "https://example.com/hockey"
    assert again["article"]["summary"] == "Lind's two goals end the Hawks' skid."
    kept = [e for e in again["entries"] if e["id"] == mine["id"]]
    assert kept == [mine]
    assert sorted(e["id"] for e in again["entries"]) == sorted(first_ids)
    assert check_knowledge(site / "knowledge", site / "seeds")[1] == []


def test_ids_are_the_same_in_every_build(
    site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Two builds of the same seed, anywhere, write the same file."""
    other = tmp_path_factory.mktemp("other")
    shutil.copytree(site / "seeds", other / "seeds")
    run_draft_build(site / "seeds", site / "knowledge")
    run_draft_build(other / "seeds", other / "knowledge")
    for name in ("hockey.yaml", "politics.yaml"):
        ours = (site / "knowledge" / name).read_text(encoding="utf-8")
        assert (other / "knowledge" / name).read_text(encoding="utf-8") == ours


def test_a_reviewed_article_is_left_alone(site: Path) -> None:
    """Once a curator sets `status: reviewed`, the draft build never writes the file again."""
    run_draft_build(site / "seeds", site / "knowledge")
    path = site / "knowledge" / "politics.yaml"
    data = _load(path)
    data["article"]["status"] = "reviewed"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = path.read_bytes()
    report = run_draft_build(site / "seeds", site / "knowledge")
    assert path.read_bytes() == before
    assert "politics.yaml is reviewed; left as it is" in report.summary()
