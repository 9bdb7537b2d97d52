"""The digest is posted exactly once even when the bot crashes mid-send: the day is claimed
(with a nonce) before sending; on start, a claimed but unsent day is first looked for among
the bot's recent messages in the channel, and only then sent again, with the recorded nonce
(Discord drops a repeat of it for a few minutes: the stand-in models that window).

A crash is the bot's task stopped while Discord holds its send: before Discord created the
message, or after it did but before the bot heard back."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date, timedelta

import pytest
from standin import DiscordStandIn, Ids, Stall

from tests.e2e.conftest import FakeClock, RunningBot, StartBot
from tests.e2e.digest_steps import configure, posts, ticks, utc

DAY = date(2026, 11, 24)
# More of the members' own messages than the bot looks back through for its digest.
BURIED = 101


async def crash_mid_send(
    standin: DiscordStandIn,
    start_briefbot: StartBot,
    clock: FakeClock,
    *,
    after_create: bool,
    chatter: int = 0,
) -> tuple[RunningBot, Stall]:
    """Configure the digest for 09:00, let the bot claim the day and send, and stop it dead
    while Discord holds the send (after `chatter` messages from members in the channel)."""
    clock.now = utc(DAY, "08:00")
    running = await start_briefbot()
    await configure(standin)
    stall = standin.stall_next_send(Ids.DIGEST, after_create=after_create)
    clock.now = utc(DAY, "09:00")
    await stall.until_reached()
    for number in range(chatter):
        await standin.send_message(f"chatter {number}", channel_id=Ids.DIGEST)
    running.task.cancel()  # the process dies here: the claim is on disk, nothing else is
    with pytest.raises(asyncio.CancelledError):
        await running.task
    stall.abandon()
    path = f"/channels/{Ids.DIGEST}/messages"
    await standin.wait_for_request(lambda r: r.path == path and r.status == 503)
    return running, stall


def recorded(running: RunningBot) -> tuple[str, str | None, str | None]:
    with sqlite3.connect(running.settings.database_path) as db:
        row = db.execute(
            "SELECT status, message_id, nonce FROM digest_log WHERE local_date = ?",
            (DAY.isoformat(),),
        ).fetchone()
    return row


def created_digests(standin: DiscordStandIn) -> list[str]:
    """The ids of every digest message in the channel, however deep."""
    return [
        str(m["id"])
        for m in standin.messages.values()
        if int(m["channel_id"]) == Ids.DIGEST and m["embeds"]
    ]


async def test_a_crash_before_discord_made_the_message_is_sent_on_start(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Claimed, never created: on start it is not in the channel, so it is sent, once."""
    crashed, _ = await crash_mid_send(standin, start_briefbot, clock, after_create=False)
    status, _, nonce = recorded(crashed)
    assert status == "claimed" and nonce and created_digests(standin) == []
    clock.advance(minutes=2)
    mark = standin.mark()
    again = await start_briefbot()
    message = await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")
    assert message["payload"]["nonce"] == nonce and message["payload"]["enforce_nonce"]
    await ticks(again, 4)
    assert created_digests(standin) == [str(message["id"])]
    assert recorded(again)[:2] == ("sent", str(message["id"]))


@pytest.mark.parametrize("minutes_later", [1, 10], ids=["inside-window", "outside-window"])
async def test_a_crash_after_discord_made_the_message_is_found_not_resent(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock, minutes_later: int
) -> None:
    """Created, but the bot never heard: on start it is found in the channel's recent
    messages and recorded as sent; nothing is posted again, inside the nonce window or not."""
    crashed, _ = await crash_mid_send(standin, start_briefbot, clock, after_create=True)
    [made] = created_digests(standin)
    assert recorded(crashed)[0] == "claimed"
    standin.clock.advance(minutes=minutes_later)
    clock.advance(minutes=minutes_later)
    mark = standin.mark()
    again = await start_briefbot()
    await ticks(again, 4)
    assert posts(standin, after=mark) == []
    assert created_digests(standin) == [made]
    assert recorded(again)[:2] == ("sent", made)


async def test_a_buried_digest_resent_inside_the_window_is_dropped_by_discord(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Created, then buried under the members' chatter beyond what the bot looks through: the
    bot sends again with the recorded nonce, and Discord (inside its window) returns the first
    message instead of posting a second."""
    crashed, _ = await crash_mid_send(
        standin, start_briefbot, clock, after_create=True, chatter=BURIED
    )
    [made] = created_digests(standin)
    nonce = recorded(crashed)[2]
    standin.clock.advance(minutes=1)
    clock.advance(minutes=1)
    mark = standin.mark()
    again = await start_briefbot()
    resend = await standin.wait_for_request(
        lambda r: r.method == "POST" and r.path == f"/channels/{Ids.DIGEST}/messages", after=mark
    )
    assert resend.json["nonce"] == nonce and resend.extra.get("deduplicated")
    await ticks(again, 4)
    assert created_digests(standin) == [made]
    assert recorded(again)[:2] == ("sent", made)


async def test_a_claimed_day_found_too_late_is_not_posted_stale(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Back after the catch-up window: the day's digest is recorded as missed, not posted."""
    crashed, _ = await crash_mid_send(standin, start_briefbot, clock, after_create=False)
    clock.now = utc(DAY, "09:00") + timedelta(minutes=crashed.settings.digest_catchup_minutes + 1)
    mark = standin.mark()
    again = await start_briefbot()
    await ticks(again, 4)
    assert posts(standin, after=mark) == []
    status, _, _ = recorded(again)
    assert status == "failed"
    record = await again.bot.service.digest_record(Ids.GUILD, DAY.isoformat())
    assert record is not None and "after the catch-up window" in (record.detail or "")
