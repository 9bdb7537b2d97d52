"""The analyzer's alias tables kept between runs: working them out from the aliases is the
larger half of a CLI call's index start (~8 ms of ~25 on the real store), reading them back
about 1 ms.

A file per analyzer identity and Python (marshal's format is Python's own), named also by a hash
of the analysis code, so a code change never reads tables made by older code. marshal reads only
plain values (strings, tuples, lists, dicts, sets), never objects that run code. A missing,
damaged or unwritable file only means the tables are made again.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_SOURCES = ("analyzer.py", "stopwords.py", "textproc.py", "analyzer_cache.py")
_code_hash: str | None = None


def _code() -> str:
    """A hash of the code that makes the tables (read once per process)."""
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256(sys.version.encode())
        here = Path(__file__).parent
        for name in _SOURCES:
            digest.update((here / name).read_bytes())
        _code_hash = digest.hexdigest()[:12]
    return _code_hash


def cache_path(folder: Path, identity: str) -> Path:
    return folder / f"analyzer-{identity}-{_code()}.marshal"


def read(folder: Path, identity: str) -> dict[str, Any] | None:
    """The tables saved for this identity, or None."""
    try:
        data = marshal.loads(cache_path(folder, identity).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as error:
        log.warning("the analyzer's saved tables can't be read (%s): making them again", error)
        return None
    return data if isinstance(data, dict) else None


def write(folder: Path, identity: str, tables: dict[str, Any]) -> None:
    """Save the tables (whole and renamed into place); older files of other identities go."""
    target = cache_path(folder, identity)
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".analyzer-", delete=False) as out:
            temporary = out.name
            out.write(marshal.dumps(tables))
        os.replace(temporary, target)
        temporary = None
        for old in folder.glob("analyzer-*.marshal"):
            if old != target:
                old.unlink(missing_ok=True)
    except (OSError, ValueError) as error:  # a read-only or full folder: made again next time
        log.warning("the analyzer's tables can't be saved in %s (%s)", folder, error)
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
