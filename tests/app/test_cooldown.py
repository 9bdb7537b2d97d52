"""The ask rate a reader never meets: 10 a minute, 5 at once."""

from __future__ import annotations

from bot.app.cooldown import AskRate


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_five_then_a_wait_of_six_seconds() -> None:
    """Five asks at once pass, the sixth waits about 6 s, and one ask is back after that."""
    clock = Clock()
    rate = AskRate(5, 30, clock)
    assert [rate.retry_after(1) for _ in range(5)] == [None] * 5
    wait = rate.retry_after(1)
    assert wait is not None and 5.9 < wait <= 6.0
    clock.now = 6.0
    assert rate.retry_after(1) is None
    assert rate.retry_after(1) is not None


def test_ten_asks_a_minute_never_wait() -> None:
    """A reader asking every 6 seconds for ten minutes is never held back."""
    clock = Clock()
    rate = AskRate(5, 30, clock)
    for step in range(100):
        clock.now = step * 6.0
        assert rate.retry_after(1) is None, step


def test_each_person_has_their_own_rate() -> None:
    """One person's burst does not hold back another."""
    rate = AskRate(2, 60, Clock())
    assert rate.retry_after(1) is None and rate.retry_after(1) is None
    assert rate.retry_after(1) is not None
    assert rate.retry_after(2) is None
