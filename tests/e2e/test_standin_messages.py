"""Message history as GET /channels/{id}/messages returns it, and the enforce_nonce window."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest
from standin import DiscordStandIn, Ids, Perm, RunClient
from standin_probe import Probe


@pytest.fixture
async def probe(standin: DiscordStandIn, run_client: RunClient) -> AsyncIterator[Probe]:
    async with run_client(Probe()) as bot:
        yield bot


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


@pytest.fixture
async def six(probe: Probe, standin: DiscordStandIn) -> list[int]:
    """#digest holds m0..m4 from users and "bot" from the bot, oldest first (their ids)."""
    ids = [
        int((await standin.send_message(f"m{i}", channel_id=Ids.DIGEST))["id"]) for i in range(5)
    ]
    ids.append((await text_channel(probe, Ids.DIGEST).send("bot")).id)
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"limit": 3}, ["bot", "m4", "m3"]),
        ({"limit": 2, "before": 3}, ["m2", "m1"]),
        ({"limit": 2, "after": 1}, ["m2", "m3"]),  # discord.py turns "after" oldest-first
        ({"limit": 3, "around": 2}, ["m3", "m2", "m1"]),
        ({"limit": 50, "after": 5}, []),
    ],
)
async def test_history_pages_like_discord(
    probe: Probe,
    standin: DiscordStandIn,
    six: list[int],
    query: dict[str, int],
    expected: list[str],
) -> None:
    """channel.history() with limit/before/after/around sees users' and the bot's messages."""
    kwargs: dict[str, object] = {"limit": query["limit"]}
    for anchor in ("before", "after", "around"):
        if anchor in query:
            kwargs[anchor] = discord.Object(six[query[anchor]])
    channel = text_channel(probe, Ids.DIGEST)
    assert [m.content async for m in channel.history(**kwargs)] == expected  # type: ignore[arg-type]


async def test_the_raw_route_is_newest_first_and_checks_limits(
    probe: Probe, standin: DiscordStandIn, six: list[int]
) -> None:
    """The wire order is newest first even for "after"; a limit over 100 is a 400."""
    raw = await probe.http.logs_from(Ids.DIGEST, 2, after=six[1])
    assert [m["content"] for m in raw] == ["m3", "m2"]
    assert [m["content"] for m in standin.history(Ids.DIGEST, limit=2)] == ["bot", "m4"]
    with pytest.raises(discord.HTTPException) as err:
        await probe.http.logs_from(Ids.DIGEST, 101)
    assert err.value.code == 50035


async def test_history_is_empty_without_read_message_history(
    probe: Probe, standin: DiscordStandIn, six: list[int]
) -> None:
    """Documented: missing Read Message History returns no messages (not an error)."""
    await standin.set_channel_permissions(Ids.DIGEST, Ids.ROLE_BOT, deny=Perm.READ_MESSAGE_HISTORY)
    assert await probe.http.logs_from(Ids.DIGEST, 50) == []


async def test_deleted_messages_leave_the_history(
    probe: Probe, standin: DiscordStandIn, six: list[int]
) -> None:
    """A user deleting m4 and the bot deleting its own message both drop out of history."""
    await standin.delete_message(six[4])
    await text_channel(probe, Ids.DIGEST).get_partial_message(six[5]).delete()
    assert [m["content"] for m in standin.history(Ids.DIGEST, limit=2)] == ["m3", "m2"]


# -- enforce_nonce -------------------------------------------------------------------------------


async def send_with_nonce(bot: discord.Client, nonce: str, content: str) -> discord.Message:
    return await text_channel(bot, Ids.DIGEST).send(content, nonce=nonce)


@pytest.mark.parametrize(("later", "same"), [(0, True), (179, True), (180, False), (600, False)])
async def test_a_repeated_nonce_returns_the_first_message_within_the_window(
    probe: Probe, standin: DiscordStandIn, later: int, same: bool
) -> None:
    """Within the (default 180 s) window a resend returns the first message and posts nothing."""
    first = await send_with_nonce(probe, "digest-2026-11-24", "today's digest")
    standin.clock.advance(seconds=later)
    mark = standin.mark()
    again = await send_with_nonce(probe, "digest-2026-11-24", "today's digest, resent")
    assert (again.id == first.id) is same
    assert [m["content"] for m in standin.sent_messages(after=mark)] == (
        [] if same else ["today's digest, resent"]
    )
    contents = [m["content"] for m in standin.history(Ids.DIGEST)]
    assert contents.count("today's digest, resent") == (0 if same else 1)


async def test_the_nonce_window_is_settable(probe: Probe, standin: DiscordStandIn) -> None:
    """standin.nonce_window moves the edge; another nonce is always a new message."""
    standin.nonce_window = 10
    first = await send_with_nonce(probe, "n1", "one")
    assert (await send_with_nonce(probe, "n2", "two")).id != first.id
    standin.clock.advance(seconds=9)
    assert (await send_with_nonce(probe, "n1", "one again")).id == first.id
    standin.clock.advance(seconds=1)
    assert (await send_with_nonce(probe, "n1", "one, later")).id != first.id


async def test_without_enforce_nonce_the_nonce_is_only_echoed(
    probe: Probe, standin: DiscordStandIn
) -> None:
    """A nonce without enforce_nonce creates a message each time and comes back on it."""
    route = discord.http.Route("POST", "/channels/{c}/messages", c=Ids.DIGEST)
    body = {"content": "x", "nonce": "same"}
    one, two = (
        await probe.http.request(route, json=body),
        await probe.http.request(route, json=body),
    )
    assert one["id"] != two["id"] and one["nonce"] == two["nonce"] == "same"


async def test_an_overlong_nonce_is_refused(probe: Probe) -> None:
    """Discord caps a nonce at 25 characters."""
    with pytest.raises(discord.HTTPException) as err:
        await send_with_nonce(probe, "n" * 26, "x")
    assert err.value.code == 50035 and "nonce" in err.value.text


# -- a send that never comes back ----------------------------------------------------------------


@pytest.mark.parametrize("after_create", [False, True])
async def test_a_stalled_send_is_held_until_released(
    probe: Probe, standin: DiscordStandIn, after_create: bool
) -> None:
    """The next send to a channel is held, before or after Discord creates the message; once
    released the sender hears back, and later sends go straight through."""
    stall = standin.stall_next_send(Ids.DIGEST, after_create=after_create)
    sending = asyncio.ensure_future(text_channel(probe, Ids.DIGEST).send("held"))
    await stall.until_reached()
    assert not sending.done()
    contents = [m["content"] for m in standin.history(Ids.DIGEST)]
    assert contents == (["held"] if after_create else [])
    stall.release()
    sent = await sending
    assert [m["id"] for m in standin.history(Ids.DIGEST)] == [str(sent.id)]
    await text_channel(probe, Ids.DIGEST).send("next")  # not held


@pytest.mark.parametrize("after_create", [False, True])
async def test_an_abandoned_send_fails_and_keeps_what_discord_made(
    probe: Probe, standin: DiscordStandIn, after_create: bool
) -> None:
    """Abandoned (its sender crashed): the request fails; a message created before stays."""
    stall = standin.stall_next_send(Ids.DIGEST, after_create=after_create)
    sending = asyncio.ensure_future(text_channel(probe, Ids.DIGEST).send("held"))
    await stall.until_reached()
    stall.abandon()
    with pytest.raises(discord.HTTPException):
        await sending
    assert len(standin.history(Ids.DIGEST)) == (1 if after_create else 0)
