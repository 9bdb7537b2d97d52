"""Run a module in its own process with discord.py pointed at a stand-in.

    STANDIN_API_BASE=... STANDIN_GATEWAY_URL=... python -m standin.pointed MODULE [ARGS...]

``DiscordStandIn.subprocess_env()`` gives those variables (and a PYTHONPATH that finds this
package), so a test can run several bot processes (e.g. one per shard) against one stand-in.
"""

from __future__ import annotations

import os
import runpy
import sys

import discord
import yarl
from discord.gateway import DiscordWebSocket


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m standin.pointed MODULE [ARGS...]")
    discord.http.Route.BASE = os.environ["STANDIN_API_BASE"]
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["STANDIN_GATEWAY_URL"])
    module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
