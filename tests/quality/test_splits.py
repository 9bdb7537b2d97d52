"""A held-out label names the entry a fact was split from; the new entry's answer counts too."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import load_knowledge_file
from bot.quality.sets import Question, QuestionSet
from bot.quality.splits import load_splits, with_splits
from bot.settings import PROJECT_ROOT

SPLITS = {"a": {"child": ("parent",), "grandchild": ("child",), "twin": ("parent", "other")}}


def _labels(held_out: bool, expect: tuple[str, ...] | None, article: str) -> tuple[str, ...] | None:
    question = Question("q?", True, expect)
    (scored,) = with_splits(QuestionSet("s", article, held_out, (question,)), SPLITS).questions
    return scored.expect


@pytest.mark.parametrize(
    ("held_out", "expect", "article", "labels"),
    [
        (True, ("parent",), "a", ("parent", "child", "twin", "grandchild")),  # chains too
        (True, ("other",), "a", ("other", "twin")),  # an entry split from two
        (True, ("child",), "a", ("child", "grandchild")),  # never back to the parent
        (True, ("unrelated",), "a", ("unrelated",)),
        (True, None, "a", None),  # an unlabelled set is scored by spans
        (True, ("parent",), "b", ("parent",)),  # splits belong to their article
        (False, ("parent",), "a", ("parent",)),  # development sets are relabelled instead
    ],
)
def test_held_out_labels_follow_splits(
    held_out: bool, expect: tuple[str, ...] | None, article: str, labels: tuple[str, ...] | None
) -> None:
    """Only held-out labels grow, by the entries split from them, within their article."""
    assert _labels(held_out, expect, article) == labels


def test_every_split_names_entries_of_its_article() -> None:
    """splits.yaml names only entries that exist, in the article it files them under."""
    for article, children in load_splits().items():
        model, problems = load_knowledge_file(PROJECT_ROOT / "knowledge" / f"{article}.yaml")
        assert model is not None, problems
        ids = {entry.id for entry in model.entries}
        for child, parents in children.items():
            assert child in ids and set(parents) <= ids - {child}, (article, child, parents)
