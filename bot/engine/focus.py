"""The focus of a question: what it asks for, which the answering entry must hold.

Everything else a question says may be paraphrased (the gate soft-matches it); its focus may not.
The focus is read from the question's first words, plainly:

- a time ("when...", "how long...", "what year..."), a precise date ("when exactly...", "what
  date..."), a count ("how many...", "how much..."), a proportion ("what share of..."): the
  entry states one;
- an agent ("who ran...", "whose...", "name the..."): the entry names someone the question
  does not ("who is X?" asks about X instead: an ordinary question);
- a place ("where was it held"): the entry names a place after in/at/near...;
- a reason ("why...", "how come..."): the entry gives one (a causal word, or a curated "why"
  phrasing);
- a thing said ("what did X say about Y"): X speaks in the entry (a speech verb beside X's
  name) and the entry holds Y;
- a kind of thing ("which X", "what X did..."): the entry holds X itself, not a looser match;
  "which X" also names one, beside X ("which sanctions" is not answered by "mutual sanctions").

Held words are checked strictly (the entry's own terms, or a word vector at least
`Weights.focus_soft` close); the kinds of fact from the entry's answer and evidence text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import asked_words

TIME = "time"
DATE = "date"
DURATION = "duration"
SPAN = "span"  # "how many months": a duration counted in units, not just "brief"
COUNT = "count"
SHARE = "share"  # "what share of X": a proportion stated, not just "both" or "many"
AGENT = "agent"
PLACE = "place"
REASON = "reason"
SPEECH = "speech"
NAMED = "named"  # "which X": the entry holds X and names one (a name the question lacks)

_TIME_NOUNS = frozenset("year years date day days month months time week weeks hour".split())
_DATE_NOUNS = frozenset("date day month".split())
_AGENT_NOUNS = frozenset(
    """person people man woman men women official officials guy guys politician politicians
    leader leaders player players individual individuals names name""".split()
)
_PLACE_NOUNS = frozenset("city town place country venue location arena region state".split())
_PLACE_PLURALS = frozenset("cities towns places countries venues locations regions".split())
# A question asking for more than it names ("which other countries", "besides russia").
_MORE = frozenset("other besides else".split())


def _places(noun: str, tokens: list[str]) -> bool:
    """ "which middle east places": a place's name the question lacks, as for "which country";
    "which other countries" keeps asking for the countries the entry names beside its own."""
    return noun in _PLACE_PLURALS and not _MORE.intersection(tokens)


_COUNT_NOUNS = frozenset("number amount percentage percent share".split())
_SHARE_NOUNS = frozenset("percentage percent share proportion fraction".split())
_SPEECH_VERBS = frozenset(
    """say says said saying tell tells told think thinks thought claim claims claimed feel feels
    felt describe describes described characterise characterize characterised characterized
    """.split()
)
# Between the auxiliary and the speech verb only the speaker stands ("what did the kremlin
# spokesman say"), never a preposition ("which day did they get on a call").
_SPEAKER_FILLER = frozenset("the a an his her their its this that these those".split())
# ...and adverbs of the asking ("what did zhirinovsky actually say about trump").
_ASKING_ADVERBS = frozenset("actually really exactly ever even just also first officially".split())
# "Is there X where/who...": asks whether X is, its question word opens a relative clause.
_EXISTS = frozenset((be, "there") for be in ("is", "was", "are", "were"))
# The text itself and its parts "say" what they hold: "what does the X section say" asks for
# the section's content, which no speech verb beside a speaker states.
_TEXT_PARTS = frozenset(
    "article piece section part chapter paragraph bit story text intro introduction".split()
)
_AUXILIARIES = frozenset("did does do has have had was is were are will would".split())
# Words after "who is" that make it ask for an agent ("who is the man that..."), not an identity.
_RELATIVES = frozenset("that who which whom whose".split())
# Stopwords that are nouns after "which": "which cbs show", "which side".
_NOUN_STOPWORDS = frozenset("show name names piece story side part thing things".split())
_HEAD_WORDS = 3
_MAIN_WORDS = frozenset("what which who how why whats whos".split())
_REASON_OPENINGS = (("why",), ("whys",), ("how", "come"), ("what", "reason"), ("what", "caused"))


@dataclass(frozen=True)
class Focus:
    """What a question asks for: a kind of fact, and words the entry must hold strictly."""

    kind: str | None = None
    held: tuple[str, ...] = ()  # words (before aliases and stems) the entry must hold
    speaker: tuple[str, ...] = ()  # for SPEECH: who is asked about as speaking
    given: frozenset[str] = frozenset()  # the question's own words: a fact it states is not new
    verb: str = ""  # for SPEECH: the question's own verb ("call"), besides the usual ones
    role: tuple[str, ...] = ()  # for AGENT: the asked verb or role noun the agent stands by
    modal: bool = False  # the question asks about what might be ("who could be picked")
    # for AGENT: "who is the X", X a role (the question names one of the article's people when
    # X is another name for them: "the kremlin spokesman" for Peskov)
    copula: bool = False

    def __bool__(self) -> bool:
        return self.kind is not None or bool(self.held)


NONE = Focus()


def _content(tokens: Iterable[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and t not in QUESTION_WORDS]


def head_words(tokens: list[str]) -> list[str]:
    """The content words right after "which"/"what" ("which cbs show was..." -> cbs, show),
    skipping "kind of", "sort of", "type of", "other"."""
    rest = list(tokens)
    while rest and rest[0] in {"kind", "sort", "type", "of", "other", "exact", "specific"}:
        rest = rest[1:]
    head: list[str] = []
    for token in rest[:_HEAD_WORDS]:
        if token in _NOUN_STOPWORDS:
            head.append(token)
            continue
        if token in STOPWORDS or token in QUESTION_WORDS or token in _AUXILIARIES:
            break
        head.append(token)
    return head


def _speech(tokens: list[str], first: int = 1) -> Focus | None:
    """ "what did X say about Y" / "how did X describe Y": X speaks, Y is held (`first`: where
    the auxiliary may stand first: 0 for "did X say anything about Y")."""
    verb = next((i for i, t in enumerate(tokens) if t in _SPEECH_VERBS), None)
    aux = next((i for i, t in enumerate(tokens[first:3], first) if t in _AUXILIARIES), None)
    if verb is None or aux is None or verb <= aux:
        return None
    between = tokens[aux + 1 : verb]
    cut = next((i for i, t in enumerate(between) if t in _PLACE_PREPOSITIONS | {"on"}), None)
    if cut is not None and _content(between[:cut]):
        # "what did the kremlin statement on the call say": the speaker stands before "on"
        between = between[:cut]
    speaker = _content(between)
    filler = sum(t in _SPEAKER_FILLER or t in _ASKING_ADVERBS for t in between)
    if not speaker or len(speaker) + filler != len(between):
        return None
    if _TEXT_PARTS.intersection(speaker):
        return None  # "what does the misplaced optimism section say": its content, no speaker
    rest = tokens[verb + 1 :]
    topic = _content(rest[rest.index("about") + 1 :]) if "about" in rest else []
    return Focus(SPEECH, tuple(topic), tuple(speaker), verb=tokens[verb])


def content_words(tokens: Iterable[str]) -> list[str]:
    """A question's words that are neither stopwords nor question words."""
    return _content(tokens)


def event_words(given: Iterable[str]) -> list[str]:
    """The words of a question naming its event, not what it asks for ("year", "date")."""
    return [t for t in _content(given) if t not in _TIME_NOUNS and t not in {"article", "piece"}]


# "Who's" loses its "'s" to the word splitter ("who's trump" would read "who trump", as if
# "trump" were a verb asked about): it is kept as "whos", the question word for "who is".
_WHOS = re.compile(r"\bwho['’‘]s\b", re.IGNORECASE)


def focus_in(text: str) -> Focus:
    """The focus of a question given as its text."""
    return focus_of(question_words(text))


def question_words(text: str) -> list[str]:
    """A question's lower-case words as the focus reads them ("who's" kept as "whos", chat's
    spellings spelled out)."""
    return asked_words(_WHOS.sub("whos", text))


def focus_of(tokens: list[str]) -> Focus:
    """The focus of a question given as its lower-case words (stopwords included)."""
    found = _focus(tokens)
    named = _named(tokens)
    role: tuple[str, ...] = ()
    if found.kind in (None, NAMED) and ("names" in tokens or named):
        # "which people criticised him, names pls"; "which russian academics, any names": the
        # names stand by the X asked for
        role = found.held[-1:] if found.kind == NAMED else ()
        found = Focus(AGENT, found.held)
    if not found:
        return NONE
    if found.kind == AGENT:
        role = named or found.role or _role(tokens) or role
    elif found.kind == NAMED:
        role = found.held[-1:]  # the name stands by the X of "which X"
    modal = bool(_MODALS.intersection(tokens))
    given = frozenset(tokens)
    return Focus(
        found.kind, found.held, found.speaker, given, found.verb, role, modal, found.copula
    )


# Words that make a question ask about what might be, not what is: "who could be picked".
_MODALS = frozenset("if might could would will may should whether possible potential".split())
# Light words between "who" and the verb it asks about: "who ended up being picked".
_LIGHT = frozenset(
    """ended end ends up being been got get gets actually really first finally eventually
    went go goes ultimately then""".split()
)
_NAME_OPENERS = frozenset("the some all any those these a few".split())


def _named(tokens: list[str]) -> tuple[str, ...]:
    """The role noun of "name the X" ("can you name the russian academics who..."): X."""
    for i, token in enumerate(tokens[:-1]):
        if token == "name" and tokens[i + 1] in _NAME_OPENERS:
            rest = tokens[i + 1 :]
            while rest and rest[0] in _NAME_OPENERS:
                rest = rest[1:]
            head = head_words(rest)
            return tuple(t for t in head if t not in _AGENT_NOUNS) or tuple(head)
    return ()


def _role(tokens: list[str]) -> tuple[str, ...]:
    """The verb an agent question asks the doer of: "who interviewed trump" -> interviewed,
    "which establishment people criticized flynn" -> criticized ("who is ..." has none)."""
    start = next((i for i, t in enumerate(tokens) if t in QUESTION_WORDS), None)
    if start is None:
        return ()
    rest = tokens[start + 1 :]
    if tokens[start] in ("which", "what"):
        noun = next((i for i, t in enumerate(rest[:5]) if t in _AGENT_NOUNS), None)
        if noun is None:
            return ()
        rest = rest[noun + 1 :]
    if tokens[start] in ("who", "whom") and rest[:1] and rest[0] in _DO:
        # "who did parise strip": the subject stands first, the verb asked about after it
        subject = next((i for i, t in enumerate(rest[1:4], 1) if t not in _SPEAKER_FILLER), None)
        rest = rest[subject + 1 :] if subject is not None else []
    for token in rest[:4]:
        if token in _AUXILIARIES or token in _LIGHT or token in _SPEAKER_FILLER or token in _MODALS:
            continue
        if token in STOPWORDS and token not in SPEECH_VERBS and token not in _DOING:
            return ()  # "who else ...", "who in ...": no verb to stand by
        return (token,)
    return ()


_DO = frozenset("did does do".split())
# Verbs among the stopwords that an agent question asks the doer of ("who made the call").
_DOING = frozenset("made make makes gave give gives took take takes".split())


def _focus(tokens: list[str]) -> Focus:
    start = next((i for i, t in enumerate(tokens) if t in QUESTION_WORDS), None)
    if start is None:
        if "names" in tokens or ("name" in tokens and tokens[:1] != ["name"]):
            return Focus(AGENT)
        if tokens[:1] and tokens[0] in _DO | {"has", "have"}:
            said = _speech(tokens, 0)  # "did X say anything about Y": X speaks of Y
            if said is not None:
                return said
        return NONE
    if start > 0 and tuple(tokens[:2]) in _EXISTS:
        return NONE  # "was there any place where a poll had him ahead": whether, not where
    tokens = tokens[start:]  # "ok so when was he born": from the question word on
    if tokens[0] == "when":
        # "when he says X, what does he mean": the question is the later one
        later = next((i for i, t in enumerate(tokens[2:], 2) if t in _MAIN_WORDS), None)
        if later is not None:
            tokens = tokens[later:]
    first, pair = tuple(tokens[:1]), tuple(tokens[:2])
    if first in (("when",), ("whens",)):
        return Focus(DATE if "exactly" in tokens[:3] or "exact" in tokens else TIME)
    if pair == ("how", "long"):
        # "how long did it last exactly": a number of units, as "when exactly" asks for a date
        return Focus(SPAN if "exactly" in tokens or "exact" in tokens else DURATION)
    if pair == ("how", "many") and tokens[2:3] and tokens[2] in _TIME_NOUNS:
        return Focus(SPAN)  # "how many months did it last"
    if pair in (("how", "many"), ("how", "much")):
        # "how many languages does he speak": a count of the thing named, which the entry holds
        counted = head_words(tokens[2:])
        return Focus(COUNT, tuple(t for t in counted if t not in _AGENT_NOUNS | _COUNT_NOUNS))
    if pair in (("how", "old"), ("how", "far")):
        return Focus(COUNT)
    if first in _REASON_OPENINGS or pair in _REASON_OPENINGS:
        return Focus(REASON)
    if first in (("who",), ("whos",), ("whom",), ("whose",)):
        rest = tokens[1:]
        if rest[:1] in (["is"], ["was"], ["are"], ["were"]) or first == ("whos",):
            rest = rest[1:] if first != ("whos",) else rest
            if rest[:1] in (["the"], ["a"], ["an"]):
                # "who is the kremlin spokesman": someone to name beside the role the entry holds
                role = tuple(head_words(rest[1:]))
                return Focus(AGENT, role, role=role, copula=True)
            if not _RELATIVES.intersection(rest):
                return NONE  # "who is X?": about X, not an agent to name
        return Focus(AGENT)
    if first in (("where",), ("wheres",)):
        if "stand" in tokens or "stands" in tokens:
            return NONE  # "where does he stand on...": a position, not a place
        return Focus(PLACE)
    if first in (("what",), ("which",), ("whats",)):
        said = _speech(tokens) if first != ("which",) else None
        if said is not None:
            return said
        if first == ("whats",) or tokens[1:2] in (["is"], ["was"], ["are"]):
            named = tokens[1:] if first == ("whats",) else tokens[2:]
            named = named[1:] if named[:1] == ["the"] else named
            if named[:2] in (["name", "of"], ["names", "of"]):
                return Focus(AGENT)  # "what is the name of the spokesperson": someone to name
            return NONE  # "what is X": a definition or a description, not a kind to hold
        kind_of = first == ("which",) or tokens[1:2] in (["kind"], ["sort"], ["type"])
        head = head_words(tokens[1:])
        if not head:
            return NONE
        last = head[-1]
        if tokens[1:2] in (["kind"], ["sort"], ["type"]) and last in _TIME_NOUNS:
            return NONE  # "what kind of day was it": a description, not a date
        if last in _DATE_NOUNS or last in {"year", "years"}:
            return Focus(DATE)
        if last in _TIME_NOUNS:
            return Focus(TIME)
        if last in _SHARE_NOUNS:
            return Focus(SHARE)
        if last in _COUNT_NOUNS:
            return Focus(COUNT)
        if last in _AGENT_NOUNS or last in _PLACE_NOUNS or _places(last, tokens):
            return Focus(AGENT, tuple(head[:-1]))  # "which country": a name the question lacks
        # "which X" picks one X, so the entry must hold X; "what X" is often a paraphrase
        if first == ("which",) or tokens[1:2] == ["other"]:
            # "which sanctions", "what other promises": the entry names them (beyond the
            # question's own: "what other promises besides obamacare" wants another)
            return Focus(NAMED, tuple(head))
        return Focus(None, tuple(head)) if kind_of else NONE
    if first == ("how",):
        said = _speech(tokens)
        if said is not None:
            return said
    return NONE


# ------------------------------------------------------------------------- what an entry states
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = (
    _MONTHS
    | _WEEKDAYS
    | frozenset(
        """weekend today yesterday tomorrow tonight morning afternoon evening night day days week
        weeks month months year years decade decades century centuries hour hours minute minutes
        seconds ago lately recently soon date dated brief briefly""".split()
    )
)
# What says a time is ahead: "when will X happen" is answered only by an entry saying one of these.
FUTURE = frozenset("will next soon upcoming coming tomorrow later future expected planned".split())
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens half
    percent first second third once twice both""".split()
)
_CAUSAL = frozenset(
    """because since due reason reasons cause caused causes causing therefore thus hence so
    result resulting led leads lead given owing thanks explain explains explained why motivated
    aim aimed aims hope hopes hoping fear fears feared order""".split()
)
_PLACE_PREPOSITIONS = frozenset("in at near from inside outside across into".split())
_NAME = re.compile(r"[A-Z][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")
_WORD = re.compile(r"\S+")


def time_and_count(tokens: Iterable[str]) -> tuple[bool, bool]:
    """Whether a text's lower-case words state a time, and a number."""
    time = count = False
    for token in tokens:
        if token in TIME_WORDS or (token.isdigit() and len(token) == 4):
            time = True
        if token.isdigit() or token in NUMBER_WORDS:
            count = True
    return time, count


def states_date(tokens: Iterable[str]) -> bool:
    """A precise time: a month, a weekday or a number (a year, a day of the month)."""
    return any(t in _MONTHS or t in _WEEKDAYS or t.isdigit() for t in tokens)


_UNITS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries brief briefly soon shortly immediately quickly""".split()
)


def states_duration(tokens: Iterable[str]) -> bool:
    return any(t in _UNITS for t in tokens)


def dates_near(tokens: list[str], anchors: set[int], window: int) -> bool:
    """A precise time within `window` words of one of the `anchors` (positions of the asked
    event's words): "what year did the cold war end" is not answered by "the 2009 reset ...
    since the end of the Cold War", whose year dates the reset."""
    return any(
        _calendar(t) and any(abs(i - a) <= window for a in anchors) for i, t in enumerate(tokens)
    )


def _calendar(token: str) -> bool:
    """A year, a month or a weekday: a day of the month stands by its month, and a lone small
    number is no date ("Cold War 2.0")."""
    return token in _MONTHS or token in _WEEKDAYS or (token.isdigit() and len(token) == 4)


def states_span(tokens: list[str]) -> bool:
    """A number of units ("18 months", "two years"): "how many months did it last" is not
    answered by "it was brief", nor by the year it began in (a 4-digit number)."""
    for i, token in enumerate(tokens):
        number = (token.isdigit() and len(token) != 4) or token in NUMBER_WORDS
        if number and any(t in _UNITS for t in tokens[i + 1 : i + 3]):
            return True
    return False


def stated(kind: str, tokens: list[str], given: frozenset[str]) -> bool:
    """Whether a text's words state a fact of that kind that the question did not give."""
    new = [t for t in tokens if t not in given]
    if kind == TIME:
        return time_and_count(new)[0]
    if kind == COUNT:
        return time_and_count(new)[1]
    if kind == DATE:
        return states_date(new)
    if kind == DURATION:
        return states_duration(new)
    if kind == SPAN:
        return states_span(new)
    if kind == REASON:
        return states_reason(new)
    if kind == SHARE:
        return states_share(new)
    return True


_PROPORTIONS = frozenset(
    "percent cent half halves third thirds quarter quarters fifth majority minority".split()
)


def states_share(tokens: Iterable[str]) -> bool:
    """A proportion: a number (not a year) or a share word ("60 percent", "half", "a
    majority"); "both" or "many Russian commentators" says none."""
    return any((t.isdigit() and len(t) != 4) or t in _PROPORTIONS for t in tokens)


# "since" before a time ("since the end of the Cold War", "since 2009") dates, it gives no reason
_SINCE_TIME = frozenset("the then last its their".split())


def states_reason(tokens: Iterable[str]) -> bool:
    sequence = list(tokens)
    for i, token in enumerate(sequence):
        if token not in _CAUSAL:
            continue
        if token == "since" and i + 1 < len(sequence):
            after = sequence[i + 1]
            if after in _SINCE_TIME or after in TIME_WORDS or after.isdigit():
                continue
        return True
    return False


def names(text: str, common: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """The capitalised words of a text that are names (a sentence's first word only when it is
    not a `common` word, or another capitalised word follows), and those after a place
    preposition ("in Aleppo", "at the White House")."""
    found: list[str] = []
    places: list[str] = []
    pieces = split(text)[0]
    for i in names_at(pieces, common):
        piece = pieces[i]
        word = _bare(piece)
        possessive = piece.rstrip(",.;:").endswith(("'s", "’s"))
        found.append(word)
        before = [p.lower() for p in pieces[max(i - 2, 0) : i]]
        if before and before[-1] in {"the", "a"}:
            before = before[:-1]
        if before and before[-1] in _PLACE_PREPOSITIONS and not possessive:
            places.append(word)
    return found, places


# A place in common nouns: "on the wall", "at the school"; "the" after the preposition, so that
# "in time", "on Tuesday" and "in this cloud of gloom" are none, and no time word or number as
# its noun ("in the second period", "on the day").
_COMMON_PLACE_PREPOSITIONS = frozenset("in at on near inside outside by into onto".split())


def common_places(tokens: list[str], anchors: set[int], window: int) -> list[str]:
    """The nouns of a text's place phrases in common words (its lower-case words): the words
    after "at/in/on/by... the", up to the next stopword, within `window` words of one of the
    `anchors` (positions of the asked event's words: "posted materials on the wall")."""
    found: list[str] = []
    for i, token in enumerate(tokens[:-2]):
        if token not in _COMMON_PLACE_PREPOSITIONS or tokens[i + 1] != "the":
            continue
        if not any(abs(i - a) <= window for a in anchors):
            continue
        phrase: list[str] = []
        for word in tokens[i + 2 : i + 5]:
            if not word or word in STOPWORDS or word in QUESTION_WORDS:
                break
            phrase.append(word)
        if phrase and not any(w in TIME_WORDS or w.isdigit() or w in NUMBER_WORDS for w in phrase):
            found.extend(phrase)
    return found


# Between a speech verb and its speaker stand no pronoun, no preposition and no "when" (a clause
# of its own): "said Peskov", "Peskov told", "according to Peskov", never "says he seemed to echo
# the Kremlin", "said X after Trump" or "the Kremlin mantra when speaking" (Trump speaking).
_PRONOUNS = frozenset("he she".split())
_BLOCKERS = frozenset(
    """he she they it we i you him her them after before about of on to with in at for from by
    than over when while""".split()
)


def speaks(
    sequence: list[str], speaker: set[str], verbs: set[str], window: int, person: bool = True
) -> bool:
    """Whether one of the speaker's terms stands within `window` words of a speech verb with
    nothing between that makes someone else the speaker. "He said" counts only for a `person`
    (the Kremlin, a statement or a government is never "he")."""
    at_verb = [i for i, t in enumerate(sequence) if t in verbs]
    if person and any(j > 0 and sequence[j - 1] in _PRONOUNS for j in at_verb):
        return True  # "he said": the speaker is one the entry names (the caller checks)
    for i, term in enumerate(sequence):
        if term not in speaker:
            continue
        for j in at_verb:
            if abs(i - j) > window:
                continue
            low, high = min(i, j), max(i, j)
            between = [
                t
                for k, t in enumerate(sequence[low + 1 : high], low + 1)
                if not (t == "to" and sequence[k - 1] == "accord")
            ]
            if not _BLOCKERS.intersection(between):
                return True
    return False


SPEECH_VERBS = frozenset(
    """say says said saying tell tells told speak speaks spoke spoken reiterate reiterated praise
    praised praising criticising criticizing criticize
    criticized criticise criticised argue argues argued warn warned claim claims claimed describe
    described according quote quoted insist insisted announce announced declare declared think
    thinks believe believes""".split()
)


# A clause opened by one of these is a supposition: "if hardliners such as Giuliani were chosen"
# names no one who was.
_SUPPOSING = frozenset("if unless whether".split())
_CLAUSE_END = re.compile(r"[,.;:!?\"“”()]$")


@functools.lru_cache(maxsize=4096)
def split(text: str) -> tuple[list[str], list[str]]:
    """A text's pieces and their plain lower-case words, as `agents` reads them (cached: the gate
    asks of the same few entries' bodies again and again; do not change the lists returned)."""
    pieces = _WORD.findall(text)
    return pieces, [_bare(p).lower() for p in pieces]


def agents(
    text: str,
    common: Callable[[str], bool],
    given: Callable[[str], bool],
    anchor: Callable[[str], bool],
    window: int,
    modal: bool,
    needs_anchor: bool = False,
    named_at: Iterable[int] | None = None,
    clause: bool = False,
) -> list[str]:
    """The names of a text that can be the agent asked for: not a modifier of a word the
    question gives ("US foreign policy establishment" for "which establishment people"), not
    inside an "if" clause (unless the question supposes too), and, when the text holds the
    asked verb or role noun (`anchor`), within `window` words of it ("who interviewed trump"
    is not answered by the Middle East the interview was about); none at all when the text
    must hold the asked verb (`needs_anchor`) and does not. `named_at`: the text's `names_at`
    positions, when the caller keeps them. `clause`: the name must also stand in the anchor's
    clause ("which sanctions" asks for a name of the sanctions themselves; a doer, by contrast,
    is often set off by a comma: "after their call, Trump and Putin promised")."""
    pieces, plain = split(text)
    named = set(names_at(pieces, common) if named_at is None else named_at)
    runs: list[tuple[int, int]] = []
    for i in sorted(named):
        if runs and runs[-1][1] == i - 1 and not _CLAUSE_END.search(pieces[i - 1]):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    anchors = [i for i, word in enumerate(plain) if word and i not in named and anchor(word)]
    if needs_anchor and not anchors:
        return []  # "who showed up to the banquet": the entry never says who showed up
    found: list[str] = []
    for first, last in runs:
        after = plain[last + 1] if last + 1 < len(pieces) else ""
        ends = bool(_CLAUSE_END.search(pieces[last]))
        modifies = after and not ends and given(after) and (last + 1) not in named
        if modifies and (last + 1) not in anchors:
            continue  # a modifier of a word the question gives
        if all(plain[k] in TIME_WORDS for k in range(first, last + 1)):
            continue  # "on Monday", "in July": a time, never the one who did it
        possessive = pieces[last].endswith(("'s", "’s")) and after.islower()
        if possessive and not ends:
            continue  # "Trump's pre-election rhetoric": whose rhetoric, not who did it
        if not modal and _supposed(pieces, plain, first):
            continue
        beside = _in_clause if clause else _beside
        if anchors and not any(beside(pieces, first, last, a, window) for a in anchors):
            continue
        found.extend(_bare(pieces[k]) for k in range(first, last + 1))
    return found


def _beside(pieces: list[str], first: int, last: int, at: int, window: int) -> bool:
    """The name (pieces `first`..`last`) stands within `window` words of the anchor at `at`,
    in the same clause: in "if hardliners are chosen, Trump's rhetoric..." Trump is not
    the one chosen."""
    return first - window <= at <= last + window


# A comma before one of these opens an apposition ("Oyelaran, a Republican from Bend,
# criticised"): the name's clause goes on after it.
_APPOSITION = frozenset("a an the his her its their".split())


def _in_clause(pieces: list[str], first: int, last: int, at: int, window: int) -> bool:
    """The name (pieces `first`..`last`) stands in the anchor's clause, within `window` words
    of it not counting an apposition between: in "the worst period since the Cold War,
    resulting in mutual sanctions" the Cold War names no sanction; in "Marcus Oyelaran, a
    Republican from Bend, criticised the measure" Oyelaran criticised it, and Bend did not."""
    low, high = (last, at) if at > last else (at, first)
    k, words = low, 0
    while k < high:
        piece = pieces[k]
        if piece.endswith(",") and pieces[k + 1].lower() in _APPOSITION:
            k = next((j for j in range(k + 1, high) if pieces[j].endswith(",")), high)
        elif _CLAUSE_END.search(piece):
            return False
        else:
            words += k > low
        k += 1
    return words < window


def _supposed(pieces: list[str], plain: list[str], at: int) -> bool:
    """Whether the word at `at` stands in an "if" clause (back to the clause's start)."""
    for k in range(at - 1, -1, -1):
        if _CLAUSE_END.search(pieces[k]) or _SENTENCE_END.search(pieces[k]):
            return False
        if plain[k] in _SUPPOSING:
            return True
    return False


def _bare(piece: str) -> str:
    """A piece of text without the quotes, brackets and punctuation around its word."""
    return piece.strip("\"“”‘’'()[],.;:!?")


def names_at(pieces: list[str], common: Callable[[str], bool]) -> list[int]:
    """Positions of the pieces that are names (see `names`)."""
    found: list[int] = []
    for i, piece in enumerate(pieces):
        word = _bare(piece)
        if not word or not _NAME.fullmatch(word):
            continue
        starts = i == 0 or bool(_SENTENCE_END.search(pieces[i - 1]))
        following = pieces[i + 1].strip("\"“”‘’'()") if i + 1 < len(pieces) else ""
        if starts and common(word.lower()) and not _NAME.match(following):
            continue
        if word.lower() in STOPWORDS or word.lower() in QUESTION_WORDS:
            continue
        found.append(i)
    return found
