"""What the service gives back for a question: an answer, suggestions, a decline or a refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.models import Article, Entry

# What a reply is, as the CLI's JSON `reply` key says it.
ANSWER, SUGGEST, DECLINE, REFUSED, HELP, ABOUT = (
    "answer",
    "suggest",
    "decline",
    "refused",
    "help",
    "about",
)


@dataclass(frozen=True)
class Suggestion:
    entry: Entry
    article: Article | None
    score: float


@dataclass(frozen=True)
class Answer:
    question: str
    verdict: str  # an engine Verdict, or "rejected" for input we refused
    confidence: float = 0.0
    entry: Entry | None = None
    article: Article | None = None
    suggestions: tuple[Suggestion, ...] = ()
    message: str | None = None  # the reply's text when it is not an answer from the article
    query_id: int | None = None
    kind: str | None = None  # help or about: a reply about the bot or the article, not from it
    runner_up: Suggestion | None = None  # the engine's second choice (for /qa why)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return self.entry is not None

    @property
    def reply(self) -> str:
        if self.kind is not None:
            return self.kind
        if self.entry is not None:
            return ANSWER
        if self.verdict == "rejected":
            return REFUSED
        return SUGGEST if self.suggestions else DECLINE

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON object; its keys are a public contract (new keys are only added)."""
        entry = self.entry
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": entry.answer if entry else None,
            "confidence": round(self.confidence, 4),
            "entry_id": entry.id if entry else None,
            "evidence": [
                {"seed": e.seed, "quote": e.quote, "start": e.start, "end": e.end}
                for e in (entry.evidence if entry else ())
            ],
            "suggestions": [
                {
                    "entry_id": s.entry.id,
                    "question": s.entry.question,
                    "answer": s.entry.answer,
                    "article": _article_json(s.article, s.entry.article_id),
                }
                for s in self.suggestions
            ],
            "article": _article_json(self.article, entry.article_id if entry else "")
            if entry or self.article
            else None,
            "reply": self.reply,
            "message": None if entry else self.message,
        }


def _article_json(article: Article | None, article_id: str) -> dict[str, Any]:
    if article is None:
        return {"id": article_id, "title": None, "url": None}
    return {"id": article.id, "title": article.title, "url": article.url}
