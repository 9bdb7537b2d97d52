"""Secrets out of text: the Discord token, database URLs and their passwords never reach a log
line, an error on the terminal or a chat message. Light to import (the CLI uses it too)."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

# Any database URL: it may carry a password, and where the database lives is nobody's business.
DATABASE_URL = re.compile(r"\b(?:postgres(?:ql)?|sqlite)(?:\+\w+)?://\S+", re.IGNORECASE)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for secret in secrets:
        if secret:
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


def log_to_stderr(formatter: logging.Formatter, level: int | str, secrets: Iterable[str]) -> None:
    """The root logger writes redacted lines to stderr, and nothing else does."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(formatter, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if isinstance(level, str) else level)
