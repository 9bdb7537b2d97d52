"""A seed prepared for extraction: masked text, sentences and verbatim passages."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from bot.extraction.segment import Sentence, mask_debris, segment, trim
from bot.text.seed import Seed


@dataclass(frozen=True)
class Passage:
    """A verbatim passage of the seed: `seed.raw[start:end] == quote`."""

    quote: str
    start: int
    end: int

    def as_dict(self) -> dict[str, object]:
        return {"quote": self.quote, "start": self.start, "end": self.end}


@dataclass
class Doc:
    seed: Seed
    text: str
    sentences: list[Sentence]
    _starts: list[int] = field(default_factory=list, repr=False)

    @classmethod
    def of(cls, seed: Seed) -> Doc:
        masked = mask_debris(seed)
        sentences = segment(seed, masked)
        return cls(seed, masked, sentences, [s.start for s in sentences])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding a raw offset, if any (headings hold none)."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def passage(self, start: int, end: int) -> Passage:
        """The raw text of a span, trimmed so it never starts or ends in whitespace or debris."""
        start, end = trim(self.text, start, end)
        return Passage(self.seed.raw[start:end], start, end)

    def sentence_passage(self, sentence: Sentence) -> Passage:
        return self.passage(sentence.start, sentence.end)

    def previous(self, sentence: Sentence, max_blocks: int = 1) -> Sentence | None:
        """The sentence before, if it is in the same block or at most `max_blocks` before."""
        if sentence.index == 0:
            return None
        before = self.sentences[sentence.index - 1]
        return before if sentence.block - before.block <= max_blocks else None
