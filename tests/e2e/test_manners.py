"""Discord manners: declines are private, a did-you-mean message is settled by its first click,
the asker (or a moderator) can delete a reply, a message menu asks about any message, and the
cooldown leaves a reader alone."""

from __future__ import annotations

from typing import Any

import inspect_store
import pytest
from standin import DiscordStandIn, Ids, SentMessage

from tests.e2e.conftest import FakeClock, RunningBot, StartBot

MENU = "Ask briefbot about this"
VAGUE = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]


def labels(message: SentMessage | dict[str, Any]) -> list[str]:
    return [c.get("label") or "" for row in message["components"] for c in row["components"]]


def custom_ids(message: SentMessage | dict[str, Any]) -> list[str]:
    return [c.get("custom_id") or "" for row in message["components"] for c in row["components"]]


def vague(running: RunningBot) -> str:
    """A question the bot meets with did-you-mean suggestions."""
    return next(q for q in VAGUE if running.bot.service.evaluate(q).suggestions)


async def mention(standin: DiscordStandIn, text: str, author: int = Ids.MEMBER) -> SentMessage:
    mark = standin.mark()
    await standin.send_message(f"<@{Ids.BOT}> {text}", author=author, channel_id=Ids.GENERAL)
    return await standin.next_message(channel_id=Ids.GENERAL, after=mark)


@pytest.mark.parametrize(
    ("question", "public", "starts"),
    [
        ("who is flynn", True, None),
        ("what's the weather in paris?", False, "Sorry — the article doesn't say"),
        ("help", False, "I'm briefbot."),
        ("who wrote this article?", False, "The article doesn't name its author"),
        ("thanks!", False, "You're welcome!"),
    ],
)
async def test_only_answers_are_posted_for_the_channel(
    standin: DiscordStandIn, briefbot: RunningBot, question: str, public: bool, starts: str | None
) -> None:
    """/ask posts an answer publicly (with Delete); declines, help and the like are private."""
    reply = await (await standin.slash("ask", {"question": question})).reply()
    assert reply["ephemeral"] is not public
    if public:
        assert reply["embeds"] and "Delete" in labels(reply)
    else:
        assert reply["embeds"] == [] and reply["content"].startswith(starts)
        assert "Delete" not in labels(reply)
    assert reply["allowed_mentions"] == {"parse": []}


async def test_a_private_did_you_mean_is_edited_into_a_private_answer(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """A slash did-you-mean is private; its click turns it into the answer, still private."""
    offer = await (await standin.slash("ask", {"question": vague(briefbot)})).reply()
    assert offer["ephemeral"] and "Did you mean" in offer["content"]
    chosen = offer["components"][0]["components"][0]
    click = await standin.click(chosen["custom_id"], offer["message"], user=Ids.MEMBER)
    answer = await click.reply()
    assert answer["id"] == offer["id"] and answer["ephemeral"]
    assert answer["embeds"][0]["title"] == chosen["label"] and answer["content"] == ""
    assert labels(answer) == ["Helpful", "Not helpful"]


async def test_the_first_click_settles_a_public_did_you_mean(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """On a mention, the first click (anyone's) edits the reply into the answer; a click that
    came at the same time gets the answer privately; nothing new is posted."""
    mark = standin.mark()
    offer = await mention(standin, vague(briefbot))
    assert not offer["ephemeral"] and labels(offer)[-1] == "Delete"
    chosen = offer["components"][0]["components"][0]
    first = await standin.click(chosen["custom_id"], offer["message"], user=Ids.CURATOR)
    second = await standin.click(chosen["custom_id"], offer["message"], user=Ids.MODERATOR)
    edited = await first.reply()
    assert edited["id"] == offer["id"] and not edited["ephemeral"]
    assert edited["embeds"][0]["title"] == chosen["label"]
    assert labels(edited) == ["Helpful", "Not helpful", "Delete"]
    assert f"bb:del:{Ids.MEMBER}" in custom_ids(edited)  # still the asker's to delete
    private = await second.reply()
    assert private["ephemeral"] and private["embeds"][0]["title"] == chosen["label"]
    posted = [
        m
        for m in standin.sent_messages(after=mark, channel_id=Ids.GENERAL)
        if m["kind"] == "create" and not m["ephemeral"]
    ]
    assert [m["id"] for m in posted] == [offer["id"]]


@pytest.mark.parametrize(
    ("who", "deleted"),
    [(Ids.MEMBER, True), (Ids.MODERATOR, True), (Ids.CURATOR, False)],
    ids=["asker", "moderator", "someone-else"],
)
async def test_the_asker_or_a_moderator_can_delete_a_reply(
    standin: DiscordStandIn, start_briefbot: StartBot, who: int, deleted: bool
) -> None:
    """Delete removes the bot's reply for the asker or a moderator, also after a restart;
    anyone else is told privately and the reply stays."""
    running = await start_briefbot()
    reply = await mention(standin, "who is flynn")
    await running.stop()
    await start_briefbot()  # the button must outlive the restart
    delete = f"bb:del:{Ids.MEMBER}"
    click = await standin.click(delete, reply["message"], user=who)
    if deleted:
        await standin.wait_for_request(lambda r: r.method == "DELETE" and r.ok)
        assert standin.message(reply["id"]) is None
    else:
        note = await click.reply()
        assert note["ephemeral"] and "Only the person who asked" in note["content"]
        assert standin.message(reply["id"]) is not None


async def test_the_message_menu_asks_about_a_message(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Apps → "Ask briefbot about this" on a member's message answers its text publicly."""
    target = await standin.send_message("who is zhirinovsky?", channel_id=Ids.GENERAL)
    reply = await (await standin.message_command(MENU, target, user=Ids.CURATOR)).reply()
    assert not reply["ephemeral"] and "Russian MP" in reply["embeds"][0]["description"]
    assert f"bb:del:{Ids.CURATOR}" in custom_ids(reply)
    assert (await inspect_store.logged(briefbot))[-1] == ("who is zhirinovsky?", "menu", 1)
    empty = await standin.send_message("", channel_id=Ids.GENERAL, attachments=[("a.png", b"x")])
    note = await (await standin.message_command(MENU, empty, user=Ids.CURATOR)).reply()
    assert note["ephemeral"] and "no text I can ask about" in note["content"]


QUESTIONS = [
    "who is flynn",
    "who is peskov",
    "who is bolton",
    "who is obama",
    "who is putin",
    "who is clinton",
    "who is giuliani",
    "who is bush",
    "who is assad",
    "who is gaddafi",
    "who is saddam",
    "who is zhirinovsky",
]


async def test_the_cooldown_lets_a_reader_ask_ten_a_minute_and_five_at_once(
    standin: DiscordStandIn, briefbot: RunningBot, clock: FakeClock
) -> None:
    """Five asks at once, then one every six seconds: all answered. A sixth at once waits."""

    async def ask(question: str) -> SentMessage:
        return await (await standin.slash("ask", {"question": question})).reply()

    for question in QUESTIONS[:5]:
        assert (await ask(question))["embeds"], question
    note = await ask(QUESTIONS[5])
    assert note["ephemeral"] and "try again in 6 s" in note["content"]
    for question in QUESTIONS[5:]:  # a steady 10 a minute
        clock.advance(seconds=6)
        assert (await ask(question))["embeds"], question
