"""Message and user context menus: registered by sync, invoked with target_id and resolved."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from standin import DiscordStandIn, Guild, Ids, RunClient
from standin_probe import PROFILE_MENU, QUOTE_MENU, Probe


@pytest.fixture
async def other(standin: DiscordStandIn) -> Guild:
    return standin.world.add_guild("Other Club", owner="zoe")


@pytest.fixture
async def probe(
    standin: DiscordStandIn, other: Guild, run_client: RunClient
) -> AsyncIterator[Probe]:
    async with run_client(Probe()) as bot:
        yield bot


async def test_context_menus_are_registered_with_their_types(
    probe: Probe, standin: DiscordStandIn
) -> None:
    """tree.sync() puts a message (3) and a user (2) command beside the slash commands."""
    quote = await standin.commands.wait_for(QUOTE_MENU, guild_id=None, type=3)
    profile = await standin.commands.wait_for(PROFILE_MENU, guild_id=None, type=2)
    assert (quote["description"], profile["description"]) == ("", "")
    assert QUOTE_MENU in standin.commands and standin.commands.get(QUOTE_MENU) is None  # not /


@pytest.mark.parametrize("author", [Ids.MEMBER, Ids.BOT])
async def test_a_message_menu_gets_the_target_message(
    probe: Probe, standin: DiscordStandIn, author: int
) -> None:
    """The interaction names the message in target_id and carries it in resolved.messages."""
    if author == Ids.BOT:
        mark = standin.mark()
        await standin.send_message("ping", channel_id=Ids.GENERAL)
        target = (await standin.next_message(channel_id=Ids.GENERAL, after=mark))["message"]
    else:
        target = await standin.send_message("who is Peskov?", channel_id=Ids.GENERAL)
    handle = await standin.message_command(QUOTE_MENU, target, user=Ids.CURATOR)
    data = handle.payload["data"]
    assert (data["type"], data["target_id"]) == (3, target["id"])
    assert data["resolved"]["messages"][target["id"]]["content"] == target["content"]
    reply = await handle.reply()
    name = standin.persona(author).username
    assert reply["content"] == f"quote {target['id']} by {name}: {target['content']}"
    assert reply["ephemeral"] and reply["channel_id"] == Ids.GENERAL


async def test_a_message_menu_in_another_guild(
    probe: Probe, standin: DiscordStandIn, other: Guild
) -> None:
    """zoe quotes her own message in Other Club; alice, not a member there, cannot."""
    target = await standin.send_message("hello", author="zoe", channel_id=other.channel("general"))
    handle = await standin.message_command(QUOTE_MENU, target, user="zoe")
    assert handle.payload["guild_id"] == str(other.id)
    assert (await handle.reply())["content"].endswith("by zoe: hello")
    with pytest.raises(PermissionError, match="not a member"):
        await standin.message_command(QUOTE_MENU, target, user=Ids.MEMBER)


@pytest.mark.parametrize(("dm", "kind"), [(False, "member"), (True, "user")])
async def test_a_user_menu_gets_the_target_user(
    probe: Probe, standin: DiscordStandIn, dm: bool, kind: str
) -> None:
    """In a guild the target resolves to a member; in a DM to a plain user."""
    handle = await standin.user_command(PROFILE_MENU, Ids.MODERATOR, user=Ids.MEMBER, dm=dm)
    data = handle.payload["data"]
    assert (data["type"], data["target_id"]) == (2, str(Ids.MODERATOR))
    assert ("members" in data["resolved"]) is not dm
    assert (await handle.reply())["content"] == f"profile mod ({kind})"
