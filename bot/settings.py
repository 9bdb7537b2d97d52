"""Typed settings from the environment (prefix BRIEFBOT_) or a `.env` file."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The checkout the package was installed from (pip install -e .): its knowledge/ and seeds/.
PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BRIEFBOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    discord_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "BRIEFBOT_DISCORD_TOKEN")
    )
    data_dir: Path = PROJECT_ROOT / "data"
    database: Path | None = None
    # How long to wait for another process holding the database before giving up.
    database_timeout_seconds: float = Field(default=5.0, gt=0)
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    log_queries: bool = True
    # Another model2vec static model for the semantic signal: a folder, or a hub name where the
    # network allows. None: the model shipped in the package.
    semantic_model: str | None = None
    max_question_chars: int = Field(default=500, ge=20, le=4000)
    log_level: str = "INFO"
    # Privileged intent for the optional ask channel; enable it in the developer portal first.
    message_content_intent: bool = False
    # How often the digest scheduler looks at the clock.
    digest_tick_seconds: float = Field(default=30.0, gt=0)
    # Where discord.py sends REST calls and opens its gateway; only the end-to-end tests set them.
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None
    # A digest missed while the bot was down is still posted if it starts within this window.
    digest_catchup_minutes: int = Field(default=360, ge=0)
    # Asks per user per window before the cooldown note.
    cooldown_asks: int = Field(default=5, ge=1)
    cooldown_seconds: float = Field(default=30.0, gt=0)

    @field_validator("discord_token", mode="before")
    @classmethod
    def _blank_token_is_no_token(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def database_path(self) -> Path:
        return self.database or self.data_dir / "briefbot.sqlite3"
