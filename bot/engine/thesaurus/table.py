"""The shipped thesaurus table: per WordNet lemma, the stems of its neighbours with a credit.

One uncompressed `.npz` of plain arrays (about 2 MB), read whole at the first lookup: the keys
"pos:lemma" (and WordNet's irregular forms, "V:went"), each pointing at a group of (neighbour
stem, credit) pairs, groups shared by keys with the same neighbours. Words are found as WordNet's
morphy finds them (`Thesaurus.neighbours`), with the detachment rules shipped in the table.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

DEFAULT_FOLDER = Path(__file__).resolve().parent / "data"
TABLE_FILE = "thesaurus.npz"
_CACHE_LIMIT = 50_000
_SCALE = 255  # credits are stored as bytes
POS = "nvar"  # noun, verb, adjective (satellites folded in), adverb: a key's first letter


def _blob(texts: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(texts).encode(), dtype=np.uint8)


def _texts(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode().split("\n")


def write_table(
    path: Path, table: dict[str, dict[str, float]], rules: list[tuple[str, str, str]]
) -> Path:
    """Write `{"pos:lemma": {neighbour stem: credit}}` and the detachment rules (pos, end, new)."""
    keys = sorted(k for k, v in table.items() if any(c > 0 for c in v.values()))
    stems = sorted({s for k in keys for s, c in table[k].items() if c > 0})
    stem_id = {s: i for i, s in enumerate(stems)}
    group_of: dict[tuple[tuple[int, int], ...], int] = {}
    key_group = np.zeros(len(keys), dtype=np.int32)
    starts, members, credits = [0], [], []
    for i, key in enumerate(keys):
        pairs = tuple(
            sorted((stem_id[s], round(c * _SCALE)) for s, c in table[key].items() if c > 0)
        )
        group = group_of.get(pairs)
        if group is None:
            group = group_of[pairs] = len(starts) - 1
            members += [s for s, _ in pairs]
            credits += [c for _, c in pairs]
            starts.append(len(members))
        key_group[i] = group
    np.savez(
        path,
        keys=_blob(keys),
        key_group=key_group,
        starts=np.asarray(starts, dtype=np.int32),
        members=np.asarray(members, dtype=np.uint16 if len(stems) < 2**16 else np.int32),
        credits=np.asarray(credits, dtype=np.uint8),
        stems=_blob(stems),
        rules=_blob([f"{p}:{old}:{new}" for p, old, new in rules]),
    )
    return path


class Thesaurus:
    """Neighbours of a word: the stems WordNet relates to it, each with its credit in (0, 1]."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as arrays:
            self._group_of = dict(
                zip(_texts(arrays["keys"]), arrays["key_group"].tolist(), strict=True)
            )
            self._starts = arrays["starts"].tolist()
            self._members = arrays["members"].tolist()
            self._credits = (arrays["credits"] / _SCALE).tolist()
            self._stems = _texts(arrays["stems"])
            rules = [r.split(":") for r in _texts(arrays["rules"])]
        self._rules: dict[str, list[tuple[str, str]]] = {}
        for pos, old, new in rules:
            self._rules.setdefault(pos, []).append((old, new))
        self._cache: dict[str, dict[str, float]] = {}

    def _groups(self, word: str) -> set[int]:
        """The word's groups: WordNet's own lemma when it has one ("gone" the adjective, not a
        form of "go": a question's word is read as itself first), else as WordNet's morphy finds
        it: an irregular form ("went"), or one detachment rule applied ("parties" -> "party")."""
        group_of = self._group_of
        exact = {group_of[k] for k in (f"{pos}:{word}" for pos in POS) if k in group_of}
        if exact:
            return exact
        found = {group_of[k] for k in (f"{pos.upper()}:{word}" for pos in POS) if k in group_of}
        for pos, rules in self._rules.items():
            for old, new in rules:
                if word.endswith(old):
                    group = group_of.get(f"{pos}:{word[: -len(old)]}{new}")
                    if group is not None:
                        found.add(group)
        return found

    def neighbours(self, word: str) -> dict[str, float]:
        """Stem -> credit for the word's neighbours (empty when WordNet lacks the word; cached,
        do not change the dict returned)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        found = {}
        for group in sorted(self._groups(word)):
            for at in range(self._starts[group], self._starts[group + 1]):
                stem, credit = self._stems[self._members[at]], self._credits[at]
                if credit > found.get(stem, 0.0):
                    found[stem] = credit
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = found
        return found


_loaded: dict[Path, Thesaurus | None] = {}
_lock = threading.Lock()
_DEFAULT = DEFAULT_FOLDER / TABLE_FILE


def load(folder: Path = DEFAULT_FOLDER) -> Thesaurus | None:
    """The table in `folder`, read once per process (None when it is not there)."""
    path = folder / TABLE_FILE
    with _lock:
        if path not in _loaded:
            _loaded[path] = Thesaurus(path) if path.is_file() else None
        return _loaded[path]


def default() -> Thesaurus | None:
    """The shipped table (what `load()` gives), without a path's cost on every question."""
    if _DEFAULT in _loaded:
        return _loaded[_DEFAULT]
    return load()
