"""What a draft's entries are made of: each fact of the article once.

A *quotation* is what one speaker said in one place: the quoted fragments of a paragraph (a
quote split by its attribution, a partial quote and its sentence) and the paragraphs a quote runs
on into, with the sentences holding them. A *fact* is a sentence of reporting, or the reporting
part of a quote's sentence ("…,” Boudreau said before the Wild’s 4-1 win … in front of 15,522"):
that part is a fact of its own, so the quotation's evidence stops at its speech verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.draft.words import content_words
from bot.extraction.candidate import Candidate
from bot.extraction.doc import Doc, Passage
from bot.extraction.lexicon import SPEECH_VERBS
from bot.extraction.segment import Sentence

# A quotation's answer and evidence stay readable: longer runs are split between fragments.
MAX_QUOTATION_CHARS = 520
# Reporting after a quote's attribution that says this many content words is a fact of its own.
MIN_TAIL_WORDS = 3
_CLOSING = "”’\"'"
_SPEECH = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# The attribution after a quote: `,” Boudreau said` / `,” said Avi Bell` / `,” he told …`
_ATTRIBUTION = re.compile(
    rf"[\s,.;:!?{_CLOSING}—–-]*(?:(?:[\w’'.&-]+\s+){{0,5}}?(?:{_SPEECH})\b|(?:{_SPEECH})\b)"
)


@dataclass
class Quotation:
    """One speaker's words in one place, with the sentences that hold them."""

    speaker: str
    speaker_kind: str
    quotes: list[Candidate]
    sentences: list[Sentence]
    # the sentence before, when the article names the speaker there and quotes them after it
    lead_in: Sentence | None = None
    # evidence cut short where a sentence goes on to report something else (by sentence index)
    cuts: dict[int, Passage] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(" ".join(p.quote for p in c.evidence) for c in self.quotes)

    @property
    def context(self) -> str | None:
        found = [c.details.get("context") for c in self.quotes if c.details.get("context")]
        return "; ".join(dict.fromkeys(str(c) for c in found)) or None


@dataclass
class Fact:
    """A sentence of reporting (or the reporting part of one), with its verbatim passage."""

    sentence: Sentence
    passage: Passage


def _sentences_of(doc: Doc, passage: Passage | None) -> list[Sentence]:
    if passage is None:
        return []
    return [s for s in doc.sentences if s.start < passage.end and passage.start < s.end]


def _attributed(candidate: Candidate) -> bool:
    details = candidate.details
    return (
        bool(details.get("speaker"))
        and not details.get("scare_quote")
        and not details.get("inside")
    )


def quotations_of(doc: Doc, candidates: list[Candidate]) -> list[Quotation]:
    """The article's quotations in text order: fragments of one speaker merged while they stay in
    one paragraph, or run on into the next one."""
    found: list[Quotation] = []
    for candidate in candidates:
        if candidate.found_as != "quote" or not _attributed(candidate):
            continue
        sentences = _sentences_of(doc, candidate.details.get("sentence"))
        if not sentences:
            continue
        speaker = str(candidate.details["speaker"])
        kind = str(candidate.details.get("speaker_kind") or "source")
        last = found[-1] if found else None
        if last is not None and last.speaker == speaker and _joins(last, candidate, sentences):
            last.quotes.append(candidate)
            last.sentences = sorted({*last.sentences, *sentences}, key=lambda s: s.index)
            continue
        quotation = Quotation(speaker, kind, [candidate], sentences)
        if candidate.details.get("attribution") == "speaker of the sentence before":
            before = doc.previous(sentences[0])
            quotation.lead_in = before
        found.append(quotation)
    taken = {s.index for q in found for s in q.sentences}
    for quotation in found:
        if quotation.lead_in is not None and quotation.lead_in.index in taken:
            quotation.lead_in = None
        elif quotation.lead_in is not None:
            taken.add(quotation.lead_in.index)
        _cut_tails(doc, quotation)
    return found


def _joins(last: Quotation, candidate: Candidate, sentences: list[Sentence]) -> bool:
    block = last.sentences[-1].block
    same_place = sentences[0].block == block or (
        candidate.details.get("attribution") == "continues the previous quote"
        and sentences[0].block - block <= 1
    )
    text = " ".join(p.quote for p in candidate.evidence)
    return same_place and len(last.text) + len(text) <= MAX_QUOTATION_CHARS


def _cut_tails(doc: Doc, quotation: Quotation) -> None:
    """Where a quote's sentence reports more after its attribution, the quotation's evidence for
    that sentence ends at the speech verb (the rest is a fact: `tail_fact`)."""
    for sentence in quotation.sentences:
        tail = _tail_start(doc, quotation, sentence)
        if tail is None:
            continue
        head = doc.passage(sentence.start, tail[1])
        quotation.cuts[sentence.index] = head


def _tail_start(doc: Doc, quotation: Quotation, sentence: Sentence) -> tuple[int, int] | None:
    """(start of the attribution, end of its speech verb) when the sentence goes on after it
    with reporting of its own; None otherwise."""
    ends = [
        p.end
        for c in quotation.quotes
        for p in c.evidence
        if sentence.start <= p.end <= sentence.end
    ]
    if not ends:
        return None
    close = max(ends)
    raw = doc.seed.raw
    while close < sentence.end and raw[close] in _CLOSING + ",.!?":
        close += 1
    if any(
        sentence.start <= p.start < sentence.end and p.start > close
        for c in quotation.quotes
        for p in c.evidence
    ):
        return None  # the quote goes on after it: no reporting tail
    match = _ATTRIBUTION.match(raw, close, sentence.end)
    if match is None:
        return None
    rest = raw[match.end() : sentence.end]
    names = {w.lower() for w in quotation.speaker.split()}
    words = [w for w in content_words(rest) if w not in names]
    if len(words) < MIN_TAIL_WORDS:
        return None
    start = close
    while start < match.end() and not raw[start].isalnum():
        start += 1
    return start, match.end()


def tail_facts(doc: Doc, quotations: list[Quotation]) -> list[Fact]:
    """The reporting parts of quotes' sentences, from their attribution on."""
    facts: list[Fact] = []
    for quotation in quotations:
        for sentence in quotation.sentences:
            if sentence.index not in quotation.cuts:
                continue
            tail = _tail_start(doc, quotation, sentence)
            if tail is not None:
                facts.append(Fact(sentence, doc.passage(tail[0], sentence.end)))
    return facts


def evidence_of(doc: Doc, quotation: Quotation) -> list[str]:
    """A quotation's evidence: its sentences (cut at the attribution where a fact goes on)."""
    sentences = [quotation.lead_in] if quotation.lead_in is not None else []
    passages = []
    for sentence in [*sentences, *quotation.sentences]:
        passages.append(quotation.cuts.get(sentence.index) or doc.sentence_passage(sentence))
    return list(dict.fromkeys(p.quote for p in passages))
