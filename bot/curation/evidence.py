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


def _content(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS}


def closest_sentences(
    question: str, answer: str, sources: Sequence[Source], limit: int = 5
) -> list[tuple[Source, Evidence]]:
    """The article sentences closest to a question and its answer, for a moderator to pick from
    (never attached on their own: a quote shown as evidence is one a person chose).

    A sentence must share a content word with them; rapidfuzz's token_set_ratio rewards one
    that holds what the answer says, token_sort_ratio one about as long.
    """
    wanted = _content(f"{question} {answer}")
    query = " ".join(sorted(wanted))
    scored: list[tuple[float, int, int, Source, int, int]] = []
    for number, source in enumerate(sources):
        for sentence in segment(source.seed):
            have = _content(source.seed.raw[sentence.start : sentence.end])
            if not have & wanted:
                continue
            text = " ".join(sorted(have))
            score = fuzz.token_set_ratio(query, text) + fuzz.token_sort_ratio(query, text)
            scored.append((-score, number, sentence.start, source, sentence.start, sentence.end))
    scored.sort(key=lambda s: s[:3])
    found = []
    for _, _, _, source, start, end in scored[:limit]:
        quote = source.seed.raw[start:end]
        found.append(
            (source, Evidence(source.seed.name, quote, start, end, source.seed.section_at(start)))
        )
    return found
