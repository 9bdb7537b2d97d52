"""The bot owner's commands: every server's figures side by side, retiring an article."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.service import Audience, BriefingService
from bot.settings import Settings
from tests.cli.test_cli import run
from tests.conftest import KNOWLEDGE, SEEDS


def _asks_in_two_servers(tmp_path: Path) -> None:
    """Asks as the bot would log them in servers 11 and 22 (and one from the command line)."""
    settings = Settings(
        _env_file=None, data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE, seeds_dir=SEEDS
    )

    async def asks() -> None:
        service = await BriefingService.start(settings)
        for guild, question in [(11, "who is flynn"), (11, "who is peskov"), (22, "why vodka?")]:
            await service.ask(question, audience=Audience(guild), source="slash", user_id=5)
        await service.ask("who is putin")
        await service.close()

    asyncio.run(asks())


def test_stats_shows_every_server_side_by_side(tmp_path: Path) -> None:
    """`briefbot stats` totals every server and lists each one's asks and answered share."""
    _asks_in_two_servers(tmp_path)
    result = run(tmp_path, "stats")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("All servers: 4 asks, 3 answered")
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:]}
    assert rows["11"] == ["2", "100%"] and rows["22"] == ["1", "0%"]
    assert rows["(DMs"] == ["and", "CLI)", "1", "100%"]


def test_a_retired_article_is_not_served_until_it_returns(tmp_path: Path) -> None:
    """retire takes the article out of every answer; --undo brings it back; twice is noted."""
    assert "Flynn" in run(tmp_path, "ask", "who is flynn").stdout
    assert "retired" in run(tmp_path, "retire", "trump-russia").stdout
    assert "already" in run(tmp_path, "retire", "trump-russia").stdout
    assert "Flynn" not in run(tmp_path, "ask", "who is flynn").stdout
    assert "back in service" in run(tmp_path, "retire", "trump-russia", "--undo").stdout
    assert "Flynn" in run(tmp_path, "ask", "who is flynn").stdout
    unknown = run(tmp_path, "retire", "no-such-article")
    assert unknown.returncode == 2 and "no article 'no-such-article'" in unknown.stderr
