"""The digest as plain text for the terminal (`briefbot digest --preview`)."""

from __future__ import annotations

import textwrap

from bot.digest.content import Digest, quotation
from bot.text.plural import count


def printable(text: str, limit: int) -> str:
    """User-written text on one line, without control or escape characters, within a length."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def digest_text(digest: Digest) -> str:
    heading = "New here" if digest.new else "Daily brief"
    lines = [f"{heading} for {digest.day.isoformat()}: {digest.article.title}", ""]
    lines += [
        textwrap.fill(p, 88, initial_indent="  • ", subsequent_indent="    ")
        for p in digest.article.key_points
    ]
    if digest.quote is not None:
        lines += ["", "Quote of the day:"]
        passage = quotation(digest.quote).display
        lines.append(textwrap.fill(passage, 88, initial_indent="  > ", subsequent_indent="  > "))
        lines.append(
            textwrap.fill(digest.quote.answer, 88, initial_indent="  ", subsequent_indent="  ")
        )
    activity = digest.activity
    lines += ["", "Yesterday:"]
    if activity.asked:
        lines.append(
            f"  {count(activity.asked, 'question')} asked, {activity.answered_share:.0%} answered"
        )
        for i, (question, times) in enumerate(activity.top_questions, 1):
            lines.append(f"  {i}. {printable(question, 100)} (×{times})")
    else:
        lines.append("  no questions asked")
    waiting = count(digest.waiting_for_review, "question")
    lines += ["", f"For moderators: {waiting} waiting for review."]
    lines += [f"  • {n}" for n in digest.notices]
    return "\n".join(lines)
