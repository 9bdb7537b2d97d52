"""A fresh service per test, quickly: the synced database is built once and copied.

Starting a BriefingService checks and syncs knowledge/; the tests here only need the state that
leaves, so each gets its own copy of one synced database file (engines over the same entries are
shared within the process, so refreshing is quick).
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service import BriefingService
from bot.settings import Settings
from bot.store import Store
from tests.conftest import KNOWLEDGE, SEEDS


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, knowledge_dir=KNOWLEDGE, seeds_dir=SEEDS)


@pytest.fixture(scope="session")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    settings = _settings(tmp_path_factory.mktemp("synced"))

    async def build() -> Path:
        service = await BriefingService.start(settings)
        await service.close()  # closing checkpoints the WAL into the one file we copy
        return settings.database_path

    return asyncio.run(build())


@pytest.fixture
async def service(synced: Path, tmp_path: Path) -> AsyncIterator[BriefingService]:
    """A service on its own copy of the synced database."""
    settings = _settings(tmp_path / "data")
    settings.database_path.parent.mkdir(parents=True)
    shutil.copy(synced, settings.database_path)
    svc = BriefingService(settings, await Store.open(settings.database_path))
    await svc.refresh()
    yield svc
    await svc.close()
