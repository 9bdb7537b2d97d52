"""`briefbot bench`: the engine's speed and memory on the real store and on realistic ones."""

from bot.bench.run import run_bench

__all__ = ["run_bench"]
