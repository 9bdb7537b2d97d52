"""The lexicon's groups an article uses, as that article's own aliases.

For each group of `bot.draft.synonyms` whose words occur in the article, the word the article
writes most often becomes the canonical term and every other member a variant of it: a question
worded with "slammed" is read as the article's "criticised", and the article's own "criticism"
too, so both sides meet. Matching is by stems, as the engine reads words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import snowballstemmer

from bot.draft.synonyms import FILLER, FILLER_CANONICAL, GROUPS
from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.text.normalize import phrasing_key

_MAX_WORDS = 4
_stemmer = snowballstemmer.stemmer("english")

Stems = tuple[str, ...]


def _content(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS]


def _stems(tokens: Iterable[str]) -> Stems:
    return tuple(w if w.isdigit() else _stemmer.stemWord(w) for w in tokens)


class _Text:
    """An article's content words: how often each run of stems occurs, and as which words."""

    def __init__(self, text: str) -> None:
        tokens = _content(text)
        stems = _stems(tokens)
        self.counts: Counter[Stems] = Counter()
        self.surfaces: dict[Stems, Counter[str]] = {}
        for size in range(1, _MAX_WORDS + 1):
            for at in range(len(tokens) - size + 1):
                key = stems[at : at + size]
                self.counts[key] += 1
                self.surfaces.setdefault(key, Counter())[" ".join(tokens[at : at + size])] += 1

    def writes(self, stems: Stems, form: str) -> bool:
        """The article writes these stems as this form (its content words)."""
        return " ".join(_content(form)) in self.surfaces.get(stems, ())


# An article naming the United States that writes "Washington" alone for its government
# ("Washington had concluded", "Washington's move"), not as part of a name ("Washington State
# Department of Health", "George Washington"), means the US by each of these. The US is "us",
# a stopword, so they vanish as "US" does: "what did washington do" asks what the US did.
_US = re.compile(r"\b(?:US|U\.S\.|United States)\b")
_WASHINGTON = re.compile(r"\bWashington\b")
_NAMED_BEFORE = re.compile(r"(?:[A-Z][\w.’'-]*|of)\s+$")
_NAMED_AFTER = re.compile(r"^(?:[’']s)?\s+[A-Z]")
_US_NAMES = (
    "washington",
    "white house",
    "america",
    "american",
    "americans",
    "united states",
    "usa",
)


def us_aliases(text: str, reserved: Iterable[str] = ()) -> dict[str, list[str]]:
    """The US's other names as variants of "us", where the article writes Washington for it."""
    found = list(_WASHINGTON.finditer(text))
    if not _US.search(text) or not found:
        return {}
    for match in found:
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
        if _NAMED_BEFORE.search(before) or _NAMED_AFTER.match(after[:40]):
            return {}  # a name of its own: the state, a person, a university
    taken = {phrasing_key(r) for r in reserved}
    kept = [v for v in _US_NAMES if phrasing_key(v) not in taken]
    # ("us" may be the site's shared term already: these then add to it for this article)
    return {"us": kept} if kept else {}


def lexicon_aliases(text: str, reserved: Iterable[str] = ()) -> dict[str, list[str]]:
    """Canonical term (the article's word) -> the variants readers may type instead.

    `reserved`: terms already given a meaning (the article's other aliases, the site's shared
    ones); none of them becomes a variant here, and no group is read towards one of them."""
    article = _Text(text)
    taken = {phrasing_key(r) for r in reserved}
    aliases: dict[str, list[str]] = {}
    for group in GROUPS:
        forms = [(form, _stems(_content(form))) for member in group for form in member]
        forms = [(form, stems) for form, stems in forms if stems]
        # a stem counts only where the article writes one of the group's forms with it:
        # "standings" shares a stem with "stand-in", "positive" one with "position"
        written = {stems for form, stems in forms if article.writes(stems, form)}
        present = Counter({stems: article.counts[stems] for stems in written})
        present = +present  # only what the article holds
        if not present:
            continue
        order = {stems: i for i, (_, stems) in reversed(list(enumerate(forms)))}
        canonical_stems = max(present, key=lambda s: (present[s], -order[s]))
        canonical = article.surfaces[canonical_stems].most_common(1)[0][0]
        if phrasing_key(canonical) in taken:
            continue
        variants: list[str] = []
        for stems in present:  # the article's other words of the group, as it writes them
            if stems != canonical_stems:
                variants += list(article.surfaces[stems])
        variants += [form for form, stems in forms if stems != canonical_stems]
        kept = [v for v in dict.fromkeys(variants) if phrasing_key(v) not in taken]
        if kept:
            aliases[canonical] = kept
            taken.update(phrasing_key(v) for v in [canonical, *kept])
    if FILLER_CANONICAL not in taken:
        filler = [w for w in FILLER if w not in taken]
        if filler:
            aliases[FILLER_CANONICAL] = filler
    return aliases


# A proper name of several words: title-case words, maybe joined by "of", "for", "the", "&";
# a possessive ends it ("Washington Healthcare Authority’s").
_NAME_RUN = re.compile(
    r"(?<![\w’'])[A-Z][a-z][\w-]*(?:(?:\s+(?:of|for|the|&))*\s+[A-Z][a-z][\w-]*)+"
)
_CONNECTORS = frozenset("of for the &".split())
_NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
_MAX_ACRONYM = 6
# Two letters that are a word in chat already, never read as initials.
_CHAT_WORDS = frozenset(
    "al am an as at be by do go ha he hi if in is it me my no of oh ok on op or ow so to up us we"
    " ya yo ye lo la ma pa ah eh uh um hm mm gg ty np".split()
)


def acronyms(
    text: str, persons: Iterable[str], reserved: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Initials readers use for the article's names of several words that it never abbreviates
    itself: "South Dakota" -> "sd", "Department of Health" -> "doh", "Chapter & Verse" -> "c&v".
    `text` is the article's body (a headline capitalises every word). An acronym the article uses
    as a word, a short one that is a word of chat, or one that already means something is left
    out."""
    tokens = set(words(text))
    people = [p.lower() for p in persons]
    taken = {phrasing_key(r) for r in reserved}
    found: dict[str, list[str]] = {}
    for match in _NAME_RUN.finditer(text):
        parts = match.group().split()
        while parts and (parts[0].lower() in _CONNECTORS or not _is_name_word(parts[0])):
            parts = parts[1:]
        runs = [parts]
        # "Washington State Department of Health" is also "Department of Health"
        joint = next((i for i, w in enumerate(parts) if w in ("of", "for")), None)
        if joint is not None and joint > 1:
            runs.append(parts[joint - 1 :])
        for run in runs:
            if sum(1 for w in run if w[0].isupper()) < 2:
                continue
            name = " ".join(run).lower()
            if any(p in name or name in p for p in people) or phrasing_key(name) in taken:
                continue
            for acronym in _initials(run):
                key = phrasing_key(acronym)
                if (
                    2 <= len(acronym) <= _MAX_ACRONYM
                    and acronym not in _CHAT_WORDS
                    and not set(words(acronym)) & tokens
                    and acronym not in STOPWORDS
                    and key not in taken
                    and _content(acronym)
                ):
                    found.setdefault(name, []).append(acronym)
                    taken.add(key)
    return found


def _is_name_word(word: str) -> bool:
    lower = word.lower()
    return bool(_content(word)) and lower not in _NOT_NAMES


def _initials(run: list[str]) -> list[str]:
    """ "Department of Health" -> ["dh", "doh"]; "Chapter & Verse" -> ["c&v"]."""
    bare = "".join("&" if w == "&" else w[0] for w in run if w == "&" or w[0].isupper())
    full = "".join("&" if w == "&" else w[0] for w in run)
    return list(dict.fromkeys(a.lower() for a in (bare, full)))
