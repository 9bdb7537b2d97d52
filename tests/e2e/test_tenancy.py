"""Two servers on one bot: each curates its own answers and sees only its own activity; the
shared base is the bot's owner's alone. Driven end to end through the real discord.py client."""

from __future__ import annotations

from typing import Any

import inspect_store
import pytest
from standin import DiscordStandIn, Ids, SentMessage
from standin.guild import Guild

from tests.e2e.conftest import RunningBot, StartBot

SECRET_Q = "What is Flynn's big secret?"
SECRET_A = "Flynn is a secret agent."


async def qa(
    standin: DiscordStandIn, path: str, options: dict[str, Any], user: Any, channel: int
) -> SentMessage:
    handle = await standin.slash(f"qa {path}", options, user=user, channel_id=channel)
    return await handle.reply()


async def ask(standin: DiscordStandIn, question: str, user: Any, channel: int) -> SentMessage:
    return await (
        await standin.slash("ask", {"question": question}, user=user, channel_id=channel)
    ).reply()


def texts(message: SentMessage) -> str:
    """Everything a reader sees in a message: content, embeds, button labels."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields") or []]
        parts.append((embed.get("footer") or {}).get("text") or "")
    for row in message.get("components") or []:
        parts += [c.get("label") or "" for c in row.get("components") or []]
    return "\n".join(parts)


@pytest.fixture
def other(standin: DiscordStandIn) -> Guild:
    """A second server, owned by zoe (who has every permission there)."""
    return standin.world.add_guild("Other Club", owner="zoe")


@pytest.fixture
async def two(start_briefbot: StartBot, other: Guild) -> RunningBot:
    return await start_briefbot()


async def test_one_servers_curation_is_invisible_to_the_other(
    standin: DiscordStandIn, two: RunningBot, other: Guild
) -> None:
    """Server A's moderators add a note, teach a phrasing and remove an entry: server B's
    members get the shared answers, its moderators see none of it."""
    offer = await qa(
        standin, "add", {"question": SECRET_Q, "answer": SECRET_A}, Ids.MODERATOR, Ids.GENERAL
    )
    picker = next(c for row in offer["components"] for c in row["components"] if c["type"] == 3)
    await (
        await standin.click(picker["custom_id"], offer, user=Ids.MODERATOR, values=["none"])
    ).reply()
    await qa(
        standin,
        "alias",
        {"entry": "conclusion", "phrasing": "what does juncture mean"},
        Ids.MODERATOR,
        Ids.GENERAL,
    )
    removed = await qa(
        standin, "remove", {"entry": "champagne-bottles"}, Ids.MODERATOR, Ids.GENERAL
    )
    await (await standin.click("bb:qa:remove", removed, user=Ids.MODERATOR)).reply()

    here = await ask(standin, SECRET_Q, Ids.MEMBER, Ids.ASK)
    assert SECRET_A in texts(here)
    there = await ask(standin, SECRET_Q, "zoe", other.channel("ask"))
    assert SECRET_A not in texts(there) and "secret agent" not in texts(there)
    juncture = await ask(standin, "what does juncture mean", "zoe", other.channel("general"))
    assert not juncture["embeds"]  # taught in A only
    bottles = await ask(standin, "how many bottles of champagne", "zoe", other.channel("ask"))
    assert "130" in texts(bottles)  # removed in A only

    for path in ("list", "history", "unanswered"):
        seen = texts(await qa(standin, path, {}, "zoe", other.channel("general")))
        assert "mod-what-is-flynn" not in seen and str(Ids.MODERATOR) not in seen, path
    listed = await qa(standin, "list", {"query": "secret agent"}, "zoe", other.channel("ask"))
    assert "mod-" not in texts(listed)
    choices = await standin.autocomplete(
        "qa show",
        {"entry": "flynn"},
        focused="entry",
        user="zoe",
        channel_id=other.channel("general"),
    )
    assert all("mod-" not in c["value"] for c in choices)


async def test_questions_stats_and_queue_are_per_server(
    standin: DiscordStandIn, two: RunningBot, other: Guild
) -> None:
    """A's members' questions never show in B's /qa unanswered or /qa stats."""
    await ask(standin, "what did the kremlin serve for breakfast", Ids.MEMBER, Ids.ASK)
    await ask(standin, "who is flynn", Ids.MEMBER, Ids.GENERAL)
    queue_b = texts(await qa(standin, "unanswered", {}, "zoe", other.channel("general")))
    assert "breakfast" not in queue_b and "Nothing is waiting for review" in queue_b
    stats_b = (await qa(standin, "stats", {}, "zoe", other.channel("general")))["embeds"][0]
    fields = {f["name"]: f["value"] for f in stats_b["fields"]}
    assert fields["Questions asked"] == "0" and fields["Waiting for review"] == "0"
    queue_a = texts(await qa(standin, "unanswered", {}, Ids.MODERATOR, Ids.GENERAL))
    assert "breakfast" in queue_a
    assert (await inspect_store.stats(two, other.id))["asked"] == 0
    assert (await inspect_store.stats(two))["asked"] == 2


async def test_a_clicked_suggestion_is_proposed_in_its_server_only(
    standin: DiscordStandIn, two: RunningBot, other: Guild
) -> None:
    """A member's did-you-mean click proposes the question there; B's queue shows nothing."""
    vague = ["russia?", "trump and russia", "what did the kremlin say", "zhirinovsky"]
    question = next(q for q in vague if two.bot.service.evaluate(q).suggestions)
    reply = await ask(standin, question, Ids.MEMBER, Ids.ASK)
    button = next(c for row in reply["components"] for c in row["components"])
    await (await standin.click(button["custom_id"], reply, user=Ids.MEMBER)).reply()
    [proposal] = await two.bot.service.proposals(Ids.GUILD)
    assert proposal.question == question and proposal.members == 1
    assert await two.bot.service.proposals(other.id) == []
    shown = texts(await qa(standin, "unanswered", {}, Ids.MODERATOR, Ids.GENERAL))
    assert "Members' clicks suggest" in shown and "Teach 1" in shown


@pytest.mark.parametrize("path", ["reload", "import"])
async def test_the_shared_base_is_the_bot_owners_alone(
    standin: DiscordStandIn, two: RunningBot, other: Guild, path: str
) -> None:
    """A server's owner (every permission there) is refused base-wide changes, privately, with
    the reason; the refusal is on record in that server."""
    options: dict[str, Any] = {}
    if path == "import":
        options = {"file": ("k.yaml", b"article: {}\nentries: []\n"), "everywhere": True}
    reply = await qa(standin, path, options, "zoe", other.channel("general"))
    assert reply["ephemeral"] and "Only the bot's owner" in reply["content"]
    [refusal] = await inspect_store.history(two, guild=other.id, limit=1)
    assert refusal.action == "refused"


async def test_direct_messages_use_the_shared_base(
    standin: DiscordStandIn, two: RunningBot
) -> None:
    """A server's own note is not what a direct message gets."""
    offer = await qa(
        standin, "add", {"question": SECRET_Q, "answer": SECRET_A}, Ids.MODERATOR, Ids.GENERAL
    )
    picker = next(c for row in offer["components"] for c in row["components"] if c["type"] == 3)
    await (
        await standin.click(picker["custom_id"], offer, user=Ids.MODERATOR, values=["none"])
    ).reply()
    mark = standin.mark()
    await standin.send_dm(SECRET_Q, author=Ids.MEMBER)
    reply = await standin.next_message(after=mark)
    assert SECRET_A not in texts(reply)
