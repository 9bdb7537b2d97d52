"""The candidates file of one seed: a header for curators, then YAML."""

from __future__ import annotations

from typing import Any

import yaml

from bot.extraction.extract import Extraction

HEADER = """\
# UNREVIEWED CANDIDATES for seeds/{seed}, written by `briefbot build`.
# Nothing in this file is served to users, and `briefbot check` does not read it. Re-running the
# build replaces this file, so do not edit it here.
#
# To promote a candidate to a curated entry:
#   1. copy it under `entries:` in the curated file knowledge/<article-id>.yaml
#      (format: docs/knowledge-format.md); keep `id` (ids are never renamed once curated),
#      `kind` and `question`;
#   2. turn `evidence` into plain strings: keep each `quote` text, drop `start`/`end`;
#   3. write `answer` in your own words (name the speaker for quotes), add at least three
#      `alternates` as chat users would type them, and `tags`;
#   4. delete the build-only fields: found_as, speaker, speaker_kind, attribution, context,
#      scare_quote, sentence, name, role, roles, mentions, heading, number, unit, phrase, section;
#   5. run `briefbot check`.
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
