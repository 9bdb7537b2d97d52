"""`briefbot`, pointed at a stand-in: the tests' way to run the real command as a subprocess.

    python tests/e2e/launch_briefbot.py run    (with STANDIN_API_BASE and STANDIN_GATEWAY_URL set)

Production settings know nothing of the stand-in; this patches discord.py's URLs, then calls the
real entry point.
"""

import os
import sys

from standin.client import point_discord_urls

from bot.cli import main

if __name__ == "__main__":
    with point_discord_urls(os.environ["STANDIN_API_BASE"], os.environ["STANDIN_GATEWAY_URL"]):
        status = main()
    sys.exit(status)
