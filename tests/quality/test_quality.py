"""Answer quality must not drop below what was reached, on the frozen held-out sets.

The held-out sets were written blind (from the article alone) and are never tuned on; this test
reads them only as aggregates and prints no question.
"""

from __future__ import annotations

import pytest

from bot.quality.report import score_set
from bot.quality.sets import SETS_DIR, load_set
from bot.service import BriefingService

# Reached on 2026-12-01 (`briefbot report`); raise them when quality improves, never lower them.
# History, each step measured on the same frozen held-out set: the semantic engine with its
# answerability gate (overall 52.3%, in scope 40.3%, wrong 5.7%, helped 87.1%; the lexical engine
# before it: 57.0%, 57.6%, 16.6%, 69.4%); then readers' alternates for part of the store, the
# question's focus held by the answer, and the explained-share decision rule: overall 57.0%, in
# scope 45.6%, wrong 4.7%, helped 90.6%; with readers' alternates for every entry (2,975
# phrasings): overall 60.9%, in scope 51.5%, paraphrases 38.6%, wrong 5.3%, helped 93.5%; with
# finer focus checks (a count's unit, a date near its event, a quote's speaker): in scope 51.2%,
# wrong 5.1%; with an agent named by the asked verb (the development sets' wrong answers 7 -> 3,
# none of their right answers lost), one held-out question fewer right and one fewer wrong: in
# scope 50.9%, wrong 4.9% (the in-scope floor lowered by that one question, knowingly); with
# finer focus rules ("he said" for a person, "which X" naming one, "when will", "who's X"),
# sibling entries quoting one passage not blocking each other, and names never soft-matched:
# overall 61.9%, in scope 52.1%, paraphrases 39.1%, wrong 4.7%, helped 93.5%.
FLOORS = {
    "heldout-trump-russia": {"overall": 0.61, "in_scope": 0.52, "helped": 0.93},
}
WRONG_CEILINGS = {"heldout-trump-russia": 0.048}
DEV_FLOORS = {"devset": {"in_scope": 0.91, "declined": 0.99}}


def _figures(service: BriefingService, name: str) -> dict:
    report = score_set(service, load_set(SETS_DIR / f"{name}.yaml"))
    assert report.skipped is None, report.skipped
    return report.figures.as_dict()


def test_the_main_held_out_set_is_big_and_varied() -> None:
    """At least 400 questions, 40% paraphrases, 100 to decline of which 60 near misses."""
    held = load_set(SETS_DIR / "heldout-trump-russia.yaml")
    assert held.held_out and len(held.questions) >= 400
    assert sum(bool(q.paraphrase) for q in held.in_scope) >= 0.4 * len(held.questions)
    assert len(held.decline) >= 100
    assert sum(q.near_miss for q in held.decline) >= 60
    assert {q.asks for q in held.in_scope} >= {"quote-speaker", "person", "number", "gist"}


@pytest.mark.parametrize("name", sorted(FLOORS))
async def test_held_out_quality_does_not_drop(service: BriefingService, name: str) -> None:
    """Overall, in-scope and helped shares at or above their floors; wrong answers below."""
    figures = _figures(service, name)
    for measure, floor in FLOORS[name].items():
        assert figures[measure] >= floor, f"{name} {measure} {figures[measure]:.3f} < {floor}"
    assert figures["wrong"] <= WRONG_CEILINGS[name], f"{name} wrong {figures['wrong']:.3f}"


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
async def test_development_quality_does_not_drop(service: BriefingService, name: str) -> None:
    """The development set (tuned on: a regression guard, not a measure)."""
    figures = _figures(service, name)
    for measure, floor in DEV_FLOORS[name].items():
        assert figures[measure] >= floor, f"{name} {measure} {figures[measure]:.3f} < {floor}"
