"""Writing a draft knowledge file: its header for curators, atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

HEADER = """\
# DRAFT knowledge for seeds/{seed}, written by `briefbot build --draft` from the article alone.
# It is served at once on the command line, and in a server once its moderators turn the
# article on (/config articles). Review it here, in place (format: docs/knowledge-format.md):
#   - correct an entry and mark it `reviewed: true`: the draft build never changes it again;
#   - delete an entry that is wrong (a rerun may write it again until one like it is reviewed);
#   - when every entry is right, set the article's `status: reviewed`: the build leaves a
#     reviewed article alone.
# Running `briefbot build --draft` again rewrites only the entries not marked reviewed, keeping
# their ids, and keeps the article block and the aliases. Evidence is verbatim from the seed.
"""


def write_atomically(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
