"""When and where a quote was said, as stated around it ("last July", "on CBS last week")."""

from __future__ import annotations

import re

from bot.extraction.lexicon import MONTHS, SPEECH_VERBS, WEEKDAYS

_MONTH = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)
_PERIOD = rf"(?:week|month|year|weekend|spring|summer|autumn|fall|winter|night|{_MONTH}|{_DAY})"
_CAPS = r"[A-Z][\w&\x02-]*(?:\s+[A-Z][\w&\x02-]*){0,3}"
_EVENT_NOUNS = (
    "interview|speech|statement|press conference|news conference|briefing|address|debate|"
    "rally|hearing|meeting|summit|conference|podcast|broadcast|post|tweet|letter|op-ed|"
    "testimony|session|call|video|email|memo|report"
)
EVENT = re.compile(
    rf"\b(?i:in|during|at)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_EVENT_NOUNS})\b(?:\s+(?:on|with|to|at|in|before)\s+(?:the\s+)?{_CAPS})?"
    rf"(?:\s+(?:last|this|next)\s+{_PERIOD})?"
)
_PATTERNS = (
    EVENT,
    re.compile(rf"\b(?:(?i:last|next|this)|earlier this|later this)\s+{_PERIOD}\b"),
    re.compile(rf"\b(?i:on)\s+(?:{_DAY}|(?:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?)\b"),
    re.compile(
        rf"\b(?i:in)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTH})(?:\s+\d{{4}})?|\d{{4}})\b"
    ),
    re.compile(r"\b(?i:yesterday|today|tonight|this morning|earlier today|recently)\b"),
    re.compile(
        r"\b(?i:after|before|following|ahead of)\s+[^,.;:!?\x01“”\"\n]{3,40}?"
        r"(?=\s*(?:[,.;:!?“”\"]|$))"
    ),
    re.compile(
        rf"\b(?:{'|'.join(sorted(SPEECH_VERBS))})(?:\s+[a-z]+){{0,2}}?\s+"
        rf"(?P<place>(?:in|at)\s+(?:the\s+)?{_CAPS})"
    ),
)


def find_context(hidden: str, raw: str, spans: list[tuple[int, int]]) -> list[str]:
    """Time and place phrases in the given spans of the hidden text, in text order."""
    found: list[tuple[int, int]] = []
    for start, end in spans:
        for pattern in _PATTERNS:
            for match in pattern.finditer(hidden, start, end):
                group = "place" if "place" in pattern.groupindex else 0
                found.append((match.start(group), match.end(group)))
    return _distinct(found, raw)


def find_events(hidden: str, raw: str, start: int, end: int) -> list[str]:
    """Only occasions ("in a televised interview on CBS last week") in a span."""
    return _distinct([(m.start(), m.end()) for m in EVENT.finditer(hidden, start, end)], raw)


def _distinct(spans: list[tuple[int, int]], raw: str) -> list[str]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and start < kept[-1][1]:
            continue
        if len(raw[start:end].split()) <= 12:
            kept.append((start, end))
    return [" ".join(raw[start:end].split()) for start, end in kept]
