"""Sentences of a seed with raw offsets, robust to abbreviations, quotes and scraping debris.

Everything works on the seed's *masked* text: the raw text with every debris character (footnote
markers, junk lines) replaced by a space. It has the same length as `seed.raw`, so every offset
found in it is a raw offset, and trimming whitespace never leaves a span starting or ending in
debris.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.lexicon import ABBREV_ALWAYS, ABBREV_MAYBE, SENTENCE_STARTERS, SPEECH_VERBS
from bot.text.seed import Seed

_TERMINAL = re.compile(r"\.{3}|[.?!…]+")
_OPEN_QUOTES = "“‘\"'"
_CLOSERS = "”’)]»"
_WORD_BEFORE = re.compile(r"[\w.’'-]+$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_WORD = re.compile(r"[\w’'-]+")
_SPEECH = "|".join(sorted(SPEECH_VERBS))
# `“Is it over?” Trump asked.`: a capitalised speaker and a speech verb after a question or
# exclamation closing a quote do not start a sentence.
_SPEAKER_FOLLOWS = re.compile(rf"(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{_SPEECH})\b")
# After a period closing a quote, only a bare attribution stays with it (“… well.” Lind said.);
# “… half.” He said rising unemployment … is a sentence of its own.
_BARE_ATTRIBUTION = re.compile(
    rf"(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{_SPEECH})(?:\s+[\w’'-]+){{0,2}}\s*[.!?]"
)


@dataclass(frozen=True)
class Sentence:
    """A sentence: raw offsets, its index among all sentences and the block it belongs to."""

    index: int
    start: int
    end: int
    block: int


def mask_debris(seed: Seed) -> str:
    """The raw text with debris characters (not newlines) replaced by spaces; same length."""
    chars = list(seed.raw)
    for start, end in seed.debris_spans:
        for pos in range(start, min(end, len(chars))):
            if chars[pos] != "\n":
                chars[pos] = " "
    return "".join(chars)


def segment(seed: Seed, masked: str | None = None) -> list[Sentence]:
    """Every sentence of every non-heading block after the title, in order."""
    text = mask_debris(seed) if masked is None else masked
    sentences: list[Sentence] = []
    for number, block in enumerate(seed.blocks):
        if number == 0 or block.is_heading:
            continue
        for start, end in split_sentences(text, block.start, block.end):
            sentences.append(Sentence(len(sentences), start, end, number))
    return sentences


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    pos = _skip_space(text, start, end)
    for match in _TERMINAL.finditer(text, start, end):
        if match.start() < pos:
            continue
        stop = _skip_closers(text, match.end(), end)
        nxt = _skip_space(text, stop, end)
        if nxt >= end:
            break
        if _is_boundary(text, match, stop, nxt):
            spans.append(_trim(text, pos, stop))
            pos = nxt
    if pos < end:
        spans.append(_trim(text, pos, end))
    return [span for span in spans if span[1] > span[0]]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with whitespace (or masked debris)."""
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _skip_closers(text: str, pos: int, end: int) -> int:
    while pos < end:
        char = text[pos]
        if char in _CLOSERS or (char in "\"'" and (pos + 1 >= end or not text[pos + 1].isalnum())):
            pos += 1
        else:
            break
    return pos


def _is_boundary(text: str, match: re.Match[str], stop: int, nxt: int) -> bool:
    punct = match.group()
    char = text[nxt]
    if nxt == stop:  # no space: "election.“And" ends a sentence, "2.0" and "U.S" do not
        if char.isdigit() or char.islower():
            return False
        if punct == "." and _short_token_before(text, match.start()):
            return False
        return char.isupper() or char in _OPEN_QUOTES
    if char.islower() or char in ",;:)]":
        return False
    if stop > match.end() and punct != "." and _SPEAKER_FOLLOWS.match(text, nxt):
        return False
    if stop > match.end() and punct == "." and _BARE_ATTRIBUTION.match(text, nxt):
        return False
    if punct != ".":
        return True
    word = _word_before(text, match.start())
    key = word.lower()
    if key in ABBREV_ALWAYS or (len(word) == 1 and word.isupper()):
        return False
    if key in ABBREV_MAYBE or _INITIALISM.fullmatch(word):
        return _starts_sentence(text, nxt)
    return True


def _word_before(text: str, pos: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return found.group().lstrip(".’'-") if found else ""


def _short_token_before(text: str, pos: int) -> bool:
    word = _word_before(text, pos)
    return len(word) == 1 or bool(_INITIALISM.fullmatch(word)) or word.lower() in ABBREV_ALWAYS


def _starts_sentence(text: str, pos: int) -> bool:
    if text[pos] in _OPEN_QUOTES:
        return True
    found = _NEXT_WORD.match(text, pos)
    return found is not None and found.group().lower() in SENTENCE_STARTERS
