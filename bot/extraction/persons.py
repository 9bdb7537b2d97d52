"""People named in an article: mentions merged by surname, with roles, age and gender.

A name of two or more words is a person unless something says otherwise (see `names`); a
one-word name only with a title ("Mr. Grey", "coach Hale") or as the surname of a person named
in full ("Sanborn said" after "Jeff Sanborn"), so that "Vertex said" or "Analysts say" name no
one. A two-word name with no cue at all whose first word the article also uses alone ("Acme
Dredging … Acme said") is a company, not a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from bot.extraction.doc import Doc
from bot.extraction.gender import infer_genders
from bot.extraction.lexicon import HONORIFICS, NON_PERSON_WORDS, ROLE_NOUNS
from bot.extraction.names import NameRun, find_runs
from bot.extraction.organisations import Organisation, find_organisations
from bot.extraction.roles import (
    appositive_after,
    description_roles,
    post_role,
    pre_appositive_role,
    predicate_role,
    title_before,
)
from bot.extraction.tokens import Token, tokenize

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_AGE = re.compile(r",\s*(\d{1,3}),")


@dataclass(frozen=True)
class Mention:
    person: str  # the person's display name (resolved to a key later)
    start: int
    end: int
    cue_start: int  # includes a directly preceding title: "Mr. Peskov"
    sentence: int
    possessive: bool = False  # "Hege’s response"


@dataclass(eq=False)
class Person:
    name: str
    surname: str
    first: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)  # (role, sentence index)
    age: str | None = None
    gender: str | None = None  # "f", "m" or None when the article does not tell
    honorifics: set[str] = field(default_factory=set)

    def add_role(self, role: str, sentence: int) -> None:
        if role.lower() not in {r.lower() for r, _ in self.roles}:
            self.roles.append((role, sentence))

    @property
    def role_words(self) -> set[str]:
        return {w.lower().strip(".,") for role, _ in self.roles for w in role.split()}


@dataclass
class People:
    persons: list[Person]
    mentions: list[Mention]  # sorted by start
    organisations: list[Organisation] = field(default_factory=list)

    def by_name(self, name: str) -> Person:
        return next(p for p in self.persons if p.name == name)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions whose name (or title) lies inside [start, end)."""
        index = bisect_left([m.start for m in self.mentions], start)
        found = []
        for mention in self.mentions[max(0, index - 1) :]:
            if mention.cue_start >= end:
                break
            if mention.cue_start >= start and mention.end <= end:
                found.append(mention)
        return found

    def in_sentence(self, sentence: int) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sentence]


@dataclass
class _Run:
    """A name run with the roles and age found around it."""

    run: NameRun
    roles: list[str]
    age: str | None

    @property
    def strong(self) -> bool:
        return self.run.title_cue or bool(self.roles) or self.age is not None


def find_people(doc: Doc, hidden: str) -> People:
    """Every person the article names, their mentions, roles, ages and genders."""
    lower_words = {m.group() for m in _LOWER_WORD.finditer(doc.text)}
    runs: list[_Run] = []
    for sentence in doc.sentences:
        tokens = tokenize(doc.text, sentence.start, sentence.end)
        previous: _Run | None = None
        for run in find_runs(sentence, tokens, doc.text):
            found = _Run(run, _roles(doc, hidden, run), _age(hidden, run))
            if previous is not None and not found.roles:
                found.roles = _shared_plural_role(previous, run)
            runs.append(found)
            previous = found
    singles = {r.run.words[0] for r in runs if len(r.run.words) == 1}
    surnames = {r.run.surname for r in runs if len(r.run.words) >= 2}
    persons: list[Person] = []
    mentions: list[tuple[_Run, Person]] = []
    for found in runs:
        if len(found.run.words) >= 2 and _full_name_is_person(found, lower_words, singles):
            mentions.append((found, _register(persons, found.run)))
    for found in runs:
        if len(found.run.words) == 1 and _single_is_person(found, surnames):
            person = _by_surname(persons, mentions, found.run) or _register(persons, found.run)
            mentions.append((found, person))
    taken = {id(found) for found, _ in mentions}
    for found in runs:
        # A known surname after "in" or "the" is still that person ("in Trump’s honor").
        positional = found.run.against.startswith(("after", "before"))
        if (
            id(found) not in taken
            and len(found.run.words) == 1
            and (not found.run.against or positional)
        ):
            known = _by_surname(persons, mentions, found.run)
            if known is not None:
                mentions.append((found, known))
    for found, person in mentions:
        run = found.run
        person.mentions.append(
            Mention(
                person.name, run.start, run.end, run.cue_start, run.sentence.index, run.possessive
            )
        )
        for role in found.roles:
            person.add_role(role, run.sentence.index)
        person.age = person.age or found.age
        person.honorifics |= _honorifics_before(run)
    people = People(persons, sorted((m for p in persons for m in p.mentions), key=_start))
    for person in persons:
        person.mentions.sort(key=_start)
    for sentence in doc.sentences:
        for role, _, name in description_roles(doc, people, sentence):
            people.by_name(name).add_role(role, sentence.index)
    for person, gender in infer_genders(doc, people, hidden).items():
        person.gender = gender
    people.organisations = find_organisations(doc, [(m.cue_start, m.end) for m in people.mentions])
    return people


def _full_name_is_person(found: _Run, lower_words: set[str], singles: set[str]) -> bool:
    run = found.run
    if run.title_cue:
        return run.honorific_only or not any(t.lower in NON_PERSON_WORDS for t in run.name_tokens)
    if run.against:
        return False
    if found.strong:  # a role or an age says so even if a name word is a common word ("Hunt")
        return True
    if any(t.lower in lower_words for t in run.name_tokens if t.is_cap):
        return False
    if run.speech_cue:
        return True
    return run.words[0] not in singles  # "Acme Dredging … Acme said": a company


def _single_is_person(found: _Run, surnames: set[str]) -> bool:
    run = found.run
    if run.title_cue:
        return run.honorific_only or run.words[0].lower() not in NON_PERSON_WORDS
    if run.against:
        return False
    return run.surname in surnames or (
        bool(found.roles) and any(w.lower() in ROLE_NOUNS for r in found.roles for w in r.split())
    )


def _roles(doc: Doc, hidden: str, run: NameRun) -> list[str]:
    sentence = run.sentence
    found = [
        title_before(doc, run.tokens, run.first),
        None if run.possessive else appositive_after(doc, hidden, run.end, sentence),
        None if run.possessive else predicate_role(doc, hidden, run.end, sentence),
        pre_appositive_role(doc, run.cue_start, run.end, sentence),
        None if run.possessive else post_role(doc, run.end, sentence),
    ]
    return [role for role in found if role]


def _shared_plural_role(previous: _Run, run: NameRun) -> list[str]:
    """ "Wild forwards Kevin Fiala and Zach Parise": the plural title covers both names."""
    between = run.tokens[previous.run.last + 1 : run.first]
    if not between or [t.lower for t in between] not in (["and"], [","], [",", "and"]):
        return []
    plural = [r for r in previous.roles if r.split()[-1].lower().rstrip("s") in ROLE_NOUNS]
    return [r for r in plural if r.lower().endswith("s")][:1]


def _age(hidden: str, run: NameRun) -> str | None:
    if run.possessive:
        return None
    found = _AGE.match(hidden, run.end, run.sentence.end)
    return found.group(1) if found else None


def _honorifics_before(run: NameRun) -> set[str]:
    index, found = run.first - 1, set()
    tokens: list[Token] = run.tokens
    while index >= 0 and tokens[index].is_title:
        if tokens[index].lower in HONORIFICS:
            found.add(tokens[index].lower)
        index -= 1
    return found


def _start(mention: Mention) -> int:
    return mention.start


def _register(persons: list[Person], run: NameRun) -> Person:
    first = run.words[0] if len(run.words) > 1 else ""
    for person in persons:  # "Eriksson Ek" after "Joel Eriksson Ek", and the other way round
        known = [w for w in person.name.split() if not (len(w) == 2 and w.endswith("."))]
        if len(run.words) >= 2 and run.words != known:
            shorter, longer = sorted((run.words, known), key=len)
            if longer[-len(shorter) :] == shorter:
                if len(run.words) > len(known):
                    person.name, person.first = run.name, first
                return person
    for person in persons:
        if person.surname == run.surname and (
            not first or not person.first or first == person.first
        ):
            if len(run.name) > len(person.name):
                person.name = run.name
            person.first = person.first or first
            return person
    person = Person(run.name, run.surname, first)
    persons.append(person)
    return person


def _by_surname(
    persons: list[Person], found: list[tuple[_Run, Person]], run: NameRun
) -> Person | None:
    """A surname-only mention: the person last mentioned in full before it, else the first."""
    matches = [p for p in persons if p.surname == run.surname]
    if len(matches) <= 1:
        return matches[0] if matches else None
    before = [(f.run.start, p) for f, p in found if p in matches and f.run.start < run.start]
    return max(before, key=lambda pair: pair[0])[1] if before else matches[0]
