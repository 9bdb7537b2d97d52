"""Character-level folding shared by evidence matching and question normalisation."""

from __future__ import annotations

import re
import unicodedata

# Typographic punctuation folded to ASCII: "Trump’s" in a seed matches "Trump's" as typed.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)

# Zero-width and bidirectional control characters carry no meaning for matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def fold_char(char: str) -> str:
    """Fold one character the way `fold` does (may return "" or several characters)."""
    if _INVISIBLE.match(char):
        return ""
    return char.translate(_FOLD)


def fold(text: str) -> str:
    """Fold typographic quotes and dashes, drop invisible characters, collapse whitespace."""
    if not text.isascii():  # plain ASCII has nothing to compose or hide
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = text.translate(_FOLD)
    return _SPACES.sub(" ", text).strip()


def has_control_chars(text: str) -> bool:
    """Whether text holds control characters other than tab, newline and carriage return."""
    return bool(_CONTROL.search(text))


def strip_control_chars(text: str) -> str:
    """Remove control characters other than tab, newline and carriage return."""
    return _CONTROL.sub("", text)


_NON_WORD = re.compile(r"[^\w]+")


def phrasing_key(text: str) -> str:
    """Compare phrasings ignoring case, punctuation, quote style and whitespace."""
    return " ".join(_NON_WORD.sub(" ", fold(text).lower().replace("'", "")).split())
