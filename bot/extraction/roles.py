"""Roles the article gives a person: before the name, after it, or by a definite description."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extraction.lexicon import (
    DESCRIPTION_NOUNS,
    NUMBER_STOPWORDS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    TITLES,
)
from bot.extraction.names import NameRun
from bot.extraction.segment import Sentence

if TYPE_CHECKING:
    from bot.extraction.doc import Doc
    from bot.extraction.persons import People

_CONNECTORS = frozenset("of the for".split())
_POST = re.compile(
    r"\s+(?:to|as)\s+(?:the\s+)?(?:(?:post|position|role|job|office)\s+of\s+)?"
    r"(?P<role>[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,5})"
)
_PRE_APPOSITIVE = re.compile(
    r"(?<![\w’'-])(?P<role>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Ii]ts|[Aa]n?)\s+"
    r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+),\s*$"
)
_NOUNS = "|".join(sorted({n for w in DESCRIPTION_NOUNS for n in (w, w.capitalize())}, key=len))
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+(?P<desc>(?:[\w-]+\s+){{0,2}}?(?:{_NOUNS}))\b(?![\w-])(?!\s+(?:[A-Z]|of\b))"
)


def premodifier_role(doc: Doc, run: NameRun) -> str | None:
    """Titles and modifiers right before a name: "retired Army Lt. Gen.", "Russian MP"."""
    tokens = run.tokens
    index = run.first - 1
    while index >= 0:
        token = tokens[index]
        if token.is_punct or token.possessive or (token.dot and not token.is_title):
            break
        lower = token.lower
        if not (
            token.is_title
            or token.is_cap
            or lower in ROLE_MODIFIERS
            or lower in ROLE_NOUNS
            or lower in _CONNECTORS
        ):
            break
        index -= 1
    first, last = index + 1, run.first - 1
    while first <= last and (tokens[first].lower in _CONNECTORS or tokens[first].is_honorific):
        first += 1
    while last >= first and (tokens[last].lower in _CONNECTORS or tokens[last].is_honorific):
        last -= 1
    if first > last or not any(t.is_role_word for t in tokens[first : last + 1]):
        return None
    if first == last and tokens[first].word.endswith("s") and tokens[first].lower[:-1] in TITLES:
        return tokens[first].word[:-1]  # "Presidents George W. Bush and ..." -> "President"
    return doc.seed.raw[tokens[first].start : tokens[last].end]


def pre_appositive_role(doc: Doc, run: NameRun) -> str | None:
    """A role set off before the name: "Her deputy, Samuel K. Brandt, was more cautious"."""
    if doc.text[run.end : run.end + 1] != ",":
        return None
    found = _PRE_APPOSITIVE.search(doc.text, run.sentence.start, run.cue_start)
    if not found:
        return None
    role = found.group("role")
    words = {w.lower() for w in role.split()}
    return role if words & ROLE_NOUNS else None


def post_role(doc: Doc, run: NameRun) -> str | None:
    """A role after the name: "Michael Flynn to the post of National Security Advisor"."""
    if run.tokens[run.last].possessive:
        return None
    found = _POST.match(doc.text, run.end, run.sentence.end)
    if not found:
        return None
    role = found.group("role")
    words = {w.lower() for w in role.split()}
    return role if words & (ROLE_NOUNS | TITLES) else None


def description_roles(doc: Doc, people: People, sentence: Sentence) -> list[tuple[str, int, str]]:
    """ "the Republican candidate" when exactly one person was named just before it."""
    found: list[tuple[str, int, str]] = []
    for match in _DESCRIPTION.finditer(doc.text, sentence.start, sentence.end):
        desc = match.group("desc")
        if any(w.lower() in NUMBER_STOPWORDS for w in desc.split()):
            continue
        names = {m.person for m in people.in_sentence(sentence.index) if m.end <= match.start()}
        if not names:
            before = doc.previous(sentence)
            if before is not None:
                names = {m.person for m in people.in_sentence(before.index)}
        if len(names) == 1:
            found.append((desc, match.start("desc"), names.pop()))
    return found
