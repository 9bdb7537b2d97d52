"""/config askchannel|modrole|show, and who may change the server's settings."""

from __future__ import annotations

from typing import Any

import pytest
from standin import DiscordStandIn, Ids

from tests.e2e.conftest import RunningBot, StartBot
from tests.e2e.digest_steps import command, configure, field, posts, stored

# The run-time moderator check is what these tests prove, so the commands are open to everyone
# in Discord's sense (test_moderator_commands_default_to_manage_server covers the registration).
pytestmark = pytest.mark.usefixtures("commands_open_to_everyone")

QUESTION = "who said mutual trust takes years?"
REFUSAL = "This command is for moderators"


async def test_askchannel_answers_plain_messages(
    standin: DiscordStandIn, start_briefbot: StartBot
) -> None:
    """Once /config askchannel is set, a plain message there is answered (with the intent on)."""
    running = await start_briefbot(message_content_intent=True)
    mark = standin.mark()
    await standin.send_message(QUESTION, channel_id=Ids.ASK)
    await standin.expect_no_message(channel_id=Ids.ASK, after=mark, within=0.2)

    reply = await command(standin, "config askchannel", {"channel": Ids.ASK})
    assert reply["ephemeral"]
    assert reply["content"] == f"Every message in <#{Ids.ASK}> will now be taken as a question."
    assert (await stored(running)).ask_channel_id == Ids.ASK
    mark = standin.mark()
    sent = await standin.send_message(QUESTION, channel_id=Ids.ASK)
    answer = await standin.next_message(channel_id=Ids.ASK, after=mark)
    assert "Peskov" in answer["embeds"][0]["description"]
    assert answer["message_reference"]["message_id"] == sent["id"]

    await command(standin, "config askchannel")  # no channel: turned off
    mark = standin.mark()
    await standin.send_message("who is flynn", channel_id=Ids.ASK)
    await standin.expect_no_message(channel_id=Ids.ASK, after=mark, within=0.2)


async def test_askchannel_warns_without_the_intent(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Without the Message Content intent, /config askchannel says what to enable."""
    reply = await command(standin, "config askchannel", {"channel": Ids.ASK})
    assert "Message Content intent is off" in reply["content"]


async def test_modrole_lets_the_role_use_moderator_commands(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """After /config modrole Curators, a curator may use /digest; a plain member still may not."""
    assert REFUSAL in (await command(standin, "digest preview", user=Ids.CURATOR))["content"]
    reply = await command(standin, "config modrole", {"role": "Curators"})
    assert reply["ephemeral"] and f"<@&{Ids.ROLE_CURATORS}>" in reply["content"]
    assert (await stored(briefbot)).mod_role_id == Ids.ROLE_CURATORS

    preview = await command(standin, "digest preview", user=Ids.CURATOR)
    assert preview["ephemeral"] and preview["embeds"][0]["title"].startswith("Daily brief")
    await command(standin, "digest channel", {"channel": Ids.DIGEST}, user=Ids.CURATOR)
    assert (await stored(briefbot)).digest_channel_id == Ids.DIGEST
    refused = await command(standin, "digest preview", user=Ids.MEMBER)
    assert refused["ephemeral"] and REFUSAL in refused["content"]

    await command(standin, "config modrole")  # cleared
    assert REFUSAL in (await command(standin, "digest off", user=Ids.CURATOR))["content"]
    assert (await stored(briefbot)).digest_enabled


async def test_show_reports_every_setting(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/config show lists ask channel, moderator role, digest schedule and review queue."""
    shown = await command(standin, "config show")
    assert shown["ephemeral"] and shown["allowed_mentions"] == {"parse": []}
    assert field(shown, "Ask channel") == "not set"
    assert field(shown, "Moderator role") == "Manage Server only"
    assert field(shown, "Daily digest") == "off"
    assert field(shown, "Review queue") == "0 questions waiting"

    await command(standin, "config askchannel", {"channel": Ids.ASK})
    await command(standin, "config modrole", {"role": "Curators"})
    await configure(standin, at="07:45", zone="America/New_York")
    shown = await command(standin, "config show")
    assert field(shown, "Ask channel") == f"<#{Ids.ASK}>"
    assert field(shown, "Moderator role") == f"<@&{Ids.ROLE_CURATORS}>"
    assert field(shown, "Daily digest") == f"<#{Ids.DIGEST}> at 07:45 (America/New_York)"
    await command(standin, "digest off")
    assert field(await command(standin, "config show"), "Daily digest") == "off"


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("config askchannel", {"channel": Ids.GENERAL}),
        ("config modrole", {"role": "Curators"}),
        ("config show", {}),
    ],
)
async def test_member_is_refused(
    standin: DiscordStandIn, briefbot: RunningBot, path: str, options: dict[str, Any]
) -> None:
    """A member without Manage Server or the moderator role is refused and changes nothing."""
    before = await stored(briefbot)
    mark = standin.mark()
    reply = await command(standin, path, options, user=Ids.MEMBER)
    assert reply["ephemeral"] and REFUSAL in reply["content"] and reply["embeds"] == []
    assert await stored(briefbot) == before
    assert posts(standin, channel_id=Ids.GENERAL, after=mark) == []


@pytest.mark.parametrize("path", ["config show", "digest preview", "qa stats"])
async def test_moderator_commands_default_to_manage_server(
    standin: DiscordStandIn, briefbot: RunningBot, path: str
) -> None:
    """Registered with Manage Server as default permission: Discord won't offer them to members."""
    standin.world.command_access.clear()
    assert int(standin.commands.get(path.split()[0])["default_member_permissions"]) == 32
    with pytest.raises(PermissionError):
        await standin.slash(path, user=Ids.MEMBER)
