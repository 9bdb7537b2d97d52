"""Objects made to last as long as the process: the imports of a command, the store and index a
service starts with.

While they are made the garbage collector has nothing to free among them, yet its passes over
them grow with every object made: a tenth of a CLI call's imports, and 1.2 s of restarting a
store of 100k entries (its rows decoded into entries, its index read back). So the collector is
paused while they are made, and they are frozen after (never scanned again) before it resumes.
A frozen object is still freed when its last reference goes; only a reference cycle among
frozen objects outlives its use: a service's start leaves a few hundred such objects (measured
on the real store, first start and restart), kept once for the process's life.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def lasting() -> Iterator[None]:
    """What is made inside is kept for the process's life (see the module's note)."""
    if not gc.isenabled():  # inside another such block, or the caller manages the collector
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
