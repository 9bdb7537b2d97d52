"""What the engine returns: ranked candidates and the decision taken on them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    CONFIDENT = "confident"  # answered
    AMBIGUOUS = "ambiguous"  # close to an entry, but a runner-up is nearly as close
    UNSURE = "unsure"  # something related, below the confidence threshold
    NO_MATCH = "no_match"  # nothing in the article is close
    EMPTY = "empty"  # nothing left to match once noise is removed


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    question: str
    score: float


@dataclass(frozen=True)
class EngineResult:
    verdict: Verdict
    confidence: float
    candidates: tuple[Candidate, ...]
    suggestions: tuple[Candidate, ...] = ()

    @property
    def answered(self) -> bool:
        return self.verdict is Verdict.CONFIDENT

    @property
    def entry_id(self) -> str | None:
        return self.candidates[0].entry_id if self.answered else None
