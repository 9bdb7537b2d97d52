"""`briefbot report`: answer quality on the development set, per kind, with the failures."""

from __future__ import annotations

import asyncio
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT, Settings

DEFAULT_DEVSET = PROJECT_ROOT / "tests" / "quality" / "devset.yaml"


@dataclass
class Tally:
    total: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class QualityReport:
    per_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    in_scope: Tally = field(default_factory=Tally)
    decline: Tally = field(default_factory=Tally)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "in_scope_accuracy": round(self.in_scope.accuracy, 4),
            "in_scope": [self.in_scope.correct, self.in_scope.total],
            "decline_accuracy": round(self.decline.accuracy, 4),
            "decline": [self.decline.correct, self.decline.total],
            "per_kind": {
                k: {"accuracy": round(t.accuracy, 4), "correct": t.correct, "total": t.total}
                for k, t in sorted(self.per_kind.items())
            },
            "failures": self.failures,
        }


def load_devset(path: Path) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"in_scope": data.get("in_scope", []), "decline": data.get("decline", [])}


def score(service: Any, devset: dict[str, list[dict[str, Any]]]) -> QualityReport:
    """Score with the service's pure path (nothing is logged)."""
    report = QualityReport()
    for item in devset["in_scope"]:
        expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
        answer = service.evaluate(item["q"])
        got = answer.entry.id if answer.entry else None
        first = service.engine.entry(expected[0])
        kind = first.kind if first else "?"
        ok = got in expected
        report.in_scope.total += 1
        report.in_scope.correct += ok
        report.per_kind[kind].total += 1
        report.per_kind[kind].correct += ok
        if not ok:
            report.failures.append(
                {
                    "q": item["q"][:120],
                    "expect": expected,
                    "got": got,
                    "confidence": round(answer.confidence, 3),
                    "top": [(c.entry_id, c.score) for c in service.engine.rank(item["q"]) or []][
                        :3
                    ],
                }
            )
    for item in devset["decline"]:
        answer = service.evaluate(item["q"])
        ok = answer.entry is None
        report.decline.total += 1
        report.decline.correct += ok
        report.per_kind["(decline)"].total += 1
        report.per_kind["(decline)"].correct += ok
        if not ok:
            report.failures.append(
                {
                    "q": item["q"][:120],
                    "expect": None,
                    "got": answer.entry.id if answer.entry else None,
                    "confidence": round(answer.confidence, 3),
                    "top": [],
                }
            )
    return report


async def _report(settings: Settings, devset_path: Path) -> QualityReport:
    from bot.service import BriefingService

    service = await BriefingService.start(settings)
    try:
        return score(service, load_devset(devset_path))
    finally:
        await service.close()


def run_report(settings: Settings, devset: Path | None, *, as_json: bool) -> int:
    path = devset or DEFAULT_DEVSET
    if not path.is_file():
        print(f"briefbot: no development set at {path}", file=sys.stderr)
        return 2
    report = asyncio.run(_report(settings, path))
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"Answer quality on {path.name}")
    print(
        f"  in scope answered correctly: {report.in_scope.correct}/{report.in_scope.total}"
        f" = {report.in_scope.accuracy:.1%}"
    )
    print(
        f"  out of scope declined:       {report.decline.correct}/{report.decline.total}"
        f" = {report.decline.accuracy:.1%}"
    )
    print("  per kind:")
    for kind, tally in sorted(report.per_kind.items()):
        print(f"    {kind:<12} {tally.correct:>4}/{tally.total:<4} {tally.accuracy:.1%}")
    if report.failures:
        print(f"  failures ({len(report.failures)}):")
        for f in report.failures:
            print(
                f"    - {f['q']!r}: expected {f['expect']}, got {f['got']}"
                f" ({f['confidence']}) top={f['top']}"
            )
    return 0
