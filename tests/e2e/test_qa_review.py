"""Moderators reviewing how answers go: /qa why explains an ask from its log row, and the Teach
buttons of /qa unanswered outlive a restart."""

from __future__ import annotations

from typing import Any

import pytest
from standin import DiscordStandIn, Ids, SentMessage
from standin.guild import Guild

from bot.service import Audience
from tests.e2e.conftest import RunningBot, StartBot

VAGUE = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]


async def run(
    standin: DiscordStandIn,
    path: str,
    options: dict[str, Any] | None = None,
    user: Any = Ids.MODERATOR,
    channel: int = Ids.GENERAL,
) -> SentMessage:
    return await (await standin.slash(path, options or {}, user=user, channel_id=channel)).reply()


def fields(message: SentMessage) -> dict[str, str]:
    return {f["name"]: f["value"] for f in message["embeds"][0]["fields"]}


@pytest.mark.usefixtures("commands_open_to_everyone")
async def test_why_shows_the_entry_its_score_and_the_runner_up(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/qa why on a member's ask: the entry answered with and its score, then the runner-up."""
    await run(standin, "ask", {"question": "who is flynn"}, user=Ids.MEMBER, channel=Ids.ASK)
    await run(standin, "ask", {"question": "what is the weather in paris"}, user=Ids.MEMBER)
    choices = await standin.autocomplete(
        "qa why", {"ask": "flynn"}, focused="ask", user=Ids.MODERATOR, channel_id=Ids.GENERAL
    )
    [choice] = choices
    assert choice["name"] == "who is flynn → `person-flynn`"
    shown = await run(standin, "qa why", {"ask": choice["value"]})
    assert shown["ephemeral"]
    found = fields(shown)
    assert "answered with `trump-russia/person-flynn` at score 1.00" in found["Then"]
    assert "(the same)" in found["Asked again now"]
    assert (
        found["Runner-up"].startswith("`trump-russia/")
        and "person-flynn" not in (found["Runner-up"])
    )
    member = await standin.autocomplete(
        "qa why", {"ask": ""}, focused="ask", user=Ids.MEMBER, channel_id=Ids.GENERAL
    )
    assert member == []  # members see no one's questions


async def test_why_never_explains_another_servers_ask(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """An ask from another server is not on record here, whatever id is typed."""
    other: Guild = standin.world.add_guild("Other Club", owner="zoe")
    running = await start_briefbot()
    await run(
        standin, "ask", {"question": "who is flynn"}, user="zoe", channel=other.channel("ask")
    )
    [row] = await running.bot.service.recent_asks(other.id)
    refused = await run(standin, "qa why", {"ask": str(row["id"])})
    assert refused["ephemeral"] and "not on record here" in refused["content"]


async def test_teach_buttons_work_after_a_restart(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """A member's did-you-mean click proposes their question; after a restart, the moderator's
    Teach 1 still teaches it, and the list is shown again without it."""
    running = await start_briefbot()
    question = next(q for q in VAGUE if running.bot.service.evaluate(q).suggestions)
    offer = await run(standin, "ask", {"question": question}, user=Ids.MEMBER, channel=Ids.ASK)
    chosen = offer["components"][0]["components"][0]
    await (await standin.click(chosen["custom_id"], offer, user=Ids.MEMBER)).reply()
    queue = await run(standin, "qa unanswered")
    teach = next(
        c for row in queue["components"] for c in row["components"] if c["label"] == "Teach 1"
    )
    await running.stop()
    again = await start_briefbot()
    click = await standin.click(teach["custom_id"], queue, user=Ids.MODERATOR)
    updated = await click.next_message(kind="edit_original")
    assert "Members' clicks suggest" not in updated["embeds"][0]["description"]
    done = await click.followup()
    assert done["ephemeral"] and "now leads to" in done["content"]
    assert await again.bot.service.proposals(Ids.GUILD) == []
    [taught] = [
        e
        for e in again.bot.service.view(Audience(Ids.GUILD)).entries.values()
        if e.question == chosen["label"]
    ]
    assert question in taught.alternates
