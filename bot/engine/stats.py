"""What the base index and every server overlay share: analyzer, model, terms and their weights.

Sharing them is what makes an overlay's scores comparable with the base's: a term weighs the same
in both, whichever index holds the entry.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from bot.engine.analyzer import Analyzer
from bot.engine.arrays import Growable
from bot.engine.semantic import SemanticModel

# A number the article never mentions ("2020") weighs more than an unknown word.
UNKNOWN_NUMBER_FACTOR = 2.0
# An article word that aliases absorb everywhere ("hussein" in "saddam hussein") is known, not
# unknown, so it must not count against answering.
ABSORBED_WEIGHT = 0.5


class Stats:
    """Term ids, document frequencies over the base entries, and one vector per term."""

    def __init__(self, analyzer: Analyzer, model: SemanticModel) -> None:
        self.analyzer = analyzer
        self.model = model
        self.term_id: dict[str, int] = {}
        self.term_text: list[str] = []
        self.term_vectors = Growable(np.float32, model.dimensions)
        self.df = Growable(np.int32)
        self.documents = 0  # live base entries
        self.version = 0  # bumped on every change of df, so cached weights are recomputed
        self._idf: tuple[int, np.ndarray] | None = None

    def ids(self, terms: Sequence[str], surfaces: dict[str, str]) -> list[int]:
        """Ids of the terms, adding new ones (with the vector of the word they came from)."""
        new = [t for t in dict.fromkeys(terms) if t not in self.term_id]
        if new:
            vectors = self.model.encode([surfaces.get(t, t) for t in new])
            for term in new:
                self.term_id[term] = len(self.term_text)
                self.term_text.append(term)
            self.term_vectors.extend(vectors)
            self.df.extend(np.zeros(len(new), dtype=np.int32))
        return [self.term_id[t] for t in terms]

    def count(self, term_ids: Iterable[np.ndarray], sign: int) -> None:
        """Add (or, with sign -1, take away) entries holding these terms to the frequencies."""
        lists = list(term_ids)
        if lists:
            ids = np.concatenate(lists)
            self.df.view[:] += sign * np.bincount(ids, minlength=len(self.df)).astype(np.int32)
            self.documents += sign * len(lists)
        self.version += 1

    @property
    def unknown_idf(self) -> float:
        return math.log(1 + max(self.documents, 1) / 0.5)

    def idf(self) -> np.ndarray:
        """Per term id: log(1 + N / df), or the unknown weight for a term no base entry has."""
        cached = self._idf
        if cached is not None and cached[0] == self.version and len(cached[1]) == len(self.df):
            return cached[1]
        df = self.df.view.astype(np.float64)
        n = max(self.documents, 1)
        with np.errstate(divide="ignore"):
            idf = np.where(df > 0, np.log1p(n / np.maximum(df, 1)), self.unknown_idf)
        self._idf = (self.version, idf)
        return idf

    def weight(self, term: str) -> float:
        """How much a question's term counts: rare terms most, unknown ones as rare as can be."""
        tid = self.term_id.get(term)
        if tid is not None and self.df.view[tid] > 0:
            return float(self.idf()[tid])
        if term.isdigit():
            return self.unknown_idf * UNKNOWN_NUMBER_FACTOR
        if term in self.analyzer.known_stems():
            return ABSORBED_WEIGHT
        return self.unknown_idf
