"""The draft entries of one article, from its extraction: one entry per fact.

Who said each attributed quotation, what each speaker said, who each person is, each sentence
of reporting (with the numbers it gives), each section, and the article's gist. Answers are
the article's own words; evidence is verbatim seed text (sentences found by the extraction);
phrasings are written the ways chat users ask, from the article's words and the everyday names
of the roles it gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.draft.entry import DraftEntry, Phrasings, clip
from bot.draft.ids import Ids
from bot.draft.lexicon import GIST_QUESTIONS, KEY_POINT_QUESTIONS, ROLE_SYNONYMS
from bot.draft.people import Who, people_of, source_of
from bot.draft.words import Rarity, Terms, content_words, plain, surface_words
from bot.extraction.candidate import Candidate, excerpt, slug
from bot.extraction.doc import Doc, Passage
from bot.extraction.extract import Extraction
from bot.extraction.segment import Sentence
from bot.text.normalize import fold


@dataclass
class Gist:
    """The article block's extractive parts: title, summary and key points."""

    title: str
    summary: str
    key_points: list[str]
    lead: list[Passage] = field(default_factory=list)  # the sentences they come from


class DraftBuilder:
    """Builds every draft entry of one seed; `existing` are the entries of its file so far."""

    def __init__(self, extraction: Extraction, doc: Doc, existing: list[dict[str, Any]]) -> None:
        self.doc = doc
        self.candidates = extraction.candidates
        self.people = people_of(self.candidates)
        self.rarity = Rarity(s.quote for s in self._passages())
        self.existing = existing
        self.ids = Ids(existing)
        self.phrasings = Phrasings(lambda text: ())
        self.entries: list[DraftEntry] = []
        quotes = [c for c in self.candidates if c.found_as == "quote" and _attributed(c)]
        self._quotes = quotes
        self._quote_sentences = {
            s.index for c in quotes for s in self._sentences_of(c.details.get("sentence"))
        }
        self._said: dict[str, list[Candidate]] = {}
        for candidate in quotes:
            self._said.setdefault(candidate.details["speaker"], []).append(candidate)

    # -- helpers --------------------------------------------------------------------------

    def _passages(self) -> list[Passage]:
        return [self.doc.sentence_passage(s) for s in self.doc.sentences]

    def _sentences_of(self, passage: Passage | None) -> list[Sentence]:
        if passage is None:
            return []
        return [s for s in self.doc.sentences if s.start < passage.end and passage.start < s.end]

    def _evidence_of(self, passage: Passage | None, fallback: list[Passage]) -> list[str]:
        found = [self.doc.sentence_passage(s).quote for s in self._sentences_of(passage)]
        return list(dict.fromkeys(found or [p.quote for p in fallback]))

    def _who(self, name: str, kind: str) -> Who:
        return self.people.get(name) or source_of(name, kind)

    def _add(
        self,
        proposed: str,
        kind: str,
        question: str,
        answer: str,
        evidence: list[str],
        options: Iterable[str],
        fallbacks: Iterable[str] = (),
        tags: Iterable[str] = (),
    ) -> DraftEntry | None:
        evidence = [e for e in dict.fromkeys(evidence) if e.strip()]
        if not evidence:
            return None
        entry_id = self.ids.assign(proposed[:72].rstrip("-"), kind, evidence)
        if entry_id is None:
            return None  # a curator reviewed this fact: their entry stands
        entry = DraftEntry(entry_id, kind, question, [], clip(answer), evidence)
        entry.tags = list(dict.fromkeys(t.lower() for t in tags if t))
        options = [o for o in options if o and o.strip()]
        fallbacks = [*fallbacks, *(f"{question} ({n})" for n in ("draft", "article", "fact"))]
        if not self.phrasings.settle(entry, options, fallbacks):
            return None
        self.entries.append(entry)
        return entry

    # -- the entries ----------------------------------------------------------------------

    def build(self, gist: Gist, aliases: dict[str, list[str]]) -> list[DraftEntry]:
        """Every entry, in the order they claim phrasings: gist, quotes, people, numbers,
        facts, sections. Phrasings are told apart as the engine reads them (aliases applied)."""
        self.phrasings = Phrasings(Terms(aliases))
        for item in self.existing:
            if item.get("reviewed", True):
                for phrasing in [item.get("question", ""), *(item.get("alternates") or [])]:
                    self.phrasings.take(str(item.get("id")), str(phrasing))
        self._gist(gist)
        # People first: "who is X" and "what did X say" are theirs, never a single quote's.
        self._persons()
        self._quotations()
        self._sources()
        self._numbers_in_quotes()
        self._facts()
        self._sections()
        return self.entries

    def _gist(self, gist: Gist) -> None:
        title = plain(gist.title)
        self._add(
            "summary",
            "background",
            "What is the article about?",
            gist.summary,
            [gist.title, *(p.quote for p in gist.lead[:1])],
            [*GIST_QUESTIONS, f"what is {title} about", title],
        )
        self._add(
            "key-points",
            "background",
            "What are the key points of the article?",
            " • ".join(gist.key_points),
            [p.quote for p in gist.lead] or [gist.title],
            KEY_POINT_QUESTIONS,
        )

    def _quote_text(self, candidate: Candidate) -> str:
        return " ".join(p.quote for p in candidate.evidence)

    def _quotations(self) -> None:
        """One entry per attributed quotation: who said it, and what the speaker said about
        its subject (and where and when), with the sentence(s) holding it as evidence."""
        for candidate in self._quotes:
            details = candidate.details
            who = self._who(details["speaker"], details.get("speaker_kind") or "source")
            text = self._quote_text(candidate)
            sentence: Passage | None = details.get("sentence")
            context = details.get("context")
            answer = f"{who.label} said: “{text}”" + (f" ({context})" if context else "")
            self._add(
                candidate.id,
                "quote",
                candidate.question,
                answer,
                self._evidence_of(sentence, candidate.evidence),
                [
                    *self._who_said(text),
                    *self._what_was_said(who, text, sentence),
                    *self._source_said(who, details["speaker"]),
                ],
                [f"who said “{excerpt(text, 20)}”", f"quote {plain(text, 20)}"],
                [who.short],
            )

    def _source_said(self, who: Who, name: str) -> list[str]:
        """An organisation quoted once: what it said is that quotation."""
        if name in self.people or len(self._said.get(name, [])) != 1:
            return []
        return [
            *(f"what did {r} say" for r in who.references),
            *(f"{r} reaction" for r in who.references),
            f"how did {who.spoken.lower()} react",
            f"what is the position of {who.spoken.lower()}",
        ]

    def _who_said(self, text: str) -> list[str]:
        return [
            f"who said {plain(text, 12)}",
            f"who said {plain(_tail(text, 10))}" if len(text.split()) > 14 else "",
            f"{' '.join(self.rarity.top(text, 4))} quote",
            f"whose words are {plain(text, 8)}",
            f"who was quoted saying {plain(text, 6)}",
        ]

    def _what_was_said(self, who: Who, text: str, sentence: Passage | None) -> list[str]:
        """What the speaker said about the quotation's subject, and where and when."""
        names = [w for r in who.references for w in r.split()]
        topic_words = self.rarity.top(text, 3, names)
        topic = " ".join(topic_words)
        around = _outside(sentence.quote, text) if sentence else ""
        setting = " ".join(self.rarity.top(around, 4, names))
        short = who.short.lower()
        if not topic:
            return []
        # A long quotation says several things: what was said about each of its sentences.
        parts = [p for p in _SENTENCE_END.split(text) if len(content_words(p)) >= 2]
        each = [
            f"what did {short} say about {' '.join(self.rarity.top(part, 2, names))}"
            for part in parts[1:]
            if len(parts) > 1
        ]
        return [
            *each,
            f"what did {who.spoken.lower()} say about {topic}",
            f"what did {short} say about {' '.join(topic_words[:2])}",
            *(f"what did {d} say about {topic}" for d in who.descriptions[:3]),
            f"{short} on {topic}",
            f"what does {short} think about {topic}",
            f"what did {short} say {setting}" if setting else "",
            f"{short} quote {' '.join(self.rarity.top(text, 5, names))}",
        ]

    def _sources(self) -> None:
        """Organisations and groups that speak: what each said, in one entry (people have
        theirs in their person entry)."""
        for name, quotes in self._said.items():
            if name in self.people or len(quotes) < 2:
                continue  # a person's is their person entry; a single quotation's its own
            who = self._who(name, quotes[0].details.get("speaker_kind") or "source")
            evidence: list[str] = []
            for candidate in quotes:
                evidence += self._evidence_of(candidate.details.get("sentence"), candidate.evidence)
            said = " ".join("“" + self._quote_text(c) + "”" for c in quotes)
            self._add(
                "source-" + slug(who.name, 5),
                "quote",
                f"What did {who.spoken} say?",
                f"{who.label} said: {said}",
                evidence,
                [
                    *(f"what did {r} say" for r in who.references),
                    *(f"{r} reaction" for r in who.references),
                    f"how did {who.references[0]} react",
                    f"what is the position of {who.references[0]}",
                ],
                [f"{who.references[0]} statement", f"{who.references[0]} said"],
                [],
            )

    def _persons(self) -> None:
        for candidate in self.candidates:
            if candidate.found_as != "person":
                continue
            who = self.people[candidate.details["name"]]
            short = who.short.lower()
            options = [
                *(f"who is {r}" for r in who.references),
                who.name.lower(),
                f"what does {short} do",
                f"what is {short}'s job",
                f"what is {short}'s role",
                *(f"who is {d}" for d in who.descriptions),
                *(f"{r.lower()} {short}" for r in who.roles[:2]),
                f"{short} age" if who.age else "",
            ]
            if who.name in self._said:  # only someone the article quotes "said" anything
                options += [
                    *(f"what did {r} say" for r in [*who.references, *who.descriptions]),
                    *(f"{r} quotes" for r in who.references),
                    f"what was {short}'s reaction",
                ]
            mentions = [m["quote"] for m in candidate.details.get("mentions") or []]
            evidence = [p.quote for p in candidate.evidence] or mentions[:1]
            if who.age:  # the sentence that gives the age ("Parise, 35,")
                evidence += [m for m in mentions if f", {who.age}," in m][:1]
            if who.roles:
                answer = f"{who.name}: {'; '.join(who.roles)}"
                answer += f", {who.age}." if who.age else "."
            else:
                answer = f"{who.name}, as the article has it: {mentions[0] if mentions else ''}"
            quotes = self._said.get(who.name, [])
            for quote in quotes:
                evidence += self._evidence_of(quote.details.get("sentence"), quote.evidence)
            if quotes:
                said = " ".join("“" + self._quote_text(q) + "”" for q in quotes)
                answer = f"{answer} In the article {who.short} says: {said}"
            self._add(
                candidate.id,
                "person",
                candidate.question,
                answer,
                [*evidence, *mentions[:1]],
                options,
                [f"tell me about {who.name.lower()}", f"{short} who"],
                [who.short],
            )

    def _numbers(self, sentence: Sentence) -> list[Candidate]:
        return [
            c
            for c in self.candidates
            if c.found_as == "number" and sentence.start <= c.details["phrase"].start < sentence.end
        ]

    def _number_options(self, numbers: list[Candidate], text: str) -> list[str]:
        options: list[str] = []
        for number in numbers:
            phrase = number.details["phrase"].quote
            unit = number.details.get("unit") or ""
            top = " ".join(self.rarity.top(text, 2, unit.split()))
            if unit and unit.split()[-1].endswith("s"):
                options.append(f"how many {plain(unit)} {top}")
            if "-" in number.details["number"] and number.details["number"][0].isdigit():
                options.append(f"what was the score {top}")
            options += [plain(phrase), number.question]
        return options

    def _numbers_in_quotes(self) -> None:
        for sentence in self.doc.sentences:
            if sentence.index not in self._quote_sentences:
                continue
            text = self.doc.sentence_passage(sentence).quote
            for number in self._numbers(sentence):
                self._add(
                    number.id,
                    "number",
                    number.question,
                    text,
                    [text],
                    [*self._number_options([number], text), " ".join(self.rarity.top(text, 5))],
                    [plain(text, 12), plain(text)],
                )

    def _facts(self) -> None:
        for sentence in self.doc.sentences:
            if sentence.index in self._quote_sentences:
                continue
            text = self.doc.sentence_passage(sentence).quote
            words = content_words(text)
            if len(words) < 2:
                continue
            numbers = self._numbers(sentence)
            top = self.rarity.top(text, 3)
            surface = {w.lower(): w for w in surface_words(text)}
            topic = " ".join(surface.get(w, w) for w in top)
            mentioned = [
                w for w in self.people.values() if any(r in plain(text) for r in w.references[-1:])
            ]
            options = [
                " ".join(self.rarity.top(text, 6)),
                plain(text, 12),
                " ".join(top),
                *self._number_options(numbers, text),
                *(
                    f"{w.short.lower()} {' '.join(self.rarity.top(text, 3, w.references))}"
                    for w in mentioned
                ),
                *_with_synonyms(text, self.rarity.top(text, 5)),
            ]
            subject = _subject(text)
            if subject and any(r == subject.lower() for w in mentioned for r in w.references):
                subject = f"{subject} and {' '.join(top[:2])}"  # "who is Graham" is not this
            options.insert(0, f"{subject.lower()} {' '.join(top[:2])}" if subject else "")
            self._add(
                "fact-" + slug(" ".join(words), 5),
                "number" if numbers else "background",
                f"What does the article say about {subject or topic}?",
                text,
                [text],
                options,
                [plain(text, 20), plain(text), f"tell me about {plain(text, 8)}"],
            )

    def _sections(self) -> None:
        for candidate in self.candidates:
            if candidate.found_as != "heading":
                continue
            heading = candidate.details["heading"]
            body = candidate.evidence[-1].quote
            self._add(
                candidate.id,
                "background",
                candidate.question,
                body,
                [p.quote for p in candidate.evidence],
                [heading.lower(), f"what about {heading.lower()}", f"{heading.lower()} section"],
                [f"tell me about {heading.lower()}", f"section {heading.lower()}"],
            )


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


def _subject(sentence: str) -> str:
    """The words a sentence is about, as it words them: "The decision", "Israeli courts"."""
    for clause in (sentence, sentence.split(",", 1)[-1] if "," in sentence else ""):
        words = surface_words(clause)
        if not words or words[0].lower() in _SCENE | _PRONOUNS:
            continue
        found: list[str] = []
        for word in words:
            lower = word.lower()
            after_noun = (
                bool(found) and found[-1].islower()
            )  # "decision puts", not "Israeli courts"
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


_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"']?\s+")


def _attributed(candidate: Candidate) -> bool:
    details = candidate.details
    return bool(details.get("speaker")) and not details.get("scare_quote")


def _outside(sentence: str, quote: str) -> str:
    """The words of a sentence around a quotation: where, when and to whom it was said."""
    return fold(sentence).replace(fold(quote), " ")


def _tail(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _with_synonyms(text: str, top: list[str]) -> list[str]:
    """Keyword forms with a role noun of the sentence in its everyday names ("blueliner")."""
    lowered = f" {plain(text)} "
    forms = []
    for role, synonyms in ROLE_SYNONYMS.items():
        if f" {role} " in lowered:
            rest = [w for w in top if w not in role.split()][:3]
            forms += [" ".join([s, *rest]) for s in synonyms[:2]]
    return forms
