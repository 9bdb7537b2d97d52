"""The array helpers the engine's speed rests on give what the plain numpy call gives."""

import numpy as np
import pytest

from bot.engine.arrays import distinct, largest_first, smallest


def _values(kind: str, n: int) -> np.ndarray:
    rng = np.random.default_rng(n)
    if kind == "distinct":
        return rng.random(n)
    if kind == "ties at the cut":  # entries made from one template score alike
        return np.round(rng.random(n), 2)
    if kind == "all equal":
        return np.zeros(n)
    values = rng.random(n)  # most hidden by the view
    values[rng.random(n) < 0.9] = np.inf
    return values


@pytest.mark.parametrize("kind", ["distinct", "ties at the cut", "all equal", "mostly hidden"])
@pytest.mark.parametrize("n", [100, 20_000, 100_003])
@pytest.mark.parametrize("count", [16, 32])
def test_smallest_keeps_what_a_full_partition_keeps(kind: str, n: int, count: int) -> None:
    """The same positions as partitioning the whole array, ties included."""
    values = _values(kind, n)
    expected = set(np.argpartition(values, count)[:count].tolist())
    assert set(smallest(values, count).tolist()) == expected


@pytest.mark.parametrize("kind", ["distinct", "ties at the cut", "all equal", "mostly hidden"])
@pytest.mark.parametrize("count", [1, 60, 5_000])
def test_largest_first_keeps_what_a_stable_sort_keeps(kind: str, count: int) -> None:
    """The same positions as a stable sort's first ones: among equal values, the earliest."""
    values = _values(kind, 4_096).astype(np.float32)
    expected = np.argsort(-values, kind="stable")[:count]
    assert sorted(largest_first(values, count).tolist()) == sorted(expected.tolist())


@pytest.mark.parametrize("values", [[], [7], [3, 3, 3], [5, 1, 5, 2, 1], list(range(9_000, 0, -2))])
def test_distinct_is_numpys_unique(values: list[int]) -> None:
    """Sorted distinct values, as `np.unique` gives them."""
    array = np.asarray(values, dtype=np.int32)
    assert np.array_equal(distinct(array), np.unique(array))
    assert distinct(array).dtype == array.dtype
