"""Chat's words for the people news articles name by title: "boss" for the CEO, "cop" for the
officer, "lawmaker" for the senator. WordNet has few of them (its "boss" is no "president"),
yet chat uses them for any article's titles: a small hand-made table of general English, read
beside the thesaurus (`credit.credits`), never tuned to one article's words.

Keys are the question's words as typed (plurals spelled out: "headed" is no "head"); values
are Snowball stems of the titles they stand for, with the credit a thesaurus neighbour gets
(1.0 the same person, 0.8 a generic word for one of several titles).
"""

from __future__ import annotations

# The titles a word for "the one in charge" stands for (not "executive": its stem is "execute"'s).
_HEADS = (
    "presid",
    "ceo",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "owner",
    "manag",
    "coach",
    "premier",
    "minist",
    "chancellor",
    "governor",
    "mayor",
    "commission",
    "superintend",
    "chief",
    "head",
    "leader",
)
_POLICE = (
    "offic",
    "polic",
    "policeman",
    "policewoman",
    "deputi",
    "trooper",
    "sheriff",
    "patrolman",
)
_LAWMAKERS = (
    "senat",
    "legisl",
    "congressman",
    "congresswoman",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councillor",
    "councilor",
    "lawmak",
)
_SPOKES = ("spokesman", "spokeswoman", "spokesperson")


def _each(
    words: tuple[str, ...], stems: tuple[str, ...], credit: float
) -> dict[str, dict[str, float]]:
    return {w: {s: credit for s in stems} for w in words}


ROLES: dict[str, dict[str, float]] = {
    **_each(
        ("boss", "bosses", "chief", "chiefs", "head", "heads", "honcho", "leader", "leaders"),
        _HEADS,
        0.8,
    ),
    **_each(("prez", "pres"), ("presid",), 1.0),
    **_each(("cop", "cops"), _POLICE, 1.0),
    **_each(("lawmaker", "lawmakers", "legislator", "legislators"), _LAWMAKERS, 1.0),
    **_each(("spox", "mouthpiece"), _SPOKES, 1.0),
    **_each(
        ("official", "officials"),
        (*_SPOKES, "director", "secretari", "minist", "commission", "administr"),
        0.8,
    ),
}


def neighbours(word: str) -> dict[str, float]:
    """Stem -> credit for the titles a chat word for a role stands for (empty for other words)."""
    return ROLES.get(word, {})
