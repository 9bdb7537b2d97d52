"""What goes wrong with a database, said so that the person running briefbot can act on it."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be opened or used; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The database is there but refuses writes: read-only, full, locked, or its folder gone."""


def explain(text: str, where: str, timeout: float) -> StoreError:
    """One line from a driver's error text; `where` names the database (never with a password)."""
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreUnavailable(
            f"the database {where} is locked by another process (waited {timeout:g} s);"
            " stop the other briefbot or try again"
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreUnavailable(f"the database {where} is read-only; check the file's permissions")
    if "disk is full" in lowered or "no space" in lowered or "disk full" in lowered:
        return StoreUnavailable(f"the disk holding the database {where} is full; free some space")
    if "unable to open" in lowered or "disk i/o error" in lowered:
        return StoreUnavailable(
            f"the database {where} cannot be written (its folder may have been removed)"
        )
    if "not a database" in lowered or "malformed" in lowered:
        return StoreError(f"{where} is not a usable briefbot database ({text})")
    return StoreError(f"database error on {where}: {text}")
