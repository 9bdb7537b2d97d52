"""Logging for `briefbot run`: text or one JSON object per line, with secrets blotted out."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

import discord
from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# Any database URL: it may carry a password, and where the database lives is nobody's business.
DATABASE_URL = re.compile(r"\b(?:postgres(?:ql)?|sqlite)(?:\+\w+)?://\S+", re.IGNORECASE)


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "[redacted]")
    return DATABASE_URL.sub("[database URL]", text)


class RedactingFormatter(logging.Formatter):
    """Redacts a record's message, traceback and stack, then formats it with `inner`.

    Redacting before formatting keeps a JSON line valid whatever the secret contains.
    """

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self.inner = inner
        self.secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg, clean.args = redact(record.getMessage(), self.secrets), None
        if record.exc_info:
            clean.exc_info = None
            clean.exc_text = redact(self.inner.formatException(record.exc_info), self.secrets)
        elif record.exc_text:
            clean.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            clean.stack_info = redact(record.stack_info, self.secrets)
        return self.inner.format(clean)


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
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(_formatter(log_format), secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # discord.py's own chatter is useful at WARNING; its DEBUG would include gateway payloads.
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))
