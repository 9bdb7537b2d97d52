"""Grounding an answer: a moderator's quote found verbatim, or the sentence that fits best."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.curation.errors import CurationError
from bot.curation.text import shown
from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.extraction.segment import segment
from bot.knowledge.check import resolve_evidence
from bot.models import Article, Evidence
from bot.text.seed import Seed


@dataclass(frozen=True)
class Source:
    """An article with its seed loaded, to search for evidence."""

    article: Article
    seed: Seed


def locate(
    passages: Sequence[str], sources: Sequence[Source]
) -> tuple[Source, tuple[Evidence, ...]]:
    """Every passage found verbatim in one article (whitespace, quote style and footnote
    markers forgiven), or CurationError naming the passage that is not there."""
    if not passages:
        raise CurationError("Give at least one evidence passage, copied from the article.")
    for source in sources:
        found = [resolve_evidence(source.seed, p) for p in passages]
        if all(e is not None for e in found):
            return source, tuple(e for e in found if e is not None)
    for passage in passages:
        if not any(resolve_evidence(s.seed, passage) for s in sources):
            raise CurationError(
                f"This evidence is not in the article word for word: {shown(passage, 200)}. "
                "Copy the passage exactly from the article (differences in spacing and in "
                "straight or curly quotes are fine)."
            )
    raise CurationError("All evidence passages of an entry must come from the same article.")


def _content(text: str) -> str:
    return " ".join(w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS)


def best_sentence(question: str, answer: str, sources: Sequence[Source]) -> tuple[Source, Evidence]:
    """The article sentence that best supports a question and its answer.

    Content words compared with rapidfuzz: token_set_ratio rewards a sentence that holds what
    the answer says, token_sort_ratio breaks ties in favour of one about as long (on the curated
    entries this picks a sentence overlapping the curated evidence for 58 of 66).
    """
    query = _content(f"{question} {answer}")
    best: tuple[float, int, Source, int, int] | None = None
    for number, source in enumerate(sources):
        for sentence in segment(source.seed):
            text = _content(source.seed.raw[sentence.start : sentence.end])
            if not text:
                continue
            score = fuzz.token_set_ratio(query, text) + fuzz.token_sort_ratio(query, text)
            # Strictly greater: the earliest of equally good sentences wins, deterministically.
            if best is None or score > best[0]:
                best = (score, number, source, sentence.start, sentence.end)
    if best is None:
        raise CurationError("The article has no sentences to take evidence from.")
    _, _, source, start, end = best
    quote = source.seed.raw[start:end]
    return source, Evidence(source.seed.name, quote, start, end, source.seed.section_at(start))
