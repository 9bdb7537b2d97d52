"""An article as given in `seeds/`: its raw text, debris, title, sections and verbatim search.

Offsets are character offsets into the file's UTF-8 text exactly as given, so that
`seed.raw[start:end]` is what was quoted: debris is skipped, never deleted.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bot.text.debris import debris_spans
from bot.text.errors import SeedError as SeedError
from bot.text.normalize import fold_char

# Footnote markers such as "[8]" or "[citation needed]".
_FOOTNOTE = re.compile(r"\[(\d{1,3}|citation needed|note \d+)\]", re.IGNORECASE)
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_HEADING_MAX_CHARS = 70
_HEADING_MAX_WORDS = 10


@dataclass(frozen=True)
class Block:
    """A paragraph or heading: raw offsets and its text with debris removed."""

    start: int
    end: int
    text: str
    is_heading: bool


@dataclass(frozen=True)
class Section:
    """A heading and the span of the article it governs (the lead has an empty heading)."""

    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Seed:
    name: str
    raw: str
    _searchable: tuple[str, list[int]] = field(init=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Seed:
        try:
            raw = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise SeedError(f"seed not found: {path}") from None
        except UnicodeDecodeError as exc:
            raise SeedError(f"seed is not UTF-8 text: {path} ({exc.reason})") from None
        except OSError as exc:
            raise SeedError(f"cannot read seed {path}: {exc.strerror}") from None
        return cls(path.name, raw)

    @cached_property
    def sha256(self) -> str:
        """The text's digest: a changed seed has its evidence verified again at the next sync."""
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    @cached_property
    def debris_spans(self) -> list[tuple[int, int]]:
        """Raw spans that are scraping debris (see `bot.text.debris`)."""
        return debris_spans(self.raw)

    def _clean_range(self, start: int, end: int) -> str:
        out, pos = [], start
        for d_start, d_end in self.debris_spans:
            if d_end <= start or d_start >= end:
                continue
            out.append(self.raw[pos : max(pos, d_start)])
            pos = max(pos, d_end)
        out.append(self.raw[pos:end])
        return re.sub(r"[ \t]+", " ", "".join(out)).strip()

    @cached_property
    def blocks(self) -> list[Block]:
        """Paragraphs and headings in order; the first block is the title."""
        found: list[Block] = []
        for match in _BLOCK.finditer(self.raw):
            text = self._clean_range(match.start(), match.end())
            if not text:
                continue
            found.append(Block(match.start(), match.end(), text, _looks_like_heading(text)))
        return found

    @cached_property
    def title(self) -> str:
        return self.blocks[0].text if self.blocks else self.name

    @cached_property
    def sections(self) -> list[Section]:
        """The lead (empty heading) and one section per heading after the title."""
        body = self.blocks[1:]
        if not body:
            return []
        sections: list[Section] = []
        heading, start = "", body[0].start
        for block in body:
            if block.is_heading:
                if sections or block.start > start:
                    sections.append(Section(heading, start, block.start))
                heading, start = block.text, block.start
        sections.append(Section(heading, start, len(self.raw)))
        return [s for s in sections if s.heading or s.end > s.start]

    def section_at(self, offset: int) -> str:
        """The heading governing a raw offset ("" for the lead)."""
        starts = [s.start for s in self.sections]
        index = bisect_right(starts, offset) - 1
        return self.sections[index].heading if index >= 0 else ""

    @cached_property
    def _fold_map(self) -> tuple[str, list[int]]:
        """The seed folded for verbatim search, and for each folded char its raw offset."""
        return _fold_with_map(self.raw, self.debris_spans)

    def locate(self, passage: str) -> tuple[int, int] | None:
        """Raw (start, end) of a passage, forgiving whitespace, quote style and debris."""
        needle, _ = _fold_with_map(
            passage, [(m.start(), m.end()) for m in _FOOTNOTE.finditer(passage)]
        )
        if not needle:
            return None
        haystack, offsets = self._fold_map
        index = haystack.find(needle)
        if index < 0:
            return None
        return offsets[index], offsets[index + len(needle) - 1] + 1


def _fold_with_map(text: str, skip: list[tuple[int, int]]) -> tuple[str, list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    skip_iter = iter(skip)
    next_skip = next(skip_iter, None)
    pos = 0
    while pos < len(text):
        if next_skip and pos >= next_skip[0]:
            if pos < next_skip[1]:
                pos = next_skip[1]
                continue
            next_skip = next(skip_iter, None)
            continue
        char = text[pos]
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(pos)
        else:
            for folded in fold_char(char):
                chars.append(folded)
                offsets.append(pos)
        pos += 1
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def _looks_like_heading(text: str) -> bool:
    if "\n" in text or len(text) > _HEADING_MAX_CHARS or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    return not text.rstrip().endswith((".", ":", ",", ";", '"', "”", "’"))


def load_seeds(seeds_dir: Path) -> dict[str, Seed]:
    """Every `*.txt` in a folder, by file name."""
    if not seeds_dir.is_dir():
        raise SeedError(f"seeds folder not found: {seeds_dir}")
    return {path.name: Seed.load(path) for path in sorted(seeds_dir.glob("*.txt"))}
