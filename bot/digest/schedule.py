"""When a guild's digest is due, in its own time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
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


def due_day(now: datetime, at: str, zone_name: str, catch_up: timedelta) -> date | None:
    """The local day whose digest is due now: from the scheduled time until `catch_up` after it."""
    zone = parse_zone(zone_name)
    local = now.astimezone(zone)
    scheduled = datetime.combine(local.date(), parse_time(at), tzinfo=zone)
    if scheduled <= local <= scheduled + catch_up:
        return local.date()
    return None
