"""Content words of an article's text: which are distinctive, and short keyword forms of it."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import snowballstemmer

from bot.engine.stopwords import QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words
from bot.text.normalize import fold

_TOKEN = re.compile(r"[\w$][\w’'.,:&$-]*[\w%]|[\w$%]")
_EDGE = re.compile(r"^[^\w$]+|[^\w%]+$")


def content_words(text: str) -> list[str]:
    """Lower-case words that carry a fact, in order, each once."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word not in STOPWORDS and word not in QUESTION_WORDS and len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)


def surface_words(text: str) -> list[str]:
    """The words as the article spells them (case kept, edge punctuation dropped)."""
    found = []
    for token in _TOKEN.findall(fold(text)):
        token = _EDGE.sub("", token)
        if token:
            found.append(token)
    return found


def plain(text: str, max_words: int | None = None) -> str:
    """A passage as someone would type it: lower case, no quotation marks or punctuation."""
    tokens = [t.lower().replace("’", "'") for t in surface_words(text)]
    return " ".join(tokens[:max_words] if max_words else tokens)


class Rarity:
    """How distinctive a word is within one article (idf over its sentences)."""

    def __init__(self, sentences: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for sentence in sentences:
            total += 1
            counts.update(set(content_words(sentence)))
        self._counts = counts
        self._total = max(total, 1)

    def weight(self, word: str) -> float:
        return math.log(1 + self._total / (1 + self._counts.get(word, 0)))

    def top(self, text: str, count: int, skip: Iterable[str] = ()) -> list[str]:
        """The `count` most distinctive content words of a text, in text order."""
        excluded = {w.lower() for w in skip}
        found = [w for w in content_words(text) if w not in excluded and not w.isdigit()]
        chosen = set(sorted(found, key=lambda w: (-self.weight(w), found.index(w)))[:count])
        return [w for w in found if w in chosen]


class Terms:
    """A phrasing's matching words, as an answering engine reads it: content words only, the
    article's aliases applied, stemmed. Two phrasings with the same terms tie for every
    question they fit, so the draft gives such a pair to one entry only."""

    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._rules: list[tuple[tuple[str, ...], tuple[str, ...]]] = sorted(
            (
                (tuple(content_words(variant)), tuple(content_words(canonical)))
                for canonical, variants in aliases.items()
                for variant in variants
                if content_words(variant)
            ),
            key=lambda rule: -len(rule[0]),
        )

    def __call__(self, text: str) -> frozenset[str]:
        tokens = [w for w in words(text) if w not in STOPWORDS and w not in QUESTION_WORDS]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for source, target in self._rules:
                if tuple(tokens[i : i + len(source)]) == source:
                    out.extend(target)
                    i += len(source)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return frozenset(self._stemmer.stemWord(t) for t in out)
