"""Several bot processes on one store: what one writes, the others pick up at their next
catch_up (the bot runs it every refresh_seconds), reading again only what changed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.service import BriefingService
from bot.service.service import CaughtUp
from bot.service.views import Audience
from bot.settings import Settings
from tests.conftest import KNOWLEDGE, SEEDS

FLYNN = ("trump-russia", "person-flynn")
TAUGHT = "zebra crossing quandary"


def settings_for(location: str | Path, tmp_path: Path) -> Settings:
    where = {"database_url": location} if isinstance(location, str) else {"database": location}
    return Settings(
        _env_file=None,
        data_dir=tmp_path / "data",
        knowledge_dir=KNOWLEDGE,
        seeds_dir=SEEDS,
        **where,  # type: ignore[arg-type]
    )


@pytest.fixture
async def processes(
    location: str | Path, tmp_path: Path
) -> AsyncIterator[tuple[BriefingService, BriefingService]]:
    """Two services on one store, as two bot processes have; servers 1 and 2 known to both."""
    settings = settings_for(location, tmp_path)
    first = await BriefingService.start(settings)
    for guild in (1, 2):
        await first.guild_joined(guild)
    second = await BriefingService.start(settings)
    yield first, second
    await second.close()
    await first.close()


def answered(service: BriefingService, question: str, guild: int) -> tuple[str, str] | None:
    answer = service.evaluate(question, Audience(guild))
    return answer.entry.key if answer.entry is not None else None


async def test_a_servers_change_reaches_the_other_process_alone(
    processes: tuple[BriefingService, BriefingService],
) -> None:
    """A phrasing taught in server 1 by one process: the other reads server 1 again (and only
    it) and answers with it there; server 2 still does not know it."""
    first, second = processes
    flynn = first.view(Audience(1)).entry(FLYNN)
    assert flynn is not None
    await first.add_phrasing(1, "11", flynn, TAUGHT)
    assert answered(second, TAUGHT, 1) != FLYNN
    assert await second.catch_up() == CaughtUp(guilds=(1,))
    assert answered(second, TAUGHT, 1) == FLYNN
    assert answered(second, TAUGHT, 2) != FLYNN
    assert await second.catch_up() is None  # nothing moved since
    assert await first.catch_up() == CaughtUp()  # its own write: nothing to read again


async def test_settings_changed_in_one_process_are_seen_by_the_other(
    processes: tuple[BriefingService, BriefingService],
) -> None:
    """A server's settings (here its ask channel) follow the same path."""
    first, second = processes
    await first.update_settings(2, "22", ask_channel_id=555)
    assert (await second.guild_settings(2)).ask_channel_id is None
    assert await second.catch_up() == CaughtUp(guilds=(2,))
    assert (await second.guild_settings(2)).ask_channel_id == 555


async def test_a_base_change_makes_the_other_process_read_everything(
    processes: tuple[BriefingService, BriefingService],
) -> None:
    """Retiring an article (a change of the shared base) in one process takes it out of the
    other's answers at its next catch_up."""
    first, second = processes
    assert answered(second, "who is flynn", 1) == FLYNN
    assert await first.retire("trump-russia", "cli")
    assert await second.catch_up() == CaughtUp(base=True)
    assert answered(second, "who is flynn", 1) is None
    assert await first.catch_up() is None
