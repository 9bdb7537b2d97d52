"""`briefbot ask` as a user runs it: a real process answering on an unchanged site folder,
alternated with a process doing nothing but the same imports, so that what the call costs beyond
Python and its imports is told apart from them (each pair measured back to back: the machine's
load drifts, the difference much less).

The site folder is a new one made of the settings' knowledge and seeds, asked once first (that
sync, index and model store are the first start's, measured by the service start figures). The
processes cache their compiled bytecode in a folder of the bench's own, as an installed package
has it (pip compiles at install); without it every process would compile briefbot's modules.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.bench.measure import percentile
from bot.settings import Settings

QUESTION = "who is peskov"
# The modules a real ask ends with, in the order it imported them (sys.modules keeps it).
_MODULES = (
    "import os, runpy, sys\n"
    "sys.argv = ['briefbot', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('bot', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "with open(os.environ['MODULES'], 'w') as out:\n"
    "    out.write('\\n'.join(m for m in sys.modules if m != '__main__'))\n"
)
# The same modules imported as the entry point imports the commands (`bot.cli.starting`).
_IMPORTS = (
    "import importlib, os\n"
    "from bot.cli import starting\n"
    "with starting():\n"
    "    for name in open(os.environ['MODULES']).read().split():\n"
    "        try:\n"
    "            importlib.import_module(name)\n"
    "        except Exception:\n"
    "            pass\n"
)


def _run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of a process (its threads included), and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def _spread(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "median_ms": round(percentile(ms, 0.5), 1),
        "p25_ms": round(percentile(ms, 0.25), 1),
        "p75_ms": round(percentile(ms, 0.75), 1),
        "min_ms": round(min(ms), 1),
        "max_ms": round(max(ms), 1),
    }


def _state(site: Path) -> tuple[Any, ...]:
    """What a re-sync or a re-index would change: the engine's files and the store's counter."""
    import sqlite3

    files = sorted((p.name, p.stat().st_mtime_ns) for p in (site / "data" / "engine").iterdir())
    with sqlite3.connect(site / "data" / "briefbot.sqlite3") as db:
        version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return tuple(files), version


def cli_ask(settings: Settings, samples: int) -> dict[str, Any]:
    """`briefbot ask QUESTION --json` and its imports alone, `samples` times each, alternated."""
    with tempfile.TemporaryDirectory() as scratch:
        site, cache = Path(scratch) / "site", Path(scratch) / "bytecode"
        shutil.copytree(settings.knowledge_dir, site / "knowledge")
        shutil.copytree(settings.seeds_dir, site / "seeds")
        env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFBOT_")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(PYTHONPYCACHEPREFIX=str(cache), BRIEFBOT_HOME=str(site))
        env["MODULES"] = str(site / "modules.txt")
        ask = [sys.executable, "-m", "bot", "ask", QUESTION, "--json"]
        first = subprocess.run(ask, env=env, cwd=site, capture_output=True, text=True)
        if first.returncode != 0:
            return {"error": first.stderr[-2000:]}
        dump = [sys.executable, "-c", _MODULES, *ask[3:]]
        subprocess.run(dump, env=env, cwd=site, capture_output=True, check=True)
        modules = len((site / "modules.txt").read_text().split())
        imports = [sys.executable, "-c", _IMPORTS]
        _run(imports, env, site)  # both once more, so both read a warm bytecode cache
        _run(ask, env, site)
        before = _state(site)
        walls, cpus, import_walls, import_cpus = [], [], [], []
        for _ in range(samples):
            wall, cpu, code = _run(ask, env, site)
            if code != 0:
                return {"error": f"briefbot ask exited with {code}"}
            walls.append(wall)
            cpus.append(cpu)
            wall, cpu, _ = _run(imports, env, site)
            import_walls.append(wall)
            import_cpus.append(cpu)
        unchanged = _state(site) == before
    beyond = [a - b for a, b in zip(walls, import_walls, strict=True)]
    beyond_cpu = [a - b for a, b in zip(cpus, import_cpus, strict=True)]
    return {
        "question": QUESTION,
        "n": samples,
        "modules": modules,
        "answer": json.loads(first.stdout).get("entry_id"),
        "wall": _spread(walls),
        "imports_wall": _spread(import_walls),
        "beyond_imports_wall": _spread(beyond),
        "cpu": _spread(cpus),
        "imports_cpu": _spread(import_cpus),
        "beyond_imports_cpu": _spread(beyond_cpu),
        "store_and_index_unchanged": unchanged,
    }
