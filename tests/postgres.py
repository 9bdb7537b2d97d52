"""The PostgreSQL the tests may use: BRIEFBOT_TEST_DATABASE_URL, an empty database (CI starts a
throw-away server and sets it; see .ci/postgres.sh). Each test gets a schema of its own, dropped
afterwards, so tests never see each other's rows."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest

URL = os.environ.get("BRIEFBOT_TEST_DATABASE_URL") or None
SKIP_REASON = (
    "PostgreSQL not configured: set BRIEFBOT_TEST_DATABASE_URL to an empty database"
    " (postgresql://USER:PASSWORD@HOST:PORT/DB) to run these tests on it too"
)

# Marks a test (or a parameter) that runs on PostgreSQL; tests/conftest.py counts them.
postgresql = pytest.mark.postgresql


def require() -> str:
    """The test database's URL, or skip the test with the reason printed."""
    if URL is None:
        pytest.skip(SKIP_REASON)
    return URL


def with_option(url: str, name: str, value: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{name}={value}"


@asynccontextmanager
async def fresh_schema() -> AsyncIterator[str]:
    """A URL whose search_path is a new, empty schema; the schema goes afterwards."""
    base = require()
    schema = f"test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(base)
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield with_option(base, "search_path", schema)
        finally:
            await admin.execute(f"DROP SCHEMA {schema} CASCADE")
    finally:
        await admin.close()
