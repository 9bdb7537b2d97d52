"""Several guilds on one stand-in, each with its own owner, members, roles and channels."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
from standin import DiscordStandIn, Guild, Ids, Perm, RunClient, Where, settle
from standin_probe import Probe, wait_event


@pytest.fixture
async def other(standin: DiscordStandIn) -> Guild:
    """A second guild owned by zoe, present before the bot connects (so it is in READY)."""
    guild = standin.world.add_guild("Other Club", owner="zoe")
    standin.world.join(Ids.MODERATOR, guild)  # a moderator at home, a plain member here
    return guild


@pytest.fixture
async def probe(other: Guild, run_client: RunClient) -> AsyncIterator[Probe]:
    async with run_client(Probe()) as bot:
        yield bot


async def whoami(standin: DiscordStandIn, user: int | str, channel: Where) -> str:
    return (await (await standin.slash("whoami", user=user, channel_id=channel)).reply())["content"]


async def test_each_guild_arrives_with_its_own_state(probe: Probe, other: Guild) -> None:
    """READY lists both guilds; each GUILD_CREATE has its own owner, roles, members, channels."""
    home, away = probe.get_guild(Ids.GUILD), probe.get_guild(other.id)
    assert home is not None and away is not None
    assert (home.owner_id, away.owner_id) == (Ids.OWNER, other.owner_id)
    assert {c.name for c in away.text_channels} == {"general", "ask"}
    assert {r.name for r in away.roles} == {"@everyone", "Moderator", "briefbot"}
    assert (home.member_count, away.member_count) == (5, 3)  # zoe, mod and the bot
    assert away.me.get_role(home.me.roles[1].id) is None  # the bot's managed role is per guild


@pytest.mark.parametrize(
    ("user", "where", "expected"),
    [
        ("zoe", "away", "Other Club|zoe|roles=|manage=True|owner=False"),
        (Ids.MODERATOR, "away", "Other Club|mod|roles=|manage=False|owner=False"),
        (Ids.MODERATOR, "home", "Brief Club|mod|roles=Moderator|manage=True|owner=False"),
        (Ids.OWNER, "home", "Brief Club|owner|roles=|manage=True|owner=False"),
    ],
)
async def test_personas_act_in_any_guild_with_that_guilds_roles(
    probe: Probe, standin: DiscordStandIn, other: Guild, user: int | str, where: str, expected: str
) -> None:
    """A slash command carries the member, roles and permissions of the channel's guild."""
    channel = other.channel("ask") if where == "away" else Ids.ASK
    assert await whoami(standin, user, channel) == expected


async def test_a_non_member_cannot_act_in_a_guild(probe: Probe, standin: DiscordStandIn) -> None:
    """Alice is not in Other Club: no command and no message there, as Discord's client."""
    away = standin.guild("Other Club")
    with pytest.raises(PermissionError, match="not a member"):
        await standin.slash("whoami", user=Ids.MEMBER, channel_id=away.channel("ask"))
    with pytest.raises(PermissionError, match="not a member"):
        await standin.send_message("hi", author=Ids.MEMBER, channel_id=away.channel("general"))
    await standin.join_guild(Ids.MEMBER, away)
    assert (await whoami(standin, Ids.MEMBER, away.channel("ask"))).startswith("Other Club|alice")


async def test_the_bot_joins_and_leaves_at_run_time(probe: Probe, standin: DiscordStandIn) -> None:
    """add_guild -> on_guild_join; remove_bot -> on_guild_remove and no more access."""
    late = await standin.add_guild("Late Club", owner="lee")
    await wait_event(probe, "join", late.id)
    joined = probe.get_guild(late.id)
    assert joined is not None and joined.owner_id == late.owner_id
    assert await whoami(standin, "lee", late.channel("ask")) == (
        "Late Club|lee|roles=|manage=True|owner=False"
    )
    await standin.remove_bot(late)
    await wait_event(probe, "remove", late.id)
    assert probe.get_guild(late.id) is None
    with pytest.raises(discord.Forbidden) as denied:
        await probe.http.send_message(late.channel("general").id, params=_text("hi"))
    assert denied.value.code == 50001
    with pytest.raises(PermissionError):
        await standin.slash("whoami", user="lee", channel_id=late.channel("ask"))


async def test_the_bot_can_leave_by_itself(probe: Probe, standin: DiscordStandIn) -> None:
    """Guild.leave() is DELETE /users/@me/guilds/{id}, answered by GUILD_DELETE."""
    away = probe.get_guild(standin.guild("Other Club").id)
    assert away is not None
    await away.leave()
    await wait_event(probe, "remove", away.id)
    assert standin.world.bot.id not in standin.guild("Other Club").members


async def test_an_outage_makes_a_guild_unavailable_then_available(
    probe: Probe, standin: DiscordStandIn, other: Guild
) -> None:
    """GUILD_DELETE {unavailable: true}, later GUILD_CREATE {unavailable: false}."""
    await standin.guild_outage(other)
    await wait_event(probe, "unavailable", other.id)
    await standin.guild_recovers(other)
    await wait_event(probe, "available", other.id)


async def test_command_access_overrides_are_per_guild(
    probe: Probe, standin: DiscordStandIn, other: Guild
) -> None:
    """An Integrations override in one guild opens a gated command there only."""
    await standin.commands.wait_for("whoami", guild_id=None)
    cmd = standin.commands.get("whoami")
    assert cmd is not None
    cmd["default_member_permissions"] = str(Perm.MANAGE_GUILD)  # as if the bot had gated it
    other.command_access["whoami"] = {other.id}
    assert (await whoami(standin, Ids.MODERATOR, other.channel("ask"))).startswith("Other Club")
    with pytest.raises(PermissionError, match="needs permissions"):
        await standin.slash("whoami", user=Ids.MEMBER, channel_id=Ids.ASK)


async def test_a_lost_role_shows_in_the_next_interaction(
    probe: Probe, standin: DiscordStandIn
) -> None:
    """remove_roles changes what the next interaction says about the member."""
    assert "manage=True" in await whoami(standin, Ids.MODERATOR, Ids.ASK)
    await standin.remove_roles(Ids.MODERATOR, Ids.ROLE_MODERATOR)
    assert "roles=|manage=False" in await whoami(standin, Ids.MODERATOR, Ids.ASK)
    await standin.add_roles(Ids.MODERATOR, "Moderator")
    assert "roles=Moderator|manage=True" in await whoami(standin, Ids.MODERATOR, Ids.ASK)


def _text(content: str) -> discord.http.MultipartParameters:
    return discord.http.handle_message_parameters(content=content)


@pytest.mark.parametrize(
    ("deny", "code", "can_send"),
    [(Perm.SEND_MESSAGES, 50013, False), (Perm.VIEW_CHANNEL, 50001, False), (0, None, True)],
)
async def test_a_channel_overwrite_binds_the_bot(
    probe: Probe, standin: DiscordStandIn, deny: int, code: int | None, can_send: bool
) -> None:
    """An overwrite on the bot's role reaches discord.py (CHANNEL_UPDATE) and the REST API."""
    await standin.set_channel_permissions(Ids.DIGEST, Ids.ROLE_BOT, deny=deny)
    await standin.set_channel_permissions(Ids.DIGEST, Ids.ROLE_BOT, deny=deny)  # idempotent
    channel = probe.get_channel(Ids.DIGEST)
    assert isinstance(channel, discord.TextChannel)
    me = channel.guild.me
    await settle()  # the client has read CHANNEL_UPDATE
    assert channel.permissions_for(me).send_messages is can_send
    if code is None:
        assert (await channel.send("ok")).content == "ok"
        return
    with pytest.raises(discord.Forbidden) as denied:
        await channel.send("hi")
    assert denied.value.code == code


async def test_a_thread_carries_messages_both_ways(probe: Probe, standin: DiscordStandIn) -> None:
    """A thread created at run time (THREAD_CREATE) takes user messages and bot replies."""
    thread = await standin.add_thread(Ids.GENERAL, "questions", owner=Ids.MEMBER)
    mark = standin.mark()
    await standin.send_message("ping", channel_id=thread)
    reply = await standin.next_message(channel_id=thread.id, after=mark)
    assert reply["content"].startswith("pong") and reply["message"]["guild_id"] == str(Ids.GUILD)
    cached = probe.get_channel(thread.id)
    assert isinstance(cached, discord.Thread) and cached.parent_id == Ids.GENERAL


async def test_a_deleted_channel_is_gone_for_the_bot(
    probe: Probe, standin: DiscordStandIn, other: Guild
) -> None:
    """CHANNEL_DELETE empties the cache; REST then answers 404 Unknown Channel."""
    ask = other.channel("ask")
    await standin.delete_channel(ask)
    await settle()
    assert probe.get_channel(ask.id) is None
    with pytest.raises(discord.NotFound) as gone:
        await probe.http.send_message(ask.id, params=_text("hi"))
    assert gone.value.code == 10003


async def test_member_events_need_the_members_intent(
    standin: DiscordStandIn, run_client: RunClient, other: Guild
) -> None:
    """With the members intent: every member in GUILD_CREATE, and member add/update events."""
    intents = discord.Intents.default()
    intents.members = True
    client = discord.Client(intents=intents)
    updates: list[tuple[str, str]] = []

    @client.event
    async def on_member_update(before: discord.Member, after: discord.Member) -> None:
        updates.append((after.name, ",".join(r.name for r in after.roles[1:])))

    async with run_client(client):
        away = client.get_guild(other.id)
        assert away is not None and away.get_member(Ids.MODERATOR) is not None
        await standin.add_roles(Ids.MODERATOR, "Moderator", guild=other)
        newcomer = await standin.add_member("nia", guild=other)
        await settle()
        assert updates == [("mod", "Moderator")] and away.get_member(newcomer.id) is not None
