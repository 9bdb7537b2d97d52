"""The answering engine: pure, synchronous and deterministic."""

from bot.engine.index import Engine
from bot.engine.result import Candidate, EngineResult

__all__ = ["Candidate", "Engine", "EngineResult"]
