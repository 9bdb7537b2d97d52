"""Typed settings from the environment (prefix BRIEFBOT_) or the site folder's `.env` file.

A *site folder* holds one deployment's files: `knowledge/`, `seeds/`, `data/` and `.env`. It is
named by `--home` or BRIEFBOT_HOME, else it is the current directory; BRIEFBOT_KNOWLEDGE_DIR,
BRIEFBOT_SEEDS_DIR and BRIEFBOT_DATA_DIR override its parts one by one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.database_url import name_of, parse, password_of

# The source checkout: tests and the development set live here. Installed code never writes here.
PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Each part of the site folder, by the setting that overrides it.
SITE_PARTS = {"knowledge_dir": "knowledge", "seeds_dir": "seeds", "data_dir": "data"}


class Settings(BaseSettings):
    # No .env by default: `Settings.for_site` reads the site folder's own.
    model_config = SettingsConfigDict(
        env_prefix="BRIEFBOT_", env_file=None, env_file_encoding="utf-8", extra="ignore"
    )

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "BRIEFBOT_DISCORD_TOKEN")
    )
    home: Path = Field(default_factory=Path.cwd)
    # The three parts default to home/data, home/knowledge, home/seeds (filled in below).
    data_dir: Path = Path("data")
    # The store: sqlite:///PATH (relative to the site folder; //// for an absolute path) or
    # postgresql://USER:PASSWORD@HOST:PORT/DB. A secret (it may hold a password): never shown.
    # Wins over `database`, the older way to name a SQLite file.
    database_url: SecretStr | None = None
    database: Path | None = None
    # How long to wait for another process holding the database before giving up.
    database_timeout_seconds: float = Field(default=5.0, gt=0)
    knowledge_dir: Path = Path("knowledge")
    seeds_dir: Path = Path("seeds")
    log_queries: bool = True
    # Another model2vec static model for the semantic signal: a folder, or a hub name where the
    # network allows. None: the model shipped in the package.
    semantic_model: str | None = None
    # Keep only the model's leading dimensions (less memory per stored phrasing, some quality).
    semantic_dimensions: int | None = Field(default=None, ge=16, le=4096)
    max_question_chars: int = Field(default=500, ge=20, le=4000)
    log_level: str = "INFO"
    # "json": one JSON object per line, for log collectors.
    log_format: Literal["text", "json"] = "text"
    # Privileged intent for the optional ask channel; enable it in the developer portal first.
    message_content_intent: bool = False
    # How often the bot looks for other processes' changes to the store (and forgets old data).
    refresh_seconds: float = Field(default=5.0, gt=0)
    # How often the digest scheduler looks at the clock.
    digest_tick_seconds: float = Field(default=30.0, gt=0)
    # A digest missed while the bot was down is still posted if it starts within this window.
    digest_catchup_minutes: int = Field(default=360, ge=0)
    # How long asked questions (and who asked them) are kept, in days.
    query_log_days: int = Field(default=90, ge=1)
    # How long a server's data is kept after the bot leaves it, in days (then purged).
    forget_after_days: int = Field(default=30, ge=0)
    # The cooldown: a burst of `cooldown_asks` asks, refilled at that many per
    # `cooldown_seconds` (5 per 30 s: 10 a minute, 5 at once).
    cooldown_asks: int = Field(default=5, ge=1)
    cooldown_seconds: float = Field(default=30.0, gt=0)
    # How long `briefbot chat` and Discord remember a conversation's last answer (follow-ups).
    conversation_minutes: float = Field(default=10.0, gt=0)
    # `briefbot run` serves /healthz and /metrics on this port when it is set (0: any free port).
    health_port: int | None = Field(default=None, ge=0, le=65535)
    health_host: str = "127.0.0.1"
    # Sharding: the total number of shards, and the ones this process runs ("0,1"). Unset,
    # one process runs every shard Discord recommends.
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: Annotated[list[int] | None, NoDecode] = None

    @classmethod
    def for_site(cls, home: Path | None = None) -> Settings:
        """The settings of a site folder: `home`, else BRIEFBOT_HOME, else the current directory."""
        folder = (home or Path(os.environ.get("BRIEFBOT_HOME") or Path.cwd())).resolve()
        return cls(_env_file=folder / ".env", home=folder)

    @model_validator(mode="before")
    @classmethod
    def _parts_default_to_the_site_folder(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        home = Path(data.get("home") or Path.cwd())
        return {**{key: home / name for key, name in SITE_PARTS.items()}, **data}

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_no_token(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url_is_a_url(cls, value: object) -> object:
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, str):
            if not value.strip():
                return None
            parse(value, url=True)  # ValueError: a message that never shows the value
        return value

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_ids_from_a_list(cls, value: object) -> object:
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                return [int(part) for part in value.split(",") if part.strip()]
            except ValueError:
                message = "give shard ids as numbers separated by commas, e.g. 0,1"
                raise ValueError(message) from None
        return value

    @model_validator(mode="after")
    def _shards_fit_the_count(self) -> Settings:
        ids = self.shard_ids
        if ids is None:
            return self
        if self.shard_count is None:
            raise ValueError("BRIEFBOT_SHARD_IDS needs BRIEFBOT_SHARD_COUNT (the total)")
        if not ids or len(set(ids)) != len(ids) or not all(0 <= i < self.shard_count for i in ids):
            raise ValueError(
                f"BRIEFBOT_SHARD_IDS must be distinct numbers from 0 to {self.shard_count - 1}"
            )
        return self

    @property
    def database_path(self) -> Path:
        """The SQLite file when no URL is set (BRIEFBOT_DATABASE or data/briefbot.sqlite3)."""
        return self.database or self.data_dir / "briefbot.sqlite3"

    @property
    def database_target(self) -> Path | str:
        """Where the store lives: BRIEFBOT_DATABASE_URL (a SQLite path or a PostgreSQL URL),
        else the SQLite file."""
        if self.database_url is not None:
            return parse(self.database_url.get_secret_value(), self.home, url=True)
        return self.database_path

    @property
    def database_name(self) -> str:
        """The store, named for messages: a path, or the database and its server."""
        return name_of(self.database_target)

    @property
    def secrets(self) -> list[str]:
        """What no log line may show: the token, the database URL and its password."""
        found = [self.discord_token.get_secret_value()] if self.discord_token else []
        if self.database_url is not None:
            url = self.database_url.get_secret_value()
            found += [url, *filter(None, [password_of(url)])]
        return found
