"""Moderator input as the store needs it: trimmed, within the knowledge limits, plain text."""

from __future__ import annotations

from bot.curation.errors import CurationError
from bot.knowledge.schema import KINDS, MAX_ANSWER_CHARS, MAX_PHRASING_CHARS
from bot.text.normalize import has_control_chars, phrasing_key


def shown(text: str, limit: int = 80) -> str:
    """User text quoted in a refusal: on one line and short."""
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


def _plain(text: str, what: str) -> str:
    if has_control_chars(text):
        raise CurationError(
            f"The {what} contains control characters; please retype it as plain text."
        )
    return text.strip()


def clean_phrasing(text: str, what: str = "question") -> str:
    """A question or alternate phrasing on one line, or CurationError saying what is wrong."""
    text = " ".join(_plain(text, what).split())
    if not text:
        raise CurationError(f"The {what} is empty.")
    if len(text) > MAX_PHRASING_CHARS:
        raise CurationError(
            f"The {what} is {len(text):,} characters long; the limit is {MAX_PHRASING_CHARS}."
        )
    # "???" would normalise to nothing and could never be matched (or told apart).
    if not phrasing_key(text):
        raise CurationError(f"The {what} {shown(text)} has no words in it.")
    return text


def clean_answer(text: str) -> str:
    """The answer trimmed (its line breaks kept), or CurationError."""
    text = _plain(text, "answer")
    if not text:
        raise CurationError("The answer is empty.")
    if len(text) > MAX_ANSWER_CHARS:
        raise CurationError(
            f"The answer is {len(text):,} characters long; the limit is {MAX_ANSWER_CHARS}."
        )
    return text


def clean_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise CurationError(f"Unknown kind {shown(kind, 30)}; use one of {', '.join(KINDS)}.")
    return kind


def lines(text: str) -> list[str]:
    """The non-blank lines of a multi-line field, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def clean_alternates(text: str, question: str) -> tuple[str, ...]:
    """One phrasing per line; repeats (and repeats of the question) dropped, order kept."""
    seen = {phrasing_key(question)}
    found: list[str] = []
    for number, line in enumerate(lines(_plain(text, "list of alternates")), 1):
        phrasing = clean_phrasing(line, f"alternate on line {number}")
        key = phrasing_key(phrasing)
        if key not in seen:
            seen.add(key)
            found.append(phrasing)
    return tuple(found)


def clean_evidence(passage: str) -> str:
    """A passage as pasted, trimmed ("" when none); it must still be found in the article."""
    return _plain(passage, "evidence")
