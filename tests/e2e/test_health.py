"""/healthz and /metrics over real HTTP from the real bot, connected to the stand-in."""

from __future__ import annotations

import shutil
from datetime import date

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from standin import DiscordStandIn, Ids

from tests.e2e.conftest import FakeClock, RunningBot, StartBot, health_until
from tests.e2e.digest_steps import configure, ticks, utc

HEALTHY = {
    "status": "ok",
    "gateway": "connected",
    "shards": {"0": "connected"},
    "database": "ok",
}
Sample = tuple[str, tuple[tuple[str, str], ...]]


@pytest.fixture
async def served(start_briefbot: StartBot, free_port: int) -> RunningBot:
    return await start_briefbot(health_port=free_port)


@pytest.fixture
def healthz(free_port: int) -> str:
    return f"http://127.0.0.1:{free_port}/healthz"


async def metrics(port: int) -> dict[Sample, float]:
    """Every sample /metrics serves, by name and sorted labels."""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/metrics") as response:
            assert response.status == 200
            text = await response.text()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_healthz_is_200_when_connected_and_503_while_the_gateway_is_down(
    standin: DiscordStandIn, served: RunningBot, healthz: str
) -> None:
    """A load balancer sees the outage: 503 naming the gateway, then 200 again after it."""
    assert await health_until(healthz, 200) == HEALTHY
    await standin.gateway_outage()
    report = await health_until(healthz, 503)
    assert report["gateway"] == "not connected" and report["database"] == "ok"
    await standin.end_gateway_outage()
    assert await health_until(healthz, 200) == HEALTHY


async def test_healthz_is_503_when_the_data_folder_is_gone(
    served: RunningBot, healthz: str
) -> None:
    """The data folder deleted under the running bot: unhealthy, naming the database (writes
    would otherwise go into a deleted file and vanish at the next start)."""
    shutil.rmtree(served.settings.database_path.parent)
    report = await health_until(healthz, 503)
    assert report["database"] == "unreachable" and report["gateway"] == "connected"


async def test_metrics_count_asks_outcomes_feedback_and_latency(
    standin: DiscordStandIn, served: RunningBot, free_port: int
) -> None:
    """An answered ask, a declined ask and a Not helpful click each move their counter."""
    answered = ("briefbot_asks_total", (("outcome", "answered"), ("shard", "0")))
    declined = ("briefbot_asks_total", (("outcome", "declined"), ("shard", "0")))
    not_helpful = ("briefbot_feedback_total", (("rating", "not_helpful"), ("shard", "0")))
    latency = ("briefbot_answer_latency_seconds_count", (("shard", "0"),))
    before = await metrics(free_port)

    reply = await (await standin.slash("ask", {"question": "who is flynn"})).reply()
    await (await standin.slash("ask", {"question": "what is the capital of france"})).reply()
    not_helpful_button = reply["components"][0]["components"][1]
    click = await standin.click(not_helpful_button["custom_id"], reply["message"], user=Ids.MEMBER)
    await click.reply()

    after = await metrics(free_port)
    for key, moved in [(answered, 1), (declined, 1), (not_helpful, 1), (latency, 2)]:
        assert after[key] - before.get(key, 0.0) == moved, key


@pytest.mark.parametrize("status", ["posted", "failed"])
async def test_metrics_count_digests_posted_and_failed(
    standin: DiscordStandIn, served: RunningBot, clock: FakeClock, free_port: int, status: str
) -> None:
    """A scheduled digest that goes out, or that its channel refuses, is counted as such."""
    key = ("briefbot_digests_total", (("shard", "0"), ("status", status)))
    day = date(2026, 11, 24)
    clock.now = utc(day, "06:00")
    await configure(standin, at="09:00")
    if status == "failed":
        standin.fail_channel(Ids.DIGEST)
    before = await metrics(free_port)
    mark = standin.mark()
    clock.now = utc(day, "09:01")
    await standin.wait_for_request(
        lambda r: r.method == "POST" and r.path == f"/channels/{Ids.DIGEST}/messages", after=mark
    )
    await ticks(served)  # the tick that posted has recorded its outcome
    after = await metrics(free_port)
    assert after[key] - before.get(key, 0.0) == 1
