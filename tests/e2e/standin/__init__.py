"""A local stand-in for the Discord API (REST + gateway) for end-to-end tests.

See README.md here for what it models and recipes, ``tests/e2e/conftest.py`` for the fixtures
and ``tests/e2e/test_standin*.py`` for proof of each feature with a real discord.py client.
"""

from .actors import settle
from .client import RunClient, point_discord_at, run_client
from .clock import StandinClock
from .guild import Channel, Failure, Guild, Member, Persona, Role, Team, TeamMember
from .handle import InteractionHandle, InteractionRejected
from .ids import Ids, shard_of
from .perms import Overwrite, Perm
from .recording import Recorded, SentMessage, UploadedFile
from .server import DiscordStandIn
from .stall import Stall
from .world import GuildRef, Where, Who, World

__all__ = [
    "Channel",
    "DiscordStandIn",
    "Failure",
    "Guild",
    "GuildRef",
    "Ids",
    "InteractionHandle",
    "InteractionRejected",
    "Member",
    "Overwrite",
    "Perm",
    "Persona",
    "Recorded",
    "Role",
    "RunClient",
    "SentMessage",
    "Stall",
    "StandinClock",
    "Team",
    "TeamMember",
    "UploadedFile",
    "Where",
    "Who",
    "World",
    "point_discord_at",
    "run_client",
    "settle",
    "shard_of",
]
