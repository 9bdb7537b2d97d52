"""One store measured: build, memory, snapshot and restart, questions cold and warm,
autocomplete per keystroke, incremental updates, beside the previous engine and the baselines.

Run in its own process for each size (`python -m bot.bench.store SIZE ...`), so that its memory
figures are its own.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.bench import baselines
from bot.bench.measure import load_average, peak_rss_mib, right, rss_mib, summary, timed
from bot.bench.realistic import GENERATOR, SEED, Generator
from bot.engine import AliasBook, Engine
from bot.engine.semantic import SemanticModel
from bot.lifetime import lasting
from bot.models import Article, Entry
from bot.service.search import build_engine
from bot.store.codec import utc_now
from bot.store.precedence import FileEntry
from bot.store.store import Store

_KEYSTROKE_QUESTIONS = 40
_UPDATES = 30


def real_knowledge(knowledge: Path, seeds: Path) -> tuple[list[Entry], AliasBook]:
    from bot.knowledge.check import check_knowledge

    found, problems = check_knowledge(knowledge, seeds)
    if any(p.blocking for p in problems):
        raise SystemExit("\n".join(map(str, problems)))
    entries = [e for c in found.articles for e in c.entries]
    per_article = {c.article.id: dict(c.article.aliases) for c in found.articles}
    return entries, AliasBook(dict(found.aliases), per_article)


def flat_aliases(book: AliasBook) -> dict[str, list[str]]:
    """The previous engine's single table (every article's aliases merged)."""
    merged: dict[str, list[str]] = {k: list(v) for k, v in book.global_.items()}
    for table in book.per_article.values():
        for canonical, variants in table.items():
            merged.setdefault(canonical, []).extend(variants)
    return merged


def measure(
    name: str,
    store: list[Entry],
    book: AliasBook,
    questions: list[tuple[str, Any]],
    *,
    legacy: bool,
    dimensions: int | None = None,
) -> dict[str, Any]:
    model = SemanticModel.load(dimensions=dimensions)
    model.encode(["warm the model up"])
    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    engine = Engine(store, book, model=model)
    build_s = time.perf_counter() - started
    gc.collect()
    index_mib = rss_mib() - before
    figures: dict[str, Any] = {"name": name, "entries": len(store), "build_s": round(build_s, 3)}
    figures["dimensions"] = model.dimensions
    figures["phrasings"] = sum(len(e.phrasings) for e in store)
    figures["index_rss_mib"] = round(index_mib, 1)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "engine"
        started = time.perf_counter()
        engine.save(folder)
        figures["snapshot_save_s"] = round(time.perf_counter() - started, 3)
        figures["snapshot_mib"] = round(sum(f.stat().st_size for f in folder.iterdir()) / 2**20, 1)
        database = Path(scratch) / "briefbot.sqlite3"
        started = time.perf_counter()
        asyncio.run(_write_store(database, store))
        figures["store_sync_s"] = round(time.perf_counter() - started, 3)
        del engine
        gc.collect()
        started = time.perf_counter()
        # as the bot's process starts: the store read, its index from the snapshot (`bot.lifetime`)
        with lasting():
            restarted = asyncio.run(_restart(database, book, folder, dimensions))
        figures["restart_s"] = round(time.perf_counter() - started, 3)
        figures["restart_reused"] = restarted.reused
    engine = restarted
    gc.collect()
    figures["process_rss_mib"] = round(rss_mib(), 1)
    texts = [q for q, _ in questions]
    cold, raised = timed(engine.answer, texts)
    warm, _ = timed(engine.answer, texts)
    figures["cold"] = summary(cold, raised)
    figures["warm"] = summary(warm)
    figures["accuracy"] = _accuracy(engine, questions)
    figures["autocomplete"] = _keystrokes(engine, texts)
    figures["update"] = _updates(engine, store)
    figures["bm25s"] = baselines.bm25(store, questions)
    figures["naive"] = baselines.naive(store, questions)
    if legacy:
        figures["previous_engine"] = _previous(store, book, questions)
    figures["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return figures


async def _write_store(database: Path, entries: list[Entry]) -> None:
    """The entries synced into a new SQLite store, as `knowledge/` files would be."""
    by_article: dict[str, list[FileEntry]] = {}
    for entry in entries:
        by_article.setdefault(entry.article_id, []).append(FileEntry(entry))
    files = [
        (Article(a, f"{a}.txt", a, "", ()), "", items) for a, items in sorted(by_article.items())
    ]
    store = await Store.connect(database, 30.0, utc_now)
    try:
        await store.entries.sync(files, {}, "bench", lambda _article, _passage: None)
    finally:
        await store.close()


async def _restart(database: Path, book: AliasBook, folder: Path, dimensions: int | None) -> Engine:
    """What a restart does before it answers: the store opened and read, the model loaded and
    the index read back from its snapshot (off the event loop, as the service does)."""
    store = await Store.connect(database, 30.0, utc_now)
    try:
        rows = await store.entries.base_rows()
    finally:
        await store.close()
    entries = {r.entry.key: r.entry for r in rows if r.served}
    return await asyncio.to_thread(
        build_engine, entries, book, model=None, dimensions=dimensions, folder=folder
    )


def _accuracy(engine: Engine, questions: list[tuple[str, Any]]) -> dict[str, Any]:
    """For questions with an expected entry (a key, or a phrasing any holder of which is right):
    answered with it, or it among the top 3."""
    known = [(q, e) for q, e in questions if e is not None]
    if not known:
        return {}
    answered = top3 = 0
    for question, expected in known:
        key = engine.answer(question).key
        answered += right(engine.entry(key) if key else None, expected)
        ranked = engine.rank(question) or []
        top3 += any(right(engine.entry(c.key), expected) for c in ranked)
    return {
        "n": len(known),
        "answered_right": round(answered / len(known), 4),
        "top3": round(top3 / len(known), 4),
    }


def _keystrokes(engine: Engine, texts: list[str]) -> dict[str, Any]:
    prefixes = [t[:i] for t in texts[:_KEYSTROKE_QUESTIONS] for i in range(1, min(len(t), 40) + 1)]
    samples, raised = timed(engine.suggest, prefixes)
    counts = [len(engine.suggest(p)) for p in prefixes[::7]]
    return {**summary(samples, raised), "mean_results": round(sum(counts) / len(counts), 1)}


def _updates(engine: Engine, store: list[Entry]) -> dict[str, Any]:
    rng = random.Random(SEED)
    changed = [
        replace(e, question=e.question + " now", alternates=(*e.alternates, "asked again"))
        for e in rng.sample(store, min(_UPDATES, len(store)))
    ]
    samples, raised = timed(lambda e: engine.update([e]), changed)
    return summary(samples, raised)


def _previous(
    store: list[Entry], book: AliasBook, questions: list[tuple[str, Any]]
) -> dict[str, Any]:
    from bot.bench.legacy import LegacyEngine

    started = time.perf_counter()
    engine = LegacyEngine(store, flat_aliases(book))
    build_s = time.perf_counter() - started
    texts = [q for q, _ in questions]
    cold, raised = timed(engine.answer, texts)
    warm, _ = timed(engine.answer, texts)
    by_id = {e.id: e for e in store}
    hits = 0
    for q, expected in questions:
        if expected is None:
            continue
        try:
            got = engine.answer(q).entry_id
        except Exception:
            continue
        hits += right(by_id.get(got or ""), expected)
    known = sum(e is not None for _, e in questions) or 1
    return {
        "build_s": round(build_s, 3),
        "cold": summary(cold, raised),
        "warm": summary(warm),
        "answered_right": round(hits / known, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="measure one realistic store (a bench part)")
    parser.add_argument("size", type=int)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--knowledge", type=Path, required=True)
    parser.add_argument("--seeds", type=Path, required=True)
    parser.add_argument("--legacy", action="store_true")
    parser.add_argument("--dimensions", type=int, help="keep the model's leading dimensions")
    args = parser.parse_args()
    real, book = real_knowledge(args.knowledge, args.seeds)
    generator = Generator(real, SEED)
    started = time.perf_counter()
    store = real + generator.entries(max(args.size - len(real), 0))
    generate_s = time.perf_counter() - started
    questions: list[tuple[str, Any]] = list(generator.questions(store, args.questions, SEED + 1))
    name = f"realistic {args.size:,}"
    figures = measure(name, store, book, questions, legacy=args.legacy, dimensions=args.dimensions)
    figures["generator"] = {"name": GENERATOR, "seed": SEED, "generate_s": round(generate_s, 2)}
    figures["load"] = load_average()
    json.dump(figures, sys.stdout)


if __name__ == "__main__":
    main()
