"""Word tokens of a sentence with raw offsets, and the word-shape tests names rely on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.lexicon import ABBREV_ALWAYS, HONORIFICS, NAME_PARTICLES, ROLE_NOUNS, TITLES

_TOKEN = re.compile(r"[^\W_][\w’'-]*\.?|[^\w\s]")
_POSSESSIVE = ("’s", "'s")


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # excludes a possessive "’s" and a sentence-final period
    word: str  # without a trailing period or possessive
    dot: bool  # written with a period ("Mr.", "W.", or a sentence end)
    possessive: bool = False

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def is_punct(self) -> bool:
        return not self.word[:1].isalnum()

    @property
    def is_initial(self) -> bool:
        return self.dot and len(self.word) == 1 and self.word.isupper()

    @property
    def is_title(self) -> bool:
        if self.lower not in TITLES and self.lower not in HONORIFICS:
            return False
        return self.word[:1].isupper() and (not self.dot or self.lower in ABBREV_ALWAYS)

    @property
    def is_honorific(self) -> bool:
        return self.lower in HONORIFICS and self.word[:1].isupper()

    @property
    def is_role_word(self) -> bool:
        return self.lower in ROLE_NOUNS or (self.is_title and not self.is_honorific)

    @property
    def is_cap(self) -> bool:
        """A capitalised word such as "Peskov" or "Jean-Pierre" (not "NATO", "US-Russia")."""
        head = self.word.split("-")[0]
        if not head[:1].isupper() or self.is_initial:
            return False
        if self.dot and self.lower in ABBREV_ALWAYS and not self.is_title:
            return False  # "St." in "St. Anne's"
        return len(head) == 1 or any(c.islower() for c in head[1:])

    @property
    def is_particle(self) -> bool:
        return self.word in NAME_PARTICLES


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a period is kept on abbreviations and initials only."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        raw = match.group()
        word, dot = raw, False
        if len(raw) > 1 and raw.endswith("."):
            word, dot = raw[:-1], True
        possessive = False
        for ending in _POSSESSIVE:
            if len(word) > len(ending) + 1 and word.endswith(ending):
                word, possessive = word[: -len(ending)], True
                break
        stem_end = match.start() + len(word)
        keep_dot = (
            dot
            and not possessive
            and (word.lower() in ABBREV_ALWAYS or (len(word) == 1 and word.isupper()))
        )
        tokens.append(
            Token(match.start(), stem_end + (1 if keep_dot else 0), word, dot, possessive)
        )
    return tokens
