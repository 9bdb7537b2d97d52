"""The semantic signal: static word-piece embeddings (model2vec), no torch at run time."""

from bot.engine.semantic.model import DEFAULT_MODEL, SemanticModel

__all__ = ["DEFAULT_MODEL", "SemanticModel"]
