"""Capitalised name runs in a sentence and the cues that say whether they name a person.

A run such as "retired Army Lt. Gen. Michael Flynn" is split into its title part and the name
("Michael Flynn"). A name counts as a person when a cue says so: a title or honorific before it,
a speech verb next to it ("Peskov said", "said Mr. Peskov"), an appositive role after it
("Dmitry Peskov, a Kremlin spokesman"), or, without a cue, two or more capitalised words none of
which is a place/organisation word, a calendar word or a word the article also uses in lower case,
not right after "the" or a place preposition ("at Goldman Sachs", "in New Hampshire"). Surnames
of people found so ("Trump", "Trump’s") are then mentions of them (see `persons`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.lexicon import (
    CALENDAR_WORDS,
    NAME_SUFFIXES,
    NON_NAME_OPENERS,
    NON_PERSON_WORDS,
    OBJECT_VERBS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
)
from bot.extraction.segment import Sentence
from bot.extraction.tokens import Token

_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:a|an|the|his|her|its|their)\s+"
    r"(?P<role>[^,;:!?“”\"()]{2,80}?)(?=\s*(?:[,;:!?)—–]|\.?\s*$))"
)


@dataclass(frozen=True)
class NameRun:
    """A capitalised name in a sentence, with the cues around it."""

    sentence: Sentence
    tokens: list[Token]  # every token of the sentence
    first: int  # index of the first name token
    last: int  # index of the last name token
    title_cue: bool
    honorific_only: bool
    speech_cue: bool
    appositive: tuple[str, int, int] | None  # role text and its raw span

    @property
    def name_tokens(self) -> list[Token]:
        return self.tokens[self.first : self.last + 1]

    @property
    def words(self) -> list[str]:
        return [t.word for t in self.name_tokens if t.is_cap]

    @property
    def name(self) -> str:
        return " ".join(t.word + ("." if t.is_initial else "") for t in self.name_tokens)

    @property
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
    def cue_start(self) -> int:
        """Where the name starts including directly preceding titles ("Mr. Peskov")."""
        index = self.first
        while index > 0 and self.tokens[index - 1].is_title:
            index -= 1
        return self.tokens[index].start

    @property
    def has_cue(self) -> bool:
        return self.title_cue or self.speech_cue or self.appositive is not None


def find_runs(sentence: Sentence, tokens: list[Token], text: str) -> list[NameRun]:
    """Every capitalised name run in a sentence (persons or not: see `is_person`)."""
    runs: list[NameRun] = []
    index = 0
    while index < len(tokens):
        if not _nameish(tokens[index]):
            index += 1
            continue
        stop = index
        while stop < len(tokens) and _nameish(tokens[stop]):
            token = tokens[stop]
            stop += 1
            if token.possessive or (token.dot and not (token.is_initial or token.is_title)):
                break
        run = _split_run(sentence, tokens, index, stop, text)
        if run is not None:
            runs.append(run)
        index = stop
    return runs


def is_person(run: NameRun, lower_words: set[str]) -> bool:
    """Whether the cues around a run say it names a person (see the module docstring)."""
    tokens = run.name_tokens
    non_person = any(t.lower in NON_PERSON_WORDS for t in tokens)
    if run.title_cue and (run.honorific_only or not non_person):
        return True
    if non_person:
        return False
    common = any(t.lower in lower_words for t in tokens if t.is_cap)
    if run.speech_cue or run.appositive is not None:
        return not common
    if len(run.words) < 2 or _after(run, {"the"} | PLACE_PREPOSITIONS) or common:
        return False
    return not any(t.lower in CALENDAR_WORDS for t in tokens)


def _nameish(token: Token) -> bool:
    return token.is_cap or token.is_initial or token.is_title or token.is_particle


def _split_run(
    sentence: Sentence, tokens: list[Token], start: int, stop: int, text: str
) -> NameRun | None:
    titles = [k for k in range(start, stop) if tokens[k].is_title]
    first = start
    for k in reversed(titles):
        if any(tokens[j].is_cap and not tokens[j].is_title for j in range(k + 1, stop)):
            first = k + 1
            break
    title_cue = first > start
    if not title_cue:
        while first < stop and (
            tokens[first].lower in NON_NAME_OPENERS
            or tokens[first].lower in NON_PERSON_WORDS
            or tokens[first].is_particle
        ):
            first += 1
    last = stop - 1
    while last >= first and not tokens[last].is_cap:
        last -= 1
    if last < first or not tokens[first].is_cap:
        return None
    honorific_only = title_cue and all(tokens[k].is_honorific for k in range(start, first))
    run = NameRun(sentence, tokens, first, last, title_cue, honorific_only, False, None)
    return NameRun(
        sentence,
        tokens,
        first,
        last,
        title_cue,
        honorific_only,
        _speech_next_to(run),
        None if tokens[last].possessive else _appositive(run, text),
    )


def _speech_next_to(run: NameRun) -> bool:
    after = run.tokens[run.last + 1] if run.last + 1 < len(run.tokens) else None
    before_index = run.first - 1
    while before_index >= 0 and run.tokens[before_index].is_title:
        before_index -= 1
    before = run.tokens[before_index] if before_index >= 0 else None
    if after is not None and not run.tokens[run.last].possessive and after.word in SPEECH_VERBS:
        return True
    return before is not None and before.word in SPEECH_VERBS - OBJECT_VERBS


def _appositive(run: NameRun, text: str) -> tuple[str, int, int] | None:
    found = _APPOSITIVE.match(text, run.end, run.sentence.end)
    if not found:
        return None
    role = found.group("role").strip()
    words = {w.strip(".’'").lower() for w in role.split()}
    if not words & (ROLE_NOUNS | TITLES):
        return None
    start = found.start("role")
    return role, start, start + len(role)


def _after(run: NameRun, words: set[str] | frozenset[str]) -> bool:
    """Whether the run directly follows one of `words` ("the Assad regime", "at Goldman")."""
    index = run.first - 1
    return index >= 0 and run.tokens[index].lower in words
