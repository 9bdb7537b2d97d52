"""Who "he", "she" or "the premier" is: salience, gender and roles, not the nearest name.

A pronoun looks first at people named earlier in its own sentence where they may be a subject
(outside quotes, not after a preposition or a verb: "Asked about Lowe’s veto, he said" does not
point at Lowe), then at the sentences before, their subjects first, and last at the names it
skipped; the first person
whose gender agrees (an unknown gender agrees with both, and is then taken as settled) is the
one. A definite description
("the premier", "the coach", "the 51-year-old") is the person whose role or age fits it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extraction.doc import Doc
from bot.extraction.persons import Mention, People, Person

_LOOKBACK = 3
_MAX_BLOCKS = 2
_AGE = re.compile(r"(\d{1,3})-year-old")
# Role words a description may use for a title the article gave ("the premier" for a prime
# minister, "the lawmaker" for a senator).
_SYNONYMS = {
    "governor": ("governor", "gov"),
    "senator": ("senator", "sen"),
    "representative": ("representative", "rep"),
    "congressman": ("congressman", "rep", "representative"),
    "congresswoman": ("congresswoman", "rep", "representative"),
    "president": ("president", "pres"),
    "professor": ("professor", "prof"),
    "doctor": ("doctor", "dr"),
    "secretary": ("secretary", "sec"),
    "premier": ("prime minister", "premier"),
    "pm": ("prime minister",),
    "lawmaker": ("senator", "representative", "congressman", "congresswoman", "mp", "sen"),
    "legislator": ("senator", "representative", "assemblyman", "assemblywoman", "sen"),
    "executive": ("ceo", "chief executive", "executive"),
    "boss": ("ceo", "chief executive", "head", "director", "manager", "coach"),
    "goaltender": ("goalie", "goaltender", "netminder"),
    "goalie": ("goalie", "goaltender", "netminder"),
    "netminder": ("goalie", "goaltender", "netminder"),
    "envoy": ("ambassador", "envoy"),
    "diplomat": ("ambassador", "envoy", "minister", "diplomat"),
}
_WORD = re.compile(r"[\w’'-]+")
# Words after which a name opens a clause ("When Smith arrived, he said").
_SUBJECT_OPENERS = frozenset(
    "and but or so yet when while after before as because if although though since until "
    "unless once whereas that where then also".split()
)


@dataclass
class Resolver:
    doc: Doc
    people: People
    hidden: str

    def person(self, name: str) -> Person:
        return self.people.by_name(name)

    def pronoun(self, pos: int, pronoun: str) -> Mention | None:
        """The person a "he" or "she" at raw offset `pos` most likely refers to."""
        gender = "f" if pronoun.lower() in ("she", "her", "hers", "herself") else "m"
        for mention in self._candidates(pos):
            person = self.person(mention.person)
            if person.gender in (None, gender):
                # What one "he" settles, the next "she" knows: the article spoke of this
                # person so, and it keeps its pronouns consistent.
                person.gender = gender
                return mention
        return None

    def _candidates(self, pos: int) -> list[Mention]:
        sentence = self.doc.sentence_at(pos)
        if sentence is None:
            return []
        same = [m for m in self._outside(sentence.index) if m.end <= pos]
        direct = [m for m in reversed(same) if self._subject_like(m)]
        skipped = [m for m in reversed(same) if not self._subject_like(m)]
        ordered = list(direct)
        current = sentence
        for _ in range(_LOOKBACK):
            before = self.doc.previous(current, max_blocks=_MAX_BLOCKS)
            if before is None:
                break
            named = self._outside(before.index)
            ordered += [m for m in named if self._subject_like(m)]
            ordered += [m for m in named if not self._subject_like(m)]
            current = before
        return ordered + skipped

    def _outside(self, sentence: int) -> list[Mention]:
        return [m for m in self.people.in_sentence(sentence) if self.hidden[m.start] != "\x01"]

    def _subject_like(self, mention: Mention) -> bool:
        """Whether the name may be a clause's subject: it opens the sentence or follows a comma,
        a conjunction or a determiner, not a preposition or a verb ("about Lowe’s veto",
        "whether he expected Kristie to testify")."""
        before = self.hidden[max(0, mention.cue_start - 40) : mention.cue_start].split()
        while before and before[-1].lower() in ("the", "a", "an"):
            before.pop()
        if not before or before[-1].endswith((",", ";", ":", "—", "–", "\x01")):
            return True
        word = before[-1].lower().strip("“”\"‘’'(")
        if not word or not word.isalpha() or before[-1][:1].isupper():
            return True
        return word in _SUBJECT_OPENERS

    def description(self, phrase: str, pos: int) -> Mention | None:
        """The person a description such as "the premier" or "the 51-year-old" refers to."""
        words = [w.lower() for w in _WORD.findall(phrase)]
        if not words or words[0] not in ("the", "this", "that"):
            return None  # "one analyst", "a spokesman": someone the article does not name
        age = _AGE.search(phrase)
        if age:
            fits = [p for p in self.people.persons if p.age == age.group(1)]
        else:
            head = words[-1]
            wanted = _SYNONYMS.get(head, (head,))
            fits = [
                p
                for p in self.people.persons
                if any(set(w.split()) <= p.role_words for w in wanted)
            ]
        before = [m for p in fits for m in p.mentions if m.start < pos]
        if before:
            return max(before, key=lambda m: m.start)
        # Named only later ("the Jewish state's premier cheered …" before "Prime Minister X"):
        # only when one person fits.
        return fits[0].mentions[0] if len(fits) == 1 and fits[0].mentions else None
