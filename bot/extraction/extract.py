"""Candidate entries of one seed: quotes, persons, section headings and numbers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.extraction.attribution import Attributor, Speaker
from bot.extraction.candidate import Candidate, IdMaker, excerpt, slug
from bot.extraction.context import find_context, find_events
from bot.extraction.doc import Doc, Passage
from bot.extraction.numbers import find_numbers
from bot.extraction.persons import People, Person, find_people
from bot.extraction.quotes import Quotation, find_quotations, hidden_text
from bot.text.seed import Seed

_SCARE_MAX_WORDS = 3
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class Extraction:
    seed: str
    title: str
    candidates: list[Candidate]

    def of(self, found_as: str) -> list[Candidate]:
        return [c for c in self.candidates if c.found_as == found_as]


def extract(seed: Seed) -> Extraction:
    """Every candidate the build finds in one seed, in the order quote, person, heading, number."""
    doc = Doc.of(seed)
    ids = IdMaker()
    quotations = find_quotations(doc)
    hidden = hidden_text(doc, quotations)
    people = find_people(doc, hidden)
    persons = [_person_candidate(doc, person, ids) for person in people.persons]
    person_ids = {c.details["name"]: c.id for c in persons}
    candidates = [
        *_quote_candidates(doc, people, quotations, hidden, ids, person_ids),
        *persons,
        *_heading_candidates(doc, ids),
        *_number_candidates(doc, hidden, ids),
    ]
    return Extraction(seed.name, seed.title, candidates)


def _quote_candidates(
    doc: Doc,
    people: People,
    quotations: list[Quotation],
    hidden: str,
    ids: IdMaker,
    person_ids: dict[str, str],
) -> list[Candidate]:
    speakers = Attributor(doc, people, hidden, quotations).attribute_all()
    found: list[Candidate] = []
    previous: list[str] = []
    for quote, speaker in zip(quotations, speakers, strict=True):
        context = _context(doc, hidden, quote, speaker) if speaker.kind else []
        if speaker.cue == "continues the previous quote" and not context:
            context = previous
        previous = context
        candidate = _quote_candidate(doc, quote, speaker, context, people, ids)
        candidate.details["speaker_id"] = person_ids.get(speaker.name or "")
        if quote.parent is not None:
            candidate.details["inside"] = found[quote.parent].id
        found.append(candidate)
    return found


def _context(doc: Doc, hidden: str, quote: Quotation, speaker: Speaker) -> list[str]:
    head = doc.sentence_at(quote.open) or doc.sentence_at(quote.start)
    tail = doc.sentence_at(quote.close) or doc.sentence_at(quote.end - 1)
    if head is None or tail is None:
        return []
    context = find_context(
        hidden, doc.seed.raw, [(head.start, quote.open), (quote.close + 1, tail.end)]
    )
    if not context and speaker.sentence is not None and speaker.sentence != head.index:
        resolved = doc.sentences[speaker.sentence]
        context = find_events(hidden, doc.seed.raw, resolved.start, resolved.end)
    return context


def _quote_candidate(
    doc: Doc,
    quote: Quotation,
    speaker: Speaker,
    context: list[str],
    people: People,
    ids: IdMaker,
) -> Candidate:
    text = quote.text(doc)
    scare = speaker.name is None and quote.word_count(doc) <= _SCARE_MAX_WORDS
    if scare:
        question = f"Why does the article put “{text.rstrip('.,;:')}” in quotation marks?"
    else:
        question = f"Who said “{excerpt(text)}”?"
    who = _surname(people, speaker.name) if speaker.kind == "person" else _bare(speaker.name)
    head = doc.sentence_at(quote.open) or doc.sentence_at(quote.start)
    tail = doc.sentence_at(quote.close) or doc.sentence_at(quote.end - 1)
    sentence = doc.passage(head.start, tail.end) if head and tail else None
    return Candidate(
        id=ids.make("quote", slug(who or "", 2), slug(text, 5)),
        kind="quote",
        found_as="quote",
        question=question,
        evidence=quote.passages(doc),
        section=doc.seed.section_at(quote.open),
        details={
            "speaker": speaker.name,
            "speaker_kind": speaker.kind,
            "attribution": speaker.cue if speaker.kind else None,
            "context": "; ".join(context) or None,
            "scare_quote": scare,
            "sentence": sentence,
        },
    )


def _bare(noun_phrase: str | None) -> str | None:
    """A source without its article: "an official Kremlin statement" -> "official Kremlin…"."""
    if noun_phrase is None:
        return None
    words = noun_phrase.split()
    return " ".join(words[1:] if len(words) > 1 and words[0].lower() in _ARTICLES else words)


def _surname(people: People, name: str | None) -> str | None:
    person = next((p for p in people.persons if p.name == name), None)
    return person.surname if person else name


def _person_candidate(doc: Doc, person: Person, ids: IdMaker) -> Candidate:
    role_sentences = [index for _, index in person.roles]
    mentioned = sorted({m.sentence for m in person.mentions})
    evidence_sentences = list(dict.fromkeys(role_sentences or mentioned[:1]))
    evidence = [doc.sentence_passage(doc.sentences[i]) for i in evidence_sentences]
    return Candidate(
        id=ids.make("person", slug(person.surname if person.first else person.name)),
        kind="person",
        found_as="person",
        question=f"Who is {person.name}?",
        evidence=evidence,
        section=doc.seed.section_at(evidence[0].start) if evidence else "",
        details={
            "name": person.name,
            # every role in text order, for "Who is X?": "State Sen.; Warren County Republican"
            "role": "; ".join(role for role, _ in person.roles) or None,
            "roles": [role for role, _ in person.roles],
            "age": person.age,
            "gender": person.gender,
            "mentions": [doc.sentence_passage(doc.sentences[i]).as_dict() for i in mentioned],
        },
    )


def _heading_candidates(doc: Doc, ids: IdMaker) -> list[Candidate]:
    blocks = doc.seed.blocks
    found: list[Candidate] = []
    for number, block in enumerate(blocks):
        if number == 0 or not block.is_heading:
            continue
        evidence = [doc.passage(block.start, block.end)]
        body = next((b for b in blocks[number + 1 :] if not b.is_heading), None)
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        if body is not None and body is following:
            evidence.append(doc.passage(body.start, body.end))
        found.append(
            Candidate(
                id=ids.make("section", slug(block.text)),
                kind="background",
                found_as="heading",
                question=f"What does the section “{block.text}” say?",
                evidence=evidence,
                section=block.text,
                details={"heading": block.text},
            )
        )
    return found


def _number_candidates(doc: Doc, hidden: str, ids: IdMaker) -> list[Candidate]:
    found: list[Candidate] = []
    for mention in find_numbers(doc, hidden):
        phrase: Passage = doc.passage(mention.start, mention.end)
        if mention.unit == "year":
            question = f"What happened in {mention.number}?"
        else:
            question = f"What is the significance of {phrase.quote}?"
        found.append(
            Candidate(
                id=ids.make("number", slug(phrase.quote, 5)),
                kind="number",
                found_as="number",
                question=question,
                evidence=[doc.sentence_passage(mention.sentence)],
                section=doc.seed.section_at(mention.start),
                details={"number": mention.number, "unit": mention.unit or None, "phrase": phrase},
            )
        )
    return found
