"""`briefbot migrate-db --to URL`: copy this site's store into an empty database (PostgreSQL,
usually), then point BRIEFBOT_DATABASE_URL at it."""

from __future__ import annotations

import sys

from bot.database_url import name_of, parse, password_of
from bot.redaction import redact
from bot.settings import Settings
from bot.store import Store, StoreError
from bot.store.copy import TargetNotEmpty, copy_store


async def run_migrate_db(settings: Settings, to: str) -> int:
    secrets = [to, password_of(to) or "", *settings.secrets]
    try:
        target = parse(to, settings.home, url=True)
    except ValueError as exc:
        print(f"briefbot: --to {exc}", file=sys.stderr)
        return 2
    if name_of(target) == settings.database_name:
        print("briefbot: --to names the store this site already uses", file=sys.stderr)
        return 2
    try:
        source = await Store.connect(settings.database_target, settings.database_timeout_seconds)
        try:
            copied = await copy_store(source, target, settings.database_timeout_seconds)
        finally:
            await source.close()
    except TargetNotEmpty as exc:
        print(f"briefbot: {redact(str(exc), secrets)}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"briefbot: {redact(str(exc), secrets)}; nothing was copied", file=sys.stderr)
        return 2
    print(f"copied {copied.source} into {copied.target}:")
    for table, rows in copied.rows.items():
        print(f"  {table:<18} {rows:>9} rows")
    print(
        "every table's rows counted on both sides. Next: stop briefbot, set"
        " BRIEFBOT_DATABASE_URL to the new database and start it again."
    )
    return 0
