"""Drafts answer: the three shared real articles, drafted by `briefbot build --draft` in a
temporary site folder, scored on their frozen held-out sets from each draft alone, and every
set with all four articles side by side (no answer may cross to another article).

The articles are read from ../shared/articles and never copied into the project; the held-out
sets are read as aggregates only.
"""

from __future__ import annotations

import pytest

from bot.quality.drafts import DraftScores, drafted_articles, score_drafts
from bot.settings import PROJECT_ROOT, Settings
from tests.conftest import KNOWLEDGE, SEEDS

SHARED = PROJECT_ROOT.parent / "shared" / "articles"
DRAFTED = ("spokane-meth-campaign", "us-israeli-settlements", "wild-parise-sabres")

# Reached on 2026-12-01 (`briefbot report --drafts ../shared/articles`), raise them when drafts or
# the engine improve. Lowered once, knowingly, for the settlements article (overall 42.0% -> 38.7%,
# in scope 23.6% -> 22.7%): the gate that holds a question's focus (bot/engine/focus.py) and the
# explained-share rule decline more of its draft's loose matches, and in exchange the curated
# article's held-out wrong answers fell 5.7% -> 4.7% and every draft's "helped" rose (spokane
# 67% -> 75%, settlements 56% -> 67%, wild 55% -> 60%). Drafts then gained reason, gist and
# chat-spelling phrasings: settlements back to 40.0% overall, 23.6% in scope. With the finer focus
# rules ("who's X", "which X" naming one, "when will"): 40.0 / 41.3 / 41.3% overall.
FLOORS = {
    "heldout-spokane-meth-campaign": {"overall": 0.40, "in_scope": 0.18, "helped": 0.74},
    "heldout-us-israeli-settlements": {"overall": 0.41, "in_scope": 0.25, "helped": 0.68},
    "heldout-wild-parise-sabres": {"overall": 0.41, "in_scope": 0.22, "helped": 0.60},
}
WRONG_CEILING = 0.08
# Side by side: a question about one article answered from another (always wrong). Measured once
# the curated trump-russia store (with its phrasings and knowledge/aliases.yaml) sat beside the
# drafts: 3.3% on the sports article, from alias and phrasing words shared across articles; none
# once the gate held each question's focus (2026-12-01). One question in a set of 150 may cross.
CROSSED_CEILING = 0.007


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> DraftScores:
    if not SHARED.is_dir():
        print(f"skipped: the shared articles are not in {SHARED}")
        pytest.skip(f"the shared articles are not in {SHARED}")
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("data"),
        knowledge_dir=KNOWLEDGE,
        seeds_dir=SEEDS,
        _env_file=None,
    )
    return score_drafts(SHARED, settings)


def _figures(reports: list, name: str) -> dict:
    [report] = [r for r in reports if r.question_set.name == name]
    assert report.skipped is None, report.skipped
    return report.figures.as_dict()


def test_the_shared_articles_are_the_ones_drafted(scores: DraftScores) -> None:
    """Every shared article with a question set is drafted and scored."""
    assert tuple(drafted_articles(SHARED)) == DRAFTED


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_draft_alone_answers_its_held_out_set(scores: DraftScores, name: str) -> None:
    """Right answers at or above their floors, wrong ones at most 8%, from the draft alone."""
    figures = _figures(scores.alone, name)
    for measure, floor in FLOORS[name].items():
        assert figures[measure] >= floor, f"{name} {measure} {figures[measure]:.3f} < {floor}"
    assert figures["wrong"] <= WRONG_CEILING, f"{name} wrong {figures['wrong']:.3f}"


@pytest.mark.parametrize("name", [*sorted(FLOORS), "heldout-trump-russia"])
def test_side_by_side_no_article_answers_for_another(scores: DraftScores, name: str) -> None:
    """With all four articles in one view, few questions are answered from the wrong one."""
    figures = _figures(scores.together, name)
    assert figures["crossed"] <= CROSSED_CEILING, f"{name} crossed {figures['crossed']:.3f}"
