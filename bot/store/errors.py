"""What goes wrong with a database, said so that the person running briefbot can act on it.

Messages name the database by `where` ("the database /srv/data/briefbot.sqlite3", "the
PostgreSQL database briefbot on db:5432"): never a URL, never a password. Chat gets `public`,
which says "the database" instead.
"""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be opened or used; the message says why and what to do."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where

    @property
    def public(self) -> str:
        """The message without where the database lives: for chat."""
        text = str(self)
        return text.replace(self.where, "the database") if self.where else text


class StoreUnavailable(StoreError):
    """The database is there but refuses writes: read-only, full, locked, or its folder gone."""


def explain(text: str, where: str, timeout: float, *, no_space: bool = False) -> StoreError:
    """One line from SQLite's error text; `where` names the database. `no_space`: the disk
    holding it has no room left (SQLite may only say "disk I/O error")."""
    lowered = text.lower()
    if no_space and ("i/o" in lowered or "full" in lowered or "unable to open" in lowered):
        lowered = "disk is full"
    if "locked" in lowered or "busy" in lowered:
        return locked(where, timeout)
    if "readonly" in lowered or "read-only" in lowered:
        return StoreUnavailable(f"{where} is read-only; check the file's permissions", where)
    if "disk is full" in lowered or "no space" in lowered or "disk full" in lowered:
        return disk_full(where)
    if "unable to open" in lowered or "disk i/o error" in lowered:
        return StoreUnavailable(
            f"{where} cannot be written (its folder may have been removed)", where
        )
    if "not a database" in lowered or "malformed" in lowered:
        return StoreError(f"{where} is not a usable briefbot database ({text})", where)
    return StoreError(f"database error on {where}: {text}", where)


def locked(where: str, timeout: float) -> StoreUnavailable:
    return StoreUnavailable(
        f"{where} is locked by another process (waited {timeout:g} s);"
        " stop the other briefbot or try again",
        where,
    )


def disk_full(where: str) -> StoreUnavailable:
    return StoreUnavailable(f"the disk holding {where} is full; free some space", where)


# SQLSTATE classes and codes (PostgreSQL appendix A) -> what to tell the operator.
_PG_CODES = {
    "28P01": "refused the password for user {user}; check BRIEFBOT_DATABASE_URL",
    "28000": "refused user {user} (check pg_hba.conf and the user in BRIEFBOT_DATABASE_URL)",
    "3D000": "does not exist on the server; create it (createdb) first",
    "42501": "refused: user {user} lacks a privilege it needs ({detail})",
    "3F000": "has no schema to work in ({detail}); create it or fix search_path",
    "53300": "has too many connections open; raise max_connections or lower other clients'",
    "57P03": "is starting up or shutting down; try again in a moment",
    "57P01": "was shut down by its administrator",
}
_UNAVAILABLE = {"25006", "53100", "53200", "53300", "57P01", "57P02", "57P03", "55P03", "40P01"}


def explain_postgres(
    sqlstate: str | None, text: str, where: str, user: str, timeout: float
) -> StoreError:
    """One line from a PostgreSQL error's SQLSTATE (and its text)."""
    code = sqlstate or ""
    if code == "25006":  # read_only_sql_transaction: a standby, or default_transaction_read_only
        return StoreUnavailable(
            f"{where} is read-only (a standby, or default_transaction_read_only is on)", where
        )
    if code == "53100":
        return disk_full(where)
    if code in ("55P03", "40P01", "57014"):  # lock timeout, deadlock, statement timeout
        return locked(where, timeout)
    if code in _PG_CODES:
        message = _PG_CODES[code].format(user=user, detail=text)
        kind = StoreUnavailable if code in _UNAVAILABLE else StoreError
        return kind(f"{where} {message}", where)
    if code.startswith("08"):  # connection exceptions
        return unreachable(where, text)
    if code.startswith("53"):  # insufficient resources
        return StoreUnavailable(f"{where} is out of resources: {text}", where)
    return StoreError(f"database error on {where}: {text}", where)


def unreachable(where: str, reason: str) -> StoreUnavailable:
    return StoreUnavailable(f"cannot reach {where}: {reason}; is the server running?", where)
