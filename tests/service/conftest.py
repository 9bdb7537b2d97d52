"""A service on a real SQLite store, synced once per session and copied for each test (a start
on an unchanged store skips the sync, and the engine index is shared)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.service import Answer, BriefingService
from bot.service.conversation import ConversationKey
from bot.settings import Settings
from tests.conftest import KNOWLEDGE, SEEDS

Say = Callable[..., Awaitable[Answer]]
ME: ConversationKey = (1, 10, 100)


def site_settings(data: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data, knowledge_dir=KNOWLEDGE, seeds_dir=SEEDS)


@pytest.fixture(scope="session")
def synced_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import asyncio

    data = tmp_path_factory.mktemp("synced") / "data"

    async def sync() -> None:
        service = await BriefingService.start(site_settings(data))
        await service.close()

    asyncio.run(sync())
    return data


@pytest.fixture
async def briefing(synced_store: Path, tmp_path: Path) -> AsyncIterator[BriefingService]:
    data = tmp_path / "data"
    shutil.copytree(synced_store, data)
    service = await BriefingService.start(site_settings(data))
    yield service
    await service.close()


@pytest.fixture
def say(briefing: BriefingService) -> Say:
    """One person talking in one channel: each call is the next message of the conversation."""

    async def ask(question: str, who: ConversationKey = ME) -> Answer:
        return await briefing.ask(question, source="cli", log_ask=False, conversation=who)

    return ask
