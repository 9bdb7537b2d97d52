"""Short keyword forms of a passage, the way chat users type a question ("dumba injury").

An answering engine compares a question's content words with each phrasing's, so a phrasing of
the two or three words a question would use scores far better than the passage's whole wording.
Only combinations that no other passage of the article also holds are offered: a pair found in
two sentences would send a question to whichever claimed it first.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import snowballstemmer

from bot.draft.words import Rarity, content_words

_stemmer = snowballstemmer.stemmer("english")


def stems(text: str) -> frozenset[str]:
    return frozenset(_stemmer.stemWord(w) for w in content_words(text))


class Distinct:
    """Which word combinations single out one passage of the article."""

    def __init__(self, passages: Iterable[str], rarity: Rarity) -> None:
        self.rarity = rarity
        self._passages = [stems(p) for p in passages]

    def holders(self, words: Iterable[str]) -> int:
        wanted = frozenset(_stemmer.stemWord(w) for w in words)
        return sum(1 for p in self._passages if wanted <= p)

    def forms(self, text: str, skip: Iterable[str] = (), top: int = 5, most: int = 10) -> list[str]:
        """Pairs and triples of the text's most distinctive words that only it holds (at most
        `most`), rarest first."""
        words = self.rarity.top(text, top, skip)
        ranked = sorted(words, key=lambda w: -self.rarity.weight(w))
        found: list[str] = []
        for size in (2, 3):
            for combo in itertools.combinations(ranked, size):
                if self.holders(combo) <= 1:
                    ordered = [w for w in words if w in combo]  # in the text's order
                    found.append(" ".join(ordered))
        return found[:most]

    def pairs(self, name: str, text: str, skip: Iterable[str] = (), most: int = 8) -> list[str]:
        """A name (or a role) with each word of the text that makes the pair the text's own:
        "brodin scored", "dumba injury", "defenseman injury"."""
        excluded = {w.lower() for w in skip} | set(name.split())
        found = [f"{name} {w}" for w in content_words(text) if w not in excluded]
        found = [f for f in found if not f.split()[-1].isdigit() and self.alone(f.split())]
        return found[:most]

    def alone(self, words: Iterable[str]) -> bool:
        """True when at most one passage holds all the words."""
        return self.holders(words) <= 1
