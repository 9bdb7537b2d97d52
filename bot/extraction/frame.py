"""A sentence as attribution sees it: words and punctuation, each quotation one `Q` token.

Built on the hidden text (quoted words replaced, abbreviation periods kept inside words), so a
comma inside a quote or the period of "Mr." never ends a clause. Person mentions are attached to
the tokens they cover. `subject_before` finds the noun phrase a verb's subject ends in, walking
back over adverbs ("Netanyahu, however, said"), time phrases ("The EU last week said") and
appositives ("Jeff Olsen, president of Lark & Finch, a Tacoma agency, said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.extraction.lexicon import (
    ADVERBS_BEFORE_VERB,
    CALENDAR_WORDS,
    CHARACTERISING_VERBS,
    FUNCTION_WORDS,
    NOUN_LIKE_VERBS,
    SPEECH_VERBS,
)
from bot.extraction.persons import Mention, People

_TOKEN = re.compile(r"\x01+|[^\W_](?:[\w’'\x02&-]*[\w\x02])?|[^\w\s]")
_SEPARATORS = frozenset(",—–-()")
_QUOTE_MARKS = frozenset("“”\"‘’'")
_PERIODS = frozenset(
    "week weekend month year morning afternoon evening night day spring summer autumn fall "
    "winter".split()
)
_TIME_OPENERS = frozenset("last this next on early late earlier later".split())
_NP_JOINERS = frozenset("of for the & and de".split())
_MAX_SEGMENTS = 4


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    quote: int | None = None  # index of the quotation a Q token stands for

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_q(self) -> bool:
        return self.quote is not None

    @property
    def is_word(self) -> bool:
        return self.quote is None and self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.is_word and self.text[:1].isupper()

    @property
    def is_speech(self) -> bool:
        """A speech verb, unless it may as well be a plural noun ("two Arab states")."""
        return self.is_word and self.lower in SPEECH_VERBS and self.lower not in NOUN_LIKE_VERBS

    @property
    def is_characterising(self) -> bool:
        return self.is_word and self.lower in CHARACTERISING_VERBS


@dataclass
class Frame:
    """The tokens of hidden[start:end] with the quotations and person mentions in it."""

    hidden: str
    raw: str
    start: int
    end: int
    toks: list[Tok] = field(default_factory=list)
    mentions: dict[int, Mention] = field(default_factory=dict)  # token index -> mention

    @classmethod
    def of(
        cls,
        hidden: str,
        raw: str,
        span: tuple[int, int],
        quotes: list[tuple[int, int, int]],
        people: People,
    ) -> Frame:
        """`quotes`: (start, end, quotation index) of every quoted part."""
        start, end = span
        frame = cls(hidden, raw, start, end)
        for found in _TOKEN.finditer(hidden, start, end):
            if found.group() in _QUOTE_MARKS:
                continue
            quote = None
            if found.group()[0] == "\x01":
                quote = next((i for a, b, i in quotes if a <= found.start() < b), -1)
            frame.toks.append(Tok(found.start(), found.end(), found.group(), quote))
        for mention in people.within(start, end):
            for index, tok in enumerate(frame.toks):
                if tok.is_word and mention.cue_start <= tok.start and tok.end <= mention.end + 2:
                    frame.mentions.setdefault(index, mention)
        return frame

    def mention_ending(self, index: int) -> Mention | None:
        """The mention whose last token is `index` (the name may carry a possessive)."""
        mention = self.mentions.get(index)
        if mention is None:
            return None
        following = self.mentions.get(index + 1)
        return mention if following is not mention else None

    def mention_starting(self, index: int) -> Mention | None:
        mention = self.mentions.get(index)
        return (
            mention if mention is not None and self.mentions.get(index - 1) is not mention else None
        )

    def speech(self, index: int) -> bool:
        """Whether token `index` is a speech verb here: "claims" only before "that", a colon,
        a comma or a quote, or after a pronoun ("she claims")."""
        tok = self.toks[index]
        if tok.is_speech:
            return True
        if not tok.is_word or tok.lower not in NOUN_LIKE_VERBS:
            return False
        after = self.toks[index + 1] if index + 1 < len(self.toks) else None
        before = self.toks[index - 1] if index > 0 else None
        if after is not None and (after.is_q or after.text in ",:" or after.lower == "that"):
            return True
        return before is not None and before.lower in ("he", "she", "it", "they")

    def text(self, lo: int, hi: int) -> str:
        """Raw text from token lo to token hi (inclusive)."""
        return self.raw[self.toks[lo].start : self.toks[hi].end]

    def words_between(self, lo: int, hi: int) -> list[Tok]:
        return [t for t in self.toks[lo:hi] if t.is_word]

    def subject_before(self, verb: int, lo: int = 0) -> tuple[int, int] | Mention | None:
        """The subject ending right before token `verb`: a mention, or a (lo, hi) token span."""
        index = self._skip_adverbs(verb - 1, lo)
        for _ in range(_MAX_SEGMENTS):
            if index < lo:
                return None
            if self.toks[index].text not in _SEPARATORS:
                return self._phrase_ending(index, lo)
            start = self._segment_start(index - 1, lo)
            if start is None:
                return None
            segment = range(start, index)
            ending = self.mention_ending(index - 1) if index - 1 >= start else None
            if ending is not None:  # "Jan Hatzius", not "a frequent Kristie critic"
                return ending
            words = [self.toks[i] for i in segment if self.toks[i].is_word]
            if not words and start == index:
                return None
            if start <= lo or self.toks[start - 1].text not in _SEPARATORS:
                return self._phrase_ending(index - 1, start) if words else None
            index = self._skip_adverbs(start - 1, lo)
        return None

    def _skip_adverbs(self, index: int, lo: int) -> int:
        while index >= lo:
            tok = self.toks[index]
            lower = tok.lower
            if tok.is_word and (
                lower in ADVERBS_BEFORE_VERB or (lower.endswith("ly") and tok.text.islower())
            ):
                index -= 1
            elif (
                tok.is_word
                and (lower in _PERIODS or lower in CALENDAR_WORDS)
                and index - 1 >= lo
                and self.toks[index - 1].lower in _TIME_OPENERS
            ):
                index -= 2
            else:
                return index
        return index

    def _segment_start(self, index: int, lo: int) -> int | None:
        """First token of the comma-delimited piece ending at `index` (None if it holds a quote,
        a speech verb or a clause of its own)."""
        while index >= lo:
            tok = self.toks[index]
            if tok.text in _SEPARATORS:
                return index + 1
            if tok.is_q or tok.text in ";:.!?" or (tok.is_speech and not tok.lower.endswith("ing")):
                return None  # "X, speaking in London, said" keeps its participle
            index -= 1
        return lo

    def _phrase_ending(self, index: int, lo: int) -> tuple[int, int] | Mention | None:
        """The noun phrase ending at token `index`: a mention, a pronoun or the words back to a
        determiner or a clause boundary ("Russia’s foreign ministry", "A spokesperson for the
        Harbour Authority")."""
        mention = self.mention_ending(index)
        if mention is not None:
            return mention
        tok = self.toks[index]
        if not tok.is_word or tok.is_speech:
            return None
        if tok.lower in FUNCTION_WORDS:
            return (index, index) if tok.lower in ("he", "she", "they", "we", "it", "i") else None
        first = index
        while first - 1 >= lo:
            prev = self.toks[first - 1]
            if prev.is_q or not (prev.is_word or prev.text == "&"):
                break
            lower = prev.lower
            if lower in ("a", "an", "the", "this", "that", "its", "their", "his", "her"):
                first -= 1
                before = self.toks[first - 1] if first - 1 >= lo else None
                if before is None or before.lower not in ("of", "for"):
                    break
                continue
            if lower in _NP_JOINERS:
                if lower == "and" and not (
                    self.toks[first].is_cap and prev_is_cap(self, first - 2)
                ):
                    break
                first -= 1
                continue
            if lower in FUNCTION_WORDS or prev.is_speech or prev.is_characterising:
                break
            if first == index and tok.is_cap and not prev.is_cap and not _possessive(prev):
                break  # "after legal consultation Washington": a capitalised head starts it
            first -= 1
        while first < index and self.toks[first].lower in ("of", "for", "and", "&"):
            first += 1
        return (first, index)


def prev_is_cap(frame: Frame, index: int) -> bool:
    return index >= 0 and frame.toks[index].is_cap


def _possessive(tok: Tok) -> bool:
    return tok.text.endswith(("’s", "'s", "s’", "s'"))
