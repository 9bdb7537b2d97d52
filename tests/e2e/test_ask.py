"""Asking in Discord: /ask, autocomplete, mentions, DMs, buttons, cooldown and bad input."""

from __future__ import annotations

from typing import Any

import inspect_store
import pytest
from standin import DiscordStandIn, Ids

from tests.e2e.conftest import RunningBot, StartBot

NO_PINGS = {"parse": []}


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in message["components"] for c in row["components"]]


async def test_slash_ask_answers_with_embed_quote_and_source(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/ask replies with the answer, the verbatim quote and the source, pinging nobody."""
    handle = await standin.slash("ask", {"question": "who said mutual trust takes years?"})
    assert (await handle.callback())["type"] == 5  # acknowledged first, answered after
    reply = await handle.reply()
    embed = reply["embeds"][0]
    assert "Peskov" in embed["description"]
    assert "> “An atmosphere of mutual trust takes years to achieve." in embed["description"]
    assert embed["fields"][0]["name"] == "Source"
    assert "Trump: Russia’s Chance for Friendship?" in embed["fields"][0]["value"]
    assert "If it was only so simple…" in embed["fields"][0]["value"]
    assert reply["allowed_mentions"] == NO_PINGS
    assert [b["label"] for b in buttons(reply)] == ["Helpful", "Not helpful", "Delete"]
    asked = await inspect_store.logged(briefbot)
    assert asked == [("who said mutual trust takes years?", "slash", 1)]


async def test_same_answer_as_the_cli(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """Discord answers from the same service the CLI uses: same entry, same answer text."""
    expected = briefbot.bot.service.evaluate("how many bottles of champagne")
    reply = await (
        await standin.slash("ask", {"question": "how many bottles of champagne"})
    ).reply()
    assert expected.entry is not None
    assert reply["embeds"][0]["description"].startswith(expected.entry.answer[:80])
    footer = reply["embeds"][0]["footer"]["text"]
    assert footer == "From “Trump: Russia’s Chance for Friendship?”"
    assert expected.entry.id not in footer and "%" not in footer  # no internals for members


async def test_feedback_buttons_record_one_vote(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Helpful / Not helpful are recorded per user, with a private thank-you."""
    reply = await (await standin.slash("ask", {"question": "who is flynn"})).reply()
    helpful, not_helpful, _ = buttons(reply)
    click = await standin.click(helpful["custom_id"], reply["message"], user=Ids.MEMBER)
    thanks = await click.reply()
    assert thanks["ephemeral"] and "Thanks" in thanks["content"]
    await (await standin.click(not_helpful["custom_id"], reply["message"], user=Ids.MEMBER)).reply()
    stats = await inspect_store.stats(briefbot)
    assert (stats["helpful"], stats["not_helpful"]) == (0, 1)


async def test_unsure_question_offers_did_you_mean_buttons(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """A question close to several entries gets up to 3 buttons; a click answers that entry."""
    vague = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]
    unsure = [q for q in vague if briefbot.bot.service.evaluate(q).suggestions]
    assert unsure, "none of the vague questions was met with suggestions"
    reply = await (await standin.slash("ask", {"question": unsure[0]})).reply()
    assert "Did you mean" in reply["content"]
    choices = buttons(reply)
    assert 1 <= len(choices) <= 3
    assert all(len(b["label"]) <= 80 for b in choices)
    assert all(len(b["custom_id"]) <= 100 for b in choices)
    chosen = choices[0]
    answer = await (await standin.click(chosen["custom_id"], reply["message"])).reply()
    assert answer["embeds"][0]["title"] == chosen["label"]  # the suggested question, answered
    assert ("suggestion", 1) in [(s, a) for _, s, a in await inspect_store.logged(briefbot)]


async def test_buttons_naming_their_entry_still_answer(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """With asks not logged, a did-you-mean button names its entry (`bb:ask:<id>`, the form
    buttons posted before asks kept their suggestions had): a click answers that entry."""
    running = await start_briefbot(log_queries=False)
    vague = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]
    unsure = next(q for q in vague if running.bot.service.evaluate(q).suggestions)
    reply = await (await standin.slash("ask", {"question": unsure})).reply()
    chosen = buttons(reply)[0]
    assert chosen["custom_id"].startswith("bb:ask:")
    answer = await (await standin.click(chosen["custom_id"], reply["message"])).reply()
    assert answer["embeds"][0]["title"] == chosen["label"]


async def test_out_of_scope_is_declined_and_queued(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """An unrelated question gets a polite decline and lands in the review queue."""
    question = "what's the weather like in paris today?"
    reply = await (await standin.slash("ask", {"question": question})).reply()
    assert reply["content"].startswith("Sorry — the article doesn't say")
    assert reply["ephemeral"]  # a decline is for the asker, not the channel
    assert reply["embeds"] == [] and reply["components"] == []
    assert reply["allowed_mentions"] == NO_PINGS
    assert await inspect_store.queue_count(briefbot) == 1


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("   ", "Please type a question"),
        ("x" * 5000, "capped at 500 characters"),
    ],
)
async def test_bad_questions_get_a_private_note(
    standin: DiscordStandIn, briefbot: RunningBot, question: str, expected: str
) -> None:
    """Empty and 5,000-character questions get an ephemeral explanation and change nothing."""
    reply = await (await standin.slash("ask", {"question": question})).reply()
    assert reply["ephemeral"] and expected in reply["content"]
    assert await inspect_store.logged(briefbot) == []


async def test_everyone_and_markdown_cannot_ping_or_break_the_embed(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """@everyone and markdown in a question are echoed inert and never ping."""
    question = "@everyone **who** is `flynn` <@&1> ||?||"
    reply = await (await standin.slash("ask", {"question": question})).reply()
    title = reply["embeds"][0]["title"]
    assert "@everyone" not in title and "@\u200beveryone" in title
    assert "\\*\\*who\\*\\*" in title and "\\`flynn\\`" in title
    assert reply["allowed_mentions"] == NO_PINGS
    assert "Flynn" in reply["embeds"][0]["description"]


async def test_everyone_alone_is_not_a_question(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """A message that is only @everyone gets a gentle nudge, not a guess."""
    reply = await (await standin.slash("ask", {"question": "@everyone"})).reply()
    assert "couldn't find a question" in reply["content"]
    assert reply["allowed_mentions"] == NO_PINGS


async def test_autocomplete_is_fuzzy_and_within_limits(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Autocomplete offers at most 25 choices of at most 100 characters, typo-tolerant."""
    choices = await standin.autocomplete("ask", {"question": "peskof trust"}, focused="question")
    assert 1 <= len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert any("mutual trust" in c["name"] for c in choices[:3])
    empty = await standin.autocomplete("ask", {"question": ""}, focused="question")
    assert len(empty) == 25


async def test_mention_is_answered_as_a_reply(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """@mentioning the bot with a question gets a reply in the channel."""
    mark = standin.mark()
    await standin.send_message(f"<@{Ids.BOT}> who is zhirinovsky?", channel_id=Ids.GENERAL)
    reply = await standin.next_message(channel_id=Ids.GENERAL, after=mark)
    assert "Russian MP" in reply["embeds"][0]["description"]
    assert reply["message_reference"] is not None
    assert reply["allowed_mentions"]["parse"] == []
    assert (await inspect_store.logged(briefbot))[0][1] == "mention"


async def test_direct_message_is_answered(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """A DM to the bot is a question."""
    mark = standin.mark()
    await standin.send_dm("what did trump say about libya")
    reply = await standin.next_message(after=mark)
    assert "mistake" in reply["embeds"][0]["description"]
    assert (await inspect_store.logged(briefbot))[0][1] == "dm"


async def test_plain_messages_elsewhere_are_ignored(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Without a mention or an ask channel, chat is left alone."""
    mark = standin.mark()
    await standin.send_message("who is flynn", channel_id=Ids.GENERAL)
    await standin.expect_no_message(channel_id=Ids.GENERAL, after=mark)


async def test_identical_simultaneous_asks_get_one_answer(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Five people asking the same at once in one channel get one public answer."""
    handles = [
        await standin.slash("ask", {"question": "who is peskov"}, user=user)
        for user in (Ids.MEMBER, Ids.MODERATOR, Ids.CURATOR, Ids.MEMBER, Ids.MODERATOR)
    ]
    replies = [await h.reply() for h in handles]
    public = [r for r in replies if not r["ephemeral"]]
    assert len(public) == 1 and public[0]["embeds"]
    assert all("just asked here" in r["content"] for r in replies if r["ephemeral"])


async def test_cooldown_answers_spam_with_a_private_note(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """Past the per-user rate, /ask answers with an ephemeral cooldown note."""
    await start_briefbot(cooldown_asks=2, cooldown_seconds=60)
    for question in ("who is flynn", "who is peskov"):
        assert (await (await standin.slash("ask", {"question": question})).reply())["embeds"]
    note = await (await standin.slash("ask", {"question": "who is bolton"})).reply()
    assert note["ephemeral"] and "try again in" in note["content"]
    other = await (
        await standin.slash("ask", {"question": "who is bolton"}, user=Ids.CURATOR)
    ).reply()
    assert other["embeds"]


async def test_message_spam_gets_one_self_deleting_note(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """Mention spam past the rate gets a single note, not one per message."""
    await start_briefbot(cooldown_asks=1, cooldown_seconds=60)
    mark = standin.mark()
    for question in ("who is flynn", "who is peskov", "who is bolton", "who is obama"):
        await standin.send_message(f"<@{Ids.BOT}> {question}", channel_id=Ids.GENERAL)
    await standin.wait_for_request(
        lambda r: r.message is not None and r.message["embeds"], after=mark
    )
    await standin.wait_for_request(
        lambda r: r.message is not None and "try again in" in (r.message["content"] or ""),
        after=mark,
    )
    await standin.expect_no_message(channel_id=Ids.GENERAL, after=standin.mark(), within=0.3)
    creates = [
        m
        for m in standin.sent_messages(after=mark, channel_id=Ids.GENERAL)
        if m["kind"] == "create"
    ]
    assert len(creates) == 2
