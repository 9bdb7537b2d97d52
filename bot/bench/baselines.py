"""What the engine is measured against: a standard sparse retriever and the naive first attempt.

bm25s (optional `bench` extra) indexes the same phrasings and retrieves the best one per question;
the naive baseline is rapidfuzz `process.extractOne` with WRatio over every phrasing. Both answer
"which entry?", without a decision, so they are a floor for speed, not a rival for quality.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.bench.measure import Samples, right, summary, timed
from bot.models import Entry

_NAIVE_BUDGET_S = 5.0
_BM25_BUDGET_S = 20.0


def bm25(entries: Sequence[Entry], questions: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    try:
        import bm25s
    except ImportError:
        return {"missing": "bm25s is not installed: pip install -e '.[bench]'"}
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs each index it builds
    corpus = [p for e in entries for p in e.phrasings]
    owners = [e for e in entries for _ in e.phrasings]
    started = time.perf_counter()
    tokens = bm25s.tokenize(corpus, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    index_s = time.perf_counter() - started
    hits = 0

    def ask(item: tuple[str, Any]) -> None:
        nonlocal hits
        query = bm25s.tokenize([item[0]], stopwords="en", show_progress=False)
        if not query.vocab:
            return
        found, _ = retriever.retrieve(query, k=1, show_progress=False, n_threads=1)
        hits += right(owners[int(found[0][0])], item[1])

    samples = Samples()
    samples.cpu = []
    raised = 0
    deadline = time.perf_counter() + _BM25_BUDGET_S
    for item in questions:  # time-boxed too: at 100k entries a question takes ~0.1 s
        one, failed = timed(ask, [item])
        samples += one
        samples.cpu += one.cpu
        raised += failed
        if time.perf_counter() > deadline and len(samples) >= 50:
            break
    return {
        "index_s": round(index_s, 3),
        **summary(samples, raised),
        "top1": round(hits / max(len(samples), 1), 4),
    }


def naive(entries: Sequence[Entry], questions: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    """rapidfuzz over every phrasing, time-boxed: it is slow at scale."""
    owners = [e for e in entries for _ in e.phrasings]
    processed = [utils.default_process(p) for e in entries for p in e.phrasings]
    samples = Samples()
    samples.cpu = []
    hits = 0
    deadline = time.perf_counter() + _NAIVE_BUDGET_S
    for text, key in questions:
        one, _ = timed(
            lambda q: process.extractOne(
                utils.default_process(q), processed, scorer=fuzz.WRatio, processor=None
            ),
            [text],
        )
        samples += one
        samples.cpu += one.cpu
        match = process.extractOne(
            utils.default_process(text), processed, scorer=fuzz.WRatio, processor=None
        )
        hits += bool(match) and right(owners[match[2]], key)
        if time.perf_counter() > deadline and len(samples) >= 20:
            break
    return {**summary(samples), "top1": round(hits / max(len(samples), 1), 4)}
