"""Invariants every candidate keeps, on both articles: verbatim offsets, no debris, valid ids."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from bot.extraction import Extraction, extract
from bot.extraction.doc import Passage
from bot.knowledge.schema import ENTRY_ID_PATTERN, KINDS
from bot.text.seed import Seed


@pytest.fixture(params=["real_seed", "fixture_seed"], scope="module")
def article(request: pytest.FixtureRequest) -> tuple[Seed, Extraction]:
    seed: Seed = request.getfixturevalue(request.param)
    return seed, extract(seed)


def _passages(extraction: Extraction) -> Iterator[Passage | dict[str, Any]]:
    for candidate in extraction.candidates:
        yield from candidate.evidence
        for value in candidate.details.values():
            if isinstance(value, Passage):
                yield value
            elif isinstance(value, list):
                yield from (v for v in value if isinstance(v, dict) and "quote" in v)


def _span(passage: Passage | dict[str, Any]) -> tuple[str, int, int]:
    if isinstance(passage, Passage):
        return passage.quote, passage.start, passage.end
    return passage["quote"], passage["start"], passage["end"]


def test_passages_are_verbatim(article: tuple[Seed, Extraction]) -> None:
    """Every passage is seed.raw[start:end], trimmed, and findable by the checker."""
    seed, extraction = article
    for passage in _passages(extraction):
        quote, start, end = _span(passage)
        assert seed.raw[start:end] == quote
        assert quote == quote.strip() and quote
        assert seed.locate(quote) is not None


def test_passages_avoid_debris(article: tuple[Seed, Extraction]) -> None:
    """No passage starts or ends inside debris; footnotes appear only when spanned whole."""
    seed, extraction = article
    for passage in _passages(extraction):
        quote, start, end = _span(passage)
        assert "CAPTCHA" not in quote and "JavaScript" not in quote
        for d_start, d_end in seed.debris_spans:
            assert not d_start <= start < d_end
            assert not d_start < end <= d_end
        for marker in re.finditer(r"\[\d+\]", quote):
            assert 0 < marker.start() and marker.end() < len(quote)


def test_ids_and_kinds(article: tuple[Seed, Extraction]) -> None:
    """Ids are unique and valid entry ids; kinds are knowledge kinds."""
    _, extraction = article
    ids = [c.id for c in extraction.candidates]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(ENTRY_ID_PATTERN, i) for i in ids)
    assert {c.kind for c in extraction.candidates} <= set(KINDS)
    assert all(c.question.endswith("?") for c in extraction.candidates)
