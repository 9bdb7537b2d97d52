"""The runtime store: one SQLite file behind one async data-access module."""

from bot.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
