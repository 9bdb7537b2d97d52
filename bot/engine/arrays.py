"""Append-only numpy arrays, so an index can grow by one entry without being rebuilt."""

from __future__ import annotations

from typing import Any

import numpy as np


class Growable:
    """Rows appended at the end, in amortised constant time; `view` is the filled part."""

    def __init__(self, dtype: Any, width: int | None = None, capacity: int = 256) -> None:
        shape = (capacity,) if width is None else (capacity, width)
        self._data = np.zeros(shape, dtype=dtype)
        self._size = 0
        self._view: np.ndarray | None = None

    def __len__(self) -> int:
        return self._size

    @property
    def view(self) -> np.ndarray:
        # kept until the array changes: a question reads dozens of views
        view = self._view
        if view is None:
            view = self._view = self._data[: self._size]
        return view

    def extend(self, rows: Any) -> int:
        """Append rows (or values); returns the position of the first one."""
        rows = np.asarray(rows, dtype=self._data.dtype)
        count = len(rows)
        start = self._size
        if start + count > len(self._data):
            self._resize(max(2 * len(self._data), start + count))
        self._data[start : start + count] = rows
        self._size += count
        self._view = None
        return start

    def reserve(self, rows: int) -> None:
        """Room for `rows` more without a copy (a bulk build knows its size)."""
        if self._size + rows > len(self._data):
            self._resize(self._size + rows)

    def trim(self, room: int) -> None:
        """Keep `room` free rows and give the rest back (after a build, doubling left up to
        half of each array empty)."""
        if len(self._data) > self._size + room:
            self._resize(self._size + room)

    def truncate(self, size: int) -> None:
        """Keep only the first `size` filled rows (the rest become free)."""
        self._size = min(self._size, size)
        self._view = None

    def _resize(self, capacity: int) -> None:
        resized = np.zeros((capacity, *self._data.shape[1:]), dtype=self._data.dtype)
        resized[: self._size] = self._data[: self._size]
        self._data = resized
        self._view = None

    def append(self, value: Any) -> int:
        return self.extend([value])

    @classmethod
    def wrap(cls, data: np.ndarray, size: int) -> Growable:
        """An array whose first `size` rows are filled and the rest free (no copy)."""
        grown = cls.__new__(cls)
        grown._data = data
        grown._size = size
        grown._view = None
        return grown

    @classmethod
    def of(cls, values: np.ndarray, room: int) -> Growable:
        """A copy of filled values with `room` rows free at the end."""
        grown = cls(values.dtype, values.shape[1] if values.ndim == 2 else None, len(values) + room)
        grown.extend(values)
        return grown


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The concatenation of range(start, start + count) for each pair, without a Python loop."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(counts)
    shift = np.repeat(starts - (ends - counts), counts)
    return np.arange(total, dtype=np.int64) + shift


class Runs:
    """Runs of positions (each `range(start, start + count)`) laid end to end: `flat` holds them
    all, run i at `flat[begins[i] : begins[i] + counts[i]]` (one cumulative sum for both)."""

    __slots__ = ("begins", "counts", "flat")

    def __init__(self, starts: np.ndarray, counts: np.ndarray) -> None:
        ends = np.cumsum(counts)
        self.counts = counts
        self.begins = ends - counts
        total = ends.item(-1) if len(ends) else 0
        flat = np.repeat(starts - self.begins, counts)
        flat += np.arange(total, dtype=np.int64)
        self.flat = flat

    def owners(self) -> np.ndarray:
        """Per position of `flat`, the run it belongs to."""
        return np.repeat(np.arange(len(self.counts)), self.counts)

    def maxima(self, values: np.ndarray, empty: float = -1.0) -> np.ndarray:
        """Per run, the largest of its values (`values` aligned with `flat`) as float64;
        `empty` for none."""
        if len(self.flat) and self.counts.all():
            return np.maximum.reduceat(values, self.begins).astype(np.float64)
        out = np.full(len(self.counts), empty, dtype=np.float64)
        filled = self.counts > 0
        if values.size:
            out[filled] = np.maximum.reduceat(values, self.begins[filled])
        return out


# Below this many values a plain partition is as quick as narrowing it down first.
_NARROW_FROM = 8192
# Values sampled to bound the smallest ones before the partition.
_SAMPLE = 2048


def smallest(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` smallest values: the set `np.argpartition(values, count)[:count]`
    gives (in no particular order), found without partitioning every value.

    A strided sample's (count + 1)-th smallest value bounds the whole array's from above, so the
    values at or under it hold every one of the smallest; only those are partitioned. When the
    cut falls between equal values, which of them a partition keeps depends on everything it was
    given: the whole array is partitioned then, exactly as before.
    """
    if len(values) < _NARROW_FROM or count >= len(values):
        return np.argpartition(values, count)[:count]
    sample = values[:: len(values) // _SAMPLE]
    bound = np.partition(sample, count)[count]
    few = np.flatnonzero(values <= bound)
    part = values[few]
    order = np.argpartition(part, count)
    kept = order[:count]
    if part[kept].max() < part[order[count]]:
        return few[kept]
    return np.argpartition(values, count)[:count]


def largest_first(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` largest values, equal values taken in position order: the set
    `np.argsort(-values, kind="stable")[:count]` gives, without sorting every value."""
    if count >= len(values):
        return np.arange(len(values))
    negated = -values
    cut = np.partition(negated, count - 1)[count - 1]
    better = np.flatnonzero(negated < cut)
    equal = np.flatnonzero(negated == cut)[: count - len(better)]
    return np.concatenate([better, equal])


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values: what `np.unique` gives, by sorting (numpy 2's hashing
    `np.unique` took 0.6 ms for 9,000 positions already in order, this 25 µs)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]
