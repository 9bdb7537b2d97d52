"""Entry changes: add, edit, alias, remove, teach. Each checks everything first, then writes
through the store (which audits it) and refreshes the engine so the next /ask sees it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.curation.context import Actor, entry_or_refuse, refuse_clashes, sources
from bot.curation.errors import CurationError
from bot.curation.evidence import best_sentence, locate
from bot.curation.ids import candidate_ids
from bot.curation.search import find_queued
from bot.curation.text import (
    clean_alternates,
    clean_answer,
    clean_evidence,
    clean_kind,
    clean_phrasing,
    lines,
    shown,
)
from bot.models import Entry, Evidence
from bot.service import BriefingService
from bot.store.records import QueueItem
from bot.text.normalize import fold, phrasing_key


class StaleEdit(CurationError):
    """The entry changed or went away while a moderator was editing it."""


@dataclass(frozen=True)
class Added:
    entry: Entry
    evidence_chosen: bool  # the bot picked the evidence sentence; the moderator should look


async def _new_id(service: BriefingService, question: str) -> str:
    for candidate in candidate_ids(question):
        # entry_origin also sees removed entries: an id is never reused.
        if await service.store.entry_origin(candidate) is None:
            return candidate
    raise AssertionError("unreachable: candidate_ids never ends")


async def add_entry(
    service: BriefingService,
    actor: Actor,
    *,
    question: str,
    answer: str,
    evidence: str | None = None,
    kind: str = "background",
) -> Added:
    """A new entry; without evidence, the article sentence that best supports it."""
    question = clean_phrasing(question)
    answer = clean_answer(answer)
    kind = clean_kind(kind)
    passage = clean_evidence(evidence or "")
    await refuse_clashes(service, [question], None)
    found = sources(service)
    if passage:
        source, passages = locate([passage], found)
    else:
        source, chosen = best_sentence(question, answer, found)
        passages = (chosen,)
    entry_id = await _new_id(service, question)
    entry = Entry(entry_id, source.article.id, kind, question, (), answer, passages)
    await service.store.add_entry(entry, actor.name, actor.guild_id)
    await service.refresh()
    return Added(entry, evidence_chosen=not passage)


def _evidence(
    service: BriefingService, current: Entry, passages: list[str]
) -> tuple[Evidence, ...]:
    """The passages found in the entry's own article; unchanged ones keep their Evidence, so
    their offsets never jump to an earlier copy of the same words."""
    known = {fold(e.quote): e for e in current.evidence}
    known |= {fold(e.display): e for e in current.evidence}
    kept = [known.get(fold(p)) for p in passages]
    if passages and all(e is not None for e in kept):
        return tuple(e for e in kept if e is not None)
    article = [s for s in sources(service) if s.article.id == current.article_id]
    if not article:
        raise CurationError(f"The article of `{current.id}` is no longer in the store.")
    return locate(passages, article)[1]


async def edit_entry(
    service: BriefingService,
    actor: Actor,
    shown_entry: Entry,
    *,
    question: str,
    answer: str,
    evidence: str | None,
    alternates: str | None,
    kind: str | None = None,
) -> Entry | None:
    """Apply an edit made to `shown_entry` (the entry as the form showed it); None if it
    changes nothing. `evidence` or `alternates` None leaves them as they are.

    Refused if the entry changed meanwhile, so one moderator never silently undoes another.
    """
    current = await service.store.entry(shown_entry.id)
    if current is None:
        raise StaleEdit(f"`{shown_entry.id}` was removed while you were editing it.")
    if current != shown_entry:
        raise StaleEdit(
            f"`{shown_entry.id}` changed while you were editing it. Run /qa edit again to"
            " start from the current version."
        )
    question = clean_phrasing(question)
    answer = clean_answer(answer)
    kept = current.evidence
    if evidence is not None:
        kept = _evidence(service, current, [clean_evidence(p) for p in lines(evidence)])
    new = replace(
        current,
        question=question,
        answer=answer,
        evidence=kept,
        alternates=(
            current.alternates if alternates is None else clean_alternates(alternates, question)
        ),
        kind=clean_kind(kind) if kind else current.kind,
    )
    if new == current:
        return None
    await refuse_clashes(service, list(new.phrasings), current.id)
    await service.store.edit_entry(new, actor.name, actor.guild_id)
    await service.refresh()
    return await service.store.entry(current.id)


async def add_alias(service: BriefingService, actor: Actor, entry_id: str, phrasing: str) -> Entry:
    """Another way to ask for an entry."""
    entry = await entry_or_refuse(service, entry_id)
    phrasing = clean_phrasing(phrasing, "phrasing")
    if phrasing_key(phrasing) in {phrasing_key(p) for p in entry.phrasings}:
        raise CurationError(f"{shown(phrasing)} is already a phrasing of `{entry.id}`.")
    await refuse_clashes(service, [phrasing], entry.id)
    await service.store.add_phrasing(entry.id, phrasing, actor.name, actor.guild_id)
    await service.refresh()
    return await entry_or_refuse(service, entry.id)


async def remove_entry(service: BriefingService, actor: Actor, entry_id: str) -> bool:
    """False if it was already gone (another moderator was quicker)."""
    if await service.store.entry(entry_id) is None:
        return False  # the store would record a second removal
    removed = await service.store.remove_entry(entry_id, actor.name, actor.guild_id)
    if removed:
        await service.refresh()
    return removed


async def teach(
    service: BriefingService, actor: Actor, question: str, entry_id: str
) -> tuple[QueueItem, Entry]:
    """A queued question becomes a phrasing of an entry and leaves the queue."""
    store = service.store
    waiting = await store.review_queue(limit=max(await store.review_count(), 1))
    item = find_queued(question, waiting)
    if item is None:
        raise CurationError(
            f"{shown(question)} is not waiting in the review queue; pick one as you type,"
            " or see /qa unanswered."
        )
    entry = await entry_or_refuse(service, entry_id)
    try:
        clean_phrasing(item.question, "queued question")
    except CurationError as exc:
        raise CurationError(f"{exc.message} Add a shorter phrasing with /qa alias.") from None
    await refuse_clashes(service, [item.question], entry.id)
    await store.teach(item.question, entry.id, actor.name, actor.guild_id)
    await service.refresh()
    return item, await entry_or_refuse(service, entry.id)
