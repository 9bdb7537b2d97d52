"""The store written back as knowledge files (`<article-id>.yaml`) that `briefbot check` accepts.

An entry the schema would refuse (a moderator-added entry with fewer than 3 alternates, say) is
not left out silently: it is written as a YAML comment after the entries, with the reason, so
the file still checks and the curator can finish the entry and uncomment it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml
from pydantic import ValidationError

from bot.knowledge.schema import EntryModel
from bot.models import Article, Entry

_WIDTH = 100
# libyaml when present: an order of magnitude quicker than the pure-Python emitter.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class ExportFile:
    article_id: str
    filename: str
    text: str
    entry_ids: tuple[str, ...]
    held_back: tuple[tuple[str, str], ...] = field(default=())  # (entry id, why)


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry in the knowledge format; evidence as the seed's exact text."""
    data: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind,
        "question": entry.question,
        "alternates": list(entry.alternates),
        "answer": entry.answer,
        "evidence": [e.quote for e in entry.evidence],
    }
    if entry.tags:
        data["tags"] = list(entry.tags)
    return data


def schema_problem(data: dict[str, Any]) -> str | None:
    """Why the knowledge schema refuses an entry, or None."""
    try:
        EntryModel.model_validate(data)
    except ValidationError as exc:
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
    return None


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_WIDTH)


def export_article(article: Article, entries: Sequence[Entry], when: datetime) -> ExportFile:
    """One article's knowledge file; `when` only goes into the header comment."""
    ready: list[dict[str, Any]] = []
    held: list[tuple[dict[str, Any], str]] = []
    for entry in sorted(entries, key=lambda e: e.id):
        data = entry_data(entry)
        problem = schema_problem(data)
        if problem is None:
            ready.append(data)
        else:
            held.append((data, problem))
    head = {
        "article": {
            "id": article.id,
            "seed": article.seed,
            "title": article.title,
            "summary": article.summary,
            "key_points": list(article.key_points),
        },
        "aliases": {k: list(v) for k, v in article.aliases.items()},
    }
    parts = [
        f"# Exported by briefbot /qa export on {when.isoformat(timespec='seconds')}.",
        "# Format and rules: docs/knowledge-format.md. Check with `briefbot check`.",
        _dump(head).rstrip(),
        _dump({"entries": ready}).rstrip() if ready else "entries: []",
    ]
    if held:
        parts.append(
            "# Not exported as entries: the knowledge format refuses them as they stand.\n"
            "# Fix what the comment says, then uncomment the entry into the list above."
        )
        for data, problem in held:
            block = _dump([data]).rstrip()
            parts.append(f"# {data['id']}: {problem}\n" + _comment(block))
    text = "\n".join(parts) + "\n"
    return ExportFile(
        article.id,
        f"{article.id}.yaml",
        text,
        tuple(d["id"] for d in ready),
        tuple((d["id"], p) for d, p in held),
    )


def _comment(block: str) -> str:
    return "\n".join(f"#   {line}" if line else "#" for line in block.splitlines())
