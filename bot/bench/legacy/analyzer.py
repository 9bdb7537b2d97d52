"""Turns text into matching terms: stopwords out, typos corrected, aliases applied, stemmed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.stopwords import INTENT_WORDS, QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import words

_MIN_CORRECTABLE = 4
TOPIC_TERM = "summary"
_CACHE_LIMIT = 50_000


def _content(tokens: Iterable[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and t not in QUESTION_WORDS]


def intents_of(tokens: list[str]) -> frozenset[str]:
    found = {INTENT_WORDS[t] for t in tokens if t in INTENT_WORDS}
    if "how" not in tokens:
        found.discard("number")
    return frozenset(found)


class Analyzer:
    """Shared by indexing and querying, so both sides are normalised the same way."""

    def __init__(self, aliases: Mapping[str, Iterable[str]], vocabulary: Iterable[str]) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._stems: dict[str, str] = {}
        self._corrections: dict[str, str] = {}
        self._aliases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for canonical, variants in sorted(aliases.items()):
            # A canonical term made only of stopwords ("us") makes its variants vanish too, so
            # "usa" and "us" are treated alike.
            target = tuple(_content(words(canonical)))
            for variant in variants:
                source = tuple(_content(words(variant)))
                if source and source != target:
                    self._aliases.setdefault(source[0], []).append((source, target))
        for options in self._aliases.values():
            options.sort(key=lambda pair: (-len(pair[0]), pair[0]))
        vocab = {w for w in vocabulary if w not in STOPWORDS and w not in QUESTION_WORDS}
        for options in self._aliases.values():
            for source, target in options:
                vocab.update(source)
                vocab.update(target)
        self.vocabulary: frozenset[str] = frozenset(vocab)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(vocab):
            self._by_initial.setdefault(word[0], []).append(word)

    def terms(self, text: str, *, correct: bool = False) -> tuple[str, ...]:
        return self.analyze(text, correct=correct)[0]

    def analyze(
        self, text: str, *, correct: bool = False
    ) -> tuple[tuple[str, ...], frozenset[str]]:
        """Terms (stems, deduplicated, in order) and the question's intents."""
        tokens = words(text)
        intents = intents_of(tokens)
        content = _content(tokens)
        if not content and "about" in tokens:
            # "what is this about?" asks for the gist: the one question made only of stopwords.
            content = [TOPIC_TERM]
        if correct:
            content = [self._correct(t) for t in content]
        seen: dict[str, None] = {}
        for token in self._apply_aliases(content):
            seen.setdefault(self.stem(token), None)
        return tuple(seen), intents

    def _apply_aliases(self, tokens: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for source, target in self._aliases.get(tokens[i], ()):
                if tuple(tokens[i : i + len(source)]) == source:
                    out.extend(target)
                    i += len(source)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def stem(self, token: str) -> str:
        stem = self._stems.get(token)
        if stem is None:
            stem = token if token.isdigit() else self._stemmer.stemWord(token)
            if len(self._stems) < _CACHE_LIMIT:
                self._stems[token] = stem
        return stem

    def _correct(self, token: str) -> str:
        """The closest known word within one edit (two for long words) sharing the first letter."""
        if token in self.vocabulary or len(token) < _MIN_CORRECTABLE or not token.isalpha():
            return token
        cached = self._corrections.get(token)
        if cached is not None:
            return cached
        max_edits = 1 if len(token) < 8 else 2
        choices = self._by_initial.get(token[0], ())
        if len(token) == _MIN_CORRECTABLE:
            # Four-letter words are one substitution away from too many others (loud/load,
            # food/good): only a dropped letter is repaired there (flyn -> flynn).
            choices = [w for w in choices if len(w) == _MIN_CORRECTABLE + 1]
        match = process.extractOne(token, choices, scorer=OSA.distance, score_cutoff=max_edits)
        corrected = match[0] if match else token
        if len(self._corrections) < _CACHE_LIMIT:
            self._corrections[token] = corrected
        return corrected
