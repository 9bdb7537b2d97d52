"""Shards: GET /gateway/bot's count, IDENTIFY [id, count] gets only its guilds, routing."""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from pathlib import Path

import aiohttp
import pytest
from standin import DiscordStandIn, Guild, Ids, RunClient, Where, shard_of
from standin_probe import Probe, ShardedProbe

# Ids.GUILD lands on shard 1 of 2; "Zero Club" is placed on shard 0.
assert shard_of(Ids.GUILD, 2) == 1


@pytest.fixture
def zero(standin: DiscordStandIn) -> Guild:
    return standin.world.add_guild("Zero Club", owner="zoe", shard=(0, 2))


async def ping(standin: DiscordStandIn, channel: Where) -> str:
    mark = standin.mark()
    sent = await standin.send_message("ping", author=Ids.MEMBER, channel_id=channel)
    reply = await standin.next_message(channel_id=int(sent["channel_id"]), after=mark)
    return str(reply["content"])


async def test_an_auto_sharded_bot_gets_every_guild_on_its_shard(
    standin: DiscordStandIn, run_client: RunClient, zero: Guild
) -> None:
    """shard_count from /gateway/bot; each guild arrives on, and is served by, its shard."""
    await standin.join_guild(Ids.MEMBER, zero)
    standin.shard_count = 2
    async with run_client(ShardedProbe()) as bot:
        assert bot.shard_count == 2 and sorted(bot.shards) == [0, 1]
        assert sorted(s.shard for s in standin.gateway.live if s.shard) == [(0, 2), (1, 2)]
        home, away = bot.get_guild(Ids.GUILD), bot.get_guild(zero.id)
        assert home is not None and away is not None
        assert (home.shard_id, away.shard_id) == (1, 0)
        assert await ping(standin, Ids.GENERAL) == "pong from shard 1"
        assert await ping(standin, zero.channel("general")) == "pong from shard 0"
        handle = await standin.slash("whoami", user="zoe", channel_id=zero.channel("ask"))
        (session,) = standin.gateway.sessions_for(zero.id)
        assert session.shard == (0, 2)
        assert any(p["d"].get("id") == str(handle.id) for p in session.history)


async def test_one_shard_can_be_kicked(
    standin: DiscordStandIn, run_client: RunClient, zero: Guild
) -> None:
    """kick(shard=0) drops and resumes that shard's session only."""
    standin.shard_count = 2
    async with run_client(ShardedProbe()) as bot:
        await standin.kick(shard=0)
        assert standin.gateway.resumes == 1
        assert not bot.shards[0].is_closed() and len(standin.gateway.live) == 2
        await standin.join_guild(Ids.MEMBER, zero)
        assert await ping(standin, zero.channel("general")) == "pong from shard 0"


async def test_two_clients_each_see_only_their_shard(
    standin: DiscordStandIn, run_client: RunClient, zero: Guild
) -> None:
    """Two shard clients at once: READY and GUILD_CREATE per shard; DMs go to shard 0 only."""
    async with run_client(Probe(shard_id=0, shard_count=2)) as first:
        async with run_client(Probe(shard_id=1, shard_count=2)) as second:
            assert [g.id for g in first.guilds] == [zero.id]
            assert [g.id for g in second.guilds] == [Ids.GUILD]
            mark = standin.mark()
            sent = await standin.send_dm("ping", author=Ids.MEMBER)
            reply = await standin.next_message(channel_id=int(sent["channel_id"]), after=mark)
            assert reply["content"] == "pong from shard 0"
            (dm_session,) = standin.gateway.sessions_for(None)
            assert dm_session.shard == (0, 2)


async def test_a_guild_joined_later_goes_to_its_shard(
    standin: DiscordStandIn, run_client: RunClient
) -> None:
    """GUILD_CREATE for a new guild reaches only the shard that owns it."""
    async with run_client(Probe(shard_id=0, shard_count=2)) as first:
        late = await standin.add_guild("Late Club", owner="lee", shard=(0, 2))
        elsewhere = await standin.add_guild("Far Club", owner="fay", shard=(1, 2))
        assert await ping_in(standin, late) == "pong from shard 0"
        assert first.get_guild(elsewhere.id) is None


async def ping_in(standin: DiscordStandIn, guild: Guild) -> str:
    await standin.join_guild(Ids.MEMBER, guild)
    return await ping(standin, guild.channel("general"))


@pytest.mark.parametrize("shard", [[2, 2], [0, 0], [-1, 2]])
async def test_an_invalid_shard_is_closed_with_4010(
    standin: DiscordStandIn, shard: list[int]
) -> None:
    """IDENTIFY with a shard id outside [0, count) is refused as Discord does."""
    async with aiohttp.ClientSession() as http, http.ws_connect(standin.gateway_url) as ws:
        hello = await ws.receive_json()
        assert hello["op"] == 10
        identify = {"token": "test-token", "intents": 1, "properties": {}, "shard": shard}
        await ws.send_str(json.dumps({"op": 2, "d": identify}))
        closing = await ws.receive()
        assert (closing.type, ws.close_code) == (aiohttp.WSMsgType.CLOSE, 4010)


async def test_shards_in_separate_processes(
    standin: DiscordStandIn, zero: Guild, tmp_path: Path
) -> None:
    """Two bot processes (python -m standin.pointed) connect at once, one shard each."""
    await standin.join_guild(Ids.MEMBER, zero)
    logs = [tmp_path / f"shard{shard}.log" for shard in (0, 1)]
    with contextlib.ExitStack() as files:
        procs = [
            await asyncio.create_subprocess_exec(
                *(sys.executable, "-m", "standin.pointed", "standin_probe_main", str(shard), "2"),
                env=standin.subprocess_env(),
                stdout=asyncio.subprocess.PIPE,
                stderr=files.enter_context(logs[shard].open("wb")),
            )
            for shard in (0, 1)
        ]
        try:
            for proc, log in zip(procs, logs, strict=True):
                assert proc.stdout is not None
                line = await asyncio.wait_for(proc.stdout.readline(), timeout=30)
                assert line.strip() == b"ready", log.read_text()
            assert await ping(standin, zero.channel("general")) == "pong from shard 0"
            assert await ping(standin, Ids.GENERAL) == "pong from shard 1"
        finally:
            for proc in procs:
                proc.terminate()
                await proc.wait()
