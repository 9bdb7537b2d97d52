"""A fresh service per test, quickly: the synced database and engine are built once and copied.

Starting a BriefingService checks and syncs knowledge/ (about a second); the tests here only
need the state that leaves, so each gets its own copy of one synced database file.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.models import Article
from bot.service import BriefingService
from bot.settings import Settings
from bot.store import Store
from tests.conftest import KNOWLEDGE, SEEDS


@dataclass(frozen=True)
class Synced:
    database: Path
    engine: Engine
    articles: dict[str, Article]


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, knowledge_dir=KNOWLEDGE, seeds_dir=SEEDS)


@pytest.fixture(scope="session")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Synced:
    settings = _settings(tmp_path_factory.mktemp("synced"))

    async def build() -> Synced:
        service = await BriefingService.start(settings)
        await service.close()  # closing checkpoints the WAL into the one file we copy
        return Synced(settings.database_path, service.engine, service.articles)

    return asyncio.run(build())


@pytest.fixture
async def service(synced: Synced, tmp_path: Path) -> AsyncIterator[BriefingService]:
    """A service on its own copy of the synced database (the engine is shared: it is never
    changed in place, only replaced by `refresh()`)."""
    settings = _settings(tmp_path / "data")
    settings.database_path.parent.mkdir(parents=True)
    shutil.copy(synced.database, settings.database_path)
    svc = BriefingService(settings, await Store.open(settings.database_path))
    svc.engine, svc.articles = synced.engine, dict(synced.articles)
    yield svc
    await svc.close()
