"""/digest channel|time|off|preview|now, refusals, yesterday's activity and the CLI preview."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import inspect_store
import pytest
from standin import DiscordStandIn, Ids

from bot.settings import PROJECT_ROOT
from tests.digest.limits import assert_within_limits
from tests.e2e.conftest import FakeClock, RunningBot, StartBot
from tests.e2e.digest_steps import (
    command,
    configure,
    embed_text,
    field,
    posts,
    stored,
    ticks,
    utc,
)

# Members are refused by the bot's own run-time check, with the commands open in Discord.
pytestmark = pytest.mark.usefixtures("commands_open_to_everyone")

TITLE = "Daily brief: Trump: Russia’s Chance for Friendship?"
KEY_POINT = "Russia looks like the most Trump-friendly country"
REFUSAL = "This command is for moderators"


async def test_channel_and_time_are_saved(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/digest channel turns the digest on; /digest time sets time and zone."""
    reply = await command(standin, "digest channel", {"channel": Ids.DIGEST})
    assert reply["ephemeral"] and f"<#{Ids.DIGEST}> at 09:00 (UTC)" in reply["content"]
    reply = await command(standin, "digest time", {"time": "7:30", "timezone": "Europe/Berlin"})
    assert reply["ephemeral"] and "07:30 (Europe/Berlin)" in reply["content"]
    saved = await stored(briefbot)
    assert (saved.digest_channel_id, saved.digest_enabled) == (Ids.DIGEST, True)
    assert (saved.digest_time, saved.digest_tz) == ("07:30", "Europe/Berlin")


async def test_time_alone_keeps_the_zone(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/digest time without a zone changes the time and keeps the zone already set."""
    await configure(standin, at="09:00", zone="Asia/Tokyo")
    reply = await command(standin, "digest time", {"time": "10:15"})
    assert "10:15 (Asia/Tokyo)" in reply["content"]
    saved = await stored(briefbot)
    assert (saved.digest_time, saved.digest_tz) == ("10:15", "Asia/Tokyo")


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"time": "25:99", "timezone": "Europe/Berlin"}, "“25:99” is not a time of day"),
        ({"time": "10:00", "timezone": "Mars/Olympus"}, "“Mars/Olympus” is not an IANA time zone"),
    ],
)
async def test_time_refuses_bad_input(
    standin: DiscordStandIn, briefbot: RunningBot, options: dict[str, str], says: str
) -> None:
    """An impossible time or an unknown zone gets a private explanation and changes nothing."""
    await configure(standin, at="09:00", zone="Europe/Berlin")
    before = await stored(briefbot)
    reply = await command(standin, "digest time", options)
    assert reply["ephemeral"] and says in reply["content"]
    assert await stored(briefbot) == before


async def test_zone_autocomplete(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """Typing part of a zone name offers matching IANA names."""
    choices = await standin.autocomplete(
        "digest time", {"time": "09:00", "timezone": "berl"}, focused="timezone", user=Ids.OWNER
    )
    assert [c["value"] for c in choices] == ["Europe/Berlin"]


async def test_off_stops_the_schedule(
    standin: DiscordStandIn, briefbot: RunningBot, clock: FakeClock
) -> None:
    """After /digest off nothing is posted at the digest time."""
    clock.now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    await configure(standin)
    reply = await command(standin, "digest off")
    assert reply["ephemeral"] and "off" in reply["content"]
    assert not (await stored(briefbot)).digest_enabled
    mark = standin.mark()
    clock.now = datetime(2026, 11, 24, 8, 1, tzinfo=UTC)  # 09:01 in Berlin
    await ticks(briefbot)
    assert posts(standin, after=mark) == []


async def test_preview_is_private_and_complete(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/digest preview shows title, key points, quote, yesterday and the review count, privately."""
    handle = await standin.slash("digest preview", user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    reply = await handle.reply()
    assert reply["ephemeral"] and reply["allowed_mentions"] == {"parse": []}
    embed = reply["embeds"][0]
    assert embed["title"] == TITLE
    assert f"• {KEY_POINT}" in embed["description"]
    assert field(reply, "Quote of the day").startswith("> ")
    assert "No questions yet" in field(reply, "Yesterday")
    assert "0 questions waiting for review" in field(reply, "For moderators")
    assert embed["footer"]["text"].startswith("2026-11-24")
    assert_within_limits(reply["embeds"])
    assert posts(standin) == []


async def test_now_posts_to_the_channel(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/digest now posts the digest in its channel, pinging nobody, and confirms privately."""
    assert "No digest channel yet" in (await command(standin, "digest now"))["content"]
    await command(standin, "digest channel", {"channel": Ids.DIGEST})
    mark = standin.mark()
    reply = await command(standin, "digest now")
    assert reply["ephemeral"] and f"Digest posted in <#{Ids.DIGEST}>" in reply["content"]
    [post] = posts(standin, after=mark)
    assert post.message is not None and post.message["embeds"][0]["title"] == TITLE
    assert post.message["allowed_mentions"] == {"parse": []}
    assert_within_limits(post.message["embeds"])


async def test_now_explains_an_unusable_channel(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/digest now into a channel the bot may not write to says so, privately."""
    await command(standin, "digest channel", {"channel": Ids.FORBIDDEN})
    reply = await command(standin, "digest now")
    assert reply["ephemeral"]
    assert f"I couldn't post in <#{Ids.FORBIDDEN}>: Missing Permissions" in reply["content"]


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("digest preview", {}),
        ("digest now", {}),
        ("digest channel", {"channel": Ids.GENERAL}),
        ("digest time", {"time": "10:00", "timezone": "Asia/Tokyo"}),
        ("digest off", {}),
    ],
)
async def test_member_is_refused(
    standin: DiscordStandIn, briefbot: RunningBot, path: str, options: dict[str, Any]
) -> None:
    """A member without Manage Server or the moderator role is refused and changes nothing."""
    await configure(standin)
    before = await stored(briefbot)
    mark = standin.mark()
    reply = await command(standin, path, options, user=Ids.MEMBER)
    assert reply["ephemeral"] and REFUSAL in reply["content"]
    assert reply["embeds"] == []
    assert await stored(briefbot) == before
    assert posts(standin, after=mark) == []
    [audit] = await inspect_store.history(briefbot, limit=1)
    assert (audit.action, audit.actor, audit.after) == (
        "refused",
        str(Ids.MEMBER),
        {"command": path},
    )


def midday_zone(now: datetime) -> str:
    """A fixed-offset zone where it is about noon: asks made now are far from local midnight."""
    offset = round(12 - (now.hour + now.minute / 60))
    return f"Etc/GMT{-offset:+d}"  # POSIX sign: Etc/GMT-2 is UTC+2


async def test_digest_reports_yesterdays_questions_inertly(
    standin: DiscordStandIn, start_briefbot: StartBot, clock: FakeClock
) -> None:
    """Yesterday's counts and top questions appear, with user text unable to ping or format."""
    # Asks are logged at the real time; the digest day follows the bot's clock. Work in a zone
    # where it is now about noon, so that all the asks fall on one local day.
    now = datetime.now(UTC)
    zone = midday_zone(now)
    clock.now = now
    await start_briefbot()
    await configure(standin, at="18:00", zone=zone)
    asks = [
        ("who said mutual trust takes years?", Ids.MEMBER, Ids.ASK),
        ("who said mutual trust takes years?", Ids.CURATOR, Ids.GENERAL),
        ("@everyone **bold** <@123> what is the weather", Ids.MEMBER, Ids.ASK),
    ]
    for question, user, channel in asks:
        handle = await standin.slash("ask", {"question": question}, user=user, channel_id=channel)
        await handle.reply()
    mark = standin.mark()
    tomorrow = now.astimezone(ZoneInfo(zone)).date() + timedelta(days=1)
    clock.now = utc(tomorrow, "18:00", zone) + timedelta(seconds=30)
    message = await standin.next_message(channel_id=Ids.DIGEST, after=mark, kind="create")
    yesterday = field(message, "Yesterday")
    assert "3 questions asked, 67% answered." in yesterday
    assert "1. who said mutual trust takes years? (×2)" in yesterday
    assert "2. @\u200beveryone \\*\\*bold\\*\\* <\u200b@123> what is the weather (×1)" in yesterday
    assert "@everyone" not in embed_text(message) and "<@123>" not in embed_text(message)
    assert "1 question waiting for review" in field(message, "For moderators")
    assert message["allowed_mentions"] == {"parse": []} and message["content"] == ""
    assert_within_limits(message["embeds"])


def test_cli_preview_prints_the_digest(tmp_path: Path) -> None:
    """`briefbot digest --preview` prints the title, key points and the quote of the day."""
    env = {
        **os.environ,
        "BRIEFBOT_DATA_DIR": str(tmp_path / "data"),
        "BRIEFBOT_KNOWLEDGE_DIR": str(PROJECT_ROOT / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
    }
    env.pop("DISCORD_TOKEN", None)
    script = Path(sys.executable).with_name("briefbot")  # the installed console script
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    result = subprocess.run(
        [*command, "digest", "--preview"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Daily brief for " in out and ": Trump: Russia’s Chance for Friendship?" in out
    assert f"  • {KEY_POINT}" in out
    assert "Quote of the day:\n  > " in out
    assert "Yesterday:\n  no questions asked" in out
    assert "For moderators: 0 questions waiting for review." in out
    assert (tmp_path / "data" / "briefbot.sqlite3").exists()
