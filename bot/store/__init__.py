"""The runtime store: one async data-access layer; the only place with SQL."""

from bot.store.errors import StoreError, StoreUnavailable
from bot.store.store import Store

__all__ = ["Store", "StoreError", "StoreUnavailable"]
