"""Shared fixtures: the real article, the real knowledge files and a store in a temp folder."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.knowledge.check import CheckedArticle, check_knowledge
from bot.service import BriefingService
from bot.settings import PROJECT_ROOT, Settings

SEEDS = PROJECT_ROOT / "seeds"
KNOWLEDGE = PROJECT_ROOT / "knowledge"
SEED_NAME = "000_824f32114a763518.txt"


@pytest.fixture(scope="session")
def checked() -> list[CheckedArticle]:
    knowledge, problems = check_knowledge(KNOWLEDGE, SEEDS)
    assert not problems, problems
    return list(knowledge.articles)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of knowledge/ and seeds/ for tests that change them."""
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge", ignore=shutil.ignore_patterns("candidates"))
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        knowledge_dir=KNOWLEDGE,
        seeds_dir=SEEDS,
        _env_file=None,
    )


@pytest.fixture
async def service(settings: Settings) -> AsyncIterator[BriefingService]:
    svc = await BriefingService.start(settings)
    yield svc
    await svc.close()
