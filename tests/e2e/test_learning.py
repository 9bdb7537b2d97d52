"""Learning from use: a member's did-you-mean click proposes their question for that entry;
moderators teach it with one click; Not helpful withdraws a proposal and flags an answer."""

from __future__ import annotations

from typing import Any

import pytest
from standin import DiscordStandIn, Ids, SentMessage

from bot.service import Audience
from tests.e2e.conftest import RunningBot

VAGUE = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]


def components(message: SentMessage) -> list[dict[str, Any]]:
    return [c for row in message["components"] for c in row["components"]]


async def ask(standin: DiscordStandIn, question: str, user: int, channel: int) -> SentMessage:
    handle = await standin.slash("ask", {"question": question}, user=user, channel_id=channel)
    return await handle.reply()


async def unanswered(standin: DiscordStandIn) -> SentMessage:
    handle = await standin.slash("qa unanswered", {}, user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    return await handle.reply()


@pytest.fixture
def vague(briefbot: RunningBot) -> str:
    return next(q for q in VAGUE if briefbot.bot.service.evaluate(q).suggestions)


async def test_a_click_is_taught_with_one_click(
    standin: DiscordStandIn, briefbot: RunningBot, vague: str
) -> None:
    """Two members click the same suggestion; the queue shows it with 2 members and a Teach
    button; one click makes the question answer with that entry."""
    for user, channel in ((Ids.MEMBER, Ids.ASK), (Ids.CURATOR, Ids.GENERAL)):
        reply = await ask(standin, vague, user, channel)
        first = components(reply)[0]
        answer = await (await standin.click(first["custom_id"], reply, user=user)).reply()
        label = answer["embeds"][0]["title"]
    queue = await unanswered(standin)
    description = queue["embeds"][0]["description"]
    assert "Members' clicks suggest" in description and "(2 members)" in description
    teach = next(c for c in components(queue) if c["label"] == "Teach 1")
    click = await standin.click(teach["custom_id"], queue, user=Ids.MODERATOR)
    taught = await click.followup()
    assert "now leads to" in taught["content"] and taught["ephemeral"]
    again = await ask(standin, vague, Ids.MEMBER, Ids.DIGEST)
    assert again["embeds"] and again["embeds"][0]["title"] == vague
    view = briefbot.bot.service.view(Audience(Ids.GUILD))
    [entry] = [e for e in view.entries.values() if e.question == label]
    assert vague in entry.alternates


async def test_not_helpful_withdraws_the_proposal_and_flags_the_answer(
    standin: DiscordStandIn, briefbot: RunningBot, vague: str
) -> None:
    """A member who clicks a suggestion, then marks its answer Not helpful, proposes nothing;
    the answer shows up for review as marked not helpful."""
    reply = await ask(standin, vague, Ids.MEMBER, Ids.ASK)
    first = components(reply)[0]
    answer = await (await standin.click(first["custom_id"], reply, user=Ids.MEMBER)).reply()
    assert await briefbot.bot.service.proposals(Ids.GUILD) != []
    thumbs_down = next(c for c in components(answer) if c["label"] == "Not helpful")
    await (await standin.click(thumbs_down["custom_id"], answer, user=Ids.MEMBER)).reply()
    assert await briefbot.bot.service.proposals(Ids.GUILD) == []
    description = (await unanswered(standin))["embeds"][0]["description"]
    assert "Marked not helpful" in description and "(1 member)" in description
