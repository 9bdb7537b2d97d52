"""Whether the article refers to a person as "he" or "she", from its own words.

Evidence, weighed by votes: an honorific (Mr. / Mrs., Ms., Miss), a gendered role noun
("spokeswoman", "chairman"), and pronouns outside quotes in a sentence that names only that
person, after the name ("Graham said she …"), or opening the next sentence when it names nobody.
No list of first names is used: an article that never tells leaves the gender unknown, and an
unknown gender agrees with both pronouns.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from bot.extraction.lexicon import FEMALE_NOUNS, MALE_NOUNS

if TYPE_CHECKING:
    from bot.extraction.doc import Doc
    from bot.extraction.persons import People, Person

_PRONOUN = re.compile(
    r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b"
)
_HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_STRONG, _ROLE, _PRONOUN_VOTE = 3, 2, 1


def infer_genders(doc: Doc, people: People, hidden: str) -> dict[Person, str | None]:
    """Each person's gender as the article tells it ("m", "f"), or None."""
    votes: dict[int, Counter[str]] = {id(p): Counter() for p in people.persons}
    for person in people.persons:
        for honorific in person.honorifics:
            if honorific in _HONORIFIC:
                votes[id(person)][_HONORIFIC[honorific]] += _STRONG
        words = person.role_words
        votes[id(person)]["f"] += _ROLE * len(words & FEMALE_NOUNS)
        votes[id(person)]["m"] += _ROLE * len(words & MALE_NOUNS)
    by_name = {p.name: p for p in people.persons}
    for sentence in doc.sentences:
        named = [m for m in people.in_sentence(sentence.index) if hidden[m.start] != "\x01"]
        if len({m.person for m in named}) != 1:
            continue
        person = by_name[named[0].person]
        for found in _PRONOUN.finditer(hidden, named[0].end, sentence.end):
            votes[id(person)]["m" if found.group("m") else "f"] += _PRONOUN_VOTE
        after = (
            doc.sentences[sentence.index + 1] if sentence.index + 1 < len(doc.sentences) else None
        )
        if after is None or after.block - sentence.block > 1:
            continue
        if any(hidden[m.start] != "\x01" for m in people.in_sentence(after.index)):
            continue
        first = _PRONOUN.match(hidden, after.start, after.end)  # "He added that …"
        if first is not None:
            votes[id(person)]["m" if first.group("m") else "f"] += _PRONOUN_VOTE
    genders: dict[Person, str | None] = {}
    for person in people.persons:
        tally = votes[id(person)]
        genders[person] = (
            None if tally["m"] == tally["f"] else max(("m", "f"), key=tally.__getitem__)
        )
    return genders
