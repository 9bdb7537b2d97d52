"""Parse knowledge YAML into the schema, reporting problems with file, line and entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.knowledge.problems import KnowledgeError as KnowledgeError
from bot.knowledge.problems import Problem as Problem
from bot.knowledge.schema import AliasesModel, KnowledgeModel

M = TypeVar("M", bound=BaseModel)

# libyaml's loader when PyYAML was built with it: the knowledge file loads at every start.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_knowledge(text: str, filename: str) -> tuple[KnowledgeModel | None, list[Problem]]:
    """Parse one file's text; on failure return the problems instead of a model."""
    return _parse(
        text, filename, KnowledgeModel, "expected a mapping with article, aliases and entries"
    )


def load_aliases_file(path: Path) -> tuple[dict[str, list[str]], list[Problem]]:
    """`knowledge/aliases.yaml` (aliases for every article); an absent file is no aliases."""
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(str(path), f"cannot read: {exc}")]
    model, problems = _parse(text, str(path), AliasesModel, "expected a mapping with aliases")
    return (model.aliases if model is not None else {}), problems


def _parse(text: str, filename: str, schema: type[M], shape: str) -> tuple[M | None, list[Problem]]:
    loader = YAML_LOADER(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark else None
        return None, [Problem(filename, f"malformed YAML: {reason}", line)]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [Problem(filename, shape, 1)]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = error["loc"]
            node = _node_at(root, loc)
            line = node.start_mark.line + 1 if node is not None else None
            path = ".".join(str(part) for part in loc)
            problems.append(
                Problem(filename, f"{path}: {error['msg']}", line, _entry_id(data, loc))
            )
        return None, problems


def load_knowledge_file(path: Path) -> tuple[KnowledgeModel | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(str(path), f"cannot read: {exc}")]
    return parse_knowledge(text, str(path))


def _node_at(node: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if getattr(k, "value", None) == part]
            if not match:
                return node
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def _entry_id(data: dict[str, Any], loc: tuple[Any, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
        entries = data.get("entries")
        if isinstance(entries, list) and loc[1] < len(entries):
            entry = entries[loc[1]]
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                return entry["id"]
            return f"#{loc[1] + 1}"
    return None
