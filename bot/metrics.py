"""Prometheus metrics of this process, labelled by Discord shard; one call records one event.

The registry is served at /metrics by `bot.web` when BRIEFBOT_HEALTH_PORT is set. Recording is
cheap and safe with no server running (the CLI never serves it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    PlatformCollector,
    ProcessCollector,
)

if TYPE_CHECKING:
    import discord

    from bot.service import Answer

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

ASKS = Counter(
    "briefbot_asks",
    "Questions asked in Discord, by outcome (answered or declined).",
    ["shard", "outcome"],
    registry=REGISTRY,
)
FEEDBACK = Counter(
    "briefbot_feedback",
    "Helpful / Not helpful clicks on answers.",
    ["shard", "rating"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "briefbot_answer_latency_seconds",
    "From the question's Discord timestamp to the reply being sent.",
    ["shard"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0),
    registry=REGISTRY,
)
DIGESTS = Counter(
    "briefbot_digests",
    "Scheduled daily digests, by status (posted or failed).",
    ["shard", "status"],
    registry=REGISTRY,
)


def shard_of(guild_id: int | None, shard_count: int | None) -> str:
    """Discord's rule: a guild lives on shard (id >> 22) % count; DMs arrive on shard 0."""
    if guild_id is None or not shard_count:
        return "0"
    return str((guild_id >> 22) % shard_count)


def _shard(guild: discord.Guild | None) -> str:
    return str(guild.shard_id) if guild is not None else "0"


def record_ask(answer: Answer, guild: discord.Guild | None, asked_at: datetime) -> None:
    """An ask that got its reply: its outcome and how long the asker waited."""
    shard = _shard(guild)
    ASKS.labels(shard, "answered" if answer.answered else "declined").inc()
    waited = (datetime.now(UTC) - asked_at).total_seconds()
    LATENCY.labels(shard).observe(max(waited, 0.0))  # clocks can differ by a few ms


def record_feedback(recorded: bool, helpful: bool, guild: discord.Guild | None) -> None:
    if recorded:
        FEEDBACK.labels(_shard(guild), "helpful" if helpful else "not_helpful").inc()


def record_digest(posted: bool, guild_id: int, shard_count: int | None) -> None:
    DIGESTS.labels(shard_of(guild_id, shard_count), "posted" if posted else "failed").inc()
