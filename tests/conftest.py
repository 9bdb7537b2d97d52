"""Shared fixtures: the real article, the real knowledge files and a store in a temp folder."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge.check import CheckedArticle, check_knowledge
from bot.service import BriefingService
from bot.settings import PROJECT_ROOT, Settings
from tests.postgres import fresh_schema, postgresql

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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=postgresql)])
async def location(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | Path]:
    """Where a test's store lives, on each backend: a SQLite file, and a PostgreSQL schema of
    its own (skipped, with the reason printed, unless BRIEFBOT_TEST_DATABASE_URL is set). Open
    it, once or several times, with Store.connect."""
    if request.param == "sqlite":
        yield tmp_path / "data" / "briefbot.sqlite3"
        return
    async with fresh_schema() as url:
        yield url


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


# -- PostgreSQL: how many tests ran on it (CI fails the run if none did) ------------------------

_POSTGRES_RUNS: Counter[str] = Counter()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgresql: runs on the PostgreSQL named by BRIEFBOT_TEST_DATABASE_URL"
    )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "postgresql" not in report.keywords:
        return
    if report.skipped:
        _POSTGRES_RUNS["skipped"] += 1
    elif report.failed:
        _POSTGRES_RUNS["failed"] += 1
    elif report.when == "call":
        _POSTGRES_RUNS["passed"] += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With BRIEFBOT_REQUIRE_POSTGRES set (CI), a run in which no PostgreSQL test passed, or
    any was skipped, fails: the backend must never go untested unnoticed."""
    if os.environ.get("BRIEFBOT_REQUIRE_POSTGRES") and session.exitstatus == 0:
        if not _POSTGRES_RUNS["passed"] or _POSTGRES_RUNS["skipped"]:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    runs = _POSTGRES_RUNS
    if not sum(runs.values()) and not os.environ.get("BRIEFBOT_REQUIRE_POSTGRES"):
        return  # no PostgreSQL test was even collected
    line = (
        f"PostgreSQL backend: {runs['passed']} tests passed there, {runs['failed']} failed,"
        f" {runs['skipped']} skipped"
    )
    if runs["skipped"] and not runs["passed"]:
        line += " (set BRIEFBOT_TEST_DATABASE_URL to run them)"
    if os.environ.get("BRIEFBOT_REQUIRE_POSTGRES") and (not runs["passed"] or runs["skipped"]):
        line += "; BRIEFBOT_REQUIRE_POSTGRES is set, so this run fails"
    terminalreporter.write_line(line)
