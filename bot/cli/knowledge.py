"""`briefbot check`, `briefbot sync` and `briefbot build`."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.knowledge.check import check_knowledge
from bot.settings import Settings


def run_check(settings: Settings) -> int:
    knowledge, problems = check_knowledge(settings.knowledge_dir, settings.seeds_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    for article in knowledge.articles:
        entries = article.entries
        phrasings = sum(len(e.phrasings) for e in entries)
        passages = sum(len(e.evidence) for e in entries)
        withheld = f", {len(article.withheld)} withheld" if article.withheld else ""
        status = "" if article.article.status == "reviewed" else f" [{article.article.status}]"
        print(
            f"{article.path.name}{status}: {'OK' if not article.withheld else 'served'} —"
            f" {len(entries)} entries{withheld}, {phrasings} phrasings, {passages} evidence"
            f" passages verified in {article.seed.name}"
        )
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", file=sys.stderr)
        return 1
    return 0


async def run_sync(settings: Settings) -> int:
    from bot.service import BriefingService

    service = await BriefingService.start(settings, sync=False)
    try:
        report = await service.sync(actor="cli")
    finally:
        await service.close()
    print(f"synced {settings.knowledge_dir} into {settings.database_name}: {report.summary()}")
    return 0


def run_build_command(settings: Settings, out: Path | None) -> int:
    from bot.extraction import run_build

    target = out or settings.knowledge_dir / "candidates"
    report = run_build(
        settings.seeds_dir, target, lambda line: print(line, file=sys.stderr, flush=True)
    )
    print(report.summary())
    print(f"Candidates written to {target}/ — review them and copy what is right into a curated")
    print("file in knowledge/ (see docs/knowledge-format.md); curated files are never overwritten.")
    return 0
