"""A realistic store for the benchmark: many articles on overlapping topics, made of real text.

Each synthetic entry copies a real entry's shape (kind, number of phrasings, answer and evidence
lengths) and rewrites its words: every content word is kept with probability `_KEEP`, else replaced
by a word drawn from the real store's vocabulary by its frequency there. So the common words of the
article ("trump", "russia", "putin") run through long posting lists, as they would across many
articles about related news. Questions are phrasings of stored entries with a typo or a dropped
word, asked of the store they came from (so every question hits it), plus the development set's
questions (real user wording, mostly about the real article).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.models import Entry, Evidence

GENERATOR = "realistic-v1"
SEED = 20261201
_KEEP = 0.55
ENTRIES_PER_ARTICLE = 250


class Generator:
    def __init__(self, real: list[Entry], seed: int = SEED) -> None:
        self.real = sorted(real, key=lambda e: e.key)
        self.seed = seed
        counts: Counter[str] = Counter()
        for entry in self.real:
            for text in (*entry.phrasings, entry.answer, *(e.display for e in entry.evidence)):
                counts.update(
                    w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS
                )
        self._vocabulary = sorted(counts)
        self._weights = [counts[w] for w in self._vocabulary]

    def _rewrite(self, text: str, rng: random.Random) -> str:
        out = []
        for word in text.split():
            bare = word.strip(".,?!\"'()").lower()
            if (
                bare
                and bare not in STOPWORDS
                and bare not in QUESTION_WORDS
                and rng.random() > _KEEP
            ):
                out.append(rng.choices(self._vocabulary, self._weights)[0])
            else:
                out.append(word)
        return " ".join(out)

    def entries(self, count: int) -> list[Entry]:
        """`count` synthetic entries (deterministic for a seed), in articles of 250."""
        rng = random.Random(self.seed)
        made = []
        for i in range(count):
            template = self.real[rng.randrange(len(self.real))]
            article = f"synthetic-{i // ENTRIES_PER_ARTICLE:04d}"
            answer = self._rewrite(template.answer, rng)
            evidence = tuple(
                Evidence(f"{article}.txt", quote, 0, len(quote), e.section)
                for e in template.evidence
                for quote in [self._rewrite(e.quote, rng)]
            )
            made.append(
                replace(
                    template,
                    id=f"{template.id}-{i:06d}",
                    article_id=article,
                    question=self._rewrite(template.question, rng),
                    alternates=tuple(self._rewrite(a, rng) for a in template.alternates),
                    answer=answer,
                    evidence=evidence,
                )
            )
        return made

    def questions(self, store: list[Entry], count: int, seed: int) -> list[str]:
        """Phrasings of entries in `store` with a typo or a dropped word."""
        rng = random.Random(seed)
        asked = []
        for _ in range(count):
            entry = store[rng.randrange(len(store))]
            text = rng.choice(entry.phrasings)
            tokens = text.split()
            if len(tokens) > 3 and rng.random() < 0.5:
                del tokens[rng.randrange(len(tokens))]
                text = " ".join(tokens)
            elif len(text) > 6:
                at = rng.randrange(1, len(text) - 2)
                text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
            asked.append(text.lower())
        return asked
