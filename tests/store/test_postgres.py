"""The PostgreSQL backend: placeholders, one-line errors that never show the password, the
write lock shared by processes, migrations racing on an empty database."""

from __future__ import annotations

import asyncio
import socket

import pytest

from bot.store import Store, StoreError, StoreUnavailable
from bot.store.errors import explain_postgres
from bot.store.postgres import numbered
from tests.postgres import fresh_schema, postgresql, require, with_option

WHERE = "the PostgreSQL database db on h:5432"


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("SELECT ? , ?", "SELECT $1 , $2"),
        ("WHERE a = ? AND b = 'why?' AND c = ?", "WHERE a = $1 AND b = 'why?' AND c = $2"),
        ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"),
        ('SELECT "odd?name" FROM t WHERE x = ?', 'SELECT "odd?name" FROM t WHERE x = $1'),
        ("SELECT ? -- a comment?\n, ?", "SELECT $1 -- a comment?\n, $2"),
        ("SELECT /* what? */ ?", "SELECT /* what? */ $1"),
        ("SELECT 1", "SELECT 1"),
    ],
)
def test_placeholders_become_numbered_outside_literals(sql: str, expected: str) -> None:
    """`?` is numbered in order; inside strings, quoted names and comments it stays."""
    assert numbered(sql) == expected


@pytest.mark.parametrize(
    ("sqlstate", "kind", "says"),
    [
        ("28P01", StoreError, "refused the password for user ann"),
        ("28000", StoreError, "refused user ann"),
        ("3D000", StoreError, "does not exist"),
        ("25006", StoreUnavailable, "read-only"),
        ("53100", StoreUnavailable, "is full"),
        ("53300", StoreUnavailable, "too many connections"),
        ("55P03", StoreUnavailable, "locked by another process"),
        ("57P03", StoreUnavailable, "starting up or shutting down"),
        ("08006", StoreUnavailable, "cannot reach"),
        ("42501", StoreError, "lacks a privilege"),
        ("23505", StoreError, "database error on"),
    ],
)
def test_server_errors_are_one_line_for_the_operator(
    sqlstate: str, kind: type[StoreError], says: str
) -> None:
    """Each SQLSTATE the operator can act on gets its own sentence, naming the database."""
    error = explain_postgres(sqlstate, "detail", WHERE, "ann", 5.0)
    assert type(error) is kind
    assert says in str(error) and WHERE in str(error) and "\n" not in str(error)
    assert WHERE not in error.public  # chat is not told where the database lives


async def test_a_server_that_is_not_there_is_named_without_the_password() -> None:
    """Nothing listens on the port: 'connection refused', the host named, the password not."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://ann:s3cret-pw@127.0.0.1:{port}/briefbot"
    with pytest.raises(StoreUnavailable) as caught:
        await Store.connect(url, timeout=2)
    message = str(caught.value)
    assert f"127.0.0.1:{port}" in message and "connection refused" in message
    assert "s3cret-pw" not in message and "postgresql://" not in message


@postgresql
async def test_a_wrong_password_is_refused_in_one_line() -> None:
    """The server's refusal names the user; the password given is nowhere in it."""
    url = require()
    user_and_host = url.split("://", 1)[1].split("@", 1)
    user = user_and_host[0].split(":", 1)[0]
    wrong = f"postgresql://{user}:not-the-pw-123@{user_and_host[1]}"
    with pytest.raises(StoreError, match="refused the password") as caught:
        await Store.connect(wrong)
    assert "not-the-pw-123" not in str(caught.value)


@postgresql
async def test_a_read_only_database_refuses_writes_and_still_answers_reads() -> None:
    """A standby (here: default_transaction_read_only) is read-only: reads work, writes say so."""
    async with fresh_schema() as url:
        await (await Store.connect(url)).close()
        store = await Store.connect(with_option(url, "default_transaction_read_only", "on"))
        assert await store.ping() and await store.version() == 0
        with pytest.raises(StoreUnavailable, match="read-only"):
            await store.audit.write("1", "test", None, {})
        await store.close()


@postgresql
async def test_writers_take_turns_across_connections_and_give_up_with_the_lock_message() -> None:
    """While one process is in a write transaction, another's write waits; past its timeout it
    is refused as 'locked by another process'. Its reads never wait."""
    async with fresh_schema() as url:
        first, second = await Store.connect(url), await Store.connect(url, timeout=0.3)
        async with first.db.transaction() as tx:
            await tx.execute("INSERT INTO meta (key, value) VALUES ('held', 'yes')")
            assert await second.meta("held") is None  # not committed yet, and no wait
            with pytest.raises(StoreUnavailable, match="locked by another process"):
                await second.set_meta("other", "x")
        await second.set_meta("other", "x")  # the lock is free again
        assert await second.meta("held") == "yes"
        await first.close()
        await second.close()


@postgresql
async def test_two_processes_starting_on_an_empty_database_migrate_it_once() -> None:
    """Two stores connecting at once to an empty schema: both at the latest version."""
    async with fresh_schema() as url:
        stores = await asyncio.gather(Store.connect(url), Store.connect(url))
        assert [await s.schema_version() for s in stores] == [3, 3]
        rows = await stores[0].db.fetch("SELECT number FROM schema_migrations ORDER BY number")
        assert [r["number"] for r in rows] == [2, 3]
        for store in stores:
            await store.close()


@postgresql
async def test_a_schema_that_does_not_exist_is_named() -> None:
    """search_path naming a missing schema: one line saying there is no schema to work in."""
    url = with_option(require(), "search_path", "no_such_schema_here")
    with pytest.raises(StoreError, match="no schema to work in"):
        await Store.connect(url)
