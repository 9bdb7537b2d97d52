"""The real bot on PostgreSQL against the stand-in: in one process, and as two shard processes
sharing one store (one digest per server and day; a base reload through either process reaches
the other). Skipped, with the reason printed, unless BRIEFBOT_TEST_DATABASE_URL is set."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from standin import DiscordStandIn, Ids, SentMessage, shard_of

from bot.database_url import password_of
from bot.service import BriefingService
from bot.settings import Settings
from bot.store import Store
from tests.e2e.conftest import StartBot
from tests.postgres import fresh_schema, postgresql

pytestmark = postgresql

LAUNCHER = Path(__file__).with_name("launch_briefbot.py")
PICKED_UP_BASE = "picked up another process's changes to the shared base"
FLYNN_ANSWER = "      Michael Flynn is a retired Army lieutenant general"  # its answer's line


@pytest.fixture
async def database() -> AsyncIterator[str]:
    async with fresh_schema() as url:
        yield url


async def ask(standin: DiscordStandIn, question: str, channel: int) -> str:
    handle = await standin.slash("ask", {"question": question}, channel_id=channel)
    reply = await handle.reply(timeout=10)
    return str(reply["embeds"][0]["description"])


async def test_the_bot_answers_and_logs_on_postgresql(
    standin: DiscordStandIn, start_briefbot: StartBot, database: str
) -> None:
    """With BRIEFBOT_DATABASE_URL set, the bot syncs into PostgreSQL, answers, logs the ask."""
    running = await start_briefbot(database_url=database)
    assert "National Security Advisor" in await ask(standin, "who is flynn", Ids.ASK)
    await running.stop()
    store = await Store.connect(database)
    assert (await store.asks.stats(Ids.GUILD))["answered"] == 1
    await store.close()


# -- two shard processes on one store ---------------------------------------------------------


class Shard:
    """One `briefbot run` process running one shard of two, its log in a file."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path) -> None:
        self.process, self.log = process, log

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def logged(self, line: str, count: int = 1, timeout: float = 30.0) -> None:
        """Until the log holds `line` `count` times (a bounded wait for the process)."""
        for _ in range(int(timeout / 0.1)):
            if self.text().count(line) >= count or self.process.returncode is not None:
                break
            await asyncio.sleep(0.1)
        assert self.text().count(line) >= count, f"never logged {line!r}:\n{self.text()}"


async def _prepare(database: str, site: Path, guilds: dict[int, int]) -> None:
    """The store as a running deployment has it: synced, both servers with a digest that is
    due now (its time a minute ago, UTC)."""
    settings = Settings(
        _env_file=None,
        database_url=SecretStr(database),
        data_dir=site / "data",
        knowledge_dir=site / "knowledge",
        seeds_dir=site / "seeds",
    )
    service = await BriefingService.start(settings)
    due = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")
    for guild_id, channel_id in guilds.items():
        await service.guild_joined(guild_id)
        await service.update_settings(
            guild_id,
            "test",
            digest_channel_id=channel_id,
            digest_time=due,
            digest_tz="UTC",
            digest_enabled=True,
        )
    await service.close()


@contextlib.asynccontextmanager
async def shards(
    standin: DiscordStandIn, database: str, site: Path
) -> AsyncIterator[tuple[Shard, Shard]]:
    started: list[Shard] = []
    for number in (0, 1):
        env = {
            **standin.subprocess_env(),
            "BRIEFBOT_DATABASE_URL": database,
            "BRIEFBOT_SHARD_COUNT": "2",
            "BRIEFBOT_SHARD_IDS": str(number),
            "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
            "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
            "BRIEFBOT_DATA_DIR": str(site / f"data{number}"),
            "BRIEFBOT_REFRESH_SECONDS": "0.2",
            "BRIEFBOT_DIGEST_TICK_SECONDS": "0.2",
        }
        log = site / f"shard{number}.log"
        with log.open("wb") as stderr:
            process = await asyncio.create_subprocess_exec(
                sys.executable, str(LAUNCHER), "run", env=env, cwd=site, stderr=stderr
            )
        started.append(Shard(process, log))
    try:
        for shard in started:
            await shard.logged("connected as")
        yield started[0], started[1]
    finally:
        for shard in started:
            if shard.process.returncode is None:
                shard.process.send_signal(signal.SIGTERM)
        for shard in started:
            await asyncio.wait_for(shard.process.wait(), timeout=30)


def _change_flynn(site: Path, mark: str) -> None:
    """The file's Flynn answer, marked (every mark replaces the last)."""
    path = site / "knowledge" / "trump-russia.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines(keepends=True) if ln.startswith(FLYNN_ANSWER[:20]))
    assert line.startswith(FLYNN_ANSWER[:20]) and "lieutenant general" in line
    marked = line.replace(line.split(" is a retired")[0], f"      Michael Flynn ({mark})")
    path.write_text(text.replace(line, marked), encoding="utf-8")


async def _reload(standin: DiscordStandIn, channel: int) -> SentMessage:
    handle = await standin.slash("qa reload", user=Ids.APP_OWNER, channel_id=channel)
    return await handle.reply(timeout=15)


async def test_two_shard_processes_share_one_store(
    standin: DiscordStandIn, database: str, knowledge_copy: Path
) -> None:
    """Shard 0 and shard 1 of two, each its own `briefbot run`, on one PostgreSQL store: each
    posts the digest of its own server once; the owner's /qa reload through shard 0 reaches
    the server on shard 1, and one through shard 1 reaches a DM (shard 0), within seconds."""
    site = knowledge_copy
    zero = standin.world.add_guild("Zero Club", channels=("general", "ask", "digest"), shard=(0, 2))
    assert shard_of(Ids.GUILD, 2) == 1  # the default guild is on the other shard
    for guild in (zero.id, Ids.GUILD):
        standin.world.join(Ids.APP_OWNER, guild, roles=["Moderator"])
    await _prepare(database, site, {zero.id: zero.channel("digest").id, Ids.GUILD: Ids.DIGEST})

    async with shards(standin, database, site) as (first, second):
        await first.logged(f"digest for guild {zero.id} posted")
        await second.logged(f"digest for guild {Ids.GUILD} posted")

        _change_flynn(site, "RELOADED-1")
        reply = await _reload(standin, zero.channel("general").id)
        assert "1 updated" in reply["content"]
        await second.logged(PICKED_UP_BASE)
        assert "RELOADED-1" in await ask(standin, "who is flynn", Ids.ASK)

        _change_flynn(site, "RELOADED-2")
        # Counted before the reload: the other process may pick it up before the reply comes.
        picked_up = first.text().count(PICKED_UP_BASE)
        assert "1 updated" in (await _reload(standin, Ids.GENERAL))["content"]
        await first.logged(PICKED_UP_BASE, count=picked_up + 1)
        mark = standin.mark()
        sent = await standin.send_dm("who is flynn", author=Ids.MEMBER)
        dm = await standin.next_message(channel_id=int(sent["channel_id"]), after=mark)
        assert "RELOADED-2" in dm["embeds"][0]["description"]

    assert [s.process.returncode for s in (first, second)] == [0, 0]
    # Each process picked up the other's reload, once, and never mistook its own for one.
    assert [s.text().count(PICKED_UP_BASE) for s in (first, second)] == [1, 1]
    logs = first.text() + second.text()
    assert f"digest for guild {Ids.GUILD}" not in first.text()
    assert f"digest for guild {zero.id}" not in second.text()
    secret = password_of(database)
    assert "postgresql://" not in logs and (secret is None or secret not in logs)
    for channel in (zero.channel("digest").id, Ids.DIGEST):
        path = f"/channels/{channel}/messages"
        posted = [r for r in standin.requests if r.method == "POST" and r.path == path]
        assert len(posted) == 1, posted
    store = await Store.connect(database)
    assert [await store.digests.count(g) for g in (zero.id, Ids.GUILD)] == [1, 1]
    await store.close()
