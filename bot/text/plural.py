"""Counts in words: "1 question", "3 questions"."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries", "person": "people", "reply": "replies", "is": "are"}


def plural(noun: str) -> str:
    return _IRREGULAR.get(noun, noun + "s")


def count(number: int, noun: str) -> str:
    """`number` and the noun, singular for exactly one."""
    return f"{number:,} {noun if number == 1 else plural(noun)}"
