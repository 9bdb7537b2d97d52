"""Direct quotations: text between “…”, "…" or ‘…’, nested quotes, quotes over paragraphs.

A quotation left open at the end of a paragraph continues when the next paragraph opens with a
quotation mark (the usual convention for multi-paragraph quotes); it then has one part per
paragraph. A quote inside a quote (“I thought, ‘Oh no,’ ” she said) is a quotation of its own
whose `parent` is the enclosing one. Single quotation marks double as apostrophes, so a single
quote opens only before a word and after a space or an opening mark, and closes only after a
non-space and before a space or punctuation, never inside a word ("we’re") or after a plural
possessive ("the players’ union"). Offsets are raw offsets (see `segment`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc, Passage
from bot.extraction.lexicon import ABBREV_ALWAYS

_CURLY_OPEN, _CURLY_CLOSE, _STRAIGHT = "“", "”", '"'
_SINGLE_OPEN, _SINGLE_CLOSE, _STRAIGHT_SINGLE = "‘", "’", "'"
_TRAILING = ",;:—– \t\n"
_BEFORE_SINGLE_OPEN = ' \t\n([“"—–-/'
_AFTER_SINGLE_CLOSE = ' \t\n,.;:!?)]”"—–-…'
_ABBREV_DOT = re.compile(
    r"\b(?:(?i:" + "|".join(sorted((a for a in ABBREV_ALWAYS if "." not in a), key=len)) + r")"
    r"|[A-Z])\."
)
HIDDEN = "\x01"  # stands for quoted text in `hidden_text`
ABBREV = "\x02"  # stands for an abbreviation's period in `hidden_text`


@dataclass(frozen=True)
class Quotation:
    parts: tuple[tuple[int, int], ...]  # the quoted text, one span per paragraph
    open: int  # raw offset of the first opening mark
    close: int  # raw offset of the last closing mark (end of the text if left open)
    parent: int | None = None  # index of the enclosing quotation, for a quote in a quote

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def passages(self, doc: Doc) -> list[Passage]:
        return [doc.passage(start, end) for start, end in self.parts]

    def text(self, doc: Doc) -> str:
        return " ".join(p.quote for p in self.passages(doc))

    def word_count(self, doc: Doc) -> int:
        return len(self.text(doc).split())


def find_quotations(doc: Doc) -> list[Quotation]:
    """Every direct quotation in the article body, in order; nested ones after their parent."""
    top: list[Quotation] = []
    pending: list[tuple[int, int]] = []
    pending_open = -1
    for number, block in enumerate(doc.seed.blocks):
        if number == 0 or block.is_heading:
            continue
        first_char = doc.text[block.start : block.end].lstrip()[:1]
        if pending and first_char not in (_CURLY_OPEN, _STRAIGHT):
            top.append(Quotation(tuple(pending), pending_open, pending[-1][1]))
            pending = []
        for open_at, close_at in _pairs(doc.text, block.start, block.end):
            span = _inner(doc.text, open_at + 1, close_at)
            if span is None:
                continue
            if pending:
                parts, first_open, pending = (*pending, span), pending_open, []
            else:
                parts, first_open = (span,), open_at
            if close_at < block.end:
                top.append(Quotation(tuple(parts), first_open, close_at))
            else:
                pending, pending_open = list(parts), first_open
    if pending:
        top.append(Quotation(tuple(pending), pending_open, pending[-1][1]))
    return _with_nested(doc, top)


def _with_nested(doc: Doc, top: list[Quotation]) -> list[Quotation]:
    found: list[Quotation] = []
    for quotation in top:
        parent = len(found)
        found.append(quotation)
        for start, end in quotation.parts:
            for open_at, close_at in _single_pairs(doc.text, start, end):
                span = _inner(doc.text, open_at + 1, close_at)
                if span is not None:
                    found.append(Quotation((span,), open_at, close_at, parent))
    return found


def hidden_text(doc: Doc, quotations: list[Quotation]) -> str:
    """The masked text with quoted words replaced by HIDDEN and abbreviation periods by ABBREV.

    Attribution patterns run on it, so a comma inside a quote or the period of "Mr." never
    ends a clause. Same length as the raw text.
    """
    chars = list(doc.text)
    for found in _ABBREV_DOT.finditer(doc.text):
        chars[found.end() - 1] = ABBREV
    for quotation in quotations:
        for start, end in quotation.parts:
            chars[start:end] = HIDDEN * (end - start)
    return "".join(chars)


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets; a quote left open closes at `end`."""
    pairs: list[tuple[int, int]] = []
    open_at = -1
    for pos in range(start, end):
        char = text[pos]
        if char == _CURLY_OPEN or (char == _STRAIGHT and open_at < 0):
            open_at = pos
        elif (char == _CURLY_CLOSE or char == _STRAIGHT) and open_at >= 0:
            pairs.append((open_at, pos))
            open_at = -1
    if open_at >= 0:
        pairs.append((open_at, end))
    if not pairs:
        return _single_pairs(text, start, end)
    # Single-quoted quotes between the double-quoted ones (‘…,’ said X).
    gaps = [start, *(p for pair in pairs for p in (pair[0], pair[1] + 1)), end]
    singles = [
        pair
        for a, b in zip(gaps[::2], gaps[1::2], strict=True)
        for pair in _single_pairs(text, a, b)
    ]
    return sorted(pairs + singles)


def _single_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of single quotation marks in text[start:end] (see the module docstring)."""
    pairs: list[tuple[int, int]] = []
    open_at = -1
    for pos in range(start, end):
        char = text[pos]
        if char not in (_SINGLE_OPEN, _SINGLE_CLOSE, _STRAIGHT_SINGLE):
            continue
        if open_at < 0:
            if char != _SINGLE_CLOSE and _opens_single(text, pos, start, end):
                open_at = pos
        elif char != _SINGLE_OPEN and _closes_single(text, pos, end):
            pairs.append((open_at, pos))
            open_at = -1
    return pairs


def _opens_single(text: str, pos: int, start: int, end: int) -> bool:
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return before in _BEFORE_SINGLE_OPEN and after.isalnum()


def _closes_single(text: str, pos: int, end: int) -> bool:
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if before.isspace() or (pos + 1 < end and after not in _AFTER_SINGLE_CLOSE):
        return False
    following = text[pos + 2] if pos + 2 < len(text) else ""
    plural_possessive = before == "s" and after == " " and following.islower()
    return not plural_possessive


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end > start else None
