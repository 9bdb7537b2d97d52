"""run_build: files, header, report, re-runs, and refusing to write where it must not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.extraction import BuildError, run_build
from bot.text.seed import SeedError
from tests.cli.test_cli import run

from .articles import FIXTURE_SEED, REAL_SEED


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A project-like folder: seeds/ with both articles, a curated knowledge file."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(REAL_SEED, tmp_path / "seeds")
    shutil.copy(FIXTURE_SEED, tmp_path / "seeds")
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "trump-russia.yaml").write_text("curated: true\n", encoding="utf-8")
    return tmp_path


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_writes_one_file_per_seed(tree: Path) -> None:
    """One <stem>.candidates.yaml per seed, with the header, loadable, and nothing else changed."""
    before = _snapshot(tree)
    out = tree / "knowledge" / "candidates"
    report = run_build(tree / "seeds", out)
    assert sorted(p.name for p in out.iterdir()) == [
        "000_824f32114a763518.candidates.yaml",
        "flood_barrier.candidates.yaml",
    ]
    after = _snapshot(tree)
    assert {k: v for k, v in after.items() if not k.startswith("knowledge/candidates/")} == before
    text = (out / "000_824f32114a763518.candidates.yaml").read_text(encoding="utf-8")
    assert text.startswith("# UNREVIEWED CANDIDATES")
    assert "To promote a candidate" in text
    data = yaml.safe_load(text)
    assert data["seed"] == "000_824f32114a763518.txt"
    assert data["title"] == "Trump: Russia’s Chance for Friendship?"
    assert {c["kind"] for c in data["candidates"]} >= {"quote", "person", "background", "number"}
    assert "CAPTCHA" not in text
    real = report.seeds[0]
    assert (real.quotes, real.persons, real.headings) == (14, 12, 5)
    assert real.quotes_with_speaker == 10
    assert "000_824f32114a763518.txt" in report.summary()
    assert "14 quotes (10 with speaker)" in report.summary()


def test_rerun_replaces_only_candidates(tree: Path) -> None:
    """A re-run rewrites the candidates files and leaves other files in the folder alone."""
    out = tree / "candidates"
    out.mkdir()
    stale = out / "flood_barrier.candidates.yaml"
    stale.write_text("old\n", encoding="utf-8")
    (out / "NOTES.md").write_text("mine\n", encoding="utf-8")
    run_build(tree / "seeds", out)
    first = _snapshot(out)
    run_build(tree / "seeds", out)
    assert _snapshot(out) == first
    assert stale.read_text(encoding="utf-8").startswith("# UNREVIEWED")
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "mine\n"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("make_dir", [False, True])
def test_missing_or_empty_seeds(tmp_path: Path, make_dir: bool) -> None:
    """A missing seeds folder or one without *.txt raises SeedError and writes nothing."""
    seeds = tmp_path / "seeds"
    if make_dir:
        seeds.mkdir()
        (seeds / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(SeedError, match="seeds"):
        run_build(seeds, tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", ["knowledge", "seeds"])
def test_refuses_curated_or_seeds_folder(tree: Path, target: str) -> None:
    """Writing into the curated knowledge folder or the seeds folder is refused."""
    before = _snapshot(tree)
    with pytest.raises(BuildError, match="refusing"):
        run_build(tree / "seeds", tree / target)
    assert _snapshot(tree) == before


def test_cli_build_shows_progress(tree: Path) -> None:
    """`briefbot build` says which seed it is on, then one line per seed with its time."""
    out = tree / "out"
    result = run(tree, "build", "--out", str(out), BRIEFBOT_SEEDS_DIR=str(tree / "seeds"))
    assert result.returncode == 0, result.stderr
    assert "[1/2] extracting 000_824f32114a763518.txt" in result.stderr
    assert "[2/2] extracting flood_barrier.txt" in result.stderr
    assert re.search(r"flood_barrier.txt -> .* \(\d+\.\d\d s\)", result.stdout)
    assert (out / "flood_barrier.candidates.yaml").is_file()
