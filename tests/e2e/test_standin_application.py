"""The application's owner: one user or a team, and whether they share a guild with the bot."""

from __future__ import annotations

import discord
import pytest
from standin import DiscordStandIn, Ids, RunClient
from standin_probe import Probe


async def whoami_in_dm(standin: DiscordStandIn, user: int | str) -> str:
    handle = await standin.slash("whoami", user=user, dm=True)
    return (await handle.reply())["content"]


async def test_the_default_owner_is_a_developer_outside_every_guild(
    standin: DiscordStandIn, run_client: RunClient
) -> None:
    """application_info() names dana; Bot.is_owner says yes to her and no to a guild owner."""
    async with run_client(Probe()) as bot:
        info = await bot.application_info()
        assert (info.owner.id, info.team) == (Ids.APP_OWNER, None)
        assert all(Ids.APP_OWNER not in g.members for g in standin.world.guilds.values())
        assert (await whoami_in_dm(standin, Ids.APP_OWNER)).endswith("owner=True")
        handle = await standin.slash("whoami", user=Ids.OWNER)
        assert (await handle.reply())["content"].endswith("manage=True|owner=False")


async def test_the_owner_can_also_be_a_member(
    standin: DiscordStandIn, run_client: RunClient
) -> None:
    """After joining a guild, the application owner acts there like anyone else."""
    async with run_client(Probe()):
        await standin.join_guild(Ids.APP_OWNER, Ids.GUILD)
        reply = await (await standin.slash("whoami", user=Ids.APP_OWNER)).reply()
        assert reply["content"] == "Brief Club|dev|roles=|manage=False|owner=True"


@pytest.mark.parametrize(
    ("user", "owner"),
    [("dev", True), ("ops", True), ("intern", False), (Ids.OWNER, False)],
)
async def test_a_team_owns_the_application(
    standin: DiscordStandIn, run_client: RunClient, user: int | str, owner: bool
) -> None:
    """With a team, is_owner is true for admins and developers only (discord.py's rule)."""
    ops, intern = standin.world.add_user("ops"), standin.world.add_user("intern")
    team = standin.world.set_team({Ids.APP_OWNER: "admin", ops: "developer", intern: "read_only"})
    async with run_client(Probe()) as bot:
        info = await bot.application_info()
        assert info.team is not None and info.team.owner_id == Ids.APP_OWNER
        assert info.owner.id == team.id  # the team's pseudo-user, as Discord reports it
        assert {m.name for m in info.team.members} == {"dev", "ops", "intern"}
        person = await bot.fetch_user(standin.persona(user).id)
        assert await bot.is_owner(person) is owner


async def test_a_single_owner_can_be_set(standin: DiscordStandIn, run_client: RunClient) -> None:
    """set_owner makes any persona the owner (here the guild owner)."""
    standin.world.set_owner(Ids.OWNER)
    async with run_client(Probe()) as bot:
        owner = bot.get_user(Ids.OWNER) or await bot.fetch_user(Ids.OWNER)
        assert isinstance(owner, discord.User | discord.Member)
        assert await bot.is_owner(owner)
