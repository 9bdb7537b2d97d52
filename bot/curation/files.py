"""Knowledge files in and out of Discord: /qa import, /qa export and /qa reload.

An import goes into the server's own overlay (or, for the bot's owner with `everywhere`, into
the shared base); an export writes what the server sees; a reload syncs the files (owner only).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from bot.curation.context import Actor, ProblemsFound
from bot.curation.errors import CurationError
from bot.curation.export import ExportFile, export_article
from bot.curation.imports import check_import, decode_upload
from bot.knowledge.check import check_model, cross_file_problems
from bot.knowledge.loader import KnowledgeError, Problem, parse_knowledge
from bot.service import Audience, BriefingService
from bot.store.records import SyncReport


@dataclass(frozen=True)
class Imported:
    report: SyncReport
    unchanged: tuple[str, ...]
    notes: tuple[str, ...]


def refuse_upload(filename: str, size: int, data: bytes | None = None) -> None:
    """Refuse an upload by name and size before downloading it, and by encoding after."""
    reason = decode_upload(filename, size, data)
    if reason is not None:
        raise CurationError(reason)


async def import_file(
    service: BriefingService,
    actor: Actor,
    filename: str,
    data: bytes,
    *,
    everywhere: bool = False,
) -> Imported:
    """Check a whole uploaded knowledge file, then apply it in one transaction, or nothing."""
    refuse_upload(filename, len(data), data)
    guild_id = None if everywhere else actor.server()
    view = service.view(Audience(guild_id, drafts=everywhere))
    articles = {
        a.id: a
        for a in (service.articles(Audience.cli()) if everywhere else view.articles.values())
    }
    plan, problems = await asyncio.to_thread(
        check_import,
        data.decode("utf-8"),
        filename,
        service.settings.seeds_dir,
        articles,
        list(view.entries.values()),
    )
    if plan is None:
        raise ProblemsFound(f"Import of {filename} refused; nothing was changed:", problems)
    pairs = []
    report = SyncReport()
    unchanged = []
    for entry in plan.entries:
        before = view.entry(entry.key)
        if before == entry:
            unchanged.append(entry.id)
            continue
        pairs.append((before, entry))
        (report.updated if before is not None else report.added).append(entry.id)
    if pairs:
        await service.import_entries(guild_id, actor.name, pairs)
    where = "every server (the shared base)" if everywhere else "this server only"
    return Imported(report, tuple(unchanged), (*plan.notes, f"Applied to {where}."))


async def export_files(
    service: BriefingService, actor: Actor, now: datetime
) -> tuple[list[ExportFile], list[Problem]]:
    """One knowledge file per article this server sees, and any problem `briefbot check`
    would find in them."""
    view = service.view(actor.audience)
    files = [
        export_article(a, [e for e in view.entries.values() if e.article_id == a.id], now)
        for a in view.articles.values()
    ]
    problems = await asyncio.to_thread(self_check, files, service.settings.seeds_dir)
    names = ", ".join(f.filename for f in files)
    await service.audit(actor.name, "export", actor.guild_id, {"files": names})
    return files, problems


def self_check(files: list[ExportFile], seeds_dir: Path) -> list[Problem]:
    """What `briefbot check` would say about the exported files: nothing, unless a bug."""
    problems: list[Problem] = []
    checked = []
    for file in files:
        model, found = parse_knowledge(file.text, file.filename)
        if model is not None:
            article, more = check_model(model, Path(file.filename), seeds_dir)
            found += more
            if article is not None:
                checked.append(article)
        problems += found
    return problems + cross_file_problems(checked)


def _shorter(file: str, folder: Path) -> str:
    """`knowledge/x.yaml` rather than the server's full path, which moderators need not see."""
    path = Path(file)
    return f"knowledge/{path.name}" if path.parent == folder else path.name


async def reload(service: BriefingService, actor: Actor) -> SyncReport:
    """Sync knowledge/ into the shared base (the bot's owner only: checked by the caller)."""
    try:
        report = await service.sync(actor=actor.name)
    except KnowledgeError as exc:
        folder = service.settings.knowledge_dir
        problems = [replace(p, file=_shorter(p.file, folder)) for p in exc.problems]
        raise ProblemsFound("knowledge/ has problems, so nothing was reloaded:", problems) from None
    await service.audit(actor.name, "reload", None, {"summary": report.summary()})
    return report
