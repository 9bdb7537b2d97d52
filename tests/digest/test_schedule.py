"""When a digest is due: local time in any zone, DST changes, the catch-up window, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.schedule import (
    ScheduleError,
    due_day,
    local_day,
    parse_time,
    parse_zone,
    scheduled_at,
)

HOUR = timedelta(hours=1)


def at_utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("09:00", time(9)), ("9:05", time(9, 5)), (" 23:59 ", time(23, 59)), ("00:00", time(0))],
)
def test_parse_time_accepts_24_hour_times(text: str, expected: time) -> None:
    """HH:MM and H:MM, surrounding spaces ignored."""
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:99", "24:00", "09:60", "9", "9am", "", "09:00:00", "-1:00"])
def test_parse_time_refuses_the_rest(text: str) -> None:
    """Anything else is a ScheduleError whose message shows the expected format."""
    with pytest.raises(ScheduleError, match="is not a time of day; use 24-hour HH:MM"):
        parse_time(text)


def test_parse_time_quotes_at_most_20_characters() -> None:
    """The error repeats only the start of a long input."""
    with pytest.raises(ScheduleError) as error:
        parse_time("x" * 500)
    assert str(error.value).startswith("“" + "x" * 20 + "”")


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires"])
def test_parse_zone_accepts_iana_names(name: str) -> None:
    """IANA names give their ZoneInfo."""
    assert parse_zone(f" {name} ").key == name


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../../etc/passwd", "/etc/localtime"])
def test_parse_zone_refuses_unknown_names(name: str) -> None:
    """Unknown, empty or path-like names are a ScheduleError (never an OSError)."""
    with pytest.raises(ScheduleError, match="is not an IANA time zone"):
        parse_zone(name)


@pytest.mark.parametrize(
    ("zone", "now", "day"),
    [
        ("Europe/Berlin", at_utc(2026, 11, 24, 8, 0), date(2026, 11, 24)),  # CET, UTC+1
        ("Europe/Berlin", at_utc(2026, 7, 1, 7, 0), date(2026, 7, 1)),  # CEST, UTC+2
        ("Asia/Tokyo", at_utc(2026, 11, 24, 0, 0), date(2026, 11, 24)),  # UTC+9
        ("America/New_York", at_utc(2026, 11, 24, 14, 0), date(2026, 11, 24)),  # EST, UTC-5
        ("Asia/Kathmandu", at_utc(2026, 11, 24, 3, 15), date(2026, 11, 24)),  # UTC+5:45
        ("Pacific/Kiritimati", at_utc(2026, 11, 23, 19, 0), date(2026, 11, 24)),  # UTC+14
        ("Pacific/Pago_Pago", at_utc(2026, 11, 24, 20, 0), date(2026, 11, 24)),  # UTC-11
    ],
)
def test_due_at_the_local_time_in_any_zone(zone: str, now: datetime, day: date) -> None:
    """09:00 local is due at exactly that instant, for the local day, and not a minute before."""
    assert due_day(now, "09:00", zone, HOUR) == day
    assert due_day(now - timedelta(minutes=1), "09:00", zone, HOUR) is None
    assert local_day(now, zone) == day


def test_catch_up_window_is_inclusive_and_ends() -> None:
    """Due from the time through the end of the window, then not again that day."""
    start = at_utc(2026, 11, 24, 8, 0)  # 09:00 Berlin
    window = timedelta(minutes=90)
    assert due_day(start, "09:00", "Europe/Berlin", window) == date(2026, 11, 24)
    assert due_day(start + window, "09:00", "Europe/Berlin", window) == date(2026, 11, 24)
    assert due_day(start + window + timedelta(seconds=1), "09:00", "Europe/Berlin", window) is None
    assert due_day(start + timedelta(hours=15), "09:00", "Europe/Berlin", window) is None


def test_zero_catch_up_is_due_only_at_the_instant() -> None:
    """With no window, only the scheduled instant itself is due (the cog widens it to a tick)."""
    start = at_utc(2026, 11, 24, 8, 0)
    assert due_day(start, "09:00", "Europe/Berlin", timedelta(0)) == date(2026, 11, 24)
    assert due_day(start + timedelta(seconds=1), "09:00", "Europe/Berlin", timedelta(0)) is None


def test_catch_up_runs_past_local_midnight() -> None:
    """A 23:30 digest with a 2 h window is still due at 01:00 the next day, for its own day."""
    now = at_utc(2026, 11, 25, 0, 0)  # 01:00 in Berlin on the 25th
    assert due_day(now, "23:30", "Europe/Berlin", 2 * HOUR) == date(2026, 11, 24)
    assert due_day(now + HOUR, "23:30", "Europe/Berlin", 2 * HOUR) is None


def test_local_day_differs_from_the_utc_day() -> None:
    """At 23:30 UTC it is already tomorrow in Tokyo: Tokyo's 08:00 digest is for that day."""
    now = at_utc(2026, 11, 24, 23, 30)  # 08:30 on the 25th in Tokyo
    assert due_day(now, "08:00", "Asia/Tokyo", HOUR) == date(2026, 11, 25)
    assert due_day(now, "08:00", "America/Los_Angeles", HOUR) is None  # 15:30 there


def test_spring_forward_gap_posts_when_the_clocks_jump() -> None:
    """02:30 does not exist in Berlin on 29 March 2026: due at the jump (03:00 CEST, 01:00 UTC)."""
    berlin = ZoneInfo("Europe/Berlin")
    assert scheduled_at(date(2026, 3, 29), time(2, 30), berlin) == at_utc(2026, 3, 29, 1, 0)
    jump = at_utc(2026, 3, 29, 1, 0)
    assert due_day(jump - timedelta(seconds=1), "02:30", "Europe/Berlin", HOUR) is None
    assert due_day(jump, "02:30", "Europe/Berlin", timedelta(0)) == date(2026, 3, 29)


def test_spring_forward_in_new_york() -> None:
    """02:15 is skipped in New York on 8 March 2026: due at 03:00 EDT (07:00 UTC)."""
    new_york = ZoneInfo("America/New_York")
    assert scheduled_at(date(2026, 3, 8), time(2, 15), new_york) == at_utc(2026, 3, 8, 7, 0)


def test_fall_back_uses_the_first_of_the_repeated_times() -> None:
    """02:30 happens twice in Berlin on 25 October 2026: due at the first (00:30 UTC)."""
    berlin = ZoneInfo("Europe/Berlin")
    first = at_utc(2026, 10, 25, 0, 30)
    assert scheduled_at(date(2026, 10, 25), time(2, 30), berlin) == first
    assert due_day(first, "02:30", "Europe/Berlin", timedelta(0)) == date(2026, 10, 25)
    second = first + HOUR  # 02:30 CET, the clock shows it again: outside a short window
    assert due_day(second, "02:30", "Europe/Berlin", timedelta(minutes=30)) is None


def test_window_is_measured_in_real_time_across_dst() -> None:
    """On the 25-hour day, a 01:30 digest with a 3 h window ends at 04:30 UTC, not by the wall."""
    start = scheduled_at(date(2026, 10, 25), time(1, 30), ZoneInfo("Europe/Berlin"))
    assert start == at_utc(2026, 10, 24, 23, 30)
    end = start + 3 * HOUR
    assert due_day(end, "01:30", "Europe/Berlin", 3 * HOUR) == date(2026, 10, 25)
    assert due_day(end + timedelta(seconds=1), "01:30", "Europe/Berlin", 3 * HOUR) is None


def test_normal_days_are_exact() -> None:
    """On ordinary days the scheduled instant is the wall time in the zone's offset."""
    assert scheduled_at(date(2026, 7, 1), time(9), ZoneInfo("Europe/Berlin")) == at_utc(
        2026, 7, 1, 7, 0
    )
