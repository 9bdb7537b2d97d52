"""Scoring one question: right, wrong (answered with an entry that does not answer it) or
declined; and "helped" (right, or declined with the right entry among the suggestions)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.models import Entry
from bot.quality.sets import Question
from bot.service import Answer

RIGHT, WRONG, DECLINED = "right", "wrong", "declined"


@dataclass(frozen=True)
class Outcome:
    question: Question
    result: str  # right, wrong or declined
    helped: bool
    got: str | None  # article/id answered with


def _covers(entry: Entry, spans: Iterable[tuple[int, int]]) -> bool:
    """An unlabelled question's answer is where its spans are: evidence overlapping them."""
    return any(e.start < end and start < e.end for e in entry.evidence for start, end in spans)


def fits(entry: Entry, question: Question, article: str | None) -> bool:
    if article is not None and entry.article_id != article:
        return False  # an answer from another article is never right
    if question.expect is not None:
        return entry.id in question.expect
    return _covers(entry, question.spans)


def score_one(answer: Answer, question: Question, article: str | None) -> Outcome:
    entry = answer.entry
    got = f"{entry.article_id}/{entry.id}" if entry else None
    if not question.in_scope:
        return Outcome(question, WRONG if entry else RIGHT, entry is None, got)
    if entry is not None:
        ok = fits(entry, question, article)
        return Outcome(question, RIGHT if ok else WRONG, ok, got)
    helped = any(fits(s.entry, question, article) for s in answer.suggestions)
    return Outcome(question, DECLINED, helped, got)
