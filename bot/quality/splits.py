"""Entries split out of others after a frozen question set was labelled (tests/quality/splits.yaml).

Entry ids never change: a split keeps the old id for the part closest to its old meaning and gives
the other part a new id. A held-out set labelled before the split names only the old id, so an
answer from the new entry counts for its questions too. Development sets are relabelled instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import yaml

from bot.quality.sets import SETS_DIR, Question, QuestionSet

SPLITS_FILE = SETS_DIR / "splits.yaml"

# article -> {new entry: the entries it was split from}
Splits = Mapping[str, Mapping[str, tuple[str, ...]]]


def load_splits(path: Path = SPLITS_FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    """The splits per article (a parent may be one id or a list); an absent file is no splits."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        str(article): {
            str(child): tuple(parents) if isinstance(parents, list) else (str(parents),)
            for child, parents in (children or {}).items()
        }
        for article, children in data.items()
    }


def with_splits(question_set: QuestionSet, splits: Splits) -> QuestionSet:
    """A held-out set whose labels also name the entries split from the labelled ones."""
    children = splits.get(question_set.article or "", {})
    if not question_set.held_out or not children:
        return question_set
    return replace(
        question_set, questions=tuple(_expand(q, children) for q in question_set.questions)
    )


def _expand(question: Question, children: Mapping[str, tuple[str, ...]]) -> Question:
    if not question.expect:
        return question
    expect = list(question.expect)
    for label in expect:  # the list grows while it is walked: a split of a split counts too
        expect.extend(c for c, parents in children.items() if label in parents and c not in expect)
    return replace(question, expect=tuple(expect))
