"""The one exception curation raises: a refusal whose message is meant for the moderator."""

from __future__ import annotations


class CurationError(ValueError):
    """A change we refuse (bad input, unknown entry, clash); nothing was changed."""

    @property
    def message(self) -> str:
        return str(self)
