"""A line of the audit log in words: what changed, before → after, kept short."""

from __future__ import annotations

from typing import Any

from bot.curation.text import shown
from bot.store.records import AuditRecord

_TEXT_FIELDS = ("question", "answer", "kind")
_LIST_FIELDS = ("alternates", "evidence", "tags")
_SNIPPET = 40


def _list_change(name: str, before: list[Any], after: list[Any]) -> str | None:
    added = [x for x in after if x not in before]
    dropped = [x for x in before if x not in after]
    if not added and not dropped:
        return None
    parts = []
    if added:
        parts.append(f"+{len(added)} {shown(str(added[0]), _SNIPPET)}")
    if dropped:
        parts.append(f"−{len(dropped)} {shown(str(dropped[0]), _SNIPPET)}")
    return f"{name} " + ", ".join(parts)


def entry_changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One short phrase per changed field of an entry snapshot."""
    changes = []
    for name in _TEXT_FIELDS:
        if before.get(name) != after.get(name):
            old, new = str(before.get(name, "")), str(after.get(name, ""))
            changes.append(f"{name}: {shown(old, _SNIPPET)} → {shown(new, _SNIPPET)}")
    for name in _LIST_FIELDS:
        change = _list_change(name, list(before.get(name) or []), list(after.get(name) or []))
        if change:
            changes.append(change)
    return changes


def _pairs(data: dict[str, Any]) -> str:
    return ", ".join(f"{k}: {shown(str(v), _SNIPPET)}" for k, v in data.items())


def describe(record: AuditRecord) -> str:
    """What one audit record did, e.g. `answer: “Old…” → “New…”` or `new: “Who is…?”`."""
    before, after = record.before, record.after
    if before and after:
        if "question" in before or "question" in after:
            return "; ".join(entry_changes(before, after)) or "no change"
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        return _pairs(changed) or "no change"
    if after:
        if "question" in after:
            return f"new: {shown(str(after['question']), 60)}"
        return _pairs(after)
    if before and "question" in before:
        return f"was: {shown(str(before['question']), 60)}"
    return ""
