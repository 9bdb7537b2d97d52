"""A cheap fingerprint of the knowledge files and seeds: names, sizes and modification times.

A sync is skipped when it matches the one recorded at the last sync, so a command on an
unchanged store does not check, sync and index everything again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def knowledge_fingerprint(knowledge_dir: Path, seeds_dir: Path) -> str:
    digest = hashlib.sha256()
    for folder in (knowledge_dir, seeds_dir):
        digest.update(str(folder.resolve()).encode())
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
