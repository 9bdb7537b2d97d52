"""The question inside a long chat message: "hey sorry to bother, i missed the whole convo
earlier. which countries on the security council pushed back" asks which countries pushed back.

A long message is cut into clauses (sentences, then commas, colons, dashes, "but", and an "and"
or "or" that opens another question: "who started and why wasnt dubnyk in there"). Each clause
is one of:
- an ask: it opens with a question word or an auxiliary ("did he get a major"), a request
  ("can someone explain what X", "tell me who X") or ends with "?"; a clause about the asker
  that turns into a question ("i'm confused about who julie graham is") asks from its question
  word on;
- chatter: about the asker or the chat (first person, apologies, thanks, "lol", "quick one"),
  dropped; what someone said or what it was about ("my cousin says X", "the part where X",
  "something about X") is kept as context for the asks that point back at it;
- context: anything else ("the article mentions the goalie situation").
An ask that only points back ("which team was that", "is that actually true") is read with the
context before it. Pure text rules, so a question without chatter and with one ask is left
exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import strip_chat_noise
from bot.text.normalize import fold

_WH = frozenset("what whats who whos whose whom which when where why how".split())
_AUX = frozenset(
    "is isnt are arent was wasnt were werent did didnt does doesnt do dont can cant could"
    " couldnt will wont would wouldnt has hasnt have havent had should shouldnt".split()
)
# Imperatives that ask ("tell me who scored", "explain what washington did").
_REQUEST = frozenset("explain tell summarize summarise list describe break give show name".split())
# Opening a clause, they carry nothing: "ok so", "anyway", "random q but", "like".
_FILLER = frozenset(
    "so ok okay k like anyway anyways also and but or well basically just hey hi hello yo"
    " lol honestly um uh right then plus btw oh ah hmm yeah yes no wait".split()
)
_FIRST_PERSON = frozenset("i im ive id ill me my mine myself we our ours ourselves".split())
# Words of the chat itself, never of the article: a clause of only these (and fillers) is
# chatter ("quick one", "question for the bot", "thanks in advance", "just broad strokes pls").
_CHAT = frozenset(
    "sorry thanks thank thx ty pls plz please lol lmao haha rofl bother advance question q"
    " quick random dumb stupid silly noob bot briefbot one real idk tbh ngl omg broad strokes"
    " for the a in this might be if to someone anyone anybody you u ya".split()
)
_SOCIAL = frozenset("sorry thanks thank thx pls plz lol lmao haha rofl idk tbh ngl omg".split())
# What the asker heard or read, then its content: "my cousin keeps saying X", "the bit about X".
_REPORTED = frozenset(
    "saying says say said thinks think thought heard claims claiming about where that"
    " understand".split()
)
# Before a question word, these turn a clause about the asker into a question: "i'm confused
# about who X is", "no idea what it means", "i dont get why X", "can someone explain what X".
_WONDER = frozenset(
    "understand know knew wondering wonder wondered confused idea sure get curious explain tell"
    " summarize summarise figure remember clear ask asking down list me us about on".split()
)
# An ask made only of these asks nothing of its own: "is that actually true", "whats the article
# say", "or is he exaggerating like usual". It is about the context before it.
_META = frozenset(
    "is isnt was that this it actually really true right correct accurate the article say says"
    " said what whats does do did in or he she they exaggerating like usual different now"
    " story piece what's real legit so".split()
)
# ... and holds one of these: "what did they say" is a question about them, not the article's.
_META_MARK = frozenset("true right correct accurate article exaggerating real legit".split())
# "i was wondering if anyone said X" asks whether anyone said X ("argue about whether to go
# edgy" asks nothing).
_WHETHER = frozenset("if whether".split())
_WONDER_IF = frozenset("understand know wondering wonder wondered sure curious ask asking".split())
_POINTING = frozenset(
    "he him his she her they them their it its that this these those there each both".split()
)
# A comma inside a number ("$449,000") ends nothing.
_CLAUSE_END = re.compile(r"\?+|[.!;]+(?=\s|$)|\.{2,}|…|:(?=\s)|\s[-–—]+\s|,(?!\d)")
# An aside about the chat: "can someone (or the bot lol) explain", "(sorry)".
_ASIDE = re.compile(r"\([^()]*\)")
_JOIN = re.compile(
    r"\s+(?:and|or|but|also|plus)\s+(?=(?:also\s+|then\s+)?(?:what|whats|who|whos|which|when|"
    r"where|why|how|did|does|do|is|was|were|are|can|could|will|would|has|have|had)\b)"
    r"|\s+but\s+|\s+(?:and|so)\s+(?=(?:i|im|i'm|my|we)\s)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?", re.IGNORECASE)
_PLAIN_WORD = re.compile(r"[a-z0-9]+")
# A tail that only hedges: "if the article says it", "if it says".
_HEDGE = re.compile(r"\s+if\s+(?:the\s+\w+|it)\s+says?(?:\s+(?:it|so))?\s*$", re.IGNORECASE)


# From this many words a message is long: a question typed as one rarely is (one in a hundred
# of the development sets' questions not written as long chat has 18 words or more), and a
# shorter one is answered exactly as typed.
LONG_WORDS = 20
# Each part is one more answer worked out (and one more chance of a wrong one): a message
# asking more than this is answered from its first ones.
MOST_PARTS = 3


@dataclass(frozen=True)
class Clause:
    text: str  # as typed, fillers and framing before the ask cut off
    words: tuple[str, ...]  # folded, apostrophes out
    kind: str  # "ask", "chatter", "reported" (what chatter says was said) or "context"
    asked: bool = False  # ended with "?"


@dataclass(frozen=True)
class Asked:
    """What a message asks: the texts to answer, in order, and whether chatter was set aside
    or parts were told apart (when neither, the message is answered as typed)."""

    parts: tuple[str, ...]
    changed: bool


def _words(text: str) -> tuple[str, ...]:
    # as many words as `_WORD` finds in the text as typed, so `_cut_words` counts the same
    return tuple(_PLAIN_WORD.findall(text.lower().replace("'", "")))


def _cut_words(text: str, count: int) -> str:
    """The text without its first `count` words (and what separates them)."""
    if count <= 0:
        return text.strip()
    seen = 0
    for match in _WORD.finditer(text):
        seen += 1
        if seen == count:
            return text[match.end() :].strip(" ,.:;-")
    return ""


def _split(text: str) -> list[tuple[str, bool]]:
    """The message's clauses, each with whether it ended with a question mark."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    for match in _CLAUSE_END.finditer(text):
        pieces.append((text[start : match.start()], match.group().startswith("?")))
        start = match.end()
    pieces.append((text[start:], False))
    clauses: list[tuple[str, bool]] = []
    for piece, asked in pieces:
        parts = _JOIN.split(piece)
        clauses += [(p, asked and i == len(parts) - 1) for i, p in enumerate(parts)]
    return [(c.strip(), asked) for c, asked in clauses if c.strip()]


def _opening(words: tuple[str, ...]) -> int:
    """How many fillers open the clause ("ok so like what ..." -> 3)."""
    n = 0
    while n < len(words) - 1 and words[n] in _FILLER:
        n += 1
    return n


def _wondered(words: tuple[str, ...]) -> int | None:
    """Where the question of "i'm confused about who X is" / "can someone explain what X"
    starts: a question word after a word of wondering or asking, near the clause's start."""
    for i, word in enumerate(words):
        if i > 0 and words[i - 1] in _WONDER and word in _WH:
            return i
        if i > 0 and words[i - 1] in _WONDER_IF and word in _WHETHER:
            return i + 1
    return None


def _ask(text: str, asked: bool) -> Clause:
    text = _HEDGE.sub("", text)
    return Clause(text, _words(text), "ask", asked)


def _clause(text: str, asked: bool) -> Clause:
    words = _words(text)
    skip = _opening(words)
    core = words[skip:]
    if not core or set(core) <= _CHAT | _FILLER:
        return Clause(text, words, "chatter")
    wondered = _wondered(core)
    first = core[0]
    # "lol" or "ngl" beside what the article says is no chatter: "ngl graham's idea is smart"
    social = not _SOCIAL.isdisjoint(core) and set(core) <= _CHAT | _FILLER | _SOCIAL
    about_me = not _FIRST_PERSON.isdisjoint(core) or social
    if wondered is not None and (about_me or first in _AUX or first in _REQUEST):
        return _ask(_cut_words(text, skip + wondered), asked)
    if first in _WH or first in _REQUEST or (first in _AUX and len(core) > 1):
        return _ask(_cut_words(text, skip), asked)
    if about_me or set(core) <= _CHAT:
        reported = next((i for i, w in enumerate(core) if w in _REPORTED), None)
        if reported is None or reported == len(core) - 1:
            return Clause(text, core, "chatter")
        said = core[reported + 1 :]
        if not _FIRST_PERSON.isdisjoint(said):  # "explain this to my dad who ..."
            return Clause(text, core, "chatter")
        return Clause(_cut_words(text, skip + reported + 1), said, "reported")
    if asked:
        return _ask(_cut_words(text, skip), asked)
    return Clause(_cut_words(text, skip), core, "context")


def _aside(match: re.Match[str]) -> str:
    """A parenthesis about the chat goes; one about the article stays, as a clause of its own."""
    words = _words(match.group())
    if not words or not _FIRST_PERSON.isdisjoint(words) or set(words) <= _CHAT | _FILLER:
        return " "
    return f", {match.group()[1:-1]}, "


def clauses_of(text: str) -> list[Clause]:
    """The message's clauses, classified."""
    folded = fold(strip_chat_noise(text))  # typographic apostrophes and quotes made plain
    folded = _ASIDE.sub(_aside, folded)
    return [_clause(piece, asked) for piece, asked in _split(folded)]


def _meta(clause: Clause) -> bool:
    """An ask about the context, not of its own: "is that actually true"."""
    return set(clause.words) <= _META and not _META_MARK.isdisjoint(clause.words)


def _points_back(clause: Clause) -> bool:
    return _meta(clause) or not _POINTING.isdisjoint(clause.words)


def _fragment_text(text: str) -> bool:
    """Fewer than two words that name something: "who called who", "what day", "names"."""
    content = [w for w in _words(text) if w not in STOPWORDS and w not in QUESTION_WORDS]
    return len(content) < 2


def _fragment(clause: Clause) -> bool:
    return _fragment_text(clause.text)


def asked_parts(text: str) -> Asked:
    """The questions a message asks, chatter set aside; `changed` False: answer it as typed."""
    if len(_words(text)) < LONG_WORDS:
        return Asked((text,), False)
    clauses = clauses_of(text)
    asks = [c for c in clauses if c.kind == "ask"]
    dropped = any(c.kind in ("chatter", "reported") for c in clauses)
    if not asks or (len(asks) == 1 and not dropped):
        return Asked((text,), False)
    groups: list[list[str]] = []  # each one part: an ask and the asks elaborating it
    context = ""  # the last clause an ask pointing back may point to
    after_ask = False  # the clause before (chatter aside) was an ask
    for clause in clauses:
        if clause.kind == "chatter":
            continue
        if clause.kind != "ask":
            context, after_ask = clause.text, False
            continue
        ask = clause.text
        if _meta(clause):
            if context:
                groups.append([context])
        elif _points_back(clause) or _fragment(clause):
            # "what was his job there", "names?", "what day": the ask before, asked further;
            # alone they would drop its detail ("when did peskov say it, what day").
            if after_ask and groups:
                groups[-1].append(ask)
            elif context:
                groups.append([context, ask])
            elif _fragment(clause):
                groups.append([ask])  # joined to the next ask below: "who started and why"
        else:
            groups.append([ask])
        after_ask = True
    merged: list[list[str]] = []
    for group in groups:
        if merged and len(merged[-1]) == 1 and _fragment_text(merged[-1][0]):
            merged[-1] += group
        else:
            merged.append(group)
    if not merged:  # asks pointing back at nothing: the message without its chatter
        merged = [[c.text for c in clauses if c.kind != "chatter"]]
    parts: list[str] = []
    for group in merged:
        # joined as a list is typed: "which groups was the us backing, names?"
        tried = [", ".join(group)]
        if len(group) > 1 and not any(_fragment_text(t) for t in group):
            tried.append(group[0])  # "who was it for" asks more; the ask before still stands
        parts += [t for t in tried if t not in parts]
    return Asked(tuple(parts[:MOST_PARTS]) or (text,), True)
