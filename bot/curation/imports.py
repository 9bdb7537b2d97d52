"""Checking a knowledge file a moderator uploads, before anything in the store changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from bot.knowledge.check import check_model, cross_file_problems
from bot.knowledge.loader import YAML_LOADER, Problem, parse_knowledge
from bot.models import Article, Entry
from bot.text.normalize import phrasing_key

MAX_IMPORT_BYTES = 1024 * 1024
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ImportPlan:
    """Entries ready for `Store.apply_import`, and what the upload holds that an import skips."""

    article: Article
    entries: tuple[Entry, ...]
    notes: tuple[str, ...] = ()


def decode_upload(filename: str, size: int, data: bytes | None = None) -> str | None:
    """Why an upload cannot be imported (name, size, encoding), or None when it can."""
    if not filename.lower().endswith(SUFFIXES):
        return f"Only .yaml or .yml knowledge files can be imported, not “{filename[:80]}”."
    if size > MAX_IMPORT_BYTES or (data is not None and len(data) > MAX_IMPORT_BYTES):
        return f"That file is {max(size, len(data or b'')):,} bytes; imports are capped at 1 MiB."
    if data is not None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return f"That file is not UTF-8 text (byte {exc.start:,} is not valid)."
    return None


def check_import(
    text: str,
    filename: str,
    seeds_dir: Path,
    articles: Mapping[str, Article],
    live: Sequence[Entry],
) -> tuple[ImportPlan | None, list[Problem]]:
    """A plan, or every problem found (with file:line where the YAML tells it).

    `live` are the entries the importer sees: a phrasing may not stand under two entries of an
    article once the file's entries replace theirs.
    """
    model, problems = parse_knowledge(text, filename)
    if model is None:
        return None, problems
    article = articles.get(model.article.id)
    if article is None:
        return None, [
            Problem(
                filename,
                f"article {model.article.id!r} is not active here; only the bot's owner adds"
                f" articles (knowledge/{model.article.id}.yaml)",
                _line(text, "article"),
            )
        ]
    if model.article.seed != article.seed:
        # The seed named must be the article's own: an upload never picks a file to read.
        return None, [
            Problem(
                filename,
                f"article.seed must be {article.seed!r}, the seed of {article.id!r}",
                _line(text, "article"),
            )
        ]
    checked, problems = check_model(model, Path(filename), seeds_dir)
    if checked is None:
        return None, problems
    problems += cross_file_problems([checked])
    problems += _store_problems(filename, checked.entries, live)
    lines = _entry_lines(text) if problems else {}
    problems = [
        replace(p, line=lines.get(p.entry)) if p.line is None and p.entry in lines else p
        for p in problems
    ]
    if problems:
        return None, problems
    notes = []
    if checked.article != article:
        notes.append(
            "The file's article details and aliases were not imported: they come from "
            f"knowledge/{article.id}.yaml (/qa reload)."
        )
    return ImportPlan(article, checked.entries, tuple(notes)), []


def _store_problems(
    filename: str,
    entries: Sequence[Entry],
    live: Sequence[Entry],
) -> list[Problem]:
    """A phrasing may stand under one entry of an article only, once the file's entries
    replace theirs (ids and phrasings of other articles are their own)."""
    problems = []
    importing = {e.key for e in entries}
    taken = {
        (e.article_id, phrasing_key(p)): e.id
        for e in live
        if e.key not in importing
        for p in e.phrasings
    }
    for entry in entries:
        for phrasing in entry.phrasings:
            owner = taken.get((entry.article_id, phrasing_key(phrasing)))
            if owner is not None:
                problems.append(
                    Problem(
                        filename,
                        f"phrasing {phrasing!r} already stands under {owner!r}",
                        entry=entry.id,
                    )
                )
    return problems


def _entry_lines(text: str) -> dict[str, int]:
    """Entry id -> the line its mapping starts on (1-based), read from the YAML nodes."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError:
        return {}
    found: dict[str, int] = {}
    entries = _value(root, "entries")
    if isinstance(entries, yaml.SequenceNode):
        for node in entries.value:
            entry_id = _value(node, "id")
            if isinstance(entry_id, yaml.ScalarNode):
                found.setdefault(str(entry_id.value), node.start_mark.line + 1)
    return found


def _line(text: str, key: str) -> int | None:
    """The line of a top-level key (1-based)."""
    try:
        root = yaml.compose(text, Loader=YAML_LOADER)
    except yaml.YAMLError:
        return None
    if isinstance(root, yaml.MappingNode):
        for k, _ in root.value:
            if getattr(k, "value", None) == key:
                return int(k.start_mark.line) + 1
    return None


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v
    return None
