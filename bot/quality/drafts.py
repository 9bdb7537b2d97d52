"""Answer quality of drafts: articles drafted by `briefbot build --draft`, scored on their
question sets, each from its draft alone and all side by side with the site's own articles
(where a question answered from another article is `crossed`).

    briefbot report --drafts ../shared/articles

Every `X.txt` in the folder that has a question set (`devset-X.yaml`, `heldout-X.yaml`) is
copied into a temporary site folder as a seed and drafted there; the site's own knowledge is
left alone. The same code serves the quality tests, which is how CI measures drafts.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.draft import run_draft_build
from bot.draft.run import files_by_seed
from bot.knowledge.check import GLOBAL_ALIASES_FILE
from bot.quality.report import SetReport, score_set
from bot.quality.sets import SETS_DIR, discover, load_set
from bot.settings import Settings


@dataclass(frozen=True)
class DraftScores:
    """Each drafted article's sets scored from its draft alone, and every set side by side."""

    alone: list[SetReport]
    together: list[SetReport]


def drafted_articles(folder: Path, sets_dir: Path = SETS_DIR) -> list[str]:
    """The articles in a folder that have a question set."""
    articles = {load_set(p).article for p in discover(sets_dir)}
    return sorted(p.stem for p in folder.glob("*.txt") if p.stem in articles)


def _site(root: Path, seeds: list[Path], own: Settings | None = None) -> Settings:
    """A temporary site folder: the given seeds drafted, beside the site's own articles."""
    (root / "seeds").mkdir(parents=True)
    (root / "knowledge").mkdir()
    drafted = {seed.name for seed in seeds}
    if own is not None:
        for path, data in files_by_seed(own.knowledge_dir).values():
            name = str(data["article"]["seed"])
            if name not in drafted and (own.seeds_dir / name).is_file():
                shutil.copy(path, root / "knowledge")
                shutil.copy(own.seeds_dir / name, root / "seeds")
        shared = own.knowledge_dir / GLOBAL_ALIASES_FILE
        if shared.is_file():
            shutil.copy(shared, root / "knowledge")
    for seed in seeds:
        shutil.copy(seed, root / "seeds")
    run_draft_build(root / "seeds", root / "knowledge")
    return Settings(
        data_dir=root / "data",
        knowledge_dir=root / "knowledge",
        seeds_dir=root / "seeds",
        _env_file=None,
    )


async def _score(settings: Settings, paths: list[Path]) -> list[SetReport]:
    from bot.service import BriefingService

    service = await BriefingService.start(settings)
    try:
        return [score_set(service, load_set(p)) for p in paths]
    finally:
        await service.close()


def score_drafts(
    folder: Path, settings: Settings, sets_dir: Path = SETS_DIR, *, together: bool = True
) -> DraftScores:
    """Draft every article of `folder` that has a question set; score each alone, and every
    set (the site's articles' too) with all of them side by side."""
    articles = drafted_articles(folder, sets_dir)
    sets = discover(sets_dir)
    by_article: dict[str | None, list[Path]] = {}
    for path in sets:
        by_article.setdefault(load_set(path).article, []).append(path)
    alone: list[SetReport] = []
    with tempfile.TemporaryDirectory(prefix="briefbot-drafts-") as temp:
        for article in articles:
            site = _site(Path(temp) / article, [folder / f"{article}.txt"])
            alone += asyncio.run(_score(site, by_article.get(article, [])))
        side_by_side: list[SetReport] = []
        if together:
            site = _site(
                Path(temp) / "together",
                [folder / f"{a}.txt" for a in articles],
                settings,
            )
            side_by_side = asyncio.run(_score(site, sets))
    return DraftScores(alone, side_by_side)


def run_drafts_report(
    settings: Settings, folder: Path, *, as_json: bool, failures: bool, breakdown: bool
) -> int:
    """`briefbot report --drafts DIR`."""
    import json
    import sys

    from bot.quality.report import print_reports

    if not folder.is_dir():
        print(f"briefbot: not a folder: {folder}", file=sys.stderr)
        return 2
    if not drafted_articles(folder):
        print(f"briefbot: no article in {folder} has a question set in {SETS_DIR}", file=sys.stderr)
        return 2
    scores = score_drafts(folder, settings)
    if as_json:
        data = {
            "alone": [r.as_dict(failures=failures) for r in scores.alone],
            "together": [r.as_dict(failures=failures) for r in scores.together],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print("Each drafted article, answered from its draft alone")
    print("=" * 51)
    print_reports(scores.alone, failures=failures, breakdown=breakdown)
    print("Every article side by side (crossed: answered from another article)")
    print("=" * 68)
    print_reports(scores.together, failures=False, breakdown=breakdown)
    return 0
