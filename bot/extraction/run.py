"""`briefbot build`: one candidates file per seed, written only inside the output folder."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.extraction.extract import Extraction, extract
from bot.extraction.output import render
from bot.text.seed import SeedError, load_seeds

SUFFIX = ".candidates.yaml"


class BuildError(SeedError):
    """The build refused to write where it was asked to (a SeedError, so the CLI reports it)."""


@dataclass(frozen=True)
class SeedReport:
    """What the build found in one seed."""

    seed: str
    output: Path
    quotes: int
    quotes_with_speaker: int
    persons: int
    headings: int
    numbers: int
    seconds: float = 0.0

    @classmethod
    def of(cls, extraction: Extraction, output: Path, seconds: float = 0.0) -> SeedReport:
        quotes = extraction.of("quote")
        return cls(
            extraction.seed,
            output,
            len(quotes),
            sum(1 for q in quotes if q.details.get("speaker")),
            len(extraction.of("person")),
            len(extraction.of("heading")),
            len(extraction.of("number")),
            seconds,
        )

    def line(self) -> str:
        return (
            f"{self.seed} -> {self.output.name}: {self.quotes} quotes "
            f"({self.quotes_with_speaker} with speaker), {self.persons} persons, "
            f"{self.headings} headings, {self.numbers} numbers ({self.seconds:.2f} s)"
        )


@dataclass(frozen=True)
class BuildReport:
    out_dir: Path
    seeds: tuple[SeedReport, ...]

    def summary(self) -> str:
        """One line per seed and a total, for the CLI."""
        total = sum(s.quotes + s.persons + s.headings + s.numbers for s in self.seeds)
        lines = [s.line() for s in self.seeds]
        lines.append(f"{len(self.seeds)} seed(s), {total} unreviewed candidates in {self.out_dir}")
        return "\n".join(lines)


def run_build(
    seeds_dir: Path, out_dir: Path, progress: Callable[[str], None] | None = None
) -> BuildReport:
    """Extract candidates from every `seeds_dir/*.txt` into `out_dir/<stem>.candidates.yaml`.

    `progress` is told about each seed as it starts. Raises SeedError when the seeds folder is
    missing, empty or holds an unreadable seed, and BuildError when `out_dir` is not a safe place
    for candidates (see `_check_out_dir`); nothing is written then.
    """
    seeds = load_seeds(seeds_dir)
    if not seeds:
        raise SeedError(f"no seeds (*.txt) in {seeds_dir}")
    target = _check_out_dir(out_dir, seeds_dir)
    done: list[tuple[Extraction, float]] = []
    for number, seed in enumerate(seeds.values(), 1):
        if progress is not None:
            progress(f"[{number}/{len(seeds)}] extracting {seed.name}")
        started = time.perf_counter()
        done.append((extract(seed), time.perf_counter() - started))
    target.mkdir(parents=True, exist_ok=True)
    reports = []
    for extraction, seconds in done:
        path = target / (Path(extraction.seed).stem + SUFFIX)
        _write(target, path, render(extraction))
        reports.append(SeedReport.of(extraction, path, seconds))
    return BuildReport(out_dir, tuple(reports))


def _check_out_dir(out_dir: Path, seeds_dir: Path) -> Path:
    """The resolved output folder, refusing the seeds folder and any folder of curated files."""
    target = out_dir.resolve()
    if target.exists() and not target.is_dir():
        raise BuildError(f"output folder is not a folder: {out_dir}")
    if target == seeds_dir.resolve():
        raise BuildError(f"refusing to write candidates into the seeds folder {seeds_dir}")
    if target.is_dir():
        curated = sorted(
            p.name
            for p in target.iterdir()
            if p.suffix in (".yaml", ".yml") and not p.name.endswith(SUFFIX)
        )
        if curated:
            raise BuildError(
                f"refusing to write candidates into {out_dir}: it holds curated knowledge "
                f"files ({', '.join(curated[:3])}); use a folder of its own such as "
                "knowledge/candidates/"
            )
    return target


def _write(target: Path, path: Path, text: str) -> None:
    """Write atomically; the file must sit directly in the output folder."""
    if path.parent != target or not path.name.endswith(SUFFIX):
        raise BuildError(f"refusing to write outside {target}: {path}")
    handle, temp = tempfile.mkstemp(dir=target, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
