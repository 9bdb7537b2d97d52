"""A local stand-in for the Discord API (REST + gateway) for end-to-end tests.

See ``tests/e2e/conftest.py`` for the fixtures and ``tests/e2e/test_standin.py`` for usage.
"""

from .client import RunClient, point_discord_at, run_client
from .handle import InteractionHandle, InteractionRejected
from .ids import Ids
from .recording import Recorded, SentMessage, UploadedFile
from .server import DiscordStandIn
from .world import Channel, Failure, Perm, Persona, Role, World

__all__ = [
    "Channel",
    "DiscordStandIn",
    "Failure",
    "Ids",
    "InteractionHandle",
    "InteractionRejected",
    "Perm",
    "Persona",
    "Recorded",
    "Role",
    "RunClient",
    "SentMessage",
    "UploadedFile",
    "World",
    "point_discord_at",
    "run_client",
]
