"""Chat's slang and idioms for plain words: "diss" for criticise, "gig" for a job, "hash out"
for resolve, "see eye to eye" for agree, "caught off guard" for surprise. The static embedding
model puts them nowhere near the words they stand for and WordNet lacks them, yet chat uses
them about any article: a small hand-made table of general English, read beside the thesaurus
(`credit.credits`), so it only explains a question's words, never stands for its focus.

Single words are keyed as typed (inflections spelled out: "bashed" is a verb, "bash" a party).
An idiom is one unit: its words are read through it only when the question holds all of them in
order (a pronoun or two between them: "caught everybody off guard", "hash it out"), so a lone
"guard" or "mind" explains nothing more. Values are Snowball stems of the plain words, with the
credit a thesaurus neighbour gets (1.0 the same meaning, 0.8 a near one). Words with a common
other sense are left out ("party" is also a political one, "beef" a meat, "spat" spit's past).
"""

from __future__ import annotations

from collections.abc import Sequence

_PARTY = ("banquet", "celebr", "gala", "feast", "festiv", "recept", "dinner")
_CRITICISE = ("critic", "criticis", "insult", "attack", "slam", "mock", "disparag", "condemn")
_JOB = ("post", "role", "posit", "appoint")
_RESOLVE = ("resolv", "resolut", "negoti", "discuss", "settl", "address", "tackl")
_AGREE = ("agre", "agreement", "concur", "consensus")
_DISAGREE = ("disagre", "disagr", "clash", "conflict", "disput", "friction", "tension", "rift")
_CAREFUL = ("cautious", "caution", "care", "wari", "prudent", "refrain", "restraint")
_SURPRISE = ("surpris", "unexpect", "shock", "stun", "startl", "astonish")
_RECONCILE = ("reconcil", "reconcili", "mend", "repair")
_BACKTRACK = ("backtrack", "revers", "retract")
_APPROVE = ("approv", "endors")
_REJECT = ("reject", "veto")
_ANGRY = ("angri", "anger", "furious", "outrag")
_EXCITED = ("excit", "thrill", "enthusiasm", "enthusiast")
_UNDECIDED = ("undecid", "uncertain", "unsur", "hesit")


def _each(
    words: tuple[str, ...], stems: tuple[str, ...], credit: float
) -> dict[str, dict[str, float]]:
    return {w: {s: credit for s in stems} for w in words}


WORDS: dict[str, dict[str, float]] = {
    **_each(("bash", "bashes", "shindig", "shindigs"), _PARTY, 0.8),
    **_each(("bashed", "bashing", "diss", "disses", "dissed", "dissing"), _CRITICISE, 0.8),
    **_each(("gig", "gigs"), ("job",), 1.0),
    **_each(("blindsided", "blindside"), _SURPRISE, 1.0),
    **_each(("backpedal", "backpedaled", "backpedalled", "backpedaling"), _BACKTRACK, 1.0),
    **_each(("nix", "nixed"), (*_REJECT, "cancel"), 0.8),
    **_each(("livid", "fuming", "pissed"), _ANGRY, 1.0),
    **_each(("stoked", "psyched"), _EXCITED, 1.0),
    **_each(("bummed",), ("disappoint",), 1.0),
    **_each(("okayed", "greenlit"), _APPROVE, 1.0),
}
for _gig in ("gig", "gigs"):  # a job, and near it the post or role one is appointed to
    WORDS[_gig] |= {s: 0.8 for s in _JOB}

# Each idiom: its words, each a "|"-separated set of the forms chat types, and what it means.
_IDIOMS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("hash|hashed|hashing|hashes out", _RESOLVE, 0.8),
    ("hammer|hammered|hammering|hammers out", _RESOLVE, 0.8),
    ("iron|ironed|ironing|irons out", _RESOLVE, 0.8),
    ("see|sees|saw|seen|seeing eye to eye", _AGREE, 1.0),
    ("of one mind", _AGREE, 1.0),
    ("on the same page", _AGREE, 1.0),
    ("at odds", _DISAGREE, 0.8),
    ("butt|butted|butting|butts heads", _DISAGREE, 0.8),
    ("at loggerheads", _DISAGREE, 0.8),
    ("tread|treads|treading|trod lightly|carefully|softly", _CAREFUL, 0.8),
    ("walk|walking on eggshells", _CAREFUL, 0.8),
    ("caught|catch|catches|catching off guard", _SURPRISE, 1.0),
    ("taken|took|take|takes aback", _SURPRISE, 1.0),
    ("bury|buried|burying the hatchet", _RECONCILE, 0.8),
    ("mend|mended|mending fences", _RECONCILE, 0.8),
    ("patch|patched|patching up", _RECONCILE, 0.8),
    ("step|steps|stepped|stepping down", ("resign", "quit"), 1.0),
    ("walk|walks|walked|walking back", _BACKTRACK, 0.8),
    ("back|backs|backed|backing out", ("withdraw",), 1.0),
    ("pull|pulls|pulled|pulling out", ("withdraw",), 1.0),
    ("on the fence", _UNDECIDED, 1.0),
    ("thumbs up", _APPROVE, 0.8),
    ("green light", _APPROVE, 0.8),
    ("thumbs down", _REJECT, 0.8),
)
IDIOMS: dict[str, tuple[tuple[frozenset[str], ...], dict[str, float]]] = {
    text: (tuple(frozenset(part.split("|")) for part in text.split()), dict.fromkeys(stems, c))
    for text, stems, c in _IDIOMS
}
# Per word, the idioms it can open: a question none of whose words opens one costs one lookup.
_OPENING: dict[str, list[str]] = {}
for _text, (_parts, _) in IDIOMS.items():
    for _form in _parts[0]:
        _OPENING.setdefault(_form, []).append(_text)
_GAP = 2  # words allowed between two of an idiom's: "caught everybody off guard"


def neighbours(word: str) -> dict[str, float]:
    """Stem -> credit for the plain words a slang word stands for (empty for other words)."""
    return WORDS.get(word, {})


def phrase_neighbours(phrase: str | None) -> dict[str, float]:
    """Stem -> credit for the plain words an idiom (`idioms`' value) stands for."""
    return IDIOMS[phrase][1] if phrase in IDIOMS else {}


def idioms(words: Sequence[str]) -> dict[str, str]:
    """The question's words (as `asked_words` gives them) that belong to an idiom it holds,
    each with the idiom: read through it, not on their own."""
    found: dict[str, str] = {}
    for start, word in enumerate(words):
        for text in _OPENING.get(word, ()):
            held = _match(words, start, IDIOMS[text][0])
            for w in held:
                found.setdefault(w, text)
    return found


def _match(words: Sequence[str], start: int, parts: tuple[frozenset[str], ...]) -> list[str]:
    """The idiom's words when its parts follow `start` in order, at most `_GAP` apart."""
    held, at = [words[start]], start
    for part in parts[1:]:
        following = range(at + 1, min(at + 2 + _GAP, len(words)))
        at = next((i for i in following if words[i] in part), -1)
        if at < 0:
            return []
        held.append(words[at])
    return held
