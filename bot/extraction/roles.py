"""Roles the article gives a person, in each form journalists write them.

- Before the name: "US Secretary of State Mia Grant", "Palestinian chief negotiator X",
  "Hawks goalie X", "retired Army Lt. Gen. X" (`title_before`).
- An appositive after the name, with or without an article, after an age, up to the clause
  that follows: "X, director of the Port Authority", "X, 51, co-owner of …", "X, president of
  Lark & Finch, a Tacoma design agency, said" (`appositive_after`).
- A predicate: "Blake is the chief executive of Lark & Finch" (`predicate_role`).
- Set off before the name ("Her deputy, X, was …"), "X to the post of …", and definite
  descriptions ("the veteran winger" when one person was just named).

Every role must hold a role word (a title or a role noun, or for appositives a word shaped like
one: "-er", "-ist", "-man"); ages are no roles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.extraction.lexicon import (
    CALENDAR_WORDS,
    CHARACTERISING_VERBS,
    DESCRIPTION_NOUNS,
    FUNCTION_WORDS,
    NUMBER_STOPWORDS,
    PREPOSITIONS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from bot.extraction.segment import Sentence
from bot.extraction.tokens import Token

if TYPE_CHECKING:
    from bot.extraction.doc import Doc
    from bot.extraction.persons import People

_CONNECTORS = frozenset("of the for".split())
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ary|ory|ian|ese|ish|ior|ous|ful|ing|ern|ign|ile|ar)$")
_ROLE_SHAPE = re.compile(r"(?:er|or|ist|ian|man|woman|person|ee|ent|ant|ary)$")
_POST = re.compile(
    r"\s+(?:to|as)\s+(?:the\s+)?(?:(?:post|position|role|job|office)\s+of\s+)?"
    r"(?P<role>[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){0,5})"
)
_PRE_APPOSITIVE = re.compile(
    r"(?<![\w’'-])(?P<role>(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Ii]ts|[Aa]n?|[A-Z][\w&-]*[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+),\s*$"
)
_NOUNS = "|".join(
    sorted({n for w in DESCRIPTION_NOUNS for n in (w, w.capitalize())}, key=len, reverse=True)
)
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+(?P<desc>(?:[\w-]+\s+){{0,2}}(?:{_NOUNS}))\b(?![\w-])(?!\s+(?:[A-Z]|of\b))"
)
_AGE = re.compile(r",\s*(?P<age>\d{1,3}),\s*")
_COMMA = re.compile(r",\s*")
_RELATIVE = re.compile(r"\s+(?:who|which|whose|whom|that)\s+")
_LEADING_ADVERB = re.compile(r"(?:now|also|currently|formerly|once|still|then)\s+(?=\S)")
_PREDICATE = re.compile(
    r"(?:,\s+who)?\s+(?:is|was|has\s+been|had\s+been|became|becomes|remains|serves\s+as|"
    r"served\s+as)\s+"
    r"(?:(?:a|an|the|its|their)\s+)?(?=\S)"
)
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_WORDS = re.compile(r"[\w’'&-]+")
_STOP_WORDS = frozenset(
    "who which that whose whom when while because since until after before as and but if "
    "where though although so than".split()
)
_MAX_APPOSITIVE_WORDS = 30


def title_before(doc: Doc, tokens: list[Token], first: int) -> str | None:
    """Titles and role words right before a name: "US Secretary of State", "Hawks goalie"."""
    index = first - 1
    chain: list[int] = []
    while index >= 0:
        token = tokens[index]
        if token.is_punct or token.possessive or (token.dot and not token.is_title):
            break
        if not _in_title_chain(token, tokens[chain[-1]] if chain else None):
            break
        chain.append(index)
        index -= 1
    if not chain:
        return None
    lo, hi = chain[-1], chain[0]
    while lo <= hi and (tokens[lo].lower in _CONNECTORS or tokens[lo].is_honorific):
        lo += 1
    while hi >= lo and (tokens[hi].lower in _CONNECTORS or tokens[hi].is_honorific):
        hi -= 1
    if lo > hi or not any(_role_word(t) for t in tokens[lo : hi + 1]):
        return None
    if lo == hi and tokens[lo].word.endswith("s") and tokens[lo].lower[:-1] in TITLES:
        return tokens[lo].word[:-1]  # "Presidents George W. Bush and ..." -> "President"
    return doc.seed.raw[tokens[lo].start : tokens[hi].end]


def _in_title_chain(token: Token, after: Token | None) -> bool:
    """Whether a token can stand in a role before a name, given the role token after it."""
    lower = token.lower
    if token.is_title or lower in ROLE_NOUNS or lower in ROLE_MODIFIERS or _is_acronym(token):
        return True
    if after is None and lower.endswith("s") and lower[:-1] in ROLE_NOUNS:
        return True  # "Wild forwards Kevin Fiala and …"
    if lower in CALENDAR_WORDS or lower in FUNCTION_WORDS - _CONNECTORS:
        return False
    if lower in _CONNECTORS:  # "Secretary of State", "President of the United States"
        return after is not None and (
            after.is_cap or after.is_title or _is_acronym(after) or after.lower in _CONNECTORS
        )
    if token.is_cap or _is_acronym(token):
        return True
    if not token.word.islower() or lower in SPEECH_VERBS or lower in CHARACTERISING_VERBS:
        return False
    if after is None:
        return False
    # "foreign minister", "public information officer": adjectives and compound nouns.
    return bool(_ADJECTIVE.search(lower)) or (
        after.lower in ROLE_NOUNS and not lower.endswith(("ed", "s"))
    )


def _role_word(token: Token) -> bool:
    return token.is_role_word or (token.lower.endswith("s") and token.lower[:-1] in ROLE_NOUNS)


def _is_acronym(token: Token) -> bool:
    return 2 <= len(token.word) <= 5 and token.word.isalpha() and token.word.isupper()


def appositive_after(doc: Doc, hidden: str, end: int, sentence: Sentence) -> str | None:
    """A role set off after the name ("X, 51, co-owner of the Blue Door Cafe, said")."""
    found = _COMMA.match(hidden, end, sentence.end)
    if not found:
        return None
    age = _AGE.match(hidden, end, sentence.end)
    start = age.end() if age else found.end()
    adverb = _LEADING_ADVERB.match(hidden, start, sentence.end)  # "X, now the Sabres’ coach,"
    segments = _segments(hidden, adverb.end() if adverb else start, sentence.end)
    if not segments or not _is_role_phrase(doc.seed.raw[segments[0][0] : segments[0][1]]):
        return None
    kept = segments[:1]
    closed = segments[-1][1] < _trim_end(hidden, sentence.start, sentence.end)
    if closed:  # the appositive ends where the clause resumes: keep what lies between
        kept = segments
    text = doc.seed.raw[kept[0][0] : kept[-1][1]]
    if len(text.split()) > _MAX_APPOSITIVE_WORDS:
        text = doc.seed.raw[segments[0][0] : segments[0][1]]
    text = _RELATIVE.split(text, maxsplit=1)[0]  # "a former Fed economist who now teaches …"
    return _ARTICLE.sub("", text).strip() or None


def _segments(hidden: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of an appositive, up to where the sentence's clause resumes."""
    segments: list[tuple[int, int]] = []
    pos = start
    while pos < limit:
        stop = _segment_end(hidden, pos, limit)
        piece = hidden[pos:stop].strip()
        if not piece:
            break
        first = piece.split()[0].lower().strip("’'")
        if segments and (
            first not in ("a", "an", "the") or len(piece.split()) > 12 or "\x01" in piece
        ):
            break
        if "\x01" in piece or first in _STOP_WORDS:
            break
        left = pos + len(hidden[pos:stop]) - len(hidden[pos:stop].lstrip())
        segments.append((left, left + len(piece)))
        if stop >= limit or hidden[stop] != ",":
            break
        following = _COMMA.match(hidden, stop, limit)
        pos = following.end() if following else stop + 1
        if _clause_resumes(hidden, pos, limit):
            break
    return segments


def _segment_end(hidden: str, pos: int, limit: int) -> int:
    for index in range(pos, limit):
        if hidden[index] in ",;:()—–\x01" or (hidden[index] == "." and index == limit - 1):
            return index
        if hidden[index] in ".!?" and (index + 1 >= limit or hidden[index + 1].isspace()):
            return index
    return limit


def _clause_resumes(hidden: str, pos: int, limit: int) -> bool:
    """After a comma: a verb, a pronoun or a relative word starts the sentence's clause again."""
    word = _WORDS.match(hidden, pos, limit)
    if word is None:
        return True
    lower = word.group().lower()
    return (
        lower in SPEECH_VERBS
        or lower in CHARACTERISING_VERBS
        or lower in PRONOUNS_SINGULAR | PRONOUNS_PLURAL | {"it", "i"}
        or lower in _STOP_WORDS
        or (word.group().islower() and lower not in ("a", "an", "the"))
    )


def _trim_end(hidden: str, start: int, end: int) -> int:
    while end > start and hidden[end - 1] in " .!?\n":
        end -= 1
    return end


def _is_role_phrase(text: str) -> bool:
    """A role noun in its first words, or, after an article or a capitalised word, a head
    shaped like one ("a longtime organizer"; not "remembers the winter")."""
    raw_words = _WORDS.findall(text)
    words = [w.lower().strip("’'") for w in raw_words]
    if not words or words[0] in FUNCTION_WORDS - {"a", "an", "the"}:
        return False
    if re.match(r"[DRI]-[A-Z]", raw_words[0]):
        return False  # "D-Gloucester": a party and a district
    head = words[: next((i for i, w in enumerate(words) if w in ("of", "at", "for", "in")), None)]
    if any(w in ROLE_NOUNS or w in TITLES for w in words[:8]):
        return True
    introduced = words[0] in ("a", "an", "the") or raw_words[0][:1].isupper()
    return (
        introduced
        and bool(head)
        and bool(_ROLE_SHAPE.search(head[-1]))
        and head[-1] not in NUMBER_STOPWORDS
    )


def predicate_role(doc: Doc, hidden: str, end: int, sentence: Sentence) -> str | None:
    """ "Blake is the chief executive of Lark & Finch, …" -> "chief executive of Lark & Finch"."""
    found = _PREDICATE.match(hidden, end, sentence.end)
    if not found:
        return None
    stop = _segment_end(hidden, found.end(), sentence.end)
    words = list(_WORDS.finditer(hidden, found.end(), stop))
    kept = []
    for word in words:
        if word.group().lower() in _STOP_WORDS:
            break
        kept.append(word)
    if not kept:
        return None
    text = doc.seed.raw[kept[0].start() : kept[-1].end()]
    lowered = [w.group().lower() for w in kept[:6]]
    if not any(w in ROLE_NOUNS or w in TITLES for w in lowered):
        return None
    return text


def pre_appositive_role(doc: Doc, start: int, end: int, sentence: Sentence) -> str | None:
    """A role set off before the name: "Her deputy, Samuel K. Brandt, was more cautious"."""
    if doc.text[end : end + 1] != ",":
        return None
    found = _PRE_APPOSITIVE.search(doc.text, sentence.start, start)
    if not found:
        return None
    role = found.group("role")
    words = {w.lower() for w in role.split()}
    return role if words & ROLE_NOUNS else None


def post_role(doc: Doc, end: int, sentence: Sentence) -> str | None:
    """A role after the name: "Michael Flynn to the post of National Security Advisor"."""
    found = _POST.match(doc.text, end, sentence.end)
    if not found:
        return None
    role = found.group("role")
    words = {w.lower() for w in role.split()}
    return role if words & (ROLE_NOUNS | TITLES) else None


def description_roles(doc: Doc, people: People, sentence: Sentence) -> list[tuple[str, int, str]]:
    """ "the veteran winger" when exactly one person was named just before it."""
    found: list[tuple[str, int, str]] = []
    for match in _DESCRIPTION.finditer(doc.text, sentence.start, sentence.end):
        desc = match.group("desc")
        if any(w.lower() in NUMBER_STOPWORDS for w in desc.split()):
            continue
        leading = doc.text[max(sentence.start, match.start() - 20) : match.start()].split()
        names = {m.person for m in people.in_sentence(sentence.index) if m.end <= match.start()}
        if names and leading and leading[-1].lower() in PREPOSITIONS:
            continue  # "X, a former adviser to the governor": someone else
        if not names:
            before = doc.previous(sentence)
            if before is not None:
                names = {m.person for m in people.in_sentence(before.index)}
        if len(names) == 1:
            found.append((desc, match.start("desc"), names.pop()))
    return found
