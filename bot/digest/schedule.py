"""When a guild's digest is due, in its own time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """A time or time zone a person typed that we cannot use; the message says why."""


def parse_time(text: str) -> time:
    match = _HHMM.match(text.strip())
    if not match:
        raise ScheduleError(f"“{text[:20]}” is not a time of day; use 24-hour HH:MM, e.g. 09:30.")
    return time(int(match.group(1)), int(match.group(2)))


def parse_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"“{name[:40]}” is not an IANA time zone; use a name like Europe/Berlin or UTC."
        ) from None


def local_day(now: datetime, zone_name: str) -> date:
    return now.astimezone(parse_zone(zone_name)).date()


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


def scheduled_at(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The first instant (UTC) at which the local clock reads `at` or later on `day`.

    Usually just `at` on `day`; the earlier of the two when the clocks go back and the time
    occurs twice; the moment the clocks jump when they go forward over it.
    """
    wall = datetime.combine(day, at)
    instant = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(instant, zone) == wall:
        return instant
    # In a gap: fold=1 lands before the jump, fold=0 after it; find the jump to the second.
    early, late = wall.replace(tzinfo=zone, fold=1).astimezone(UTC), instant
    while late - early > timedelta(seconds=1):
        middle = early + (late - early) / 2
        early, late = (early, middle) if _wall(middle, zone) >= wall else (middle, late)
    return late.replace(microsecond=0)


def due_day(now: datetime, at: str, zone_name: str, catch_up: timedelta) -> date | None:
    """The local day whose digest is due at `now`: from its scheduled instant until `catch_up`
    after it, measured in real time (so a window may run past local midnight)."""
    zone, when = parse_zone(zone_name), parse_time(at)
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1)):
        start = scheduled_at(day, when, zone)
        if start <= now <= start + catch_up:
            return day
    return None
