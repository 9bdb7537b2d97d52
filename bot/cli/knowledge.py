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


def run_build_command(settings: Settings, out: Path | None, *, draft: bool = False) -> int:
    from bot.extraction import run_build

    target = out or settings.knowledge_dir / "candidates"
    report = run_build(
        settings.seeds_dir, target, lambda line: print(line, file=sys.stderr, flush=True)
    )
    print(report.summary())
    if not draft:
        print(f"Candidates written to {target}/ for review. `briefbot build --draft` writes a")
        print("draft knowledge file for every seed without one (see docs/knowledge-format.md).")
        return 0
    from bot.draft import run_draft_build

    drafts = run_draft_build(
        settings.seeds_dir,
        settings.knowledge_dir,
        lambda line: print(line, file=sys.stderr, flush=True),
    )
    print(drafts.summary())
    print(
        "Drafts are served at once on the command line, and in a server once it turns the"
        " article on (/config articles); review them in place (docs/knowledge-format.md)."
    )
    return 0


def run_add(settings: Settings, source: str) -> int:
    from bot.draft.add import add_article
    from bot.draft.pages import PageError

    try:
        report = add_article(
            source,
            settings.seeds_dir,
            settings.knowledge_dir,
            lambda line: print(line, file=sys.stderr, flush=True),
        )
    except PageError as exc:
        print(f"briefbot: {exc}", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    if report.draft is not None and report.draft.article_id:
        print(
            f'Ask it now: briefbot ask "…" (the command line sees drafts); in a server,'
            f" /config articles turns {report.draft.article_id} on."
        )
    return 0
