"""Who said a quotation: attribution cues around it, pronouns and sentence subjects resolved.

Cues are tried in order: `“…” said X` / `“…” X said` after the quote; `X said: “…”` before it;
`…, saying “…”` and any other speech verb before it (the subject of the sentence); a sentence that
holds nothing but a quote continues the previous quote's speaker; a previous sentence ending in
`X said:`. Pronouns resolve to the nearest person named before them in the same sentence, else to
the first person named in the closest sentence before that names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc
from bot.extraction.lexicon import (
    CLAUSE_BOUNDARIES,
    CLAUSE_OPENERS,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
    SPEECH_VERBS,
)
from bot.extraction.persons import People
from bot.extraction.quotes import Quotation
from bot.extraction.segment import Sentence

_VERB = "|".join(sorted(SPEECH_VERBS))
_NP = r"[^,.;:!?\x01“”\"\n]"
_AFTER_VERB = re.compile(
    rf"[\s,]*(?P<verb>{_VERB})\b\s+(?P<who>{_NP}{{1,60}}?)"
    r"(?=\s*[,.;:!?“”\"]|\s*$|\s+(?:on|in|at|after|before|during|last|this|to|that|when|as)\b)"
)
# After a quote the speaker may carry an appositive: "“…,” the bank’s economist, X, told Y".
_BEFORE_VERB = re.compile(rf"[\s,]*(?P<who>(?:{_NP}|,){{1,100}}?),?\s+(?P<verb>{_VERB})\b")
_LEAD_VERB = re.compile(rf"\b(?P<verb>{_VERB})\b(?:\s+[\w’'\x02-]+){{0,4}}?\s*[:,]?\s*$")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<who>{_NP}{{1,60}}?)\s*,?\s*$")
_PARTICIPLE = re.compile(
    r"\b(?:saying|adding|telling\s+[\w’'-]+|arguing|insisting|warning|noting|declaring|"
    r"explaining|asking)\s*(?:that\s*)?[:,]?\s*$"
)
_ANY_VERB = re.compile(rf"\b(?:{_VERB}|say)\b")
_WORD = re.compile(r"[\w’'\x02-]+|[^\w\s\x01\x02]")
_MAX_LOOKBACK = 3


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str | None  # person | source | group
    cue: str  # how it was found
    sentence: int | None = None  # the sentence the name was resolved in


_NOBODY = Speaker(None, None, "none")


@dataclass
class Attributor:
    doc: Doc
    people: People
    hidden: str
    quotations: list[Quotation]

    def attribute(self, quote: Quotation, previous: Speaker | None) -> Speaker:
        """The speaker of a quotation (`previous`: the speaker of the quotation before)."""
        head = self.doc.sentence_at(quote.open) or self.doc.sentence_at(quote.start)
        tail = self.doc.sentence_at(quote.close) or self.doc.sentence_at(quote.end - 1)
        if head is None or tail is None:
            return _NOBODY
        lead = (head.start, quote.open)
        trail = (quote.close + 1, tail.end)
        for attempt in (
            lambda: self._after(trail),
            lambda: self._before(lead),
            lambda: self._subject(head, lead) if _PARTICIPLE.search(self._text(lead)) else None,
            lambda: self._subject(head, lead) if _ANY_VERB.search(self._text(lead)) else None,
            lambda: self._continued(quote, head, lead, trail, previous),
            lambda: self._colon_before(head),
        ):
            found = attempt()
            if found is not None and (found.name is not None or found.kind is not None):
                return found
        return _NOBODY

    def _text(self, span: tuple[int, int]) -> str:
        return self.hidden[span[0] : span[1]]

    def _after(self, trail: tuple[int, int]) -> Speaker | None:
        start, end = trail
        if start >= end:
            return None
        found = _AFTER_VERB.match(self.hidden, start, end)
        if found:
            named = self._person_near(found.end("verb"), end)
            if named is not None:
                return named
            return self._who(found.start("who"), found.end("who"), "said X after the quote")
        found = _BEFORE_VERB.match(self.hidden, start, end)
        if found:
            return self._who(found.start("who"), found.end("who"), "X said after the quote")
        return None

    def _before(self, lead: tuple[int, int]) -> Speaker | None:
        start, end = lead
        found = _ACCORDING.search(self.hidden, start, end)
        if found:
            return self._who(found.start("who"), found.end("who"), "according to X")
        found = _LEAD_VERB.search(self.hidden, start, end)
        if not found:
            return None
        named = self._person_near(found.end("verb"), end)
        if named is not None:
            return named
        span = self._words_before(start, found.start("verb"))
        return self._who(*span, "X said before the quote") if span else None

    def _person_near(self, start: int, end: int) -> Speaker | None:
        """A person named within a few plain words after a speech verb ("said resident X")."""
        for mention in self.people.within(start, end):
            gap = self.hidden[start : mention.cue_start]
            if len(gap.split()) <= 3 and not re.search(r"[,.;:!?\x01“”\"]", gap):
                return Speaker(mention.person, "person", "said X", mention.sentence)
            break
        return None

    def _words_before(self, limit: int, pos: int) -> tuple[int, int] | None:
        """The words before a verb back to a clause boundary: "when he said" -> "he"."""
        words = list(_WORD.finditer(self.hidden, limit, pos))
        kept: list[re.Match[str]] = []
        for word in reversed(words):
            text = word.group()
            if not text[0].isalnum() or text.lower() in CLAUSE_BOUNDARIES or len(kept) == 6:
                break
            kept.insert(0, word)
        return (kept[0].start(), kept[-1].end()) if kept else None

    def _who(self, start: int, end: int, cue: str) -> Speaker | None:
        mentions = self.people.within(start, end)
        if mentions:
            return Speaker(mentions[0].person, "person", cue, mentions[0].sentence)
        text = self.doc.seed.raw[start:end].strip()
        words = text.split()
        if not words or len(words) > 8:
            return None
        lower = words[0].lower()
        if len(words) == 1 and lower in PRONOUNS_SINGULAR:
            return self.resolve_pronoun(start, cue + " (pronoun)")
        if len(words) == 1 and lower in PRONOUNS_PLURAL:
            return Speaker(None, "group", cue + " (they)")
        if lower in CLAUSE_OPENERS and lower not in ("the",):
            return None
        return Speaker(" ".join(words), "source", cue)

    def _subject(self, sentence: Sentence, lead: tuple[int, int]) -> Speaker | None:
        """The subject of the sentence's main clause, as the speaker of a quote within it."""
        pos = lead[0]
        for clause in re.split(r"([,;:—–])", self._text(lead)):
            start, pos = pos, pos + len(clause)
            words = list(_WORD.finditer(self.hidden, start, pos))
            if not words:
                continue
            first = words[0].group().lower()
            if first in CLAUSE_OPENERS or first.endswith("ing") or not first[0].isalnum():
                continue
            if first in PRONOUNS_SINGULAR | PRONOUNS_PLURAL:
                return self._who(words[0].start(), words[0].end(), "subject of the sentence")
            head = words[min(3, len(words) - 1)].end()
            mentions = self.people.within(words[0].start(), head)
            if mentions:
                return Speaker(mentions[0].person, "person", "subject of the sentence")
            verbs = [i for i, w in enumerate(words[:9]) if w.group() in SPEECH_VERBS]
            if verbs and verbs[0] > 0:
                return self._who(words[0].start(), words[verbs[0] - 1].end(), "subject")
            return None
        return None

    def _continued(
        self,
        quote: Quotation,
        head: Sentence,
        lead: tuple[int, int],
        trail: tuple[int, int],
        previous: Speaker | None,
    ) -> Speaker | None:
        """A sentence that is only a quote continues the speaker of the quote just before."""
        if previous is None or previous.name is None:
            return None
        if re.search(r"\w", self._text(lead) + self._text(trail)):
            return None
        index = self.quotations.index(quote)
        if index == 0:
            return None
        before = self.doc.sentence_at(self.quotations[index - 1].close)
        if before is None or before.index < head.index - 1:
            return None
        return Speaker(previous.name, previous.kind, "continues the previous quote", None)

    def _colon_before(self, head: Sentence) -> Speaker | None:
        before = self.doc.previous(head)
        if before is None or not self._text((before.start, before.end)).rstrip().endswith(":"):
            return None
        return self._before((before.start, before.end - 1))

    def resolve_pronoun(self, pos: int, cue: str) -> Speaker | None:
        """The person a "he"/"she" at `pos` most likely refers to."""
        sentence = self.doc.sentence_at(pos)
        if sentence is None:
            return None
        same = [m for m in self.people.in_sentence(sentence.index) if m.end <= pos]
        same = [m for m in same if not self._quoted(m.start)]
        if same:
            return Speaker(same[-1].person, "person", cue, sentence.index)
        current: Sentence | None = sentence
        for _ in range(_MAX_LOOKBACK):
            current = self.doc.previous(current) if current else None
            if current is None:
                break
            named = [m for m in self.people.in_sentence(current.index) if not self._quoted(m.start)]
            if named:
                return Speaker(named[0].person, "person", cue, current.index)
        return None

    def _quoted(self, pos: int) -> bool:
        return self.hidden[pos] == "\x01"
