"""Organisations an article names, so that "the company said" can name the company.

An organisation is a capitalised name (its words may be joined by "of", "for", "and", "&":
"Food and Drug Administration", "Chapter & Verse") that holds an organisation word ("Beam
Therapeutics", "Labor Department"), is set off by an appositive saying what it is ("Harbor
Genomics, a Boston biotech company,"), or speaks ("Pfizer said") while being no person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc
from bot.extraction.lexicon import FUNCTION_WORDS, GENERIC_GROUPS, SPEECH_VERBS
from bot.extraction.segment import Sentence
from bot.extraction.tokens import Token, tokenize

# Words that make a capitalised name an organisation (not a place, a period or a work).
ORG_WORDS = frozenset(
    "inc ltd llc plc corp co company corporation group holdings therapeutics pharmaceuticals "
    "pharma biosciences bioscience biotech bio biotechnology biotechnologies medicine medicines "
    "genomics genetics biologics oncology diagnostics labs laboratories technologies technology "
    "systems capital partners ventures bank fund association organization organisation "
    "foundation institute institutes university college council committee commission ministry "
    "department agency authority office bureau administration league union party board court "
    "federation network media airlines motors energy insurance financial securities foods "
    "brands stores industries enterprises consulting analytics trust alliance coalition "
    "economics reserve treasury exchange service services police army navy parliament senate "
    "congress assembly government forum".split()
)
# Heads of a definite description that refers back to an organisation ("the company said").
ORG_NOUNS = frozenset(
    "company firm startup start-up drugmaker automaker carmaker biotech lender bank insurer "
    "retailer chain agency department ministry league union group organization organisation "
    "nonprofit charity institute university council committee board commission court "
    "government administration office authority regulator manufacturer developer producer "
    "publisher airline operator utility fund".split()
)
_GENERIC = frozenset(
    "company firm startup start-up drugmaker automaker carmaker biotech lender insurer "
    "retailer chain group organization organisation nonprofit charity manufacturer developer "
    "producer publisher airline operator utility".split()
)
# "the agency" may be an Administration, "the union" an Association: the words a name may use.
_KINDS = {
    "agency": "agency administration department office bureau commission service authority",
    "department": "department ministry office",
    "ministry": "ministry department office",
    "regulator": "agency administration commission authority board office",
    "union": "union association federation",
    "group": "group association coalition alliance organization organisation",
    "bank": "bank reserve",
    "government": "government administration",
}
_JOINERS = frozenset("of for and & the de".split())
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,5}?(?P<noun>[\w-]+)\s*[,.]")


@dataclass(frozen=True)
class Organisation:
    name: str
    start: int
    sentence: int


def find_organisations(doc: Doc, person_spans: list[tuple[int, int]]) -> list[Organisation]:
    """Every organisation named in the article body, in text order."""
    found: list[Organisation] = []
    for sentence in doc.sentences:
        tokens = tokenize(doc.text, sentence.start, sentence.end)
        index = 0
        while index < len(tokens):
            stop = _stretch_end(tokens, index)
            if stop > index:
                organisation = _organisation(doc, sentence, tokens, index, stop, person_spans)
                if organisation is not None:
                    found.append(organisation)
                index = stop
            else:
                index += 1
    return found


def _capital(token: Token) -> bool:
    return token.word[:1].isupper() and token.word[:1].isalpha()


def _stretch_end(tokens: list[Token], index: int) -> int:
    """End (exclusive) of the capitalised name starting at `index`, or `index` if none."""
    lower = tokens[index].lower
    if not _capital(tokens[index]) or lower in FUNCTION_WORDS or lower in GENERIC_GROUPS:
        return index
    stop = index + 1
    while stop < len(tokens):
        token = tokens[stop]
        if tokens[stop - 1].possessive:
            break
        if _capital(token) and token.lower != "the":
            stop += 1
        elif token.lower in _JOINERS and stop + 1 < len(tokens) and _capital(tokens[stop + 1]):
            stop += 1
        else:
            break
    return stop


def _organisation(
    doc: Doc,
    sentence: Sentence,
    tokens: list[Token],
    start: int,
    stop: int,
    person_spans: list[tuple[int, int]],
) -> Organisation | None:
    first, last = tokens[start], tokens[stop - 1]
    if any(a < last.end and first.start < b for a, b in person_spans):
        return None
    words = [t.lower for t in tokens[start:stop]]
    after = tokens[stop] if stop < len(tokens) else None
    described = _APPOSITIVE.match(doc.text, last.end, sentence.end)
    speaks = after is not None and after.word in SPEECH_VERBS
    if not (
        any(w in ORG_WORDS for w in words)
        or (described is not None and described.group("noun").lower() in ORG_NOUNS)
        or speaks
    ):
        return None
    return Organisation(doc.seed.raw[first.start : last.end], first.start, sentence.index)


def resolve_description(
    organisations: list[Organisation], phrase: str, pos: int, sentence: int
) -> Organisation | None:
    """The organisation "the company" or "the ministry" at `pos` refers back to, if any."""
    words = phrase.lower().split()
    if len(words) < 2 or words[0] not in ("the", "its") or words[-1] not in ORG_NOUNS:
        return None
    head = words[-1]
    before = [o for o in organisations if o.start < pos and sentence - o.sentence <= 6]
    kinds = set(_KINDS.get(head, head).split())
    named = [o for o in before if kinds & set(o.name.lower().split())]
    if named:
        return named[-1]
    return before[-1] if before and head in _GENERIC else None
