"""/qa: moderators add, edit, remove, alias, teach, list, import, export and reload entries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import inspect_store
import pytest
import yaml
from standin import DiscordStandIn, Ids, SentMessage

from bot.knowledge.check import check_knowledge
from bot.settings import PROJECT_ROOT
from tests.e2e.conftest import RunningBot, StartBot

NO_PINGS = {"parse": []}
REFUSAL = "This command is for moderators"
NEW_QUESTION = "Which day of the week did Putin and Trump talk?"
NEW_ANSWER = "On a Monday: the two spoke by phone in the week after Trump's election."
PHONE_CALL = "A phone call between Donald Trump and Vladimir Putin on Monday"


async def qa(
    standin: DiscordStandIn,
    path: str,
    options: dict[str, Any] | None = None,
    *,
    user: int = Ids.MODERATOR,
) -> SentMessage:
    """Run `/qa path` and return the first message the user sees."""
    handle = await standin.slash(f"qa {path}", options or {}, user=user, channel_id=Ids.GENERAL)
    return await handle.reply()


async def ask(
    standin: DiscordStandIn, question: str, user: int = Ids.MEMBER, channel: int = Ids.ASK
) -> SentMessage:
    """/ask; asking the same again needs another channel (a repeat within 15 s is skipped)."""
    handle = await standin.slash("ask", {"question": question}, user=user, channel_id=channel)
    return await handle.reply()


async def answered_with(reply: SentMessage, running: RunningBot) -> str | None:
    """The entry id an /ask reply answered with (None for a decline): members never see ids,
    so it is read from the ask the bot logged."""
    if not reply["embeds"]:
        return None
    return await inspect_store.last_entry(running)


def new_id(reply: SentMessage) -> str:
    found = re.search(r"`(mod-[a-z0-9-]+)`", reply["content"])
    assert found, reply["content"]
    return found.group(1)


def buttons(message: SentMessage) -> dict[str, dict[str, Any]]:
    return {c["label"]: c for row in message["components"] for c in row["components"]}


def modal_values(modal: dict[str, Any]) -> dict[str, Any]:
    """A modal's inputs as prefilled: text inputs' values, selects' default options."""
    found: dict[str, Any] = {}
    for row in modal["components"]:
        comp = row.get("component") or row["components"][0]
        if comp["type"] == 4:
            found[comp["custom_id"]] = comp.get("value", "")
        else:
            found[comp["custom_id"]] = [o["value"] for o in comp["options"] if o.get("default")]
    return found


def assert_no_pings(standin: DiscordStandIn) -> None:
    """Every message the bot sent or edited told Discord to ping nobody."""
    sent = [r.message for r in standin.requests if r.message is not None]
    assert sent and all(m["allowed_mentions"] == NO_PINGS for m in sent), [
        (m["kind"], m["allowed_mentions"]) for m in sent
    ]


def open_qa_to(standin: DiscordStandIn, *who: int) -> None:
    """What an admin does under Server Settings → Integrations: let these roles or users (the
    guild id: everyone) invoke /qa although it is registered for Manage Server only, so the
    bot's own run-time check is what stands between them and the commands."""
    standin.world.command_access["qa"] = set(who)


async def snapshot(running: RunningBot) -> tuple[Any, ...]:
    """Entries, review queue and audit log: what a refused command must leave alone."""
    audit = await inspect_store.history(running, limit=1_000_000)
    return inspect_store.entries(running), await inspect_store.queue_count(running), len(audit)


# -- adding ----------------------------------------------------------------------------------


def select_of(message: SentMessage) -> dict[str, Any]:
    return next(c for row in message["components"] for c in row["components"] if c["type"] == 3)


async def add(
    standin: DiscordStandIn,
    options: dict[str, Any],
    *,
    user: int = Ids.MODERATOR,
    pick: str = "0",
) -> SentMessage:
    """/qa add without evidence, then pick an offered sentence (or "none": a note)."""
    offer = await qa(standin, "add", options, user=user)
    picker = select_of(offer)
    return await (await standin.click(picker["custom_id"], offer, user=user, values=[pick])).reply()


async def test_add_without_evidence_offers_sentences_and_ask_finds_it(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa add without evidence offers the closest sentences (never picks one itself); the
    moderator's pick grounds the answer, and /ask answers with the new entry."""
    # The curated store may answer it too (the article does say Monday); what matters is that
    # the server's own entry answers once added.
    before = await answered_with(await ask(standin, NEW_QUESTION), briefbot)
    assert not (before or "").startswith("mod-")
    offer = await qa(standin, "add", {"question": NEW_QUESTION, "answer": NEW_ANSWER})
    assert offer["ephemeral"] and "Which sentence of the article" in offer["content"]
    picker = select_of(offer)
    labels = [o["label"] for o in picker["options"]]
    assert labels[0].startswith(PHONE_CALL) and labels[-1].startswith("No quote")
    assert len(labels) <= 6 and all(len(label) <= 100 for label in labels)
    assert (
        inspect_store.entry(briefbot, "mod-which-day-of-the-week-did-putin-and-trump-talk") is None
    )
    picked = await (
        await standin.click(picker["custom_id"], offer, user=Ids.MODERATOR, values=["0"])
    ).reply()
    assert f"Evidence: {PHONE_CALL}" in picked["content"]
    entry_id = new_id(picked)
    assert entry_id == "mod-which-day-of-the-week-did-putin-and-trump-talk"
    entry = inspect_store.entry(briefbot, entry_id)
    assert entry is not None and entry.kind == "background"
    assert entry.evidence[0].quote.startswith(PHONE_CALL)
    answer = await ask(standin, NEW_QUESTION, channel=Ids.GENERAL)
    assert await answered_with(answer, briefbot) == entry_id
    assert "> " + PHONE_CALL in answer["embeds"][0]["description"]
    [audit] = await inspect_store.history(briefbot, entry_id)
    assert (audit.action, audit.actor) == ("add", str(Ids.MODERATOR))
    assert_no_pings(standin)


async def test_an_answer_without_a_quote_is_a_note_not_evidence(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Choosing no sentence adds a note from the moderators, shown as such and unquoted."""
    question, answer = "What is Flynn's big secret?", "Flynn is a secret agent."
    offer = await qa(standin, "add", {"question": question, "answer": answer})
    picker = select_of(offer)
    done = await (
        await standin.click(picker["custom_id"], offer, user=Ids.MODERATOR, values=["none"])
    ).reply()
    assert "note from this server's moderators" in done["content"]
    reply = await ask(standin, question)
    embed = reply["embeds"][0]
    assert embed["description"] == answer and ">" not in embed["description"]
    assert embed["fields"][0]["name"] == "A note from this server's moderators"


async def test_add_with_evidence_forgives_spacing_and_quote_style(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Evidence typed with straight quotes and odd spaces is found; the id stays unique."""
    evidence = '"An atmosphere of  mutual trust takes years to achieve.'
    options = {
        "question": "Why can't trust be declared?",
        "answer": "Peskov said trust takes years and cannot simply be declared.",
        "evidence": evidence,
        "kind": "quote",
    }
    first = await qa(standin, "add", options)
    assert "Evidence: “An atmosphere of mutual trust" in first["content"]
    entry = inspect_store.entry(briefbot, new_id(first))
    assert entry is not None and entry.kind == "quote"
    assert entry.evidence[0].quote == "“An atmosphere of mutual trust takes years to achieve."
    # The same question again clashes; a new wording gets its own id.
    again = await qa(standin, "add", {**options, "question": "Why can't trust be declared?!"})
    assert f"already stands under `{entry.id}`" in again["content"]
    other = await qa(standin, "add", {**options, "question": "Why can't trust be declared, Sir?"})
    assert new_id(other) == "mod-why-cant-trust-be-declared-sir"


async def test_add_refuses_bad_input_and_changes_nothing(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Empty, over-long, control characters, unknown evidence, a taken phrasing: each refused."""
    before = await snapshot(briefbot)
    cases = [
        ({"question": "   ", "answer": NEW_ANSWER}, "The question is empty."),
        ({"question": "x" * 5000, "answer": NEW_ANSWER}, "5,000 characters long; the limit is 300"),
        (
            {"question": NEW_QUESTION, "answer": "y" * 5000},
            "5,000 characters long; the limit is 600",
        ),
        ({"question": "who\x07 is he", "answer": NEW_ANSWER}, "control characters"),
        ({"question": "???", "answer": NEW_ANSWER}, "has no words in it"),
        (
            {"question": NEW_QUESTION, "answer": NEW_ANSWER, "evidence": "Putin loves vodka."},
            "This evidence is not in the article word for word: “Putin loves vodka.”",
        ),
        (
            {"question": "who said mutual trust takes years", "answer": NEW_ANSWER},
            "already stands under `quote-peskov-mutual-trust`",
        ),
    ]
    for options, says in cases:
        reply = await qa(standin, "add", options)
        assert reply["ephemeral"] and says in reply["content"], (options, reply["content"])
    assert await snapshot(briefbot) == before
    assert_no_pings(standin)


async def test_everyone_in_a_question_pings_nobody(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """A question with @everyone is stored as typed but shown inert, and nothing pings."""
    question = "@everyone which day did Putin and Trump talk on the phone?"
    reply = await add(standin, {"question": question, "answer": NEW_ANSWER})
    entry_id = new_id(reply)
    assert "@\u200beveryone" in reply["content"]  # escaped, as well as not allowed to ping
    shown = await qa(standin, "show", {"entry": entry_id})
    assert "@\u200beveryone" in shown["embeds"][0]["title"]
    assert await answered_with(await ask(standin, question), briefbot) == entry_id
    assert_no_pings(standin)


# -- editing ---------------------------------------------------------------------------------


async def test_edit_form_is_prefilled_and_saves_every_field(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa edit opens a prefilled form; the saved edit changes the entry and what /ask finds."""
    before = inspect_store.entry(briefbot, "conclusion")
    assert before is not None
    modal = await (
        await standin.slash("qa edit", {"entry": "conclusion"}, user=Ids.MODERATOR)
    ).modal()
    values = modal_values(modal)
    assert values["question"] == before.question and values["answer"] == before.answer
    assert values["alternates"].splitlines() == list(before.alternates)
    assert values["kind"] == ["argument"]
    evidence = values["evidence"].splitlines()
    assert len(evidence) == len(before.evidence)
    alternates = [*before.alternates[1:], "what does juncture mean"]
    submit = await standin.submit_modal(
        modal["custom_id"],
        {
            **values,
            "answer": "It ends hopeful: this is the perfect moment to restart the partnership.",
            "evidence": "\n".join(
                [*evidence, "The next steps will be to move from words to action"]
            ),
            "alternates": "\n".join(alternates),
            "kind": ["background"],
        },
        user=Ids.MODERATOR,
    )
    reply = await submit.reply()
    assert reply["ephemeral"] and "Saved `conclusion`" in reply["content"]
    after = inspect_store.entry(briefbot, "conclusion")
    assert after is not None
    assert after.answer.startswith("It ends hopeful") and after.kind == "background"
    assert after.evidence[: len(before.evidence)] == before.evidence  # unchanged ones kept as were
    assert after.evidence[-1].quote == "The next steps will be to move from words to action"
    assert sorted(after.alternates) == sorted(alternates)
    assert (
        await answered_with(await ask(standin, "what does juncture mean"), briefbot) == "conclusion"
    )
    [audit] = await inspect_store.history(briefbot, "conclusion", limit=1)
    assert (audit.action, audit.actor) == ("edit", str(Ids.MODERATOR))
    assert_no_pings(standin)


async def test_refused_edits_change_nothing(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """Bad evidence (with "Edit again" to fix it), an unknown id and a stale form are refused."""
    before = inspect_store.entry(briefbot, "conclusion")
    assert before is not None
    opened = await standin.slash("qa edit", {"entry": "conclusion"}, user=Ids.MODERATOR)
    modal = await opened.modal()
    typed = {**modal_values(modal), "evidence": "Russia and the US will be friends forever."}
    submit = await standin.submit_modal(modal["custom_id"], typed, user=Ids.MODERATOR)
    reply = await submit.reply()
    assert "not in the article word for word" in reply["content"]
    assert inspect_store.entry(briefbot, "conclusion") == before
    again = await standin.click(
        buttons(reply)["Edit again"]["custom_id"], reply, user=Ids.MODERATOR
    )
    assert modal_values(await again.modal())["evidence"] == typed["evidence"]
    unknown = await qa(standin, "edit", {"entry": "no-such-entry"})
    assert "There is no entry “no-such-entry”" in unknown["content"]
    # Another moderator changes the entry while the form is open: saving it would undo that.
    await qa(standin, "alias", {"entry": "conclusion", "phrasing": "what does juncture mean"})
    values = {**modal_values(modal), "answer": "Something else entirely."}
    stale = await (
        await standin.submit_modal(modal["custom_id"], values, user=Ids.MODERATOR)
    ).reply()
    assert "changed while you were editing it" in stale["content"]
    assert stale["components"] == []  # no "Edit again": the form is out of date
    entry = inspect_store.entry(briefbot, "conclusion")
    assert entry is not None and entry.answer == before.answer


# -- removing, aliases, teaching --------------------------------------------------------------


async def test_remove_asks_first_and_only_the_invoker_can_confirm(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Cancel keeps the entry; Remove (by the invoker only) takes it out of /ask."""
    question = "how many bottles of champagne"
    assert await answered_with(await ask(standin, question), briefbot) == "champagne-bottles"
    prompt = await qa(standin, "remove", {"entry": "champagne-bottles"})
    assert prompt["ephemeral"] and list(buttons(prompt)) == ["Remove", "Cancel"]
    assert buttons(prompt)["Remove"]["style"] == 4  # danger
    cancel = await (await standin.click("bb:qa:cancel", prompt, user=Ids.MODERATOR)).reply()
    assert "Kept `champagne-bottles`" in cancel["content"] and cancel["components"] == []
    prompt = await qa(standin, "remove", {"entry": "champagne-bottles"})
    stranger = await (await standin.click("bb:qa:remove", prompt, user=Ids.OWNER)).reply()
    assert stranger["ephemeral"] and "Only the moderator who ran this" in stranger["content"]
    assert inspect_store.entry(briefbot, "champagne-bottles") is not None
    done = await (await standin.click("bb:qa:remove", prompt, user=Ids.MODERATOR)).reply()
    assert "Removed `champagne-bottles`" in done["content"] and done["components"] == []
    assert inspect_store.entry(briefbot, "champagne-bottles") is None
    assert (
        await answered_with(await ask(standin, question, channel=Ids.GENERAL), briefbot)
        != "champagne-bottles"
    )
    gone = await qa(standin, "remove", {"entry": "champagne-bottles"})
    assert "There is no entry" in gone["content"]
    assert_no_pings(standin)


async def test_alias_teaches_ask_a_phrasing_and_refuses_clashes(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """An alias makes /ask answer that phrasing; a phrasing of another entry is refused."""
    phrasing = "what does juncture mean"
    assert await answered_with(await ask(standin, phrasing), briefbot) is None
    reply = await qa(standin, "alias", {"entry": "conclusion", "phrasing": phrasing})
    assert reply["ephemeral"] and "to `conclusion`" in reply["content"]
    assert (
        await answered_with(await ask(standin, phrasing, channel=Ids.GENERAL), briefbot)
        == "conclusion"
    )
    cases = [
        ({"entry": "obama-reset", "phrasing": "What does juncture mean?"}, "under `conclusion`"),
        ({"entry": "conclusion", "phrasing": phrasing}, "already a phrasing of `conclusion`"),
        ({"entry": "conclusion", "phrasing": "z" * 5000}, "the limit is 300"),
        ({"entry": "conclusion", "phrasing": ""}, "The phrasing is empty."),
        ({"entry": "nope", "phrasing": "hello there"}, "There is no entry “nope”"),
    ]
    for options, says in cases:
        assert says in (await qa(standin, "alias", options))["content"], options


async def test_unanswered_queue_and_teach(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """Declined asks queue up with counts; /qa teach answers one and clears it from the queue."""
    for channel in (Ids.ASK, Ids.GENERAL):
        assert (
            await answered_with(
                await ask(standin, "what does juncture mean", channel=channel), briefbot
            )
            is None
        )
    await ask(standin, "is the weather nice in moscow today?")
    queue = await qa(standin, "unanswered")
    description = queue["embeds"][0]["description"]
    assert description.index("**×2** what does juncture mean") < description.index("weather")
    assert "<t:" in description and queue["ephemeral"]
    choices = await standin.autocomplete(
        "qa teach", {"question": "juncture", "entry": ""}, focused="question", user=Ids.MODERATOR
    )
    assert choices[0]["value"] == "what does juncture mean"
    reply = await qa(standin, "teach", {"question": choices[0]["value"], "entry": "conclusion"})
    assert "now leads to `conclusion`" in reply["content"]
    taught = await ask(standin, "what does juncture mean", channel=Ids.DIGEST)
    assert await answered_with(taught, briefbot) == "conclusion"
    queue = await qa(standin, "unanswered")
    assert "juncture" not in queue["embeds"][0]["description"]
    again = await qa(
        standin, "teach", {"question": "what does juncture mean", "entry": "conclusion"}
    )
    assert "is not waiting in the review queue" in again["content"]


# -- looking ---------------------------------------------------------------------------------


async def test_show_lists_everything_about_an_entry(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa show: question, answer, evidence, alternates, kind, tags and origin."""
    reply = await qa(standin, "show", {"entry": "quote-peskov-mutual-trust"})
    embed = reply["embeds"][0]
    fields = {f["name"].split(" (")[0]: f["value"] for f in embed["fields"]}
    assert reply["ephemeral"] and "Peskov" in embed["description"]
    assert "> “An atmosphere of mutual trust takes years to achieve." in fields["Evidence"]
    assert "• who said mutual trust takes years" in fields["Alternates"]
    assert fields["Kind"] == "quote" and "peskov" in fields["Tags"]
    assert fields["Origin"].startswith("from the knowledge files")
    await qa(standin, "alias", {"entry": "quote-peskov-mutual-trust", "phrasing": "trust quote"})
    origin = (await qa(standin, "show", {"entry": "quote-peskov-mutual-trust"}))["embeds"][0]
    assert f"last change: alias by <@{Ids.MODERATOR}> <t:" in origin["fields"][-1]["value"]


async def test_list_pages_and_filters(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/qa list shows 10 per page; only the invoker can page; a query lists only the entries
    every one of its words belongs to (typos forgiven)."""
    pages = -(-len(inspect_store.entries(briefbot)) // 10)
    reply = await qa(standin, "list")
    first = reply["embeds"][0]
    assert first["description"].count("\n`") == 9
    assert f"Page 1 of {pages}" in first["footer"]["text"]
    assert buttons(reply)["Prev"]["disabled"] is True
    next_page = buttons(reply)["Next"]["custom_id"]
    stranger = await (await standin.click(next_page, reply, user=Ids.OWNER)).reply()
    assert "Only the moderator who ran this" in stranger["content"]
    second = await (await standin.click(next_page, reply, user=Ids.MODERATOR)).reply()
    assert second["kind"] == "update"
    assert f"Page 2 of {pages}" in second["embeds"][0]["footer"]["text"]
    assert second["embeds"][0]["description"] != first["description"]
    back = await (
        await standin.click(buttons(second)["Prev"]["custom_id"], second, user=Ids.MODERATOR)
    ).reply()
    assert back["embeds"][0]["description"] == first["description"]
    found = (await qa(standin, "list", {"query": "peskof trust"}))["embeds"][0]
    assert "`quote-peskov-mutual-trust`" in found["description"]
    assert "`champagne-bottles`" not in found["description"]
    assert_no_pings(standin)


@pytest.mark.parametrize("query", ["secretary of state", "nato", "champagne", "iran deal"])
async def test_list_query_finds_only_relevant_entries(
    standin: DiscordStandIn, briefbot: RunningBot, query: str
) -> None:
    """Every entry /qa list finds for a query has each of its words somewhere in it."""
    found = (await qa(standin, "list", {"query": query}))["embeds"][0]
    ids = re.findall(r"^`([a-z0-9-]+)`", found["description"], re.MULTILINE)
    assert ids, found
    words = [w for w in query.split() if w != "of"]
    for entry_id in ids:
        entry = inspect_store.entry(briefbot, entry_id)
        assert entry is not None
        text = " ".join([entry.id, *entry.tags, *entry.phrasings, entry.answer]).lower()
        assert all(w in text for w in words), (entry_id, query)


@pytest.mark.parametrize(
    ("path", "options"), [("list", {}), ("list", {"query": "trump"}), ("history", {})]
)
async def test_pagers_turn_pages_after_a_restart(
    standin: DiscordStandIn, start_briefbot: StartBot, path: str, options: dict[str, Any]
) -> None:
    """A /qa pager posted before a restart still turns its pages afterwards."""
    running = await start_briefbot()
    for number in range(11 if path == "history" else 0):  # a second page of history
        await qa(standin, "alias", {"entry": "conclusion", "phrasing": f"juncture {number}"})
    reply = await qa(standin, path, options)
    await running.stop()
    await start_briefbot()
    turned = await (
        await standin.click(buttons(reply)["Next"]["custom_id"], reply, user=Ids.MODERATOR)
    ).reply()
    assert turned["kind"] == "update" and "Page 2" in turned["embeds"][0]["footer"]["text"]
    assert turned["embeds"][0]["title"] == reply["embeds"][0]["title"]


async def test_history_tells_who_changed_what(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa history: when, who, action, entry and a short before → after."""
    await qa(standin, "alias", {"entry": "conclusion", "phrasing": "what does juncture mean"})
    await add(standin, {"question": NEW_QUESTION, "answer": NEW_ANSWER})
    latest = (await qa(standin, "history"))["embeds"][0]["description"]
    assert latest.startswith("<t:") and f"<@{Ids.MODERATOR}> **add**" in latest
    assert "new: “Which day of the week" in latest
    one = (await qa(standin, "history", {"entry": "conclusion"}))["embeds"][0]["description"]
    assert "**alias** `conclusion`" in one and "alternates +1 “what does juncture mean”" in one
    assert "**sync-add** `conclusion`" in one and "**add**" not in one


async def test_stats_count_entries_asks_and_feedback(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa stats: entries, phrasings, asks, answered share, feedback, queue and top entries."""
    await ask(standin, "how many bottles of champagne")
    await ask(standin, "is the weather nice in moscow today?", user=Ids.CURATOR)
    embed = (await qa(standin, "stats"))["embeds"][0]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    count = len(inspect_store.entries(briefbot))
    assert fields["Entries"] == str(count) and fields["Questions asked"] == "2"
    assert fields["Answered"] == "1 (50%)" and fields["Waiting for review"] == "1"
    assert fields["Most asked entries"] == "`champagne-bottles` ×1"


async def test_entry_autocomplete_is_fuzzy_and_within_limits(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Every entry option suggests ids (at most 25, names within 100 chars); members get none."""
    for path, options in [
        ("qa show", {"entry": "peskof"}),
        ("qa remove", {"entry": "peskof"}),
        ("qa alias", {"entry": "peskof", "phrasing": "x"}),
        ("qa edit", {"entry": "peskof"}),
        ("qa history", {"entry": "peskof"}),
        ("qa teach", {"entry": "peskof", "question": "x"}),
    ]:
        choices = await standin.autocomplete(path, options, focused="entry", user=Ids.MODERATOR)
        assert 1 <= len(choices) <= 25 and all(len(c["name"]) <= 100 for c in choices)
        assert "peskov" in choices[0]["value"], (path, choices[0])
    everything = await standin.autocomplete(
        "qa show", {"entry": ""}, focused="entry", user=Ids.MODERATOR
    )
    assert len(everything) == 25
    open_qa_to(standin, Ids.GUILD)
    assert await standin.autocomplete("qa show", {"entry": "pes"}, focused="entry") == []


# -- files -----------------------------------------------------------------------------------


async def _export(standin: DiscordStandIn) -> tuple[SentMessage, str]:
    handle = await standin.slash("qa export", user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    assert (await handle.callback())["type"] == 5  # deferred first: exports can take a while
    reply = await handle.reply()
    [file] = reply["files"]
    assert file.filename == "trump-russia.yaml"
    return reply, file.text()


async def test_export_passes_briefbot_check(
    standin: DiscordStandIn, briefbot: RunningBot, tmp_path: Path
) -> None:
    """The export is a knowledge file `briefbot check` accepts, with moderators' entries in it."""
    complete = new_id(await add(standin, {"question": NEW_QUESTION, "answer": NEW_ANSWER}))
    for phrasing in ("putin trump phone call day", "when did they call", "monday call"):
        await qa(standin, "alias", {"entry": complete, "phrasing": phrasing})
    draft = new_id(
        await add(standin, {"question": "Giuliani in a nutshell?", "answer": "A hardliner."})
    )
    count = len(inspect_store.entries(briefbot)) - 1  # all but the unfinished one
    reply, text = await _export(standin)
    assert f"Exported {count} entries in 1 file" in reply["content"]
    assert f"`{draft}` is in the file as a comment only" in reply["content"]
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "trump-russia.yaml").write_text(text, encoding="utf-8")
    knowledge, problems = check_knowledge(tmp_path / "knowledge", PROJECT_ROOT / "seeds")
    assert problems == []
    exported = {e.id: e for e in knowledge.articles[0].entries}
    assert len(exported) == count and draft not in exported
    assert exported[complete] == inspect_store.entry(briefbot, complete)
    assert f"#   - id: {draft}" in text


async def test_import_applies_a_whole_file(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """An edited export imports in one go: added / updated / unchanged, and /ask follows."""
    _, text = await _export(standin)
    data = yaml.safe_load(text)
    entries = {e["id"]: e for e in data["entries"]}
    entries["conclusion"]["answer"] = "Imported answer: the moment is right."
    data["entries"].append(
        {
            "id": "phone-call-day",
            "kind": "event",
            "question": NEW_QUESTION,
            "alternates": ["putin trump phone call day", "when did they call", "monday call"],
            "answer": NEW_ANSWER,
            "evidence": [PHONE_CALL],
        }
    )
    upload = ("trump-russia.yaml", yaml.safe_dump(data, allow_unicode=True).encode())
    handle = await standin.slash("qa import", {"file": upload}, user=Ids.MODERATOR)
    assert (await handle.callback())["type"] == 5
    reply = await handle.reply()
    assert "1 added: `phone-call-day`" in reply["content"]
    assert "1 updated: `conclusion`" in reply["content"]
    assert f"{len(entries) - 1} unchanged" in reply["content"]
    assert await answered_with(await ask(standin, NEW_QUESTION), briefbot) == "phone-call-day"
    entry = inspect_store.entry(briefbot, "conclusion")
    assert entry is not None and entry.answer == "Imported answer: the moment is right."
    assert_no_pings(standin)


async def test_import_refuses_any_problem_with_its_line_and_changes_nothing(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Malformed YAML, schema errors, unknown evidence, clashes, bad files: refused, no change."""
    _, text = await _export(standin)
    before = await snapshot(briefbot)

    def edited(entry_id: str, **changes: Any) -> tuple[str, bytes, int]:
        data = yaml.safe_load(text)
        next(e for e in data["entries"] if e["id"] == entry_id).update(changes)
        dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        line = dumped.splitlines().index(f"- id: {entry_id}") + 1
        return "trump-russia.yaml", dumped.encode(), line

    vodka = edited("conclusion", evidence=["Putin loves vodka."])
    few = edited("obama-reset", alternates=["reset"])
    in_file = edited(
        "conclusion", alternates=["bottom line", "x y", "how many bottles of champagne"]
    )
    alone = yaml.safe_load(text)  # just one entry: the phrasing's owner is only in the store
    alone["entries"] = [e for e in alone["entries"] if e["id"] == "conclusion"]
    alone["entries"][0]["alternates"].append("How many bottles of champagne?")
    clash = ("one.yaml", yaml.safe_dump(alone, allow_unicode=True).encode())
    cases = [
        (("bad.yaml", b"article: [unclosed\nentries: x\n"), r"bad\.yaml:\d+: malformed YAML"),
        (vodka[:2], rf"yaml:{vodka[2]}: entry 'conclusion': evidence not found verbatim"),
        (few[:2], r"yaml:\d+: entry 'obama-reset': entries\.\d+\.alternates: List should"),
        (in_file[:2], rf"yaml:{in_file[2]}: .*also stands under 'champagne-bottles'"),
        (clash, r"one\.yaml:\d+: entry 'conclusion': .*already stands under 'champagne-bottles'"),
        (("notes.txt", b"hello"), r"Only \.yaml or \.yml"),
        (("big.yaml", b"#" * (1024 * 1024 + 1)), r"capped at 1 MiB"),
        (("latin1.yaml", "caf\u00e9".encode("latin-1")), r"not UTF-8"),
    ]
    for upload, says in cases:
        reply = await qa(standin, "import", {"file": upload})
        assert reply["ephemeral"] and re.search(says, reply["content"]), (upload[0], reply)
        assert len(reply["content"]) <= 2000
    assert await snapshot(briefbot) == before
    assert_no_pings(standin)


async def test_reload_reports_changes_and_problems(
    standin: DiscordStandIn, start_briefbot: StartBot, tmp_path: Path
) -> None:
    """/qa reload syncs knowledge/ again, and lists file:line problems when it cannot."""
    knowledge = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("cand*"))
    running = await start_briefbot(knowledge_dir=knowledge)
    for refused in (Ids.MODERATOR, Ids.OWNER):  # a server's moderator, the server's owner
        reply = await qa(standin, "reload", user=refused)
        assert reply["ephemeral"] and "Only the bot's owner" in reply["content"]
    # The bot's owner runs it from a server where Discord shows them /qa (Manage Server).
    await standin.join_guild(Ids.APP_OWNER, Ids.GUILD, roles=[Ids.ROLE_MODERATOR])
    reply = await qa(standin, "reload", user=Ids.APP_OWNER)
    assert "Reloaded knowledge/: 0 added, 0 updated, 0 removed." in reply["content"]
    path = knowledge / "trump-russia.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "question: What does the article conclude?", "question: Bottom line of the piece?"
        ),
        encoding="utf-8",
    )
    reply = await qa(standin, "reload", user=Ids.APP_OWNER)
    assert "1 updated" in reply["content"] and "Updated: `conclusion`" in reply["content"]
    assert (
        await answered_with(await ask(standin, "Bottom line of the piece?"), running)
        == "conclusion"
    )
    path.write_text(
        text.replace("  - id: conclusion\n", "  - id: conclusion\n    bogus: 1\n", 1),
        encoding="utf-8",
    )
    reply = await qa(standin, "reload", user=Ids.APP_OWNER)
    assert "knowledge/ has problems, so nothing was reloaded" in reply["content"]
    assert re.search(r"\nknowledge/trump-russia\.yaml:\d+: entry 'conclusion'", reply["content"])
    entry = inspect_store.entry(running, "conclusion")
    assert entry is not None and entry.question == "Bottom line of the piece?"


# -- who may curate --------------------------------------------------------------------------


async def test_members_are_refused_and_audited(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa is hidden from members; opened to them, it still refuses and changes nothing."""
    before = inspect_store.entries(briefbot)
    try:
        await standin.slash("qa add", {"question": "q", "answer": "a"}, user=Ids.MEMBER)
    except PermissionError:
        pass
    else:
        raise AssertionError("Discord showed /qa to a member without Manage Server")
    open_qa_to(standin, Ids.GUILD)
    for path, options in [
        ("add", {"question": NEW_QUESTION, "answer": NEW_ANSWER}),
        ("remove", {"entry": "conclusion"}),
        ("import", {"file": ("x.yaml", b"entries: []")}),
        ("export", {}),
    ]:
        reply = await qa(standin, path, options, user=Ids.MEMBER)
        assert reply["ephemeral"] and REFUSAL in reply["content"], path
        assert reply["files"] == [] and reply["components"] == []
        [audit] = await inspect_store.history(briefbot, limit=1)
        assert (audit.action, audit.actor, audit.after) == (
            "refused",
            str(Ids.MEMBER),
            {"command": f"qa {path}"},
        )
    assert inspect_store.entries(briefbot) == before


async def test_moderator_role_can_curate(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """A member with the role set by /config modrole may curate (once /qa is opened to them)."""
    open_qa_to(standin, Ids.ROLE_CURATORS)
    refused = await qa(standin, "stats", user=Ids.CURATOR)
    assert REFUSAL in refused["content"]
    handle = await standin.slash("config modrole", {"role": "Curators"}, user=Ids.MODERATOR)
    await handle.reply()
    reply = await add(standin, {"question": NEW_QUESTION, "answer": NEW_ANSWER}, user=Ids.CURATOR)
    entry_id = new_id(reply)
    [audit] = await inspect_store.history(briefbot, entry_id)
    assert audit.actor == str(Ids.CURATOR)
