"""Who said a quotation: the attribution around it, resolved to a person or an organisation.

Tried in order, on the quotation's sentence with every quote hidden (see `frame`):

1. after the quote: `“…,” said X` (X may follow a role: "said coach Bruce Hale"), `“…,” X said`
   (X may carry an appositive: "the bank’s economist, Jan Hatzius, told"), `“…,” according to X`;
2. before it: the speech verb that governs the quote, i.e. the nearest one unless an earlier
   speech verb owns its clause ("Pompeo said that … Washington had concluded … “…”" is Pompeo's);
   its subject, walking back over adverbs and appositives; a participle's own subject ("with X
   warning of “…”") or the sentence's ("X defended the plan, saying “…”"); a characterising verb
   whose object holds the quote ("The Arab League called it an “…”"); "according to X, “…”";
   with no verb, the subject of a sentence that leads into the quote with a colon;
3. a sentence ending in a colon before the quote ("He said:");
4. a sentence that is nothing but quotes continues whoever spoke last: the speaker of the
   previous quote, the speaker or the subject of a sentence before it ("Erekat said it was only
   the latest move. “They wanted us on our knees …”").

A quote inside a quote is said by the enclosing quote's speaker. Subjects resolve through
`resolve`: pronouns by salience and gender, descriptions ("the premier") by role, generic plurals
("Critics", "they") to nobody in particular.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.extraction.doc import Doc
from bot.extraction.frame import Frame
from bot.extraction.lexicon import (
    FUNCTION_WORDS,
    GENERIC_GROUPS,
    PREPOSITIONS,
    ROLE_NOUNS,
    TITLES,
)
from bot.extraction.organisations import ORG_NOUNS, resolve_description
from bot.extraction.persons import Mention, People
from bot.extraction.quotes import Quotation
from bot.extraction.resolve import Resolver
from bot.extraction.segment import Sentence

_CLAUSE_END = frozenset(",—–")
_HARD_BOUNDARY_AFTER_COMMA = frozenset("and but while whereas although though yet".split())
_ON_BEHALF = re.compile(
    r"(?:an?|the)\s+(?:[\w-]+\s+)?(?:spokesperson|spokesman|spokeswoman|official|officials|"
    r"representative|statement|source|sources)\s+(?:for|of|at|from)\s+(?:the\s+)?(?P<org>.+)",
    re.IGNORECASE,
)
_CHARACTERISING_REACH = 8
_TRAILING_REACH = 14
_LOOKBACK = 3


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str | None  # person | source | group
    cue: str  # how it was found
    sentence: int | None = None  # the sentence the name was resolved in


NOBODY = Speaker(None, None, "none")


@dataclass
class Attributor:
    doc: Doc
    people: People
    hidden: str
    quotations: list[Quotation]
    speakers: list[Speaker] = field(default_factory=list)
    _frames: dict[tuple[int, int], Frame] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._parts = [
            (start, end, index)
            for index, quote in enumerate(self.quotations)
            if quote.parent is None
            for start, end in quote.parts
        ]
        self.resolver = Resolver(self.doc, self.people, self.hidden)

    def attribute_all(self) -> list[Speaker]:
        """The speaker of every quotation, in order."""
        self.speakers = []
        for index, quote in enumerate(self.quotations):
            if quote.parent is not None:
                found = replace(self.speakers[quote.parent], cue="inside a quote")
            else:
                found = self._attribute(index, quote)
            self.speakers.append(found)
        return self.speakers

    def _attribute(self, index: int, quote: Quotation) -> Speaker:
        head = self.doc.sentence_at(quote.open) or self.doc.sentence_at(quote.start)
        tail = self.doc.sentence_at(quote.close) or self.doc.sentence_at(quote.end - 1)
        if head is None or tail is None:
            return NOBODY
        frame = self._frame(head.start, tail.end)
        own = [i for i, t in enumerate(frame.toks) if t.quote == index]
        if not own:
            return NOBODY
        first, last = own[0], own[-1]
        for attempt in (
            lambda: self._after(frame, last, quote),
            lambda: self._before(frame, first),
            lambda: self._colon_before(head),
            lambda: self._continued(frame, head, index),
        ):
            found = attempt()
            if found is not None:
                return found
        return NOBODY

    def _frame(self, start: int, end: int) -> Frame:
        key = (start, end)
        if key not in self._frames:
            self._frames[key] = Frame.of(
                self.hidden, self.doc.seed.raw, key, self._parts, self.people
            )
        return self._frames[key]

    def _sentence_frame(self, sentence: Sentence) -> Frame:
        return self._frame(sentence.start, sentence.end)

    # 1. after the quote
    def _after(self, frame: Frame, last: int, quote: Quotation) -> Speaker | None:
        toks, k = frame.toks, last + 1
        while True:
            while k < len(toks) and toks[k].text in _CLAUSE_END:
                k += 1
            joined = k + 1 < len(toks) and toks[k].lower in ("and", "or") and toks[k + 1].is_q
            if not joined:
                break
            k += 2
        if k >= len(toks):
            return None
        if toks[k].lower == "according" and k + 1 < len(toks) and toks[k + 1].lower == "to":
            return self._after_verb(frame, k + 2, "according to X")
        if frame.speech(k) and not toks[k].lower.endswith("ing"):
            return self._after_verb(frame, k + 1, "said X after the quote")
        ends_clause = self._ends_clause(quote) or toks[last + 1].text in _CLAUSE_END
        for verb in range(k, min(len(toks), k + _TRAILING_REACH)):
            tok = toks[verb]
            if tok.is_q or tok.text in ".;:!?":
                return None
            if frame.speech(verb):
                if tok.lower.endswith("ing"):
                    return None
                subject = frame.subject_before(verb, k)
                if ends_clause or isinstance(subject, Mention) or _is_pronoun(frame, subject):
                    return self._speaker(frame, subject, "X said after the quote")
                return None
        return None

    def _ends_clause(self, quote: Quotation) -> bool:
        """Whether the quoted text ends in a comma, question or exclamation mark."""
        end = quote.parts[-1][1]
        closing = self.doc.text[end : quote.close]
        return any(c in closing for c in ",?!") or self.doc.text[end - 1 : end] in ("?", "!")

    def _after_verb(self, frame: Frame, k: int, cue: str) -> Speaker | None:
        """The speaker named after a verb: "said coach Bruce Hale", "according to Ann Lee"."""
        toks = frame.toks
        for index in range(k, min(len(toks), k + 5)):
            mention = frame.mentions.get(index)
            if mention is not None and not toks[index].text.endswith(("’s", "'s")):
                return self._person(mention, cue)  # not "said Murphy’s spokesman X"
            tok = toks[index]
            if mention is not None:
                continue
            if not tok.is_word or (tok.lower in FUNCTION_WORDS and tok.lower not in ("the", "a")):
                break
        end = k
        while end < len(toks) and toks[end].is_word and not toks[end].is_speech:
            if toks[end].lower in FUNCTION_WORDS - {"the", "a", "an", "of", "for"}:
                break
            end += 1
        if end == k:
            return None
        return self._speaker(frame, (k, end - 1), cue)

    # 2. before the quote
    def _before(self, frame: Frame, first: int) -> Speaker | None:
        verb = self._governing_verb(frame, first)
        if verb is None:
            toks = frame.toks
            for index in range(first - 2, -1, -1):
                if toks[index].lower == "according" and toks[index + 1].lower == "to":
                    return self._after_verb(frame, index + 2, "according to X")
            if first > 0 and toks[first - 1].text == ":":  # "Smith was blunt: “…”"
                return self._first_subject(frame, first, "subject before a colon")
            return None
        return self._subject_of(frame, verb, "X said before the quote")

    def _governing_verb(self, frame: Frame, first: int) -> int | None:
        toks = frame.toks
        speech = [i for i in range(first) if frame.speech(i)]
        nearby = [
            i
            for i in range(max(0, first - _CHARACTERISING_REACH), first)
            if toks[i].is_characterising and not self._boundary(frame, i, first)
        ]
        candidates = sorted(speech + nearby)
        if not candidates:
            return None
        verb = candidates[-1]
        for earlier in reversed([i for i in speech if i < verb]):
            if toks[earlier].lower.endswith("ing") or self._boundary(frame, earlier, verb):
                break
            if frame.subject_before(earlier) is not None:  # not "Asked about it, he said"
                verb = earlier
        return verb

    def _boundary(self, frame: Frame, start: int, end: int) -> bool:
        """Whether a new clause starts between tokens start and end."""
        toks = frame.toks
        for index in range(start + 1, end):
            tok = toks[index]
            if tok.is_q or tok.text in ";.!?":
                return True
            following = toks[index + 1].lower if index + 1 < end else ""
            if tok.text == "," and following in _HARD_BOUNDARY_AFTER_COMMA:
                return True
        return False

    def _subject_of(self, frame: Frame, verb: int, cue: str) -> Speaker | None:
        toks = frame.toks
        tok = toks[verb]
        before = toks[verb - 1] if verb > 0 else None
        if tok.lower.endswith("ing") and (before is None or before.text in _CLAUSE_END):
            return self._main_subject(frame, verb, cue + " (participle)")
        if before is not None and before.lower == "to":  # "went on to say", "declined to say"
            index = verb - 2
            while index >= 0 and toks[index].is_word and toks[index].text.islower():
                if toks[index].lower in ("he", "she", "they", "we", "it"):
                    break
                index -= 1
            return self._speaker(frame, frame.subject_before(index + 1), cue)
        if before is not None and before.lower in ("and", "or", "but"):
            return self._main_subject(frame, verb, cue + " (second verb)")
        subject = frame.subject_before(verb)
        if subject is None and (before is None or before.text in _CLAUSE_END | {":"}):
            return self._after_verb(frame, verb + 1, cue)
        return self._speaker(frame, subject, cue)

    def _main_subject(self, frame: Frame, verb: int, cue: str) -> Speaker | None:
        """The subject of the clause a participle or a second verb hangs on."""
        toks = frame.toks
        finite = [
            i
            for i in range(verb)
            if (frame.speech(i) or toks[i].is_characterising) and not toks[i].lower.endswith("ing")
        ]
        if finite:
            return self._subject_of(frame, finite[-1], cue)
        return self._first_subject(frame, verb, cue) or self._leading_name(frame, verb, cue)

    def _leading_name(self, frame: Frame, limit: int, cue: str) -> Speaker | None:
        """A capitalised name opening the sentence, as a source ("The Federal Reserve left its
        rate unchanged, saying …")."""
        toks = frame.toks
        index = 1 if toks and toks[0].lower in ("the", "a", "an") else 0
        start = index
        while index < limit and (toks[index].is_cap or toks[index].lower in ("of", "for", "&")):
            index += 1
        if index == start or not toks[index - 1].is_cap or frame.mentions.get(index - 1):
            return None
        return Speaker(_source_name(frame.text(0, index - 1)), "source", cue)

    def _first_subject(self, frame: Frame, limit: int, cue: str) -> Speaker | None:
        """The first person or pronoun of the sentence that is not in a prepositional phrase."""
        toks = frame.toks
        for index in range(limit):
            tok = toks[index]
            if tok.is_q:
                continue
            mention = frame.mention_starting(index)
            previous = toks[index - 1].lower if index > 0 else ""
            if mention is not None and previous not in PREPOSITIONS:
                return self._person(mention, cue)
            if tok.lower in ("he", "she") and previous not in PREPOSITIONS:
                return self._speaker(frame, (index, index), cue)
        return None

    # 3. "He said:" before the quote
    def _colon_before(self, head: Sentence) -> Speaker | None:
        before = self.doc.previous(head)
        if before is None or not self.hidden[before.start : before.end].rstrip().endswith(":"):
            return None
        frame = self._sentence_frame(before)
        return self._before(frame, len(frame.toks))

    # 4. a sentence of quotes only
    def _continued(self, frame: Frame, head: Sentence, index: int) -> Speaker | None:
        if any(t.is_word for t in frame.toks):
            return None
        current = head
        for _ in range(_LOOKBACK):
            before = self.doc.previous(current)
            if before is None:
                return None
            spoken = [
                self.speakers[i]
                for i in range(index)
                if self.quotations[i].parent is None
                and self.speakers[i].name
                and self.doc.sentence_at(self.quotations[i].open) in (before,)
            ]
            if spoken:
                return replace(spoken[-1], cue="continues the previous quote", sentence=None)
            previous = self._sentence_frame(before)
            verbs = [i for i in range(len(previous.toks)) if previous.speech(i)]
            found = (
                self._subject_of(previous, verbs[0], "speaker of the sentence before")
                if verbs
                else None
            )
            if found is None or found.name is None:
                found = self._first_subject(
                    previous, len(previous.toks), "subject of the sentence before"
                )
            if found is not None and found.name:
                return found
            current = before
        return None

    # subjects to speakers
    def _person(self, mention: Mention, cue: str) -> Speaker:
        return Speaker(mention.person, "person", cue, mention.sentence)

    def _speaker(
        self, frame: Frame, subject: tuple[int, int] | Mention | None, cue: str
    ) -> Speaker | None:
        if subject is None:
            return None
        if isinstance(subject, Mention):
            return self._person(subject, cue)
        lo, hi = subject
        text = frame.text(lo, hi)
        words = text.split()
        lower = words[-1].lower().strip("’'")
        if lo == hi and lower in ("he", "she"):
            mention = self.resolver.pronoun(frame.toks[lo].start, lower)
            return self._person(mention, cue + " (pronoun)") if mention else None
        if lo == hi and lower in ("they", "we"):
            return Speaker(None, "group", cue + " (they)")
        if lower in FUNCTION_WORDS:
            return None
        if lower in GENERIC_GROUPS and all(w[:1].islower() or i == 0 for i, w in enumerate(words)):
            return Speaker(None, "group", cue + " (generic)")
        head = frame.mentions.get(hi)
        if head is not None and not _possessor_or_object(frame, lo, hi, head):
            return self._person(head, cue)
        pos = frame.toks[lo].start
        if lower in ROLE_NOUNS or lower in TITLES or lower.endswith("year-old"):
            mention = self.resolver.description(text, pos)
            if mention is not None and head is None:
                return self._person(mention, cue + " (description)")
        if lower in ORG_NOUNS:
            sentence = self.doc.sentence_at(pos)
            index = sentence.index if sentence else 0
            organisation = resolve_description(self.people.organisations, text, pos, index)
            if organisation is not None:
                return Speaker(organisation.name, "source", cue + " (description)")
        if len(words) > 10:
            return None
        return Speaker(_source_name(text), "source", cue)


def _source_name(text: str) -> str:
    """An organisation as the article names it: "A spokesperson for the British Foreign
    Office" speaks for the British Foreign Office, "The Arab League" is the Arab League; common
    nouns keep their article ("an official Kremlin statement", "the two leaders")."""
    found = _ON_BEHALF.match(text)
    if found and found.group("org")[:1].isupper():
        text = found.group("org")
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an") and words[1][:1].isupper():
        return " ".join(words[1:])
    return text


def _possessor_or_object(frame: Frame, lo: int, hi: int, mention: Mention) -> bool:
    """Whether the person ending a phrase is not its head: "a spokesman for John Smith"."""
    first = next(i for i in range(lo, hi + 1) if frame.mentions.get(i) is mention)
    return any(frame.toks[i].lower in ("for", "of", "to") for i in range(lo, first))


def _is_pronoun(frame: Frame, subject: tuple[int, int] | Mention | None) -> bool:
    if not isinstance(subject, tuple):
        return False
    lo, hi = subject
    return lo == hi and frame.toks[lo].lower in ("he", "she", "they", "we")
