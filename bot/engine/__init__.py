"""The answering engine: pure, synchronous and deterministic."""

from bot.engine.engine import Engine
from bot.engine.index import Index
from bot.engine.result import Candidate, EngineResult, Verdict
from bot.engine.view import AliasBook, EntryKey, View

__all__ = [
    "AliasBook",
    "Candidate",
    "Engine",
    "EngineResult",
    "EntryKey",
    "Index",
    "Verdict",
    "View",
]
