"""Timing and memory helpers shared by the benchmark's parts."""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Sequence
from typing import Any


def right(entry: Any, expected: Any) -> bool:
    """An expected key names one entry; an expected phrasing, any entry that holds it (entries
    made from one template may share a phrasing)."""
    if entry is None:
        return False
    return expected in entry.phrasings if isinstance(expected, str) else entry.key == expected


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Samples(list[float]):
    """Wall milliseconds, with the process CPU milliseconds of the same calls in `cpu`: on a
    shared machine the two differ by the time the process waited for a core."""

    cpu: list[float]


def timed(call: Callable[[Any], Any], items: Sequence[Any]) -> tuple[Samples, int]:
    """Milliseconds per item with the garbage collector left on (as in the bot), and how many
    calls raised (counted, not timed)."""
    samples = Samples()
    samples.cpu = []
    raised = 0
    for item in items:
        start, cpu = time.perf_counter_ns(), time.process_time_ns()
        try:
            call(item)
        except Exception:
            raised += 1
            continue
        samples.append((time.perf_counter_ns() - start) / 1e6)
        samples.cpu.append((time.process_time_ns() - cpu) / 1e6)
    return samples, raised


def summary(samples: Sequence[float], raised: int = 0) -> dict[str, float | int]:
    total = sum(samples)
    cpu = getattr(samples, "cpu", [])
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 0.50), 4),
        "p99_ms": round(percentile(samples, 0.99), 4),
        "cpu_p50_ms": round(percentile(cpu, 0.50), 4) if cpu else float("nan"),
        "cpu_p99_ms": round(percentile(cpu, 0.99), 4) if cpu else float("nan"),
        "max_ms": round(max(samples), 4) if samples else float("nan"),
        "qps": round(len(samples) / (total / 1000), 1) if total else 0.0,
        "raised": raised,
    }


def rss_mib() -> float:
    """The process's resident memory now (Linux), else its peak."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mib()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def machine_speed() -> dict[str, float]:
    """Two fixed workloads, best of 5, so that figures from different machines (or sessions on
    a shared one) can be compared: a pure-Python loop (most of an answer is Python) and one
    single-threaded float32 product of a 30,000 x 32 matrix (the coarse scan at 30k entries)."""
    import timeit

    import numpy as np
    from threadpoolctl import threadpool_limits

    python_ms = min(timeit.repeat("sum(range(100_000))", number=20, repeat=5)) / 20 * 1000
    rng = np.random.default_rng(0)
    matrix = rng.random((30_000, 32), dtype=np.float32)
    vector = rng.random(32, dtype=np.float32)
    with threadpool_limits(limits=1, user_api="blas"):  # as the engine runs it
        product_ms = min(timeit.repeat(lambda: matrix @ vector, number=50, repeat=5)) / 50 * 1000
    return {"python_loop_ms": round(python_ms, 3), "float32_product_ms": round(product_ms, 3)}
