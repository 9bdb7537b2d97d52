"""The `briefbot` command line.

The entry point imports the commands with the garbage collector paused: the imports make about
half a million objects that live as long as the process (`bot.lifetime`). BLAS gets one thread
from the start: the engine limits it to one anyway (its products are small), and a thread pool
started at import only spins on a shared machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from bot.lifetime import lasting


@contextmanager
def starting() -> Iterator[None]:
    """Imports made with the collector paused, then frozen."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with lasting():
        yield


def main(argv: list[str] | None = None) -> int:
    with starting():
        from bot.cli.main import main as run
    return run(argv)
