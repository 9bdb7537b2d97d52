"""What the engine returns: ranked candidates and the decision taken on them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    CONFIDENT = "confident"  # answered
    AMBIGUOUS = "ambiguous"  # close to an entry, but a runner-up is nearly as close
    UNSURE = "unsure"  # something related, but not enough to answer (too weak, or the gate)
    NO_MATCH = "no_match"  # nothing in the article is close
    EMPTY = "empty"  # nothing left to match once noise is removed


@dataclass(frozen=True)
class Candidate:
    entry_id: str
    question: str
    score: float
    article_id: str = ""
    # share of the question's weight the entry leaves unexplained (what the gate reads)
    unexplained: float = 0.0
    # whether it states the kind of fact the question plainly asks for (a time, a count)
    holds_focus: bool = True
    # whether it quotes a passage the best candidate quotes too (a sibling holding the same fact:
    # a tie with it is no doubt about which fact to answer with)
    same_passage: bool = False
    # False for an entry of a draft (written from the article alone, not yet reviewed): its
    # phrasings are generated, so a score below the line may still be a clear answer
    reviewed: bool = True

    @property
    def key(self) -> tuple[str, str]:
        return (self.article_id, self.entry_id)


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

    @property
    def key(self) -> tuple[str, str] | None:
        return self.candidates[0].key if self.answered else None
