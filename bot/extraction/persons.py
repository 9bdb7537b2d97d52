"""People named in an article: mentions merged by surname, with the roles the article gives."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from bot.extraction.doc import Doc
from bot.extraction.names import NameRun, find_runs, is_person
from bot.extraction.roles import description_roles, post_role, pre_appositive_role, premodifier_role
from bot.extraction.tokens import Token, tokenize

_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")


@dataclass(frozen=True)
class Mention:
    person: str  # the person's display name (resolved to a key later)
    start: int
    end: int
    cue_start: int  # includes a directly preceding title: "Mr. Peskov"
    sentence: int


@dataclass(eq=False)
class Person:
    name: str
    surname: str
    first: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)  # (role, sentence index)

    def add_role(self, role: str, sentence: int) -> None:
        if role.lower() not in {r.lower() for r, _ in self.roles}:
            self.roles.append((role, sentence))


@dataclass
class People:
    persons: list[Person]
    mentions: list[Mention]  # sorted by start

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


def find_people(doc: Doc) -> People:
    """Every person the article names, their mentions and roles."""
    lower_words = {m.group() for m in _LOWER_WORD.finditer(doc.text)}
    runs: list[NameRun] = []
    tokens_of: dict[int, list[Token]] = {}
    for sentence in doc.sentences:
        tokens = tokenize(doc.text, sentence.start, sentence.end)
        tokens_of[sentence.index] = tokens
        runs.extend(find_runs(sentence, tokens, doc.text))
    persons: list[Person] = []
    mentions: list[tuple[NameRun, Person]] = []
    cued = [run for run in runs if is_person(run, lower_words)]
    for run in (r for r in cued if len(r.words) >= 2):
        mentions.append((run, _register(persons, run)))
    for run in (r for r in cued if len(r.words) == 1):
        person = _by_surname(persons, mentions, run) or _register(persons, run)
        mentions.append((run, person))
    taken = {id(run) for run, _ in mentions}
    for run in runs:
        if id(run) not in taken and len(run.words) == 1:
            person = _by_surname(persons, mentions, run)
            if person is not None:
                mentions.append((run, person))
    for run, person in mentions:
        person.mentions.append(
            Mention(person.name, run.start, run.end, run.cue_start, run.sentence.index)
        )
        _collect_roles(doc, run, person)
    people = People(persons, sorted((m for p in persons for m in p.mentions), key=_start))
    for person in persons:
        person.mentions.sort(key=_start)
    for sentence in doc.sentences:
        for role, _, name in description_roles(doc, people, sentence):
            people.by_name(name).add_role(role, sentence.index)
    return people


def _start(mention: Mention) -> int:
    return mention.start


def _register(persons: list[Person], run: NameRun) -> Person:
    first = run.words[0] if len(run.words) > 1 else ""
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
    persons: list[Person], found: list[tuple[NameRun, Person]], run: NameRun
) -> Person | None:
    """A surname-only mention: the person last mentioned in full before it, else the first."""
    matches = [p for p in persons if p.surname == run.surname]
    if len(matches) <= 1:
        return matches[0] if matches else None
    before = [(r.start, p) for r, p in found if p in matches and r.start < run.start]
    return max(before, key=lambda pair: pair[0])[1] if before else matches[0]


def _collect_roles(doc: Doc, run: NameRun, person: Person) -> None:
    index = run.sentence.index
    if run.appositive is not None:
        person.add_role(run.appositive[0], index)
    premodifier = premodifier_role(doc, run)
    if premodifier:
        person.add_role(premodifier, index)
    before = pre_appositive_role(doc, run)
    if before:
        person.add_role(before, index)
    post = post_role(doc, run)
    if post:
        person.add_role(post, index)
