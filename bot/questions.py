"""Checks on a question as typed, before any matching: empty, too long, control characters."""

from __future__ import annotations

from bot.text.normalize import has_control_chars


class QuestionRejected(ValueError):
    """A question we will not process; the message is meant for the person who asked."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def prepare_question(raw: str, max_chars: int) -> str:
    """The question trimmed, or QuestionRejected with a friendly explanation."""
    if has_control_chars(raw):
        raise QuestionRejected(
            "control_characters",
            "Your question contains control characters; please retype it as plain text.",
        )
    text = raw.strip()
    if not text:
        raise QuestionRejected("empty", "Please type a question about the article.")
    if len(text) > max_chars:
        raise QuestionRejected(
            "too_long",
            f"That question is {len(text):,} characters long; questions are capped at "
            f"{max_chars:,} characters. Please ask something shorter.",
        )
    return text
