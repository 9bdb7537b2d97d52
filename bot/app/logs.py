"""Logging for `briefbot run`: text or one JSON object per line, with secrets blotted out."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import discord
from pythonjsonlogger.json import JsonFormatter

from bot.redaction import DATABASE_URL, RedactingFormatter, log_to_stderr, redact

TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
__all__ = ["DATABASE_URL", "RedactingFormatter", "configure_logging", "redact"]


def _formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter(
            "{levelname}{name}{message}",
            style="{",
            timestamp="time",
            rename_fields={"levelname": "level", "name": "logger"},
        )
    return logging.Formatter(TEXT_FORMAT)


def configure_logging(level: str, log_format: str = "text", secrets: Iterable[str] = ()) -> None:
    # A text bot: no voice, so no warnings about voice libraries (PyNaCl, davey).
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    log_to_stderr(_formatter(log_format), level, secrets)
    root = logging.getLogger()
    # discord.py's own chatter is useful at WARNING; its DEBUG would include gateway payloads.
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))
