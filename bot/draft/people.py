"""The people (and organisations) of an article as chat users refer to them: full name,
surname, and descriptions from the roles the article gives ("the coach", "the bench boss")."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.draft.lexicon import MULTIWORD_ROLES, ROLE_SYNONYMS
from bot.extraction.lexicon import ROLE_NOUNS
from bot.text.seed import Seed

# Words a role picked up from the sentence around it ("stripping Sabres center").
_VERB_FORM = re.compile(r"^[a-z][a-z’'-]*(?:ing|ed)$")
_PAST_TENSES = frozenset(
    "lost won beat took made got gave saw sent hit led left met paid put ran sat set told".split()
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_OF_WHAT = re.compile(r"\s+(?:at|of|for|in|with|on|from|to)\s+")


@dataclass
class Who:
    """A person or a source as the drafts name them."""

    name: str
    kind: str  # person | source | group
    roles: list[str] = field(default_factory=list)
    age: str | None = None
    candidate_id: str | None = None
    # How chat users may refer to them, most specific first (lower case).
    references: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    display: str = ""  # how a sentence names them: "the Arab League"
    gender: str | None = None  # "m" / "f" when the article tells

    @property
    def surname(self) -> str:
        words = self.name.split()
        return words[-1] if self.kind == "person" and words else self.name

    @property
    def short(self) -> str:
        """The name as the article repeats it: a surname, or an organisation as named."""
        return self.surname

    @property
    def label(self) -> str:
        """The name with its first role: "Bruce Boudreau (Wild coach)"."""
        if self.roles:
            return f"{self.name} ({self.roles[0]})"
        return (self.display or self.name)[:1].upper() + (self.display or self.name)[1:]

    @property
    def spoken(self) -> str:
        """The name inside a sentence: "Bruce Boudreau", "the Arab League"."""
        return self.display or self.name


def clean_role(role: str) -> str:
    """A role without sentence words it picked up: a verb before it ("stripping Sabres center"
    -> "Sabres center"), a common past tense inside it ("Wild lost defenseman" -> "Wild
    defenseman"); "advertising" in "a Spokane advertising agency" stays."""
    words = role.split()
    while words and _VERB_FORM.match(words[0]) and words[0].lower() not in ROLE_SYNONYMS:
        words = words[1:]
    words = [w for w in words if w not in _PAST_TENSES]
    return " ".join(words) or role


def role_head(role: str) -> str:
    """The noun that says what the role is: "US Secretary of State" -> "secretary of state"."""
    lower = _ARTICLE.sub("", role.lower()).strip()
    for multi in MULTIWORD_ROLES:
        if lower == multi or lower.endswith(" " + multi) or lower.startswith(multi + " "):
            return multi
    words = lower.replace(",", " ").split()
    if words and (words[-1] in ROLE_NOUNS or words[-1] in ROLE_SYNONYMS):
        return words[-1]  # "… Department of Health public information officer": an officer
    # "senior fellow at the Kohelet Policy Forum" is a fellow; "CEO of DH" a CEO
    words = _OF_WHAT.split(lower, maxsplit=1)[0].split()
    return words[-1] if words else lower


def people_of(candidates: list[Any]) -> dict[str, Who]:
    """Every person candidate by name, with references and the descriptions only they fit."""
    people: dict[str, Who] = {}
    for candidate in candidates:
        if candidate.found_as != "person":
            continue
        details = candidate.details
        roles = [clean_role(r) for r in details.get("roles") or []]
        people[details["name"]] = Who(
            details["name"],
            "person",
            list(dict.fromkeys(r for r in roles if r)),
            details.get("age"),
            candidate.id,
            gender=details.get("gender"),
        )
    heads: Counter[str] = Counter()
    full_roles: Counter[str] = Counter()
    for who in people.values():
        heads.update({role_head(r) for r in who.roles})
        full_roles.update({r.lower() for r in who.roles})
    for who in people.values():
        _refer(who, heads, full_roles)
    return people


def _refer(who: Who, heads: Counter[str], full_roles: Counter[str]) -> None:
    words = who.name.split()
    refs = [who.name.lower()]
    if len(words) >= 3:
        refs.append(" ".join(words[1:]).lower())  # "Eriksson Ek" for Joel Eriksson Ek
    if len(words) >= 2:
        refs.append(words[-1].lower())
    who.references = list(dict.fromkeys(refs))
    descriptions: list[str] = []
    for role in who.roles:
        lower = _ARTICLE.sub("", role.lower())
        if full_roles[lower] == 1:
            descriptions.append(f"the {lower}")
        head = role_head(role)
        if heads[head] == 1:
            descriptions.append(f"the {head}")
            descriptions.extend(f"the {synonym}" for synonym in ROLE_SYNONYMS.get(head, ()))
    who.descriptions = list(dict.fromkeys(descriptions))


def source_of(name: str, kind: str) -> Who:
    """An organisation or a group that speaks in the article ("the Arab League")."""
    bare = _ARTICLE.sub("", name).strip()
    who = Who(bare, kind)
    first = bare.split()[0] if bare.split() else ""
    # "the Arab League", but "Russia's foreign ministry"
    who.display = bare if first.endswith(("’s", "'s")) or not bare[:1].isupper() else f"the {bare}"
    who.references = list(dict.fromkeys([bare.lower(), who.display.lower(), name.lower()]))
    return who


# Where a clause around a name ends: a comma, a dash, a semicolon.
_CLAUSE = re.compile(r"\s*(?:,|;|\s[–—-]\s)\s*")
_MIN_WORDS = 3


def role_passage(seed: Seed, sentence: str, who: Who) -> str:
    """The words of a sentence that say who someone is: their role and name ("Wild goalie Alex
    Stalock", "Jeff Sanborn, president of Chapter & Verse, a … agency", "Hege is the CEO of DH"),
    else the clause naming them, else the whole sentence; always verbatim and found in its
    place (a passage found earlier in the seed would point elsewhere)."""
    lowered = sentence.lower()
    at = -1
    for reference in [who.name.lower(), *who.references]:
        at = lowered.find(reference)
        if at >= 0:
            name = (at, at + len(reference))
            break
    if at < 0:
        return sentence
    span = name
    for role in who.roles:
        found = lowered.find(role.lower())
        if found >= 0 and (found <= name[1] + 12 and found + len(role) >= name[0] - 12):
            span = (min(span[0], found), max(span[1], found + len(role)))
    if who.age:
        age = lowered.find(f", {who.age}", span[1])
        if age == span[1]:
            span = (span[0], age + len(who.age) + 2)
    if span == name:  # no role here: the clause that names them
        starts = [0, *(m.end() for m in _CLAUSE.finditer(sentence) if m.end() <= name[0])]
        ends = [m.start() for m in _CLAUSE.finditer(sentence) if m.start() >= name[1]]
        span = (max(starts), min(ends) if ends else len(sentence))
    fragment = sentence[span[0] : span[1]].strip(" ,;–—-")
    if len(fragment.split()) < _MIN_WORDS:
        return sentence
    where, inner = seed.locate(sentence), seed.locate(fragment)
    if where is None or inner is None or not where[0] <= inner[0] < where[1]:
        return sentence
    return fragment
