"""Numeric expressions with what they count: "130 bottles of champagne", "2009", "number one"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc
from bot.extraction.lexicon import NUMBER_STOPWORDS, NUMBER_WORDS, SCALES
from bot.extraction.segment import Sentence

_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))?"
_PERCENT = r"(?:\s?%|\s+(?:percent|per\s+cent))?"
_DIGITS = r"(?:[$£€¥]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?(?![\w-]))?"
_SPELLED = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,$£€¥-])(?:(?:{_DIGITS}){_SCALE}{_PERCENT}"
    rf"|\b(?i:number\s+one|one\s+(?:{'|'.join(sorted(SCALES))})|(?:{_SPELLED}))\b{_PERCENT})"
    r"(?:-[a-z]+\b)?(?![\w-])"
)
_NAMED_VERSION = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}$")  # "Cold War " before "2.0"
_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")


@dataclass(frozen=True)
class NumberMention:
    number: str  # as written: "130", "two", "Cold War 2.0"
    unit: str  # what it counts ("bottles of champagne"), "year" for years, "" if unknown
    start: int  # raw span of number and unit
    end: int
    sentence: Sentence


def find_numbers(doc: Doc) -> list[NumberMention]:
    """Every numeric expression in the article body, in order."""
    found: list[NumberMention] = []
    for sentence in doc.sentences:
        for match in _NUMBER.finditer(doc.text, sentence.start, sentence.end):
            found.append(_mention(doc, sentence, match))
    return found


def _mention(doc: Doc, sentence: Sentence, match: re.Match[str]) -> NumberMention:
    start, end = match.span()
    value = match.group()
    version = _NAMED_VERSION.search(doc.text, sentence.start, start)
    if "." in value and version:
        start = version.start()
        return NumberMention(doc.seed.raw[start:end], "", start, end, sentence)
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", value):
        return NumberMention(value, "year", start, end, sentence)
    unit_end = _unit_end(doc.text, end, sentence.end)
    unit = " ".join(doc.seed.raw[end:unit_end].split())
    return NumberMention(value, unit, start, max(end, unit_end), sentence)


def _unit_end(text: str, pos: int, limit: int) -> int:
    """End of the noun a number counts: "bottles", "common enemy", "bottles of champagne"."""
    end = pos
    first = _noun(text, pos, limit)
    if first is not None:
        end = first.end()
        second = None if first.group(1).endswith("s") else _noun(text, end, limit)
        if second is not None and not second.group(1).endswith(("ed", "ing")):
            end = second.end()
    joint = _WORD.match(text, end, limit)
    if joint and joint.group(1) == "of":
        after = joint.end()
        article = _WORD.match(text, after, limit)
        if article and article.group(1) in ("the", "a", "an", "its", "their"):
            after = article.end()
        counted = _noun(text, after, limit)
        if counted is not None:
            end = counted.end()
    return end


def _noun(text: str, pos: int, limit: int) -> re.Match[str] | None:
    found = _WORD.match(text, pos, limit)
    if found is None or not found.group(1)[0].islower():
        return None
    return None if found.group(1).lower() in NUMBER_STOPWORDS else found
