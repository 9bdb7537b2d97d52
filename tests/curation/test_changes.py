"""Entry changes through the service: checks first, then the store (audited), then the view;
every change is the acting server's own."""

from __future__ import annotations

import pytest

from bot.curation.changes import (
    StaleEdit,
    add_alias,
    add_entry,
    edit_entry,
    evidence_choices,
    remove_entry,
    teach,
)
from bot.curation.context import Actor, entry_or_refuse
from bot.curation.errors import CurationError
from bot.models import Entry
from bot.service import Audience, BriefingService

GUILD, OTHER = 7, 8
MOD = Actor(42, GUILD)
HERE, THERE = Audience(GUILD), Audience(OTHER)
QUESTION = "Which day of the week did Putin and Trump talk?"
ANSWER = "On a Monday, by phone."


async def audit_count(service: BriefingService, guild: int | None = GUILD) -> int:
    return len(await service.history(guild, limit=1_000_000))


def seen(service: BriefingService, audience: Audience, ref: str) -> Entry | None:
    try:
        return entry_or_refuse(service, audience, ref)
    except CurationError:
        return None


async def test_an_added_entry_answers_in_its_server_only(service: BriefingService) -> None:
    """An added entry is audited and answers at once, in the server that added it alone."""
    added = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert added.article_id == "trump-russia" and added.evidence == ()
    [record] = await service.history(GUILD, added.key)
    assert (record.action, record.actor, record.guild_id) == ("add", "42", GUILD)
    assert service.evaluate(QUESTION, HERE).entry == added
    assert service.evaluate(QUESTION, THERE).entry != added
    assert service.evaluate(QUESTION, Audience()).entry != added  # DMs use the base
    assert await service.history(OTHER, None) == []


async def test_evidence_is_offered_never_attached(service: BriefingService) -> None:
    """Without evidence the closest sentences are offered; a picked one is kept verbatim."""
    choices = evidence_choices(service, MOD, "Who said trust takes years?", "Peskov.", None)
    assert 1 <= len(choices) <= 5
    source, sentence = choices[0]
    added = await add_entry(
        service, MOD, question="Who said trust takes years?!", answer="Peskov.", evidence=sentence
    )
    assert added.evidence == (sentence,)
    assert source.seed.raw[sentence.start : sentence.end] == sentence.quote


async def test_ids_are_never_reused(service: BriefingService) -> None:
    """A removed entry's id is not given to a new one."""
    first = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert await remove_entry(service, MOD, first)
    assert not await remove_entry(service, MOD, first)
    second = await add_entry(service, MOD, question=QUESTION, answer=ANSWER)
    assert second.id == f"{first.id}-2"


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"question": "", "answer": ANSWER}, "The question is empty."),
        ({"question": QUESTION, "answer": ANSWER, "kind": "gossip"}, "Unknown kind"),
        ({"question": QUESTION, "answer": ANSWER, "evidence": "Nope."}, "word for word"),
        ({"question": "Who is Flynn?", "answer": ANSWER}, "under `person-flynn`"),
        ({"question": QUESTION, "answer": ANSWER, "article_id": "nope"}, "not an active article"),
    ],
)
async def test_refused_adds_change_nothing(
    service: BriefingService, options: dict[str, str], says: str
) -> None:
    """A refused add writes nothing, not even to the audit log."""
    before = (dict(service.view(HERE).entries), await audit_count(service))
    with pytest.raises(CurationError) as refused:
        await add_entry(service, MOD, **options)
    assert says in refused.value.message
    assert (dict(service.view(HERE).entries), await audit_count(service)) == before


async def test_an_edit_is_one_audited_change_of_this_server(service: BriefingService) -> None:
    """Question, answer, evidence, alternates and kind change together, audited once, here."""
    entry = seen(service, HERE, "conclusion")
    assert entry is not None
    kept = entry.alternates[1:]
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
    [record] = await service.history(GUILD, entry.key, limit=1)
    assert record.action == "edit" and record.before["answer"] == entry.answer
    assert record.after["answer"] == "A new answer."
    assert service.evaluate("what does juncture mean", HERE).entry == edited
    assert seen(service, THERE, "conclusion") == entry  # the other server keeps the file's


async def test_edit_without_changes_writes_nothing(service: BriefingService) -> None:
    """Submitting the form as shown changes nothing and records nothing."""
    entry = seen(service, HERE, "conclusion")
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
    entry = seen(service, HERE, "conclusion")
    assert entry is not None
    await add_alias(service, MOD, "conclusion", "what does juncture mean")
    with pytest.raises(StaleEdit, match="changed while you were editing"):
        await edit_entry(
            service, MOD, entry, question="Q?", answer="A.", evidence=None, alternates=None
        )
    current = seen(service, HERE, "conclusion")
    assert current is not None
    await remove_entry(service, MOD, current)
    with pytest.raises(StaleEdit, match="was removed"):
        await edit_entry(
            service, MOD, current, question="Q?", answer="A.", evidence=None, alternates=None
        )
    assert seen(service, THERE, "conclusion") is not None


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
    entry = seen(service, HERE, "conclusion")
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
    assert seen(service, HERE, "conclusion") == entry


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


async def test_teach_answers_a_queued_question_of_this_server(service: BriefingService) -> None:
    """A question queued here becomes a phrasing here and leaves this server's queue."""
    await service.ask("what does juncture mean", audience=HERE)
    await service.ask("What does juncture mean?", audience=HERE)
    await service.ask("what does juncture mean", audience=THERE)
    item, entry = await teach(service, MOD, "what does juncture mean", "conclusion")
    assert item.times_asked == 2 and "what does juncture mean" in entry.alternates
    assert await service.queue_count(GUILD) == 0 and await service.queue_count(OTHER) == 1
    assert service.evaluate("what does juncture mean", HERE).entry == entry
    with pytest.raises(CurationError, match="not waiting in the review queue"):
        await teach(service, MOD, "what does juncture mean", "conclusion")


async def test_a_question_from_another_server_cannot_be_taught(service: BriefingService) -> None:
    """Another server's queue is not this server's to read or teach from."""
    await service.ask("who is the kremlin voice", audience=THERE)
    with pytest.raises(CurationError, match="not waiting in the review queue"):
        await teach(service, MOD, "who is the kremlin voice", "person-peskov")


async def test_teach_refuses_a_question_too_long_for_a_phrasing(
    service: BriefingService,
) -> None:
    """A queued question over 300 characters cannot be a phrasing; /qa alias is suggested."""
    long = "what does juncture mean " + "really " * 50
    await service.ask(long, audience=HERE)
    with pytest.raises(
        CurationError, match=r"limit is 300\. Add a shorter phrasing with /qa alias"
    ):
        await teach(service, MOD, long, "conclusion")
    assert await service.queue_count(GUILD) == 1
