"""Moderators curating the Q&A store: checks, evidence, ids, import, export and the audit trail.

`text`, `ids`, `clashes`, `evidence`, `search`, `history`, `export` and `imports` are pure (no
Discord, no database). `changes` (add, edit, alias, remove, teach) and `files` (import, export,
reload) run each change through the store, which audits it, then refresh the answering engine.
A refusal is a `CurationError` whose message is meant for the moderator; nothing was changed.
"""

from bot.curation.errors import CurationError

__all__ = ["CurationError"]
