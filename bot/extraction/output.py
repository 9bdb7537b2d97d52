"""The candidates file of one seed: a header for curators, then YAML."""

from __future__ import annotations

from typing import Any

import yaml

from bot.extraction.extract import Extraction

HEADER = """\
# UNREVIEWED CANDIDATES for seeds/{seed}, written by `briefbot build`: what the extraction found,
# for review. Nothing in this file is served to users, and `briefbot check` does not read it.
# Re-running the build replaces this file, so do not edit it here.
#
# `briefbot build --draft` drafts the article's knowledge file from what is found here
# (knowledge/<article-id>.yaml, `status: draft`): served at once, and reviewed in place there
# (docs/knowledge-format.md). Fields: docs/candidates-format.md.
# Offsets (`start`/`end`) are character offsets into the seed: seed_text[start:end] == quote.
"""


def render(extraction: Extraction) -> str:
    """The whole candidates file for one seed."""
    data: dict[str, Any] = {
        "seed": extraction.seed,
        "title": extraction.title,
        "candidates": [c.as_dict() for c in extraction.candidates],
    }
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    body = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(seed=extraction.seed) + body
