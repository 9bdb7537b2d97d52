"""A realistic store for the benchmark: many articles on overlapping topics, made of real text.

Each synthetic entry copies a real entry's shape (kind, number of phrasings, answer and evidence
lengths) and rewrites its words: every content word is kept with probability `KEEP`, else replaced
by a word drawn from the real store's vocabulary by its frequency there. So the common words of the
article ("trump", "russia", "putin") run through long posting lists, as they would across many
articles about related news. Questions are phrasings of stored entries with a typo or a dropped
word, asked of the store they came from, so every question hits it.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace

import numpy as np

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.models import Entry, Evidence

GENERATOR = "realistic-v1"
SEED = 20261201
KEEP = 0.55
ENTRIES_PER_ARTICLE = 250


@dataclass(frozen=True)
class _Template:
    entry: Entry
    tokens: np.ndarray  # every word of phrasings, answer and evidence, in order (objects)
    content: np.ndarray  # which of them may be replaced
    lengths: list[int]  # words per text: phrasings, then the answer, then each evidence


def _is_content(word: str) -> bool:
    bare = word.strip(".,?!\"'()").lower()
    return bool(bare) and bare not in STOPWORDS and bare not in QUESTION_WORDS


class Generator:
    def __init__(self, real: list[Entry], seed: int = SEED) -> None:
        self.real = sorted(real, key=lambda e: e.key)
        self.seed = seed
        counts: Counter[str] = Counter()
        for entry in self.real:
            for text in (*entry.phrasings, entry.answer, *(e.display for e in entry.evidence)):
                counts.update(w for w in words(text) if _is_content(w))
        self._vocabulary = np.array(sorted(counts), dtype=object)
        frequency = np.array([counts[w] for w in self._vocabulary], dtype=np.float64)
        self._cdf = np.cumsum(frequency) / frequency.sum()
        self._templates = [self._template(e) for e in self.real]

    @staticmethod
    def _template(entry: Entry) -> _Template:
        texts = [*entry.phrasings, entry.answer, *(e.quote for e in entry.evidence)]
        split = [t.split() for t in texts]
        tokens = np.array([w for s in split for w in s], dtype=object)
        content = np.array([_is_content(w) for w in tokens], dtype=bool)
        return _Template(entry, tokens, content, [len(s) for s in split])

    def entries(self, count: int) -> list[Entry]:
        """`count` synthetic entries (the same for a seed), in articles of 250."""
        rng = np.random.default_rng(self.seed)
        picks = rng.integers(0, len(self._templates), size=count)
        made = []
        for i, pick in enumerate(picks.tolist()):
            template = self._templates[pick]
            tokens = template.tokens.copy()
            swap = template.content & (rng.random(len(tokens)) > KEEP)
            draws = np.searchsorted(self._cdf, rng.random(int(swap.sum())))
            tokens[swap] = self._vocabulary[np.minimum(draws, len(self._vocabulary) - 1)]
            texts, at = [], 0
            for length in template.lengths:
                texts.append(" ".join(tokens[at : at + length].tolist()))
                at += length
            base = template.entry
            phrasings = len(base.phrasings)
            article = f"synthetic-{i // ENTRIES_PER_ARTICLE:04d}"
            evidence = tuple(
                Evidence(f"{article}.txt", quote, 0, len(quote), e.section)
                for e, quote in zip(base.evidence, texts[phrasings + 1 :], strict=True)
            )
            made.append(
                replace(
                    base,
                    id=f"{base.id}-{i:06d}",
                    article_id=article,
                    question=texts[0],
                    alternates=tuple(texts[1:phrasings]),
                    answer=texts[phrasings],
                    evidence=evidence,
                )
            )
        return made

    @staticmethod
    def questions(store: list[Entry], count: int, seed: int) -> list[tuple[str, str]]:
        """Phrasings of entries in `store` with a typo or a dropped word, with the phrasing they
        came from (which several entries of one template may share, so any of them is right)."""
        rng = random.Random(seed)
        asked = []
        for _ in range(count):
            entry = store[rng.randrange(len(store))]
            text = rng_phrasing = rng.choice(entry.phrasings)
            tokens = text.split()
            if len(tokens) > 3 and rng.random() < 0.5:
                del tokens[rng.randrange(len(tokens))]
                text = " ".join(tokens)
            elif len(text) > 6:
                at = rng.randrange(1, len(text) - 2)
                text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
            asked.append((text.lower(), rng_phrasing))
        return asked
