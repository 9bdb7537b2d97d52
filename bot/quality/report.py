"""`briefbot report`: answer quality on every question set, development and held-out.

Held-out sets are printed as aggregates only (overall, per kind and per style): their questions
are never shown, so nobody tunes on them. Development sets may list their failures.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.quality.scoring import RIGHT, WRONG, Outcome, score_one
from bot.quality.sets import SETS_DIR, QuestionSet, discover, load_set
from bot.quality.splits import Splits, load_splits, with_splits
from bot.settings import Settings


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Figures:
    """The measures of the answer-quality issue, over a list of outcomes."""

    outcomes: list[Outcome] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        all_ = self.outcomes
        scope = [o for o in all_ if o.question.in_scope]
        decline = [o for o in all_ if not o.question.in_scope]
        para = [o for o in scope if o.question.paraphrase]
        near = [o for o in decline if o.question.near_miss]
        right = [o for o in all_ if o.result == RIGHT]
        return {
            "n": len(all_),
            "overall": _share(len(right), len(all_)),
            "in_scope": _share(sum(o.result == RIGHT for o in scope), len(scope)),
            "declined": _share(sum(o.result == RIGHT for o in decline), len(decline)),
            "paraphrases": _share(sum(o.result == RIGHT for o in para), len(para)),
            "near_misses": _share(sum(o.result == RIGHT for o in near), len(near)),
            "wrong": _share(sum(o.result == WRONG for o in all_), len(all_)),
            "helped": _share(sum(o.helped for o in scope), len(scope)),
            "counts": {
                "in_scope": len(scope),
                "decline": len(decline),
                "paraphrases": len(para),
                "near_misses": len(near),
            },
        }


@dataclass
class SetReport:
    question_set: QuestionSet
    figures: Figures
    per_kind: dict[str, Figures]
    per_style: dict[str, Figures]
    skipped: str | None = None

    def as_dict(self, *, failures: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "set": self.question_set.name,
            "article": self.question_set.article,
            "held_out": self.question_set.held_out,
        }
        if self.skipped:
            return {**data, "skipped": self.skipped}
        data |= self.figures.as_dict()
        data["per_kind"] = {k: f.as_dict() for k, f in sorted(self.per_kind.items())}
        data["per_style"] = {k: f.as_dict() for k, f in sorted(self.per_style.items())}
        if failures and not self.question_set.held_out:
            data["failures"] = [
                {"q": o.question.q[:120], "expect": list(o.question.expect or []), "got": o.got}
                for o in self.figures.outcomes
                if o.result != RIGHT
            ]
        return data


def score_set(service: Any, question_set: QuestionSet, splits: Splits | None = None) -> SetReport:
    """Score through the service's pure path (nothing is logged), from the command line's view
    (every article, drafts too): a set about one article must not be answered from another.
    A held-out set's labels also count the entries split from them (tests/quality/splits.yaml)."""
    from bot.service import Audience

    known = {a.id for a in service.articles(Audience.cli())}
    if question_set.article is not None and question_set.article not in known:
        return SetReport(question_set, Figures(), {}, {}, "its article is not in the store")
    question_set = with_splits(question_set, load_splits() if splits is None else splits)
    figures, per_kind, per_style = Figures(), defaultdict(Figures), defaultdict(Figures)
    for question in question_set.questions:
        answer = service.evaluate(question.q, Audience.cli())
        outcome = score_one(answer, question, question_set.article)
        figures.outcomes.append(outcome)
        per_kind[question.asks].outcomes.append(outcome)
        per_style[question.style].outcomes.append(outcome)
    return SetReport(question_set, figures, dict(per_kind), dict(per_style))


async def _reports(settings: Settings, paths: list[Path]) -> list[SetReport]:
    from bot.service import BriefingService

    service = await BriefingService.start(settings)
    try:
        return [score_set(service, load_set(p)) for p in paths]
    finally:
        await service.close()


_COLUMNS = ("overall", "in_scope", "paraphrases", "declined", "near_misses", "wrong", "helped")


def _row(label: str, figures: dict[str, Any]) -> str:
    cells = [f"{figures[c]:>7.1%}" if figures.get(c) is not None else f"{'-':>7}" for c in _COLUMNS]
    return f"  {label:<34} {figures['n']:>4} " + " ".join(cells)


def print_reports(reports: list[SetReport], *, failures: bool, breakdown: bool) -> None:
    header = "  " + f"{'set':<34} {'n':>4} " + " ".join(f"{c[:7]:>7}" for c in _COLUMNS)
    for held_out in (False, True):
        chosen = [r for r in reports if r.question_set.held_out == held_out]
        if not chosen:
            continue
        print(
            "Held-out sets (frozen, written blind; aggregates only):"
            if held_out
            else "Development sets (tuned on: these figures flatter):"
        )
        print(header)
        for report in chosen:
            name = report.question_set.name
            if report.skipped:
                print(f"  {name:<34} skipped: {report.skipped}")
                continue
            print(_row(name, report.figures.as_dict()))
            if breakdown:
                for kind, figures in sorted(report.per_kind.items()):
                    print(_row(f"  asks {kind}", figures.as_dict()))
                for style, figures in sorted(report.per_style.items()):
                    print(_row(f"  style {style}", figures.as_dict()))
        print()
    if failures:
        for report in reports:
            if report.question_set.held_out or report.skipped:
                continue
            misses = [o for o in report.figures.outcomes if o.result != RIGHT]
            print(f"Failures in {report.question_set.name} ({len(misses)}):")
            for o in misses:
                expect = list(o.question.expect or []) if o.question.in_scope else None
                print(f"  - {o.question.q[:120]!r}: expected {expect}, got {o.got}")


def run_report(
    settings: Settings,
    paths: list[Path] | None,
    *,
    as_json: bool,
    failures: bool = False,
    breakdown: bool = False,
) -> int:
    chosen = paths or discover(SETS_DIR)
    missing = [p for p in chosen if not p.is_file()]
    if missing or not chosen:
        print(
            f"briefbot: no question set at {missing[0] if missing else SETS_DIR}", file=sys.stderr
        )
        return 2
    reports = asyncio.run(_reports(settings, chosen))
    if as_json:
        data = [r.as_dict(failures=failures) for r in reports]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print_reports(reports, failures=failures, breakdown=breakdown)
    return 0
