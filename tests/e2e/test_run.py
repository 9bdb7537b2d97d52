"""`briefbot run` as a real process against the stand-in: start, answer, stop on a signal."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import pytest
from standin import DiscordStandIn

from bot.settings import PROJECT_ROOT
from tests.e2e.conftest import health_until

LAUNCHER = Path(__file__).with_name("launch_briefbot.py")


async def _start(standin: DiscordStandIn, tmp_path: Path, **env: str) -> asyncio.subprocess.Process:
    environment = {
        **os.environ,
        "DISCORD_TOKEN": standin.state.token,
        "STANDIN_API_BASE": standin.api_base,
        "STANDIN_GATEWAY_URL": standin.gateway_url,
        "BRIEFBOT_DATA_DIR": str(tmp_path / "data"),
        "BRIEFBOT_KNOWLEDGE_DIR": str(PROJECT_ROOT / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        **env,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        str(LAUNCHER),
        "run",
        env=environment,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.parametrize(
    ("signum", "log_format"), [(signal.SIGTERM, "text"), (signal.SIGINT, "json")]
)
async def test_run_serves_and_stops_cleanly_on_a_signal(
    standin: DiscordStandIn,
    tmp_path: Path,
    free_port: int,
    signum: signal.Signals,
    log_format: str,
) -> None:
    """The bot registers its commands, answers, reports healthy, and on a signal closes the
    database and exits 0; its log is text or JSON lines, never with the token."""
    process = await _start(
        standin,
        tmp_path,
        BRIEFBOT_LOG_FORMAT=log_format,
        BRIEFBOT_HEALTH_PORT=str(free_port),
    )
    try:
        await standin.wait_for_request(
            lambda r: r.method == "PUT" and r.path.endswith("/commands"), timeout=20
        )
        handle = await standin.slash("ask", {"question": "who is flynn"})
        assert "National Security Advisor" in (await handle.reply())["embeds"][0]["description"]
        report = await health_until(f"http://127.0.0.1:{free_port}/healthz", 200)
        assert report["status"] == "ok"
    finally:
        process.send_signal(signum)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert standin.state.token not in log
    assert "davey" not in log and "PyNaCl" not in log
    if log_format == "json":
        lines = [json.loads(line) for line in log.splitlines()]
        assert {"time", "level", "logger", "message"} <= set(lines[0])
        assert "stopped; database closed" in [line["message"] for line in lines]
    else:
        assert "INFO" in log and "stopped; database closed" in log


async def test_run_without_token_points_to_chat(tmp_path: Path) -> None:
    """No DISCORD_TOKEN: a clear message that suggests `briefbot chat`, exit status 2."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env={
            **env,
            "BRIEFBOT_DATA_DIR": str(tmp_path),
            "BRIEFBOT_KNOWLEDGE_DIR": str(PROJECT_ROOT / "knowledge"),
            "BRIEFBOT_SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        },
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 2
    assert b"no Discord token" in stderr and b"briefbot chat" in stderr
