"""Entry changes through the service: checks first, then the store (audited), then the engine."""

from __future__ import annotations

import sqlite3

import pytest

from bot.curation.changes import StaleEdit, add_alias, add_entry, edit_entry, remove_entry, teach
from bot.curation.context import Actor
from bot.curation.errors import CurationError
from bot.service import BriefingService

MOD = Actor(42, 7)
QUESTION = "Which day of the week did Putin and Trump talk?"
ANSWER = "On a Monday, by phone."


async def audit_count(service: BriefingService) -> int:
    return len(await service.store.history(limit=1_000_000))


def phrasing_origins(service: BriefingService, entry_id: str) -> dict[str, str]:
    with sqlite3.connect(service.settings.database_path) as db:
        rows = db.execute("SELECT text, origin FROM phrasings WHERE entry_id = ?", (entry_id,))
        return dict(rows.fetchall())


async def test_add_is_audited_and_answers_at_once(service: BriefingService) -> None:
    """An added entry is in the store, in the audit log and in the engine right away."""
    added = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert added.evidence_chosen and added.entry.article_id == "trump-russia"
    assert await service.store.entry(added.entry.id) == added.entry
    [record] = await service.store.history(added.entry.id)
    assert (record.action, record.actor, record.guild_id) == ("add", "42", 7)
    assert service.evaluate(QUESTION).entry == added.entry


async def test_ids_are_never_reused(service: BriefingService) -> None:
    """A removed entry's id is not given to a new one."""
    first = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert await remove_entry(service, MOD, first.entry.id)
    assert not await remove_entry(service, MOD, first.entry.id)
    second = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert second.entry.id == f"{first.entry.id}-2"


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"question": "", "answer": ANSWER}, "The question is empty."),
        ({"question": QUESTION, "answer": ANSWER, "kind": "gossip"}, "Unknown kind"),
        ({"question": QUESTION, "answer": ANSWER, "evidence": "Nope."}, "word for word"),
        ({"question": "Who is Flynn?", "answer": ANSWER}, "under `person-flynn`"),
    ],
)
async def test_refused_adds_change_nothing(
    service: BriefingService, options: dict[str, str], says: str
) -> None:
    """A refused add writes nothing, not even to the audit log."""
    before = (await service.store.entries(), await audit_count(service))
    with pytest.raises(CurationError) as refused:
        await add_entry(service, MOD, **options)
    assert says in refused.value.message
    assert (await service.store.entries(), await audit_count(service)) == before


async def test_edit_writes_one_audited_change(service: BriefingService) -> None:
    """Question, answer, evidence, alternates and kind change together, audited once."""
    entry = await service.store.entry("conclusion")
    assert entry is not None
    kept, dropped = entry.alternates[1:], entry.alternates[0]
    edited = await edit_entry(
        service,
        MOD,
        entry,
        question="What is the article's conclusion?",
        answer="A new answer.",
        evidence="\n".join([*(e.display for e in entry.evidence), "Make no mistake"]),
        alternates="\n".join([*kept, "what does juncture mean"]),
        kind="background",
    )
    assert edited is not None
    assert (edited.question, edited.answer, edited.kind) == (
        "What is the article's conclusion?",
        "A new answer.",
        "background",
    )
    assert edited.evidence[:-1] == entry.evidence and edited.evidence[-1].quote == "Make no mistake"
    origins = phrasing_origins(service, "conclusion")
    assert dropped not in origins and origins["what does juncture mean"] == "moderator"
    assert all(origins[p] == "file" for p in kept)  # a file's phrasing still follows its file
    [record] = await service.store.history("conclusion", limit=1)
    assert record.action == "edit" and record.before["answer"] == entry.answer
    assert record.after["answer"] == "A new answer."
    assert service.evaluate("what does juncture mean").entry == edited


async def test_edit_without_changes_writes_nothing(service: BriefingService) -> None:
    """Submitting the form as shown changes nothing and records nothing."""
    entry = await service.store.entry("conclusion")
    assert entry is not None
    count = await audit_count(service)
    result = await edit_entry(
        service,
        MOD,
        entry,
        question=f"  {entry.question} ",
        answer=entry.answer,
        evidence="\n".join(" ".join(e.display.split()) for e in entry.evidence),
        alternates=None,
        kind=None,
    )
    assert result is None and await audit_count(service) == count


async def test_a_stale_edit_is_refused(service: BriefingService) -> None:
    """An edit made to an older version of the entry is refused, not applied over the newer."""
    entry = await service.store.entry("conclusion")
    assert entry is not None
    await add_alias(service, MOD, "conclusion", "what does juncture mean")
    with pytest.raises(StaleEdit, match="changed while you were editing"):
        await edit_entry(
            service, MOD, entry, question="Q?", answer="A.", evidence=None, alternates=None
        )
    await remove_entry(service, MOD, "conclusion")
    with pytest.raises(StaleEdit, match="was removed"):
        await edit_entry(
            service, MOD, entry, question="Q?", answer="A.", evidence=None, alternates=None
        )


@pytest.mark.parametrize(
    ("evidence", "alternates", "says"),
    [
        ("", None, "at least one evidence passage"),
        ("Putin loves vodka.", None, "word for word"),
        (None, "who is flynn", "under `person-flynn`"),
        (None, "fine\n" + "x" * 400, "alternate on line 2"),
    ],
)
async def test_refused_edits_change_nothing(
    service: BriefingService, evidence: str | None, alternates: str | None, says: str
) -> None:
    """Bad evidence, a clashing or over-long alternate: refused, the entry as it was."""
    entry = await service.store.entry("conclusion")
    assert entry is not None
    with pytest.raises(CurationError) as refused:
        await edit_entry(
            service,
            MOD,
            entry,
            question=entry.question,
            answer=entry.answer,
            evidence=evidence,
            alternates=alternates,
        )
    assert says in refused.value.message
    assert await service.store.entry("conclusion") == entry


@pytest.mark.parametrize(
    ("entry_id", "phrasing", "says"),
    [
        ("conclusion", "bottom line", "already a phrasing of `conclusion`"),
        ("conclusion", "Who is Flynn??", "under `person-flynn` (“Who is Michael Flynn?”)"),
        ("no-such-entry", "hello there", "There is no entry “no-such-entry”"),
        ("conclusion", "   ", "The phrasing is empty."),
    ],
)
async def test_refused_aliases(
    service: BriefingService, entry_id: str, phrasing: str, says: str
) -> None:
    """Aliases are refused when taken, unknown or empty; the refusal names the other entry."""
    with pytest.raises(CurationError) as refused:
        await add_alias(service, MOD, entry_id, phrasing)
    assert says in refused.value.message


async def test_teach_answers_a_queued_question(service: BriefingService) -> None:
    """A queued question becomes a phrasing and leaves the queue."""
    await service.ask("what does juncture mean")
    await service.ask("What does juncture mean?")
    item, entry = await teach(service, MOD, "what does juncture mean", "conclusion")
    assert item.times_asked == 2 and "what does juncture mean" in entry.alternates
    assert await service.store.review_count() == 0
    assert service.evaluate("what does juncture mean").entry == entry
    with pytest.raises(CurationError, match="not waiting in the review queue"):
        await teach(service, MOD, "what does juncture mean", "conclusion")


async def test_teach_refuses_a_question_too_long_for_a_phrasing(
    service: BriefingService,
) -> None:
    """A queued question over 300 characters cannot be a phrasing; /qa alias is suggested."""
    long = "what does juncture mean " + "really " * 50
    await service.ask(long)
    with pytest.raises(
        CurationError, match=r"limit is 300\. Add a shorter phrasing with /qa alias"
    ):
        await teach(service, MOD, long, "conclusion")
    assert await service.store.review_count() == 1
