"""The draft entries of one article, from its extraction: each fact once.

Who each person is (their role, in the words that name it), each quotation (who said it and
what, in one entry: `bot.draft.units`), each sentence of reporting with the numbers it gives,
each section, and the article's gist. Answers are the article's own words; evidence is verbatim
seed text; phrasings are written the ways chat users ask (`bot.draft.asking`), and an entry's
evidence holds its own fact, not its neighbours', so two entries never compete for a question
because they share a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.draft.asking import Asking
from bot.draft.entry import DraftEntry, Phrasings, clip
from bot.draft.ids import Ids
from bot.draft.keywords import Distinct
from bot.draft.lexicon import GIST_QUESTIONS, KEY_POINT_QUESTIONS
from bot.draft.people import Who, people_of, role_passage, source_of
from bot.draft.units import Fact, Quotation, evidence_of, quotations_of, tail_facts
from bot.draft.words import Rarity, Terms, content_words, plain, surface_words
from bot.extraction.candidate import Candidate, slug
from bot.extraction.doc import Doc, Passage
from bot.extraction.extract import Extraction
from bot.extraction.segment import Sentence

# A quotation whose quoted words are less than this share of its sentences is a partial quote.
_PARTIAL = 0.6
# Words a quotation takes from the sentence of reporting that leads to it.
_SETTING_WORDS = 3
# The gist entry's answer: the lead's first sentences.
_GIST_SENTENCES = 2
# A scene set before a sentence's subject is at most this many words ("On Tuesday morning,").
_SCENE_WORDS = 5
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}


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
        self.quotations = quotations_of(doc, self.candidates)
        quoted = {s.index for q in self.quotations for s in q.sentences}
        quoted |= {q.lead_in.index for q in self.quotations if q.lead_in is not None}
        self.facts = [
            Fact(s, doc.sentence_passage(s)) for s in doc.sentences if s.index not in quoted
        ]
        self.facts += tail_facts(doc, self.quotations)
        self.facts.sort(key=lambda f: f.passage.start)
        passages = [f.passage.quote for f in self.facts]
        passages += [" ".join(evidence_of(doc, q)) for q in self.quotations]
        self.rarity = Rarity(doc.sentence_passage(s).quote for s in doc.sentences)
        self.distinct = Distinct(passages, self.rarity)
        self.asking = Asking(self.rarity, self.distinct)
        self.existing = existing
        self.ids = Ids(existing)
        self.phrasings = Phrasings(lambda text: ())
        self.entries: list[DraftEntry] = []
        self._said: dict[str, list[Quotation]] = {}
        for quotation in self.quotations:
            self._said.setdefault(quotation.speaker, []).append(quotation)
        self._mentioned = self._mentions()

    # -- helpers --------------------------------------------------------------------------

    def _who(self, name: str, kind: str) -> Who:
        return self.people.get(name) or source_of(name, kind)

    def _mentions(self) -> dict[int, list[Who]]:
        """The people each sentence names, by sentence index."""
        found: dict[int, list[Who]] = {}
        for candidate in self.candidates:
            if candidate.found_as != "person":
                continue
            who = self.people[candidate.details["name"]]
            for mention in candidate.details.get("mentions") or []:
                sentence = self.doc.sentence_at(int(mention["start"]))
                if sentence is not None and who not in found.get(sentence.index, []):
                    found.setdefault(sentence.index, []).append(who)
        return found

    def _people_in(self, sentence: Sentence, text: str) -> list[Who]:
        """The people a passage names, and the one its leading pronoun stands for ("He tipped
        Suter’s shot in later": the scorer of the sentence before)."""
        named = [w for w in self._mentioned.get(sentence.index, []) if _names(text, w)]
        first = _subject_pronoun(text)
        if first in _PRONOUNS:
            for index in range(sentence.index - 1, max(sentence.index - 4, -1), -1):
                before = [
                    w
                    for w in self._mentioned.get(index, [])
                    if w.gender in (None, _PRONOUNS[first])
                ]
                if before:
                    named = [*named, before[0]] if before[0] not in named else named
                    break
        return named

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
        options = [o for o in dict.fromkeys(options) if o and o.strip()]
        fallbacks = [*fallbacks, *(f"{question} ({n})" for n in ("draft", "article", "fact"))]
        if not self.phrasings.settle(entry, options, fallbacks):
            return None
        self.entries.append(entry)
        return entry

    # -- the entries ----------------------------------------------------------------------

    def build(self, gist: Gist, aliases: dict[str, list[str]]) -> list[DraftEntry]:
        """Every entry, in the order they claim phrasings: gist, people, quotations, facts,
        sections. Phrasings are told apart as the engine reads them (aliases applied)."""
        self.phrasings = Phrasings(Terms(aliases))
        for item in self.existing:
            if item.get("reviewed", True):
                for phrasing in [item.get("question", ""), *(item.get("alternates") or [])]:
                    self.phrasings.take(str(item.get("id")), str(phrasing))
        self._gist(gist)
        self._persons()
        self._quotations()
        self._facts()
        self._sections()
        return self.entries

    def _gist(self, gist: Gist) -> None:
        """One entry for the gist, asked every way ("what is it about", "key points"): its
        answer is the lead, short, so that it never outweighs a fact's own entry."""
        title = plain(gist.title)
        lead = gist.lead[:_GIST_SENTENCES]
        answer = " ".join(p.quote for p in lead) or gist.summary
        self._add(
            "summary",
            "background",
            "What is the article about?",
            answer,
            [gist.title, *(p.quote for p in lead)],
            [*GIST_QUESTIONS, *KEY_POINT_QUESTIONS, f"what is {title} about", title],
        )

    def _persons(self) -> None:
        """Who each person is: their roles and age, with the words that give them as evidence
        (not the rest of the sentence, which is another entry's fact)."""
        for candidate in self.candidates:
            if candidate.found_as != "person":
                continue
            who = self.people[candidate.details["name"]]
            mentions = [m["quote"] for m in candidate.details.get("mentions") or []]
            sentences = [p.quote for p in candidate.evidence] or mentions[:1]
            evidence = [role_passage(self.doc.seed, s, who) for s in sentences[:2]]
            if who.age:  # the words that give the age ("Parise, 35,")
                evidence += [
                    role_passage(self.doc.seed, m, who) for m in mentions if f", {who.age}," in m
                ][:1]
            if who.roles:
                answer = f"{who.name}: {'; '.join(who.roles)}"
                answer += f", {who.age}." if who.age else "."
            else:
                answer = f"{who.name}, as the article names them: “{evidence[0]}”"
                if who.age:
                    answer += f" ({who.age})"
            self._add(
                candidate.id,
                "person",
                candidate.question,
                answer,
                evidence,
                self.asking.person(who, quoted=who.name in self._said),
                [f"tell me about {who.name.lower()}", f"{who.short.lower()} who"],
                [who.short],
            )

    def _quotations(self) -> None:
        """One entry per quotation: who said it and what, with its sentences as evidence."""
        for quotation in self.quotations:
            who = self._who(quotation.speaker, quotation.speaker_kind)
            text = quotation.text
            context = quotation.context
            evidence = evidence_of(self.doc, quotation)
            sentences = " ".join(evidence)
            if len(text) < _PARTIAL * len(sentences):
                # a few quoted words in a sentence of reporting: the sentence says it best
                answer = sentences if who.short in sentences else f"{who.label}: {sentences}"
            else:
                answer = f"{who.label} said: “{_joined(quotation)}”" + (
                    f" ({context})" if context else ""
                )
            alone = len(self._said.get(quotation.speaker, [])) == 1
            first = quotation.quotes[0]
            self._add(
                first.id,
                "quote",
                first.question,
                answer,
                evidence,
                self.asking.quotation(who, text, " ".join(evidence), alone=alone),
                self.asking.quotation_fallbacks(text),
                [who.short, *self._setting(quotation, who)],
            )

    def _setting(self, quotation: Quotation, who: Who) -> list[str]:
        """What a quotation answers: the distinctive words of the sentence of reporting just
        before it ("Boudreau has been on his players to avoid looking at the standings." sets
        Suter's “It’s hard not to, though”)."""
        first = quotation.lead_in or quotation.sentences[0]
        before = self.doc.previous(first)
        if before is None or any(before in q.sentences for q in self.quotations):
            return []
        text = self.doc.sentence_passage(before).quote
        names = [w for r in who.references for w in r.split()]
        names += [w.lower() for w in surface_words(text) if w[:1].isupper()]
        return self.rarity.top(text, _SETTING_WORDS, names)

    def _facts(self) -> None:
        """One entry per sentence of reporting (or reporting part of a quote's sentence)."""
        numbers = [c for c in self.candidates if c.found_as == "number"]
        for fact in self.facts:
            text = fact.passage.quote
            words = content_words(text)
            if len(words) < 2:
                continue
            held = [c for c in numbers if _inside(c, fact.passage)]
            people = self._people_in(fact.sentence, text)
            question, options = self.asking.fact(text, people, held)
            for who in people:
                if _reports_speech(text, who):
                    options = [*self.asking.reported(who, text), *options]
            tags = [w.short for w in people]
            self._add(
                "fact-" + slug(" ".join(words), 5),
                "number" if held else "background",
                question,
                _with_roles(text, people),
                [text],
                options,
                [plain(text, 20), plain(text), f"tell me about {plain(text, 8)}"],
                tags,
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


def _with_roles(text: str, people: list[Who]) -> str:
    """A sentence of reporting with who its people are, where it does not say so itself ("Graham
    said she once encountered backlash ... (Julie Graham: Washington State Department of Health
    public information officer)"): readers ask by role ("the health officer") as often as by name,
    and a reader of the answer alone learns who is meant by "he" or a bare surname."""
    lowered = text.lower()
    told = [
        f"{who.name}: {who.roles[0]}"
        for who in people
        if who.roles and who.roles[0].lower() not in lowered
    ]
    return f"{text} ({'; '.join(told)})" if told else text


def _subject_pronoun(text: str) -> str:
    """The pronoun a sentence's first clause opens with: "He tipped ..." and "On Tuesday
    morning, he posted ..." (a scene set before it), lower case; else ""."""
    words = text.split()
    first = words[0].lower().strip(",") if words else ""
    if first in _PRONOUNS or "," not in " ".join(words[:_SCENE_WORDS]):
        return first
    after = text.split(",", 1)[1].split()
    return after[0].lower().strip(",") if after else ""


def _reports_speech(text: str, who: Who) -> bool:
    """True when the sentence says what the person said: "…, Hege said", "Erekat said they…"."""
    name = re.escape(who.short)
    verbs = "said|says|told|added|argued|noted|stressed|warned|insisted|acknowledged"
    return re.search(rf"\b{name}\s+(?:{verbs})\b|\b(?:{verbs})\s+{name}\b", text) is not None


def _names(text: str, who: Who) -> bool:
    lowered = plain(text)
    return any(f" {r} " in f" {lowered} " for r in who.references)


def _inside(number: Candidate, passage: Passage) -> bool:
    phrase: Passage = number.details["phrase"]
    return passage.start <= phrase.start < passage.end


def _joined(quotation: Quotation) -> str:
    """The quoted words, fragments of one paragraph joined, a new paragraph marked."""
    parts: list[str] = []
    for candidate in quotation.quotes:
        parts.append(" ".join(p.quote for p in candidate.evidence))
    return "” “".join(parts)
