"""`briefbot bench`: the engine's speed and memory on the real store and on realistic ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings


def run_bench(
    settings: Settings,
    sizes: list[int],
    *,
    as_json: bool,
    questions: int = 1000,
    cli_samples: int = 15,
) -> int:
    # Imported here so that `python -m bot.bench.store` (each size's own process) starts clean.
    from bot.bench.run import run_bench as run

    return run(settings, sizes, as_json=as_json, questions=questions, cli_samples=cli_samples)
