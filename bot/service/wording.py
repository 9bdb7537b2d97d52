"""What the bot says when it does not answer from the article: one wording for every front end."""

from __future__ import annotations

EMPTY = "I couldn't find a question in that. Ask me something about the article!"
SUGGEST = "I'm not sure the article answers that exactly. Did you mean one of these?"
DECLINE = (
    "Sorry — the article doesn't say anything I can match to that. "
    "Try asking who said something, who someone is, or what it says about a topic."
)


def decline_message(verdict: str, has_suggestions: bool) -> str:
    if verdict == "empty":
        return EMPTY
    return SUGGEST if has_suggestions else DECLINE
