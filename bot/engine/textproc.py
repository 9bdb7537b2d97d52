"""From a chat message to plain lower-case words: mentions, markdown, emoji and accents removed."""

from __future__ import annotations

import re
import unicodedata

from bot.engine.stopwords import CHAT_SPELLINGS
from bot.text.normalize import fold

_DISCORD_TOKENS = re.compile(
    r"<a?:\w+:\d+>"  # custom emoji
    r"|<(?:@[!&]?|#)\d+>"  # user, role and channel mentions
    r"|</[\w -]+:\d+>"  # slash-command mentions
    r"|<t:\d+(?::\w)?>"  # timestamps
    r"|@(?:everyone|here)\b"
    r"|https?://\S+"
    r"|:[a-z0-9_+-]{2,32}:",  # emoji shortcodes such as :thinking:
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(\w)'s\b")
_APOSTROPHE = re.compile(r"(\w)'(\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def strip_chat_noise(text: str) -> str:
    """Remove Discord mentions, custom emoji, shortcodes and links."""
    return _DISCORD_TOKENS.sub(" ", text)


_NOISE_MARKS = frozenset("<@:/")


def words(text: str) -> list[str]:
    """Lower-case ASCII words: accents stripped, possessives and apostrophes folded."""
    # Each pass is skipped when the text cannot need it: indexing a large store runs this on
    # millions of texts, most of them plain ASCII without mentions or apostrophes.
    if not _NOISE_MARKS.isdisjoint(text):
        text = strip_chat_noise(text)
    if text.isascii():  # the only ASCII character `fold` changes is the backtick
        text = text.lower().replace("`", "'")
    else:
        text = fold(text).lower()
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text)
            text = "".join(c for c in text if not unicodedata.combining(c))
    if "'" in text:
        text = _POSSESSIVE.sub(r"\1", text)
        text = _APOSTROPHE.sub(r"\1\2", text)
    return _NON_WORD.sub(" ", text).split()


def asked_words(text: str) -> list[str]:
    """`words` of a question, with chat's spellings of a few words spelled out ("wat" -> what)."""
    tokens = words(text)
    if CHAT_SPELLINGS.keys().isdisjoint(tokens):
        return tokens
    return [CHAT_SPELLINGS.get(t, t) for t in tokens]
