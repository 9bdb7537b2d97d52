"""The base index saved under the data folder, so a restart re-reads it instead of rebuilding.

What is expensive to make (stems, term ids, phrasing vectors) is stored in one file whose name says
what produced it: the analyzer (its version, stopwords and aliases) and the model (a hash of its
weights). Each entry is stored with a fingerprint of its text, so at the next start only entries
that changed in between are analysed and embedded again; entries gone are dropped. The file is
written whole and renamed into place, so a crash leaves the old snapshot or the new one. A start
maps the file rather than reading it: the phrasing vectors (most of it) are read page by page as
questions need them, and stay the page cache's to drop, not the process's own memory.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from bot.engine.aligned import mapped, write_aligned
from bot.engine.arrays import Growable, ranges
from bot.engine.index import Index, fingerprint
from bot.engine.semantic.words import WordTable
from bot.engine.stats import Stats
from bot.models import Entry

FORMAT = "8"
# Rows of room left at the end of each array on load, so updates append without a copy.
_SLACK = 0.1
# The large arrays, saved with their free rows so that the mapped file is used as it is: no copy
# to make room, and pages of it read only when a question first touches them.
_PADDED = (
    "sem_vectors", "sem_scale", "sem_row", "lex_terms", "lex_hash", "terms_flat", "coarse",
    "term_vectors",
)  # fmt: skip


def snapshot_path(folder: Path, stats: Stats) -> Path:
    name = f"index-v{FORMAT}-{stats.analyzer.identity}-{stats.model.identity}.npz"
    return folder / name


def save(index: Index, folder: Path) -> Path:
    """Write the live part of the base index (renumbered densely) to its snapshot file."""
    stats = index.stats
    live = np.flatnonzero(index.alive.view)
    entries = [index.entries[p] for p in live.tolist()]
    terms_lengths = index.terms_count.view[live]
    terms_flat = index.terms_flat.view[ranges(index.terms_start.view[live], terms_lengths)]
    lex_count = index.lex_count.view[live]
    rows = ranges(index.lex_start.view[live], lex_count)
    lex_length = index.lex_length.view[rows]
    lex_terms = index.lex_terms.view[ranges(index.lex_offset.view[rows], lex_length)]
    sem_count = index.sem_count.view[live]
    # the vector rows live entries use, once each however many phrasings share one
    sem_rows, sem_row = np.unique(
        index.sem_row.view[ranges(index.sem_start.view[live], sem_count)], return_inverse=True
    )
    arrays = {
        "keys": _text([f"{e.article_id}\x1f{e.id}" for e in entries]),
        "fingerprints": np.array([fingerprint(e) for e in entries], dtype="S24"),
        "article_ids": _text(index.article_ids),
        "article": index.article.view[live],
        "kind": index.kind.view[live],
        "facts": index.facts.view[live],
        "terms_lengths": terms_lengths,
        "terms_flat": terms_flat,
        "lex_count": lex_count,
        "lex_length": lex_length,
        "lex_terms": lex_terms,
        "lex_hash": index.lex_hash.view[rows],
        "lex_order": np.argsort(index.lex_hash.view[rows], kind="stable"),  # 0.7 s at 100k
        "sem_count": sem_count,
        "sem_vectors": index.sem_vectors.view[sem_rows],
        "sem_scale": index.sem_scale.view[sem_rows],
        "sem_row": sem_row.astype(np.int32),
        "coarse": index.coarse.view[live],
        **_postings(terms_flat, terms_lengths, len(stats.term_text)),
        "term_text": _text(stats.term_text),
        "term_vectors": stats.term_vectors.view,
        "words": _text(sorted(index.words)),
        **_stems(stats),
        # the words' tokens, so the next start's questions need no tokenizer for them
        **stats.model.word_table(index.words).arrays(),
    }
    for name in _PADDED:
        # written with free rows at the end, so that loading needs no copy to make room
        filled = arrays[name]
        room = np.zeros((max(len(filled) // 20, 256), *filled.shape[1:]), dtype=filled.dtype)
        arrays[name] = np.concatenate([filled, room])
        arrays[f"{name}_size"] = np.array([len(filled)], dtype=np.int64)
    target = snapshot_path(folder, stats)
    write_aligned(target, arrays)
    for old in folder.glob("index-v*.npz"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def load(stats: Stats, folder: Path, entries: Iterable[Entry]) -> tuple[Index, int] | None:
    """The base index from its snapshot, brought up to date with `entries`.

    Returns the index and how many entries had to be analysed again, or None when there is no
    snapshot made by this analyzer and model.
    """
    path = snapshot_path(folder, stats)
    if not path.is_file():
        return None
    arrays = mapped(path)
    current = {e.key: e for e in entries}
    keys = [tuple(k.split("\x1f", 1)) for k in _strings(arrays["keys"])]
    fingerprints = arrays["fingerprints"].astype(str).tolist()
    index = _restore(stats, arrays, keys, current)
    stale = [
        key
        for key, print_ in zip(keys, fingerprints, strict=True)
        if key not in current or fingerprint(current[key]) != print_
    ]
    for key in stale:
        index.remove(key)  # type: ignore[arg-type]
    missing = sorted((e for k, e in current.items() if k not in index.ordinal), key=lambda e: e.key)
    index.add(missing)
    return index, len(missing)


def _restore(
    stats: Stats, arrays: dict[str, np.ndarray], keys: list[tuple[str, ...]], current: dict
) -> Index:
    # the shared term table first: ids in the arrays refer to it
    terms = _strings(arrays["term_text"])
    stats.term_text = terms
    stats.term_id = {t: i for i, t in enumerate(terms)}
    stats.term_vectors = _padded(arrays, "term_vectors")
    stats.df = Growable(np.int32, capacity=max(len(terms), 1))
    stats.df.extend(np.zeros(len(terms), dtype=np.int32))
    index = Index(stats, base=True)
    words = _strings(arrays["words"])
    index.words = set(words)
    stats.analyzer.remember_stems(_strings(arrays["stem_words"]), _strings(arrays["stems"]))
    stats.analyzer.add_vocabulary(words)
    stats.model.remember(WordTable(*(arrays[n] for n in WordTable.NAMES)))
    count = len(keys)
    placeholder = None
    index.entries = [current.get(k, placeholder) for k in keys]  # type: ignore[misc]
    index.ordinal = {k: i for i, k in enumerate(keys)}  # type: ignore[misc]
    index.alive = _grow(np.ones(count, dtype=np.bool_))
    index.article_ids = _strings(arrays["article_ids"])
    index._article_code = {a: i for i, a in enumerate(index.article_ids)}
    index.article = _grow(arrays["article"])
    index.kind = _grow(arrays["kind"])
    index.facts = _grow(arrays["facts"])
    lengths = arrays["terms_lengths"]
    index.terms_count = _grow(lengths.astype(np.int32))
    index.terms_start = _grow(np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64))
    index.terms_flat = _padded(arrays, "terms_flat")
    lex_count = arrays["lex_count"]
    lex_length = arrays["lex_length"]
    index.lex_count = _grow(lex_count)
    index.lex_start = _grow(np.concatenate([[0], np.cumsum(lex_count)[:-1]]).astype(np.int64))
    index.lex_length = _grow(lex_length)
    index.lex_offset = _grow(np.concatenate([[0], np.cumsum(lex_length)[:-1]]).astype(np.int64))
    index.lex_terms = _padded(arrays, "lex_terms")
    index.lex_hash = _padded(arrays, "lex_hash")
    index.lex_entry = _grow(np.repeat(np.arange(count, dtype=np.int32), lex_count))
    sem_count = arrays["sem_count"]
    index.sem_count = _grow(sem_count)
    index.sem_start = _grow(np.concatenate([[0], np.cumsum(sem_count)[:-1]]).astype(np.int64))
    index.sem_row = _padded(arrays, "sem_row")
    index.sem_vectors = _padded(arrays, "sem_vectors")
    index.sem_scale = _padded(arrays, "sem_scale")
    index.coarse = _padded(arrays, "coarse")
    by_term, bounds = arrays["postings"], arrays["postings_bounds"]
    index.postings = [
        array("i", by_term[a:b].tobytes()) for a, b in itertools.pairwise(bounds.tolist())
    ]
    stats.df.view[:] = np.diff(bounds).astype(np.int32)
    stats.documents = count
    stats.version += 1
    index._sort_hashes(arrays["lex_order"])
    index.version += 1
    return index


def _postings(flat: np.ndarray, lengths: np.ndarray, terms: int) -> dict[str, np.ndarray]:
    """Posting lists of the renumbered entries: (term, position) pairs grouped by term."""
    positions = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
    order = np.argsort(flat, kind="stable")  # stable: positions stay ascending within a term
    bounds = np.concatenate([[0], np.cumsum(np.bincount(flat, minlength=terms))])
    return {"postings": positions[order], "postings_bounds": bounds.astype(np.int64)}


def _stems(stats: Stats) -> dict[str, np.ndarray]:
    """The analyzer's word -> stem table: stemming is pure Python, most of a cold start."""
    table = sorted((w, s) for w, s in stats.analyzer.known_stems_table().items() if w and s)
    return {"stem_words": _text([w for w, _ in table]), "stems": _text([s for _, s in table])}


def _padded(arrays: dict[str, np.ndarray], name: str) -> Growable:
    return Growable.wrap(arrays[name], int(arrays[f"{name}_size"][0]))


def _grow(values: np.ndarray) -> Growable:
    """A copy with room at the end, so the first updates after a start append in place."""
    return Growable.of(values, max(int(len(values) * _SLACK), 256))


def _text(values: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(values).encode(), dtype=np.uint8)


def _strings(data: np.ndarray) -> list[str]:
    text = data.tobytes().decode()
    return text.split("\n") if text else []
