"""Phrasings for draft entries, the ways chat users ask: questions for each angle an entry
really answers, descriptions in place of names ("the coach"), and short keyword forms.

Every phrasing asks for what its entry states: a person's entry is asked who they are and what
they do, never what they said; a quotation who said it and what about; a fact about its own
words and the people and numbers it names.
"""

from __future__ import annotations

import itertools
import re

from bot.draft.keywords import Distinct
from bot.draft.lexicon import ORG_KINDS
from bot.draft.people import Who, role_head
from bot.draft.words import Rarity, content_words, plain, surface_words
from bot.extraction.candidate import Candidate, excerpt
from bot.extraction.doc import Passage

_NEAR_WORDS = 6
_CURRENCY = ("$", "€", "£", "¥")
_MONEY_UNITS = ("dollars", "euros", "pounds", "million", "billion")
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"']?\s+")
_SPEECH_AROUND = re.compile(
    r"[,;]?\s*(?:[A-Z][\w’'.-]*\s+){1,3}(?:said|says|told|added|argued|noted|stressed)\b"
    r"|\b(?:said|says)\s+(?:[A-Z][\w’'.-]*\s*){1,3}"
)
# What someone's only quotation is to a reader: "what was eichel's explanation".
_THEIR_WORDS = ("explanation", "view", "comment", "take", "response", "message")
# A sentence that says what something is for: "was seen as an attempt to change ...".
_PURPOSE = re.compile(
    r"\b(?:(?:an?|the)\s+(?:attempt|effort|bid|bids|attempts|efforts)\s+to|in order to"
    r"|so that|aimed at|designed to|meant to|intended to|in hopes? of|seeking to|in a bid to)\b",
    re.IGNORECASE,
)
_OF_WHAT = re.compile(
    r"\b(?:of|at|for|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"([A-Z][\w&’'.-]*(?:\s+[A-Z&][\w&’'.-]*)*)"
)


class Asking:
    """The phrasings of one article's entries (word weights are the article's own)."""

    def __init__(self, rarity: Rarity, distinct: Distinct) -> None:
        self.rarity = rarity
        self.distinct = distinct

    # -- people -----------------------------------------------------------------------------

    def person(self, who: Who, *, quoted: bool) -> list[str]:
        short = who.short.lower()
        options = [
            *(f"who is {r}" for r in who.references),
            f"what does {short} do",
            f"what is {short}'s job",
            f"what is {short}'s role",
            f"what is {short}'s title",
            f"{short} job title",
            f"what title does {short} hold",
            f"what position does {short} hold",
            *(f"who is {d}" for d in who.descriptions),
            *(f"{r.lower()} {short}" for r in who.roles[:2]),
        ]
        employer = _employer(who)
        if employer:
            options += [
                f"where does {short} work",
                f"who does {short} work for",
                f"what company does {short} work for",
                f"what organisation is {short} with",
                f"{short} {plain(employer)}",
            ]
            for role in who.roles[:1]:
                options += [
                    f"what company is {short} {role_head(role)} of",
                    f"what organisation is {short} {role_head(role)} of",
                ]
            head = plain(employer).split()[-1] if plain(employer) else ""
            for kind in ORG_KINDS.get(head, ())[:3]:
                options += [f"what {kind} does {short} work for", f"{short} {kind}"]
        if who.age:
            options += [f"how old is {short}", f"{short} age"]
        if quoted:
            options.append(f"who is {short} in the article")
        return options

    # -- quotations --------------------------------------------------------------------------

    def quotation(self, who: Who, text: str, evidence: str, *, alone: bool) -> list[str]:
        """Who said it, what the speaker (by name or description) said about its subject, and
        for a speaker quoted once, what they said at all."""
        names = [w for r in who.references for w in r.split()]
        short = who.short.lower()
        topic_words = self.rarity.top(text, 3, names)
        topic = " ".join(topic_words)
        refs = list(dict.fromkeys([who.spoken.lower(), short, *who.descriptions[:3]]))
        options = [
            f"who said {plain(text, 12)}",
            f"who said {plain(_tail(text, 10))}" if len(text.split()) > 14 else "",
            f"{' '.join(self.rarity.top(text, 4))} quote",
            f"whose words are {plain(text, 8)}",
            f"who was quoted saying {plain(text, 6)}",
        ]
        if topic:
            # a long quotation says several things: what was said about each of its sentences
            parts = [p for p in _SENTENCE_END.split(text) if len(content_words(p)) >= 2]
            for part in parts if len(parts) > 1 else []:
                options.append(
                    f"what did {short} say about {' '.join(self.rarity.top(part, 2, names))}"
                )
            options += [f"what did {r} say about {topic}" for r in refs]
            options += [
                f"what did {short} say about {' '.join(topic_words[:2])}",
                f"{short} on {topic}",
                f"what does {short} think about {topic}",
                f"{short} quote {' '.join(self.rarity.top(text, 5, names))}",
            ]
        options += [f"{short} {form}" for form in self.distinct.forms(evidence, names, most=6)]
        options += self.distinct.pairs(short, text, names, most=6)
        outside = _outside(evidence, text)
        if len(content_words(outside)) >= 3:  # a quote inside a sentence of reporting
            options += self.distinct.forms(outside, names, most=6)
        if alone:
            options += [
                *(f"what did {r} say" for r in refs),
                *(f"what was {short}'s {what}" for what in _THEIR_WORDS),
                f"what does {short} think",
                *(f"{r} reaction" for r in refs[:2]),
                f"how did {refs[0]} react",
                f"what is the position of {refs[0]}",
                f"{short} statement",
            ]
        return options

    def reported(self, who: Who, text: str) -> list[str]:
        """A sentence reporting what someone said without quoting them ("Selling a product is
        difficult, but altering behavior is much more difficult, Hege said."): who said it, and
        what they said about its subject."""
        names = [w for r in who.references for w in r.split()]
        short = who.short.lower()
        said = plain(_SPEECH_AROUND.sub(" ", text))
        topic = " ".join(self.rarity.top(text, 3, names))
        return [
            f"who said {' '.join(said.split()[:12])}",
            f"what did {short} say about {topic}",
            *(f"what did {d} say about {topic}" for d in who.descriptions[:2]),
            f"what does {short} think about {topic}",
        ]

    @staticmethod
    def quotation_fallbacks(text: str) -> list[str]:
        return [f"who said “{excerpt(text, 20)}”", f"quote {plain(text, 20)}"]

    # -- facts -------------------------------------------------------------------------------

    def fact(self, text: str, people: list[Who], numbers: list[Candidate]) -> tuple[str, list[str]]:
        """The question a sentence of reporting answers, and the ways to ask it."""
        top = self.rarity.top(text, 3)
        names = [w for who in people for r in who.references for w in r.split()]
        options = [*self.distinct.forms(text, [w for w in names if w not in _surnames(people)])]
        for who in people:
            short = who.short.lower()
            rest = self.rarity.top(text, 3, names)
            options.append(f"{short} {' '.join(rest)}")
            options += self.distinct.pairs(short, text, names)
            if self.distinct.alone([short]):
                options += [f"what happened to {short}", f"what did {short} do"]
            for head in sorted({role_head(r) for r in who.roles}):
                options += self.distinct.pairs(head, text, names, most=4)
        options += [
            " ".join(self.rarity.top(text, 6)),
            plain(text, 12),
            " ".join(top),
            *self._numbers(numbers, text),
        ]
        subject = _subject(text)
        named = any(r == subject.lower() for w in people for r in w.references)
        if subject and not named and _PURPOSE.search(text):
            # the sentence gives the purpose of what it reports: it answers why (not when it
            # reports what someone thought: "Sanborn said he thought it was meant to ...")
            about = f"{subject.lower()} {' '.join(top[:2])}"
            options += [f"why {about}", f"what was the reason for {about}"]
        if subject and named:
            subject = f"{subject} and {' '.join(top[:2])}"  # "who is Graham" is not this
        options.insert(0, f"{subject.lower()} {' '.join(top[:2])}" if subject else "")
        # The title a reader picks from a list of suggestions names the sentence by its opening:
        # its subject as found ("about the new?", "about Whitfield later met the?") or its rarest
        # words ("about according?", "about top last week?") read as riddles.
        return f"What does the article say about “{_opening(text)}”?", options

    def _numbers(self, numbers: list[Candidate], text: str) -> list[str]:
        """How many, how much, what score: asked with the words around each number ("a budget
        of $449,000" -> "how much budget"), which say what it counts."""
        options: list[str] = []
        for number in numbers:
            phrase: Passage = number.details["phrase"]
            unit = number.details.get("unit") or ""
            near = self._near(text, phrase, unit)
            top = " ".join(near[:2])
            if unit and unit.split()[-1].endswith("s"):
                options += [f"how many {plain(unit)} {top}", f"how many {plain(unit)}"]
            if "-" in number.details["number"] and number.details["number"][0].isdigit():
                options.append(f"what was the score {top}")
            if phrase.quote.startswith(_CURRENCY) or unit in _MONEY_UNITS:
                options += [f"how much {top}", f"what did {top} cost"]
                options += [f"how much was the {w}" for w in near[:3]]
            options += [f"{w} {plain(unit)}".strip() for w in near[:3]]
            options += [plain(phrase.quote), number.question]
        return options

    def _near(self, text: str, phrase: Passage, unit: str) -> list[str]:
        """The content words nearest a number in its sentence, the one after it first ("a
        $2.4 million plan": "plan")."""
        at = text.find(phrase.quote)
        skip = set(unit.split())
        if at < 0:
            return self.rarity.top(text, 3, skip)
        before = [w for w in content_words(text[:at]) if w not in skip][::-1][:_NEAR_WORDS]
        after = [w for w in content_words(text[at + len(phrase.quote) :]) if w not in skip]
        after = [w for w in after if not w.isdigit()][:_NEAR_WORDS]
        near = [w for pair in itertools.zip_longest(after, before) for w in pair if w]
        return list(dict.fromkeys(near))[:4]


def _outside(evidence: str, quote: str) -> str:
    """The words of a quotation's sentences around the quoted words."""
    return evidence.replace(quote, " ") if quote in evidence else evidence


def _surnames(people: list[Who]) -> set[str]:
    return {w.short.lower() for w in people}


def _employer(who: Who) -> str:
    """The organisation a role names ("president of Chapter & Verse" -> "Chapter & Verse")."""
    for role in who.roles:
        found = _OF_WHAT.search(role)
        if found:
            return found.group(1)
    return ""


def _tail(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


# A sentence's subject ends where its verb begins: a common verb, or a lower-case word that
# looks like one ("puts", "reiterated"); it may not start with a clause that sets the scene.
_VERBS = frozenset(
    "is are was were be has have had said says say will would can could may might must should did"
    " does do says told called added".split()
)
_SCENE = frozenset(
    "on in at for after before when while meanwhile but however right barely for as with"
    " during since although though if".split()
)
_ENDS_SUBJECT = frozenset("still also already now never just only in at on to from with by".split())
_PRONOUNS = frozenset("he she it they we i you this that these those there".split())
_MAX_SUBJECT_WORDS = 6


_TITLE_WORDS = 9  # of a fact's sentence, in its entry's title
_DANGLING = frozenset("a an the of to in on at for and or but by with from that as".split())


def _opening(sentence: str) -> str:
    """The sentence's first words, cut after a word that ends a phrase ("to end the…" reads as
    cut mid-phrase; "to end…" less so)."""
    words = sentence.split()
    if len(words) <= _TITLE_WORDS:
        return sentence.strip().rstrip(".")
    head = words[:_TITLE_WORDS]
    while len(head) > 3 and head[-1].lower().strip(",;:") in _DANGLING:
        head.pop()
    return " ".join(head).rstrip(",;:.") + "…"


def _subject(sentence: str) -> str:
    """The words a sentence is about, as it words them: "The decision", "Israeli courts"."""
    for clause in (sentence, sentence.split(",", 1)[-1] if "," in sentence else ""):
        words = surface_words(clause)
        if not words or words[0].lower() in _SCENE | _PRONOUNS:
            continue
        found: list[str] = []
        for word in words:
            lower = word.lower()
            after_noun = bool(found) and found[-1].islower()  # "decision puts", not "courts"
            if (
                lower in _VERBS
                or lower in _ENDS_SUBJECT
                or (
                    found
                    and word.islower()
                    and len(lower) > 3
                    and (lower.endswith("ed") or (after_noun and lower.endswith("s")))
                )
            ):
                break
            found.append(word)
            at = clause.find(word) + len(word)
            if clause[at : at + 1] == ",":
                break
        if 0 < len(found) <= _MAX_SUBJECT_WORDS and content_words(" ".join(found)):
            subject = " ".join(found)
            return subject[0].lower() + subject[1:] if found[0] in ("The", "A", "An") else subject
    return ""
