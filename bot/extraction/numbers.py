"""Numbers that matter, with what they count: "130 bottles of champagne", "$45 million", "4-1".

Left out, because a reader never asks about them: ages set off after a name ("Lind, 34,") or
"35-year-old", clock times and dates ("1:12 left", "Nov. 19"), jersey numbers in parentheses,
numbers inside a name ("Innovators Under 35"), spelled-out numbers that count nothing ("the only
two states") or make an adjective ("two-state solution"), and in quotes anything but money,
percentages and counted things written in digits. The same number with the same unit is listed once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc
from bot.extraction.lexicon import FUNCTION_WORDS, MONTHS, NUMBER_STOPWORDS, NUMBER_WORDS, SCALES
from bot.extraction.segment import Sentence

_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))?"
_PERCENT = r"(?:\s?%|\s+(?:percent|per\s+cent))?"
_DIGITS = r"(?:[$£€¥]\s?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?(?![\w-]))?"
_SPELLED = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,$£€¥:-])(?:(?:{_DIGITS}){_SCALE}{_PERCENT}"
    rf"|\b(?i:number\s+one|one\s+(?:{'|'.join(sorted(SCALES))})|(?:{_SPELLED}){_SCALE})\b"
    rf"{_PERCENT})(?:-[a-z]+\b)?(?![\w-])"
)
_NAMED_VERSION = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}$")  # "Cold War " before "2.0"
_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")
_MONTH = re.compile(
    r"(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?\s+$"
)  # "Nov. " or "November " before a day
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
_STRONG = re.compile(r"[$£€¥%]|percent|per cent|hundred|thousand|million|billion|trillion", re.I)
_UNIT_STOPWORDS = NUMBER_STOPWORDS | FUNCTION_WORDS | frozenset("early late left".split())


@dataclass(frozen=True)
class NumberMention:
    number: str  # as written: "130", "two", "Cold War 2.0"
    unit: str  # what it counts ("bottles of champagne"), "year" for years, "" if unknown
    start: int  # raw span of number and unit
    end: int
    sentence: Sentence


def find_numbers(doc: Doc, hidden: str | None = None) -> list[NumberMention]:
    """Every number that matters in the article body, in order (see the module docstring).

    `hidden` is the text with quotes hidden (see `quotes.hidden_text`), to tell quoted numbers.
    """
    found: list[NumberMention] = []
    seen: set[tuple[str, str]] = set()
    for sentence in doc.sentences:
        for match in _NUMBER.finditer(doc.text, sentence.start, sentence.end):
            if _noise(doc.text, sentence, match):
                continue
            mention = _mention(doc, sentence, match)
            quoted = hidden is not None and hidden[match.start()] == "\x01"
            if not _matters(mention, match.group(), quoted):
                continue
            key = (mention.number.lower(), mention.unit.lower())
            if key not in seen:
                seen.add(key)
                found.append(mention)
    return found


def _noise(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Ages, times, dates, jersey numbers and numbers inside names."""
    start, end = match.span()
    before = text[max(sentence.start, start - 30) : start]
    after = text[end : end + 12]
    value = match.group()
    if re.match(r"\s*,", after) and re.search(r"[A-Z][\w’'-]*,\s*$", before):
        return True  # "Lind, 34, scored"
    if value.endswith("-year-old") or re.match(r"-year-old|\s*(?:a\.m\.|p\.m\.)", after):
        return True
    if re.match(r":\d\d", after) or re.search(r"\d:$", before):
        return True
    if _MONTH.search(before) and re.fullmatch(r"\d{1,2}(?:[-–]\d{1,2})?", value):
        return True
    if before.endswith("(") and after.startswith(")"):
        return True
    named = _CAPITAL_BEFORE.search(text, max(sentence.start, start - 30), start)
    if named is None or not re.fullmatch(r"\d{1,3}", value):
        return False
    # "Innovators Under 35": a capitalised word that does not open the sentence
    return any(c.isalnum() for c in text[sentence.start : named.start()])


def _matters(mention: NumberMention, value: str, quoted: bool) -> bool:
    spelled = not any(c.isdigit() for c in value)
    strong = bool(_STRONG.search(value))
    if value.lower() == "number one" or mention.unit == "year" or mention.number != value:
        return True  # a year, or a named version such as "Cold War 2.0"
    if spelled and "-" in value:
        return False  # "two-state solution"
    if re.search(r"\d-[a-z]", value) and not mention.unit:
        return False  # "the 10-year Treasury note"
    if spelled and not strong and not mention.unit:
        return False  # "the only two states"
    if quoted:
        return not spelled and (strong or bool(mention.unit))
    return True


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
    first = _noun(text, pos, limit, plural_name=True)
    if first is not None:
        end = first.end()
        second = None if first.group(1).endswith("s") else _noun(text, end, limit)
        if second is not None and not second.group(1).endswith(("ed", "ing", "ly")):
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


def _noun(text: str, pos: int, limit: int, plural_name: bool = False) -> re.Match[str] | None:
    """A lower-case noun at pos ("bottles"), or with `plural_name` a people's name ("Israelis")."""
    found = _WORD.match(text, pos, limit)
    if found is None:
        return None
    word = found.group(1)
    if not word[0].islower() and not (plural_name and word.endswith("s") and word[1:].islower()):
        return None
    return None if word.lower() in _UNIT_STOPWORDS else found
