"""The article block of a draft: its title, an extractive summary and key points, and the
aliases the article itself gives (surnames, titles before a name, "Full Name (ACRONYM)")."""

from __future__ import annotations

import re
from collections import Counter

from bot.draft.entries import Gist
from bot.draft.entry import clip
from bot.draft.people import Who, role_head
from bot.extraction.doc import Doc, Passage
from bot.knowledge.schema import ENTRY_ID_PATTERN
from bot.text.seed import Seed

_MAX_SUMMARY = 600
_MAX_POINT = 200
_POINTS = 5
_MIN_POINTS = 3
_OPENING_QUOTE = re.compile(r"^[“\"‘']")
_ACRONYM = re.compile(
    r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|on|and|the|&)\s+)*){1,7})\((?:the\s+)?([A-Z]{2,6})\)"
)
_ID = re.compile(ENTRY_ID_PATTERN)


def article_id_for(stem: str) -> str:
    """An article id from a seed's file name: "wild-parise-sabres.txt" -> "wild-parise-sabres"."""
    from bot.extraction.candidate import slug

    found = slug(stem, 10)[:60].strip("-")
    return found if _ID.match(found) else f"article-{found}".strip("-")[:60]


def gist_of(seed: Seed, doc: Doc) -> Gist:
    """Title, summary (the lead, whole sentences) and key points (the first sentence of each
    leading paragraph of reporting), all in the article's own words."""
    firsts: list[Passage] = []
    seen_blocks: set[int] = set()
    for sentence in doc.sentences:
        if sentence.block in seen_blocks:
            continue
        seen_blocks.add(sentence.block)
        passage = doc.sentence_passage(sentence)
        if not _OPENING_QUOTE.match(passage.quote):
            firsts.append(passage)
    if not firsts:
        firsts = [doc.sentence_passage(s) for s in doc.sentences[:_POINTS]]
    summary, lead = "", list[Passage]()
    for passage in firsts[:3]:
        joined = f"{summary} {passage.quote}".strip()
        if summary and len(joined) > _MAX_SUMMARY:
            break
        summary, lead = joined, [*lead, passage]
    summary = clip(summary or seed.title, _MAX_SUMMARY)
    points = [clip(p.quote, _MAX_POINT) for p in firsts[:_POINTS]]
    while len(points) < _MIN_POINTS:
        points.append(clip(seed.title, _MAX_POINT) if not points else points[-1] + " ")
    points = [p.strip() or seed.title for p in points]
    points = _distinct(points, seed.title)
    return Gist(seed.title, summary, points, firsts[:_POINTS])


def _distinct(points: list[str], title: str) -> list[str]:
    """Key points are distinct; a short article repeats its title at most once more."""
    out = list(dict.fromkeys(points))
    filler = [title, f"From the article: {title}", f"In short: {title}"]
    for extra in filler:
        if len(out) >= _MIN_POINTS:
            break
        if extra not in out:
            out.append(clip(extra, _MAX_POINT))
    return out


def aliases_of(seed: Seed, people: dict[str, Who]) -> dict[str, list[str]]:
    """What the article gives: a surname for the full name and for a role put before it
    ("coach boudreau"), an acronym for the name it stands for. Every variant holds the
    surname or the full name, so none can pull a question about someone else to them: in a
    server, the aliases of every active article apply to every question."""
    aliases: dict[str, list[str]] = {}
    surnames = Counter(w.surname.lower() for w in people.values())
    firsts = Counter(w.name.split()[0].lower() for w in people.values() if w.name.split())
    for who in people.values():
        surname = who.surname.lower()
        if surnames[surname] != 1 or len(who.name.split()) < 2:
            continue
        variants = [r for r in who.references if r != surname]
        variants += [f"{role_head(r)} {surname}" for r in who.roles]
        given = who.name.split()[0].lower()
        if firsts[given] == 1 and given not in surnames and not _in_lower_case(seed, given):
            variants.append(given)  # "where does jeff work": a first name only one person has
        if variants:
            aliases[surname] = variants
    for match in _ACRONYM.finditer(seed.raw):
        name, acronym = " ".join(match.group(1).split()), match.group(2)
        initials = "".join(w[0] for w in name.split() if w[0].isupper())
        if acronym in initials or initials.endswith(acronym):
            words = name.split()
            start = len(words) - len(acronym)
            # the name the acronym stands for: its last words whose initials spell it
            for first in range(max(start - 3, 0), len(words)):
                tail = [w for w in words[first:] if w[0].isupper()]
                if "".join(w[0] for w in tail) == acronym:
                    aliases.setdefault(acronym.lower(), []).append(" ".join(words[first:]).lower())
                    break
    return _one_meaning(aliases)


def _in_lower_case(seed: Seed, word: str) -> bool:
    """True when the article also writes the word as a common word ("will", "mark", "grant")."""
    return re.search(rf"(?<![\w’']){re.escape(word)}(?![\w’'])", seed.raw) is not None


def _one_meaning(aliases: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each variant under one canonical term only (check refuses two)."""
    seen: set[str] = set()
    out: dict[str, list[str]] = {}
    for canonical, variants in aliases.items():
        kept = [v for v in dict.fromkeys(variants) if v not in seen and v != canonical]
        seen.update(kept)
        if kept:
            out[canonical] = kept
    return out
