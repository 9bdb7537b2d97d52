"""The engine as it was before the semantic signal (commit 8b36f51), kept only so that `briefbot
bench` can measure it beside the current one in the same run. Nothing else imports it."""

from bot.bench.legacy.index import Engine as LegacyEngine

__all__ = ["LegacyEngine"]
