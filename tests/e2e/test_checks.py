"""One moderator check and one way of telling people why, for every cog."""

from __future__ import annotations

from typing import Any

import inspect_store
import pytest
from standin import DiscordStandIn, Ids

from tests.e2e.conftest import RunningBot

REFUSAL = "This command is for moderators: members with **Manage Server**"


@pytest.mark.usefixtures("commands_open_to_everyone")
@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("qa stats", {}),
        ("qa why", {"ask": "1"}),
        ("config show", {}),
        ("config articles", {}),
        ("digest preview", {}),
    ],
)
async def test_every_cog_refuses_a_member_the_same_way(
    standin: DiscordStandIn, briefbot: RunningBot, path: str, options: dict[str, Any]
) -> None:
    """/qa, /config and /digest refuse a member with one message, and put it on record."""
    handle = await standin.slash(path, options, user=Ids.MEMBER, channel_id=Ids.GENERAL)
    reply = await handle.reply()
    assert reply["ephemeral"] and reply["content"].startswith(REFUSAL)
    [audit] = await inspect_store.history(briefbot, limit=1)
    assert (audit.action, audit.actor, audit.after) == (
        "refused",
        str(Ids.MEMBER),
        {"command": path},
    )


async def test_forget_is_the_server_owners_alone(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """A moderator who does not own the server is told why; the owner erases after a click."""
    await (await standin.slash("ask", {"question": "who is flynn"})).reply()
    refused = await (
        await standin.slash("config forget", user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    ).reply()
    assert refused["ephemeral"] and "Only the server's owner" in refused["content"]
    assert (await inspect_store.stats(briefbot))["asked"] == 1
    prompt = await (
        await standin.slash("config forget", user=Ids.OWNER, channel_id=Ids.GENERAL)
    ).reply()
    erase = next(c for row in prompt["components"] for c in row["components"])
    done = await (await standin.click(erase["custom_id"], prompt, user=Ids.OWNER)).reply()
    assert "everything briefbot kept for this server is erased" in done["content"]
    assert (await inspect_store.stats(briefbot))["asked"] == 0
