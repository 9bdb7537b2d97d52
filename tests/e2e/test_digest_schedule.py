"""The digest scheduler against a clock under test control: once per local day, no matter what."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from standin import DiscordStandIn, Ids

from tests.digest.limits import assert_within_limits
from tests.e2e.conftest import FakeClock, RunningBot, StartBot
from tests.e2e.digest_steps import command, configure, field, posts, ticks, utc

DAY = date(2026, 11, 24)  # Berlin is on CET (UTC+1): 09:00 there is 08:00 UTC


async def test_posts_once_at_the_local_time_then_once_the_next_day(
    standin: DiscordStandIn, briefbot: RunningBot, clock: FakeClock
) -> None:
    """09:00 Europe/Berlin: nothing at 07:59 UTC, one post after 08:00 UTC, one the next day."""
    clock.now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    await configure(standin, at="09:00", zone="Europe/Berlin")
    mark = standin.mark()
    clock.now = datetime(2026, 11, 24, 7, 59, tzinfo=UTC)
    await ticks(briefbot)
    assert posts(standin, after=mark) == []

    clock.advance(minutes=1, seconds=30)
    first = await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")
    assert first["embeds"][0]["footer"]["text"].startswith("2026-11-24")
    assert first["allowed_mentions"] == {"parse": []}
    assert_within_limits(first["embeds"])
    for minutes in (1, 30, 600):  # later the same local day
        clock.advance(minutes=minutes)
        await ticks(briefbot)
    assert len(posts(standin, after=mark)) == 1
    record = await briefbot.bot.service.digest_record(Ids.GUILD, "2026-11-24")
    assert record is not None and (record.status, record.message_id) == ("sent", first["id"])

    mark = standin.mark()
    clock.now = utc(DAY + timedelta(days=1), "08:59")
    await ticks(briefbot)
    assert posts(standin, after=mark) == []
    clock.now = utc(DAY + timedelta(days=1), "09:00")
    second = await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")
    assert second["embeds"][0]["footer"]["text"].startswith("2026-11-25")
    clock.advance(minutes=5)
    await ticks(briefbot)
    assert len(posts(standin, after=mark)) == 1


async def test_restart_inside_the_window_does_not_post_twice(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Posted, stopped and started again within the window: still one digest that day."""
    clock.now = utc(DAY, "08:00")
    running = await start_briefbot()
    await configure(standin)
    clock.now = utc(DAY, "09:01")
    await standin.next_message(channel_id=Ids.DIGEST, kind="create")
    await running.stop()
    clock.advance(minutes=5)
    again = await start_briefbot()
    await ticks(again, 4)
    assert len(posts(standin)) == 1


async def test_missed_digest_is_posted_on_start_within_catch_up(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Down at 09:00 and back at 11:30 (window 180 min): posted once, on start."""
    clock.now = utc(DAY, "08:00")
    running = await start_briefbot(digest_catchup_minutes=180)
    await configure(standin)
    await running.stop()
    mark = standin.mark()
    clock.now = utc(DAY, "11:30")
    again = await start_briefbot(digest_catchup_minutes=180)
    message = await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")
    assert message["embeds"][0]["footer"]["text"].startswith("2026-11-24")
    await ticks(again, 4)
    assert len(posts(standin, after=mark)) == 1


async def test_missed_digest_is_dropped_after_the_window(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Down at 09:00 and back at 12:01 (window 180 min): nothing that day, posted the next."""
    clock.now = utc(DAY, "08:00")
    running = await start_briefbot(digest_catchup_minutes=180)
    await configure(standin)
    await running.stop()
    mark = standin.mark()
    clock.now = utc(DAY, "12:01")
    again = await start_briefbot(digest_catchup_minutes=180)
    await ticks(again, 4)
    assert posts(standin, after=mark) == []
    assert await again.bot.service.digest_record(Ids.GUILD, DAY.isoformat()) is None
    clock.now = utc(DAY + timedelta(days=1), "09:00")
    await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")


async def test_catch_up_crosses_midnight(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """A 23:30 digest missed while down is still posted at 00:30, for the day it was due."""
    clock.now = utc(DAY, "22:00")
    running = await start_briefbot(digest_catchup_minutes=120)
    await configure(standin, at="23:30")
    await running.stop()
    clock.now = utc(DAY + timedelta(days=1), "00:30")
    again = await start_briefbot(digest_catchup_minutes=120)
    message = await standin.next_message(channel_id=Ids.DIGEST, kind="create")
    assert message["embeds"][0]["footer"]["text"].startswith("2026-11-24")
    await ticks(again, 4)
    assert len(posts(standin)) == 1


async def test_no_catch_up_still_posts_on_time(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """With digest_catchup_minutes=0 a tick just after the digest time still posts it."""
    clock.now = utc(DAY, "08:00")
    await start_briefbot(digest_catchup_minutes=0)
    await configure(standin)
    clock.now = utc(DAY, "09:00") + timedelta(seconds=0.06)  # a tick (0.05 s) late
    await standin.next_message(channel_id=Ids.DIGEST, kind="create")


@pytest.mark.parametrize(
    ("channel", "status", "reason"),
    [(Ids.FORBIDDEN, 403, "Missing Permissions"), (Ids.GONE, 404, "Unknown Channel")],
)
async def test_unavailable_channel_is_recorded_and_not_retried(
    standin: DiscordStandIn,
    briefbot: RunningBot,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    channel: int,
    status: int,
    reason: str,
) -> None:
    """A 403/404 digest channel: one attempt that day, logged, recorded and shown by /config."""
    clock.now = utc(DAY, "08:00")
    await configure(standin, channel=channel)
    caplog.set_level(logging.WARNING, logger="bot.exts.digest.digest")
    clock.now = utc(DAY, "09:00")
    await standin.wait_for_request(lambda r: r.path == f"/channels/{channel}/messages")
    for minutes in (0, 1, 10):
        clock.advance(minutes=minutes)
        await ticks(briefbot, 2)
    assert [r.status for r in posts(standin, channel_id=channel)] == [status]
    assert any(reason in r.getMessage() for r in caplog.records)
    record = await briefbot.bot.service.digest_record(Ids.GUILD, DAY.isoformat())
    assert record is not None and (record.status, record.detail) == ("failed", reason)
    shown = await command(standin, "config show")
    assert field(shown, "Last digest") == f"2026-11-24: failed — {reason}"


async def test_a_guild_with_a_broken_schedule_does_not_block_others(
    standin: DiscordStandIn,
    briefbot: RunningBot,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A stored zone that no longer exists is warned about once; other guilds still get theirs."""
    clock.now = utc(DAY, "08:00")
    broken = {"digest_channel_id": 7, "digest_enabled": True, "digest_time": "09:00"}
    await briefbot.bot.service.guild_joined(1)
    await briefbot.bot.service.update_settings(1, "test", digest_tz="Mars/Olympus", **broken)
    await configure(standin)
    caplog.set_level(logging.WARNING, logger="bot.exts.digest.digest")
    clock.now = utc(DAY, "09:00")
    await standin.next_message(channel_id=Ids.DIGEST, kind="create")
    await ticks(briefbot)
    warnings = [r.getMessage() for r in caplog.records if "cannot be scheduled" in r.getMessage()]
    assert warnings == [
        "digest for guild 1 cannot be scheduled: “Mars/Olympus” is not an IANA"
        " time zone; use a name like Europe/Berlin or UTC."
    ]
