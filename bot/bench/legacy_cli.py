"""`briefbot bench`: engine latency, throughput, memory and load time, beside a naive baseline.

The baseline is what one would write first: rapidfuzz `process.extractOne` with `WRatio` over every
phrasing of every entry. Both are measured in the same run on the same questions.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.engine import Engine
from bot.models import Entry
from bot.settings import Settings

_RNG_SEED = 20261124
_SYLLABLES = "ka lo mi ne ru sa ti vo pe da zi fu ha jo ly qu be ce wo xa".split()
_QUESTIONS_PER_SIZE = 400
_BASELINE_BUDGET_S = 8.0  # the naive baseline is slow at scale: time-box how many it gets


@dataclass
class Figures:
    name: str
    entries: int
    build_s: float
    peak_mib: float
    p50_ms: float
    p99_ms: float
    qps: float
    baseline_p50_ms: float
    baseline_p99_ms: float
    baseline_qps: float
    baseline_questions: int


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _latencies(answer: Callable[[str], Any], questions: Sequence[str]) -> list[float]:
    """Milliseconds per question, with the cyclic GC paused as `timeit` does."""
    samples = []
    gc.disable()
    try:
        for question in questions:
            start = time.perf_counter_ns()
            answer(question)
            samples.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        gc.enable()
    return samples


def _synthetic(count: int, rng: random.Random) -> list[Entry]:
    words = sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(30_000)})
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(words))]

    def sentence(n: int) -> str:
        return " ".join(rng.choices(words, weights, k=n))

    return [
        Entry(
            id=f"synthetic-{i:06d}",
            article_id="synthetic",
            kind="background",
            question=sentence(rng.randint(4, 8)) + "?",
            alternates=tuple(sentence(rng.randint(2, 6)) for _ in range(3)),
            answer=sentence(rng.randint(10, 25)) + ".",
            evidence=(),
        )
        for i in range(count)
    ]


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 6:
        return text
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def _measure(
    name: str,
    entries: list[Entry],
    aliases: dict[str, list[str]],
    questions: list[str],
    build_s: float | None = None,
) -> Figures:
    gc.collect()
    tracemalloc.start()
    Engine(entries, aliases)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    # Timed apart from the memory run: tracemalloc slows allocation down.
    started = time.perf_counter()
    engine = Engine(entries, aliases)
    if build_s is None:
        build_s = time.perf_counter() - started
    _latencies(engine.answer, questions)  # warm caches the way a running bot has them
    gc.collect()
    samples = _latencies(engine.answer, questions)

    choices = [p for e in entries for p in e.phrasings]
    processed = [utils.default_process(c) for c in choices]

    def naive(question: str) -> Any:
        return process.extractOne(
            utils.default_process(question), processed, scorer=fuzz.WRatio, processor=None
        )

    baseline: list[float] = []
    deadline = time.perf_counter() + _BASELINE_BUDGET_S
    for question in questions:
        baseline += _latencies(naive, [question])
        if time.perf_counter() > deadline and len(baseline) >= 20:
            break
    return Figures(
        name,
        len(entries),
        round(build_s, 4),
        round(peak / 2**20, 1),
        round(_percentile(samples, 0.50), 4),
        round(_percentile(samples, 0.99), 4),
        round(len(samples) / (sum(samples) / 1000), 1),
        round(_percentile(baseline, 0.50), 4),
        round(_percentile(baseline, 0.99), 4),
        round(len(baseline) / (sum(baseline) / 1000), 1),
        len(baseline),
    )


async def _real_store(settings: Settings) -> tuple[list[Entry], dict[str, list[str]], float]:
    """Load the real knowledge into a fresh store, read it back and index it, timed."""
    from bot.service import BriefingService

    with tempfile.TemporaryDirectory() as folder:
        fresh = settings.model_copy(update={"data_dir": Path(folder), "database": None})
        started = time.perf_counter()
        service = await BriefingService.start(fresh)
        load_s = time.perf_counter() - started
        entries = await service.store.entries()
        aliases: dict[str, list[str]] = {}
        for article in service.articles.values():
            for canonical, variants in article.aliases.items():
                aliases.setdefault(canonical, []).extend(variants)
        await service.close()
    return entries, aliases, load_s


def _questions(entries: list[Entry], rng: random.Random) -> list[str]:
    from bot.quality import DEFAULT_DEVSET, load_devset

    questions: list[str] = []
    if DEFAULT_DEVSET.is_file():
        devset = load_devset(DEFAULT_DEVSET)
        questions = [item["q"] for item in devset["in_scope"] + devset["decline"]]
    phrasings = [p for e in entries for p in e.phrasings]
    questions += [_typo(p.lower(), rng) for p in rng.sample(phrasings, min(200, len(phrasings)))]
    return questions


def run_bench(settings: Settings, sizes: list[int], *, as_json: bool) -> int:
    rng = random.Random(_RNG_SEED)
    entries, aliases, load_s = asyncio.run(_real_store(settings))
    real_questions = _questions(entries, rng)
    results = [_measure("real store", entries, aliases, real_questions, build_s=load_s)]
    for size in sizes:
        synthetic = entries + _synthetic(max(size - len(entries), 0), rng)
        sample = rng.sample(synthetic, min(_QUESTIONS_PER_SIZE // 2, len(synthetic)))
        questions = [_typo(e.question.lower(), rng) for e in sample]
        questions += rng.sample(real_questions, min(_QUESTIONS_PER_SIZE // 2, len(real_questions)))
        rng.shuffle(questions)
        results.append(_measure(f"synthetic {size:,}", synthetic, aliases, questions))
        if not as_json:
            print(f"  measured {size:,} entries", file=sys.stderr)
    if as_json:
        print(json.dumps([r.__dict__ for r in results], indent=2))
    else:
        _print_table(results)
    return 0


def _print_table(results: list[Figures]) -> None:
    print("Engine benchmark (ms per question; baseline = extractOne/WRatio over all phrasings)")
    header = (
        f"{'store':<18}{'entries':>9}{'load+index s':>14}{'peak MiB':>10}"
        f"{'p50':>9}{'p99':>9}{'q/s':>10}   {'base p50':>9}{'base p99':>9}{'base q/s':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.name:<18}{r.entries:>9,}{r.build_s:>14.3f}{r.peak_mib:>10.1f}"
            f"{r.p50_ms:>9.3f}{r.p99_ms:>9.3f}{r.qps:>10,.0f}   "
            f"{r.baseline_p50_ms:>9.3f}{r.baseline_p99_ms:>9.3f}{r.baseline_qps:>10,.0f}"
        )
    print(
        "Targets: real store p50 < 0.1 ms, p99 < 0.5 ms, load+index < 1 s;"
        " 100k entries p99 < 20 ms."
    )
