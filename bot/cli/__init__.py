"""The `briefbot` command line.

The entry point imports the commands with the garbage collector paused: the imports make about
half a million objects that live as long as the process, and collecting among them as they are
made was a tenth of a CLI call's import time. They are then frozen (never scanned again) and
the collector resumes. BLAS gets one thread from the start: the engine limits it to one anyway
(its products are small), and a thread pool started at import only spins on a shared machine.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def starting() -> Iterator[None]:
    """Imports made with the collector paused, then frozen."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    with starting():
        from bot.cli.main import main as run
    return run(argv)
