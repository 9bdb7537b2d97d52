"""Where the store lives: a SQLite file or a PostgreSQL URL, and how to name it in messages.

    sqlite:///data/briefbot.sqlite3     relative to the site folder
    sqlite:////srv/briefbot/db.sqlite3  absolute (four slashes, as SQLAlchemy spells it)
    postgresql://user:password@host:5432/dbname[?search_path=schema]

A URL may carry a password, so no message ever shows one: `describe` names the database and
its server only.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
WRONG_SCHEME = (
    "must be sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
    " (the value is not shown: it may hold a password)"
)


def parse(value: str | Path, base: Path | None = None, *, url: bool = False) -> Path | str:
    """A SQLite path, or the PostgreSQL URL as given; ValueError (never echoing it) otherwise.
    A plain path is taken as a SQLite file unless `url` says only a URL will do."""
    if isinstance(value, Path):
        return value
    text = value.strip()
    if text.startswith(POSTGRES_SCHEMES):
        if not urlsplit(text).path.strip("/"):
            raise ValueError("a PostgreSQL URL must name its database: postgresql://HOST/DATABASE")
        return text
    if text.startswith("sqlite:"):
        rest = text.removeprefix("sqlite:")
        if not rest.startswith("///") or len(rest) == 3:
            raise ValueError("a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path")
        path = Path(unquote(rest[3:]))
        return path if path.is_absolute() else (base or Path.cwd()) / path
    if url or "://" in text:
        raise ValueError(WRONG_SCHEME)
    return Path(text)


def is_postgres(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def describe(url: str) -> str:
    """'the PostgreSQL database NAME on HOST:PORT': enough to find it, nothing secret."""
    parts = urlsplit(url)
    database = unquote(parts.path.lstrip("/")) or "?"
    try:
        port = parts.port or 5432
    except ValueError:
        port = 5432
    host = parts.hostname or "localhost"
    return f"the PostgreSQL database {database} on {host}:{port}"


def user_of(url: str) -> str:
    return unquote(urlsplit(url).username or "") or "(the default user)"


def password_of(url: str) -> str | None:
    """The URL's password, to blot out of any text that might echo it."""
    password = urlsplit(url).password
    return unquote(password) if password else None


def name_of(target: str | Path) -> str:
    """A store's name for messages: its path, or its description (never a URL)."""
    return describe(str(target)) if is_postgres(target) else str(target)
