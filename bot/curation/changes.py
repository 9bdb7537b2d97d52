"""Entry changes a server's moderators make: add, edit, alias, remove, teach. Each checks
everything first, then goes through the service (which writes, audits and refreshes that
server's view). Nothing here changes what another server sees."""

from __future__ import annotations

from dataclasses import replace

from bot.curation.context import Actor, entry_or_refuse, refuse_clashes, sources
from bot.curation.errors import CurationError
from bot.curation.evidence import Source, closest_sentences, locate
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


async def _new_id(service: BriefingService, guild_id: int, article_id: str, question: str) -> str:
    taken = await service.ids_taken(guild_id, article_id)
    for candidate in candidate_ids(question):
        if candidate not in taken:  # removed ones too: an id is never reused
            return candidate
    raise AssertionError("unreachable: candidate_ids never ends")


def _article_for(service: BriefingService, actor: Actor, article_id: str | None) -> str:
    """The article a new entry without evidence belongs to: the one named, or the only one."""
    active = service.articles(actor.audience)
    if article_id is not None:
        if article_id not in {a.id for a in active}:
            raise CurationError(f"{shown(article_id, 60)} is not an active article here.")
        return article_id
    if len(active) == 1:
        return active[0].id
    raise CurationError("Several articles are active here: say which one the entry is about.")


def evidence_choices(
    service: BriefingService,
    actor: Actor,
    question: str,
    answer: str,
    article_id: str | None,
    kind: str = "background",
) -> list[tuple[Source, Evidence]]:
    """The closest sentences of the server's articles, for the moderator to pick from; the
    entry is checked first, so a refusal comes before the choice, not after."""
    question, answer = clean_phrasing(question), clean_answer(answer)
    clean_kind(kind)
    found = sources(service, actor.audience, article_id)
    for source in found:
        refuse_clashes(service, actor.audience, source.article.id, [question], None)
    return closest_sentences(question, answer, found)


async def add_entry(
    service: BriefingService,
    actor: Actor,
    *,
    question: str,
    answer: str,
    evidence: str | Evidence | None = None,
    kind: str = "background",
    article_id: str | None = None,
) -> Entry:
    """A new entry in the actor's server. `evidence` is a passage copied from the article, a
    sentence the moderator picked, or None: then the answer is a note from the moderators,
    shown as such and never as a quote."""
    guild_id = actor.server()
    question = clean_phrasing(question)
    answer = clean_answer(answer)
    kind = clean_kind(kind)
    passages: tuple[Evidence, ...] = ()
    if isinstance(evidence, Evidence):
        found = [s for s in sources(service, actor.audience) if s.seed.name == evidence.seed]
        if not found or found[0].seed.raw[evidence.start : evidence.end] != evidence.quote:
            raise CurationError("That sentence is no longer in the article; run /qa add again.")
        article_id, passages = found[0].article.id, (evidence,)
    elif evidence is not None and clean_evidence(evidence):
        source, passages = locate(
            [clean_evidence(evidence)], sources(service, actor.audience, article_id)
        )
        article_id = source.article.id
    else:
        article_id = _article_for(service, actor, article_id)
    refuse_clashes(service, actor.audience, article_id, [question], None)
    entry_id = await _new_id(service, guild_id, article_id, question)
    entry = Entry(entry_id, article_id, kind, question, (), answer, passages)
    await service.add_entry(guild_id, actor.name, entry)
    return entry


def _evidence(
    service: BriefingService, actor: Actor, current: Entry, passages: list[str]
) -> tuple[Evidence, ...]:
    """The passages found in the entry's own article; unchanged ones keep their Evidence, so
    their offsets never jump to an earlier copy of the same words."""
    known = {fold(e.quote): e for e in current.evidence}
    known |= {fold(e.display): e for e in current.evidence}
    kept = [known.get(fold(p)) for p in passages]
    if passages and all(e is not None for e in kept):
        return tuple(e for e in kept if e is not None)
    return locate(passages, sources(service, actor.audience, current.article_id))[1]


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
    """Apply an edit made to `shown_entry` (the entry as the form showed it) in the actor's
    server; None if it changes nothing. `evidence` or `alternates` None leaves them as they are.

    Refused if the entry changed meanwhile, so one moderator never silently undoes another.
    """
    guild_id = actor.server()
    current = service.view(actor.audience).entry(shown_entry.key)
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
        kept = _evidence(service, actor, current, [clean_evidence(p) for p in lines(evidence)])
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
    refuse_clashes(service, actor.audience, current.article_id, list(new.phrasings), current)
    await service.edit_entry(guild_id, actor.name, current, new)
    return service.view(actor.audience).entry(current.key)


async def add_alias(service: BriefingService, actor: Actor, ref: str, phrasing: str) -> Entry:
    """Another way to ask for an entry, in the actor's server."""
    guild_id = actor.server()
    entry = entry_or_refuse(service, actor.audience, ref)
    phrasing = clean_phrasing(phrasing, "phrasing")
    if phrasing_key(phrasing) in {phrasing_key(p) for p in entry.phrasings}:
        raise CurationError(f"{shown(phrasing)} is already a phrasing of `{entry.id}`.")
    refuse_clashes(service, actor.audience, entry.article_id, [phrasing], entry)
    await service.add_phrasing(guild_id, actor.name, entry, phrasing)
    return entry_or_refuse(service, actor.audience, f"{entry.article_id}/{entry.id}")


async def remove_entry(service: BriefingService, actor: Actor, entry: Entry) -> bool:
    """False if it was already gone here (another moderator was quicker)."""
    guild_id = actor.server()
    if service.view(actor.audience).entry(entry.key) is None:
        return False
    return await service.remove_entry(guild_id, actor.name, entry)


async def teach(
    service: BriefingService, actor: Actor, question: str, ref: str
) -> tuple[QueueItem, Entry]:
    """A question from this server's review queue becomes a phrasing of an entry."""
    guild_id = actor.server()
    waiting = await service.queue(guild_id, limit=max(await service.queue_count(guild_id), 1))
    item = find_queued(question, waiting)
    if item is None:
        proposed = [
            p for p in await service.proposals(guild_id) if p.question_key == phrasing_key(question)
        ]
        if not proposed:
            raise CurationError(
                f"{shown(question)} is not waiting in the review queue; pick one as you type,"
                " or see /qa unanswered."
            )
        item = QueueItem(
            proposed[0].question_key, proposed[0].question, proposed[0].members, service.clock()
        )
    entry = entry_or_refuse(service, actor.audience, ref)
    try:
        clean_phrasing(item.question, "queued question")
    except CurationError as exc:
        raise CurationError(f"{exc.message} Add a shorter phrasing with /qa alias.") from None
    if phrasing_key(item.question) in {phrasing_key(p) for p in entry.phrasings}:
        raise CurationError(f"{shown(item.question)} is already a phrasing of `{entry.id}`.")
    refuse_clashes(service, actor.audience, entry.article_id, [item.question], entry)
    await service.teach(guild_id, actor.name, item.question, entry)
    return item, entry_or_refuse(service, actor.audience, f"{entry.article_id}/{entry.id}")
