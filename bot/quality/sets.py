"""Question sets in tests/quality/: development sets (devset*.yaml: read them, tune on them) and
frozen held-out sets (heldout-*.yaml: written blind, never tuned on, reported as aggregates).

A set's file holds `article` (the article its questions are about; older sets omit it),
`in_scope` items (`q`, `expect`: the entries that answer it, or for unlabelled sets `spans`:
where the article answers it; optionally `style`, `asks`, `paraphrase`) and `decline` items
(`q`, optionally `near_miss`, `answerable_by`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

SETS_DIR = PROJECT_ROOT / "tests" / "quality"
DEFAULT_DEVSET = SETS_DIR / "devset.yaml"


@dataclass(frozen=True)
class Question:
    q: str
    in_scope: bool
    expect: tuple[str, ...] | None = None  # entry ids; None when the set is not labelled
    spans: tuple[tuple[int, int], ...] = ()
    style: str = "?"
    asks: str = "?"
    paraphrase: bool | None = None
    near_miss: bool = False


@dataclass(frozen=True)
class QuestionSet:
    name: str
    article: str | None
    held_out: bool
    questions: tuple[Question, ...]

    @property
    def in_scope(self) -> list[Question]:
        return [q for q in self.questions if q.in_scope]

    @property
    def decline(self) -> list[Question]:
        return [q for q in self.questions if not q.in_scope]


def _ids(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


def load_set(path: Path) -> QuestionSet:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    questions = []
    for item in data.get("in_scope", []):
        questions.append(
            Question(
                item["q"],
                True,
                _ids(item["expect"]) if "expect" in item else None,
                tuple(tuple(s) for s in item.get("spans", [])),
                item.get("style", "?"),
                item.get("asks", "?"),
                item.get("paraphrase"),
            )
        )
    for item in data.get("decline", []):
        answerable = _ids(item.get("answerable_by"))
        questions.append(
            Question(
                item["q"],
                bool(answerable),
                answerable or None,
                (),
                item.get("style", "?"),
                "decline",
                None,
                bool(item.get("near_miss", False)),
            )
        )
    name = path.stem
    return QuestionSet(name, data.get("article"), name.startswith("heldout"), tuple(questions))


def discover(folder: Path = SETS_DIR) -> list[Path]:
    return sorted(folder.glob("devset*.yaml")) + sorted(folder.glob("heldout*.yaml"))
