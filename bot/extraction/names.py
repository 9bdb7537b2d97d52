"""Capitalised name runs in a sentence, and the cues around them that say "this is a person".

A run such as "retired Army Lt. Gen. Michael Flynn" is split into its title part and the name
("Michael Flynn"). Function words ("Under", "I", "Eventually") never belong to a name, so the
headline-case "Innovators Under 35" yields no two-word name. The cues recorded on each run:

- strong: a title or honorific before it ("Mr.", "Energy Secretary"), a role set off after it
  ("X, director of …", "X, 51, …"), a predicate role ("X is the CEO of …"), a speech verb next
  to it ("said X", "X said");
- against: an organisation or place word in it ("Arab League", "Policy Forum"), a word the
  article also writes in lower case, "the" or a place preposition right before it ("the Gush
  Etzion bloc", "at Goldman Sachs"), a
  thing or role noun right after it ("the Smith family", "Minnesota Wild coach"), a capitalised
  name joined to it by "of", "for" or "&" ("Commissioner for Human Rights", "Chapter & Verse"),
  "its" after its speech verb ("Eli Lilly said its drug …").

`persons` weighs these with what the whole article says (surnames used alone, see there).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from bot.extraction.lexicon import (
    CALENDAR_WORDS,
    FUNCTION_WORDS,
    NAME_SUFFIXES,
    NON_NAME_OPENERS,
    NON_PERSON_WORDS,
    OBJECT_VERBS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    THING_NOUNS,
    TITLES,
)
from bot.extraction.segment import Sentence
from bot.extraction.tokens import Token

# Function words that are also first names or surnames ("Theresa May", "Will Hurd").
_NAME_LIKE = frozenset("will may can might must shall do did does ever well soon".split())
NAME_BREAKERS = FUNCTION_WORDS - _NAME_LIKE
_ORG_JOINERS = frozenset("of for &".split())


@dataclass(frozen=True)
class NameRun:
    """A capitalised name in a sentence, with the cues around it."""

    sentence: Sentence
    tokens: list[Token]  # every token of the sentence
    first: int  # index of the first name token
    last: int  # index of the last name token
    title_cue: bool
    honorific_only: bool
    speech_cue: bool = False
    against: str = ""  # why the run is probably no person ("" when nothing says so)

    @property
    def name_tokens(self) -> list[Token]:
        return self.tokens[self.first : self.last + 1]

    @cached_property
    def words(self) -> list[str]:
        return [t.word for t in self.name_tokens if t.is_cap]

    @property
    def name(self) -> str:
        return " ".join(t.word + ("." if t.is_initial else "") for t in self.name_tokens)

    @cached_property
    def surname(self) -> str:
        words = [w for w in self.words if w.lower() not in NAME_SUFFIXES]
        return (words or self.words)[-1]

    @property
    def start(self) -> int:
        return self.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.tokens[self.last].end

    @property
    def possessive(self) -> bool:
        return self.tokens[self.last].possessive

    @property
    def cue_start(self) -> int:
        """Where the name starts including directly preceding titles ("Mr. Peskov")."""
        index = self.first
        while index > 0 and self.tokens[index - 1].is_title:
            index -= 1
        return self.tokens[index].start


def find_runs(sentence: Sentence, tokens: list[Token], text: str) -> list[NameRun]:
    """Every capitalised name run in a sentence (persons or not: see `persons`)."""
    runs: list[NameRun] = []
    index = 0
    while index < len(tokens):
        if not _nameish(tokens, index):
            index += 1
            continue
        stop = index
        while stop < len(tokens) and _nameish(tokens, stop):
            token = tokens[stop]
            stop += 1
            if token.possessive or (token.dot and not (token.is_initial or token.is_title)):
                break
        run = _split_run(sentence, tokens, index, stop)
        if run is not None:
            runs.append(run)
        index = stop
    return runs


def _nameish(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.lower in NAME_BREAKERS and not token.is_title:
        return False
    return token.is_cap or token.is_initial or token.is_title or token.is_particle


def _split_run(sentence: Sentence, tokens: list[Token], start: int, stop: int) -> NameRun | None:
    titles = [k for k in range(start, stop) if _titleish(tokens[k])]
    first = start
    for k in reversed(titles):
        if any(tokens[j].is_cap and not _titleish(tokens[j]) for j in range(k + 1, stop)):
            first = k + 1
            break
    title_cue = first > start
    if not title_cue:
        while first < stop and (
            tokens[first].lower in NON_NAME_OPENERS
            or tokens[first].lower in NON_PERSON_WORDS
            or tokens[first].lower in SPEECH_VERBS  # "Said Moller: …"
            or tokens[first].is_particle
        ):
            first += 1
    last = stop - 1
    while last >= first and not tokens[last].is_cap:
        last -= 1
    if last < first or not tokens[first].is_cap:
        return None
    honorific_only = title_cue and all(tokens[k].is_honorific for k in range(start, first))
    run = NameRun(sentence, tokens, first, last, title_cue, honorific_only)
    return NameRun(
        sentence,
        tokens,
        first,
        last,
        title_cue,
        honorific_only,
        _speech_next_to(run),
        "" if title_cue else _against(run),
    )


def _titleish(token: Token) -> bool:
    """A title, or a capitalised role noun standing as one ("Budget Director Ann Kovacs")."""
    return token.is_title or (token.word[:1].isupper() and token.lower in ROLE_NOUNS)


def _speech_next_to(run: NameRun) -> bool:
    after = run.tokens[run.last + 1] if run.last + 1 < len(run.tokens) else None
    before_index = run.first - 1
    while before_index >= 0 and run.tokens[before_index].is_title:
        before_index -= 1
    before = run.tokens[before_index] if before_index >= 0 else None
    if after is not None and not run.possessive and after.word in SPEECH_VERBS:
        return True
    return before is not None and before.word in SPEECH_VERBS - OBJECT_VERBS


def _against(run: NameRun) -> str:
    """What says the run names no person, if anything (see the module docstring)."""
    tokens = run.name_tokens
    if any(_organisation_word(t.lower) for t in tokens):
        return "organisation word"
    if any(t.lower in CALENDAR_WORDS for t in tokens):
        return "calendar word"
    before = run.tokens[run.first - 1] if run.first > 0 else None
    after = run.tokens[run.last + 1] if run.last + 1 < len(run.tokens) else None
    if before is not None and (before.lower == "the" or before.lower in PLACE_PREPOSITIONS):
        return f"after “{before.word}”"
    if after is not None and not run.possessive and after.word.islower():
        noun = after.lower[:-1] if after.lower.endswith("s") else after.lower
        if after.lower in THING_NOUNS or after.lower in ROLE_NOUNS or noun in ROLE_NOUNS:
            return f"before “{after.word}”"  # "Minnesota Wild coach", "Morgan Stanley analysts"
    if _it_says(run):
        return "speaks of “its” own"
    if _org_joined(run.tokens, run.first - 1, -1) or _org_joined(run.tokens, run.last + 1, 1):
        return "joined to a name by of/for/&"
    return ""


def _it_says(run: NameRun) -> bool:
    """ "Eli Lilly said its drug …": a company speaks of what is its own (a person may well
    say "it": "Reid said it would ruin the waterfront")."""
    index = run.last + 1
    tokens = run.tokens
    if run.possessive or index + 1 >= len(tokens) or tokens[index].word not in SPEECH_VERBS:
        return False
    following = tokens[index + 1].lower
    if following == "that" and index + 2 < len(tokens):
        following = tokens[index + 2].lower
    return following == "its" and len(run.words) >= 2


def _organisation_word(lower: str) -> bool:
    """ "League", "Ministry"; plurals in -ies too ("Cities", "Industries")."""
    return lower in NON_PERSON_WORDS or (
        lower.endswith("ies") and lower[:-3] + "y" in NON_PERSON_WORDS
    )


def _org_joined(tokens: list[Token], index: int, step: int) -> bool:
    """A joiner ("of", "for", "&") at `index` with a capitalised word beyond it."""
    if not 0 <= index < len(tokens) or tokens[index].lower not in _ORG_JOINERS:
        return False
    beyond = index + step
    if not 0 <= beyond < len(tokens):
        return False
    word = tokens[beyond]
    return (word.is_cap or word.word.isupper()) and word.lower not in TITLES
