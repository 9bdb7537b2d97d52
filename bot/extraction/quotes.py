"""Direct quotations: text between “…” or "…", including quotes that run over paragraphs.

A quotation left open at the end of a paragraph continues when the next paragraph opens with a
quotation mark (the usual convention for multi-paragraph quotes); it then has one part per
paragraph. Offsets are raw offsets (see `segment`), debris never starts or ends a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc, Passage
from bot.extraction.lexicon import ABBREV_ALWAYS

_CURLY_OPEN, _CURLY_CLOSE, _STRAIGHT = "“", "”", '"'
_TRAILING = ",;:—– \t\n"
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
    """Every direct quotation in the article body, in order."""
    found: list[Quotation] = []
    pending: list[tuple[int, int]] = []
    pending_open = -1
    for number, block in enumerate(doc.seed.blocks):
        if number == 0 or block.is_heading:
            continue
        first_char = doc.text[block.start : block.end].lstrip()[:1]
        if pending and first_char not in (_CURLY_OPEN, _STRAIGHT):
            found.append(Quotation(tuple(pending), pending_open, pending[-1][1]))
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
                found.append(Quotation(tuple(parts), first_open, close_at))
            else:
                pending, pending_open = list(parts), first_open
    if pending:
        found.append(Quotation(tuple(pending), pending_open, pending[-1][1]))
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
    return pairs


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return (start, end) if end > start else None
