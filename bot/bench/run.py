"""`briefbot bench`: the real store, then realistic stores of each size, each in its own process.

Every figure comes from this run on this machine; the machine's load is printed before and after,
since the 2 cores may be shared.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement

from bot.bench.asklog import ask_log
from bot.bench.cli import cli_ask
from bot.bench.measure import load_average, machine_speed
from bot.bench.realistic import GENERATOR, SEED
from bot.bench.store import measure, real_knowledge
from bot.settings import Settings

_LOG_SAMPLES = 5000
# What the answer path needs since the semantic signal, beside what briefbot needed before.
_NEW = ["model2vec", "threadpoolctl"]
_OLD = ["discord.py", "aiosqlite", "rapidfuzz", "PyYAML", "pydantic", "pydantic-settings",
        "snowballstemmer", "tzdata", "aiohttp"]  # fmt: skip


def run_bench(
    settings: Settings,
    sizes: list[int],
    *,
    as_json: bool,
    questions: int = 1000,
    cli_samples: int = 15,
) -> int:
    started = time.perf_counter()
    report: dict[str, Any] = {
        "generator": {"name": GENERATOR, "seed": SEED, "sizes": sizes, "questions": questions},
        "load_before": load_average(),
        "machine_speed": machine_speed(),
        "dependencies": _dependencies(),
        "stores": [],
    }
    report["cli_ask"] = cli_ask(settings, cli_samples)
    report["ask_log"] = ask_log(_LOG_SAMPLES)
    report["stores"].append(_real(settings))
    for size in sizes:
        if not as_json:
            print(f"  measuring {size:,} entries…", file=sys.stderr)
        report["stores"].append(_realistic(settings, size, questions))
    report["load_after"] = load_average()
    report["wall_s"] = round(time.perf_counter() - started, 1)
    if as_json:
        print(json.dumps(report, indent=2))
    else:
        from bot.bench.table import print_report

        print_report(report)
    return 0


def _real(settings: Settings) -> dict[str, Any]:
    """The real store: service start on a fresh data folder (sync, index, model), twice."""
    from bot.quality.sets import DEFAULT_DEVSET, load_set

    starts = asyncio.run(_service_starts(settings))
    entries, book = real_knowledge(settings.knowledge_dir, settings.seeds_dir)
    by_id = {e.id: e.key for e in entries}
    questions: list[tuple[str, Any]] = []
    if DEFAULT_DEVSET.is_file():  # the development set only: held-out questions are never read
        for item in load_set(DEFAULT_DEVSET).questions:
            expected = by_id.get(item.expect[0]) if item.in_scope and item.expect else None
            questions.append((item.q, expected))
    figures = measure("real store", entries, book, questions * 3, legacy=True)
    figures.update(starts)
    return figures


async def _service_starts(settings: Settings) -> dict[str, float]:
    from bot.service import BriefingService

    with tempfile.TemporaryDirectory() as folder:
        fresh = settings.model_copy(update={"data_dir": Path(folder), "database": None})
        times = []
        for _ in range(2):
            started = time.perf_counter()
            service = await BriefingService.start(fresh)
            times.append(time.perf_counter() - started)
            await service.close()
    return {"service_first_start_s": round(times[0], 3), "service_restart_s": round(times[1], 3)}


def _realistic(settings: Settings, size: int, questions: int) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "bot.bench.store", str(size), "--questions", str(questions),
        "--knowledge", str(settings.knowledge_dir), "--seeds", str(settings.seeds_dir),
    ]  # fmt: skip
    if size <= 30_000:
        command.append("--legacy")  # its build takes over a minute at 100k
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"name": f"realistic {size:,}", "entries": size, "error": done.stderr[-2000:]}
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def _closure(names: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def _dependencies() -> dict[str, Any]:
    new = sorted(_closure(_NEW) - _closure(_OLD))
    sizes = {}
    for name in new:
        files = metadata.distribution(name).files or []
        sizes[name] = round(sum((f.size or 0) for f in files) / 2**20, 1)
    probe = (
        "import os\n"
        "def rss():\n"
        "    return int(next(l for l in open(f'/proc/{os.getpid()}/status')"
        " if l.startswith('VmRSS')).split()[1]) / 1024\n"
        "before = rss()\n"
        "from bot.engine.semantic import SemanticModel\n"
        "SemanticModel.load().encode(['warm up'])\n"
        "print(round(rss() - before, 1))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    model_mib = float(done.stdout.strip()) if done.returncode == 0 else None
    return {
        "new_runtime_packages_mib": sizes,
        "new_runtime_total_mib": round(sum(sizes.values()), 1),
        "model_loaded_rss_mib": model_mib,
    }
