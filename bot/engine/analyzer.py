"""Turns text into matching terms: stopwords out, typos corrected, aliases applied, stemmed.

Aliases are scoped: the global ones apply everywhere, an article's own only to that article's
entries. A question is analysed once with the global aliases, and once more for each article whose
alias phrases occur in it, so "spokesman" reaches Peskov only in the article that says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine import analyzer_cache
from bot.engine.clause import core_words
from bot.engine.focus import NONE, Focus, focus_of, question_words
from bot.engine.stopwords import INTENT_WORDS, QUESTION_WORDS, STOPWORDS
from bot.engine.textproc import asked_words, words
from bot.engine.thesaurus import slang
from bot.engine.view import AliasBook

_MIN_CORRECTABLE = 4
# Stopwords long enough for a dropped or swapped letter to still name them ("anythng", "becuase"):
# a typo of one is no content word the entry lacks. Shorter ones are one edit from too many words.
_TYPO_STOPWORD = 6
_TYPO_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= _TYPO_STOPWORD and w.isalpha())
TOPIC_TERM = "summary"
_CACHE_LIMIT = 200_000
# Bumped whenever analysis changes, so persisted analyses made by an older version are not reused.
ANALYZER_VERSION = "9"

_Rule = tuple[tuple[str, ...], tuple[str, ...]]  # variant words -> canonical words
# Words before one person as the subject: "what did hedge mean" asks what someone meant ("do"
# and "is" not: "what do hedge funds do", "what is a hedge" ask about the word).
_AUXILIARIES = frozenset("did does has had will would".split())


def _content(tokens: Iterable[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS and t not in QUESTION_WORDS]


# "The article talks about X" frames the question: the topic follows. Most speech verbs are
# stopwords already; these are also nouns elsewhere ("peace talks"), so only after the article.
_FRAMING = frozenset("talks speaks writes".split())
_THE_ARTICLE = frozenset("article piece story author writer it text report".split())


# "What's the deal with X" / "what's their deal" asks about X: "deal" is no deal there (the Iran
# deal after it still is one).
_WHATS = frozenset("whats what".split())
_DEAL_OWNER = frozenset("the their his her its".split())
_DEAL_AFTER = frozenset("with in here there".split())


def _idiom_deal(tokens: list[str], i: int) -> bool:
    """tokens[i] is the "deal" of "what's the deal (with)"."""
    if tokens[i] != "deal" or i < 2 or tokens[i - 1] not in _DEAL_OWNER:
        return False
    asks = tokens[i - 2] in _WHATS or tokens[max(i - 3, 0) : i - 1] == ["what", "is"]
    return asks and (i == len(tokens) - 1 or tokens[i + 1] in _DEAL_AFTER)


# Words that only restate what the question word asks: "where is X located" asks where X is,
# "who was president at the time" who was then. A draft's entry rarely writes them ("Gush Etzion
# ... south of Jerusalem"), so they were left unexplained (a third of the question's weight) by
# the very entry that answers. ("What is X called" is not one: it asks for a name, which an entry
# about X may lack.)
_PLACE_RESTATED = frozenset("located situated based".split())
_RESTATED_AFTER = frozenset("that which by in".split())
_WHERE = frozenset("where wheres".split())


def _restates(tokens: list[str], i: int) -> bool:
    """tokens[i] restates the question word ("located" of "where is X located")."""
    token = tokens[i]
    last = i == len(tokens) - 1
    if token in _PLACE_RESTATED:
        opening = next((t for t in tokens if t in QUESTION_WORDS), None)
        return opening in _WHERE and (last or tokens[i + 1] in _RESTATED_AFTER)
    if token == "time":
        return last and tokens[i - 2 : i] == ["at", "the"]  # "at the time": then
    return False


def _framing_out(tokens: list[str]) -> list[str]:
    """The question's words without "talks" in "the article talks about", "deal" in "what's
    the deal with" and the words restating the question word ("where is X located")."""
    return [
        t
        for i, t in enumerate(tokens)
        if not _idiom_deal(tokens, i)
        and not _restates(tokens, i)
        and (
            t not in _FRAMING
            or not 0 < i < len(tokens) - 1
            or tokens[i + 1] != "about"
            or tokens[i - 1] not in _THE_ARTICLE
        )
    ]


def intents_of(tokens: list[str]) -> frozenset[str]:
    found = {INTENT_WORDS[t] for t in tokens if t in INTENT_WORDS}
    if "how" not in tokens:
        found.discard("number")
    return frozenset(found)


def _flat_rules(table: dict[str, tuple[str, ...]]) -> list[_Rule]:
    """A table's variant -> canonical rules, by canonical, then variant."""
    flat: list[_Rule] = []
    for canonical, variants in sorted(table.items()):
        # A canonical term made only of stopwords ("us") makes its variants vanish too, so
        # "usa" and "us" are treated alike.
        target = tuple(_content(words(canonical)))
        for variant in variants:
            source = tuple(_content(words(variant)))
            if source and source != target:
                flat.append((source, target))
    return flat


def _rules(flat: list[_Rule]) -> dict[str, list[_Rule]]:
    """Rules by the first word of their variant."""
    rules: dict[str, list[_Rule]] = {}
    for source, target in flat:
        rules.setdefault(source[0], []).append((source, target))
    return rules


def _people(flat: dict[str, list[_Rule]]) -> dict[str, list[tuple[str, str, frozenset[str]]]]:
    """First letter -> (surname, article, the person's other name words) for each article alias
    that names a person: a one-word canonical name some variant ends a full name with
    ("hege": "michelle hege"). Read off the articles' rules, whose words are made already."""
    people: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
    for article, rules in sorted(flat.items()):
        others: dict[str, set[str]] = {}  # surname -> the other words of its full names
        for source, target in rules:
            surname = target[0] if len(target) == 1 else ""
            if len(surname) < _MIN_CORRECTABLE or not surname.isalpha():
                continue
            if len(source) > 1 and source[-1] == surname:
                others.setdefault(surname, set()).update(source[:-1])
        for surname, names in others.items():
            people.setdefault(surname[0], []).append((surname, article, frozenset(names)))
    return people


def _beside(
    asked: list[str], i: int, others: frozenset[str], correct: Callable[[str], str]
) -> bool:
    """The word at `i` stands where a person does: after an auxiliary, or beside their name."""
    near = [asked[j] for j in (i - 1, i + 1) if 0 <= j < len(asked)]
    if i > 0 and asked[i - 1] in _AUXILIARIES:
        return True
    return any(w in others or correct(w) in others for w in near)


def _longest_first(rule: _Rule) -> tuple[int, tuple[str, ...]]:
    return (-len(rule[0]), rule[0])


def _merge(*layers: dict[str, list[_Rule]]) -> dict[str, list[_Rule]]:
    """Later layers win on the same variant; longest variants are tried first."""
    merged: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
    for layer in layers:
        for first, rules in layer.items():
            by_source = merged.get(first)
            if by_source is None:
                by_source = merged[first] = {}
            for source, target in rules:
                by_source[source] = target
    # most first words begin one variant: nothing to sort (a CLI call makes these at each start)
    return {
        first: list(by_source.items())
        if len(by_source) == 1
        else sorted(by_source.items(), key=_longest_first)
        for first, by_source in merged.items()
    }


@dataclass(frozen=True)
class Query:
    """A question analysed once: its content words, intents and terms per alias scope."""

    tokens: tuple[str, ...]  # content words after typo repair, before aliases
    intents: frozenset[str]
    terms: tuple[str, ...]  # with the global aliases only
    by_article: dict[str, tuple[str, ...]]  # for articles whose own aliases occur in the question
    surfaces: dict[str, str]  # stem -> the word of the question it came from
    focus: Focus = NONE  # what the question asks for, which the answer must hold
    # the words carrying what it asks (`clause.core_words`; None: a keyword query)
    core: tuple[str, ...] | None = None
    # its words belonging to a chat idiom it holds ("hashed" of "hashed out"): `slang.idioms`
    phrases: dict[str, str] = field(default_factory=dict)

    def terms_for(self, article_id: str) -> tuple[str, ...]:
        return self.by_article.get(article_id, self.terms)

    @property
    def scopes(self) -> list[tuple[str | None, tuple[str, ...]]]:
        return [(None, self.terms), *sorted(self.by_article.items())]


class Analyzer:
    """Shared by indexing and querying, so both sides are normalised the same way."""

    _people: dict[str, list[tuple[str, str, frozenset[str]]]]
    _global: dict[str, list[_Rule]]
    _by_article: dict[str, dict[str, list[_Rule]]]
    _triggers: dict[str, set[str]]
    alias_words: set[str]
    vocabulary: set[str]
    _unstemmed: list[str]
    _by_initial: dict[str, list[str]]

    def __init__(
        self,
        aliases: AliasBook,
        vocabulary: Iterable[str] = (),
        dictionary: Callable[[], frozenset[str]] = frozenset,
        folder: Path | None = None,
    ) -> None:
        """`folder`: where the alias tables are kept between runs (`analyzer_cache`)."""
        # Real words the article does not use ("threw") are not typos of words it does ("three");
        # read at the first typo, not at every start (30 ms of a CLI call).
        self._dictionary_of = dictionary
        self._dictionary: frozenset[str] | None = None
        self._stemmer: Any = None  # made at the first word the saved stems lack (see `stem`)
        self._stems: dict[str, str] = {}
        self._corrections: dict[str, str] = {}
        self._word_stems: dict[tuple[str | None, str], tuple[str, ...]] = {}
        self._name_starts: dict[str, list[str]] | None = None  # made at the first question
        self.identity = hashlib.sha256(
            f"{ANALYZER_VERSION}\n{sorted(STOPWORDS)}\n{aliases.identity()}".encode()
        ).hexdigest()[:16]
        self._known_stems: set[str] = set()
        saved = analyzer_cache.read(folder, self.identity) if folder is not None else None
        if saved is None or not self._restore(saved):
            self._make_tables(aliases)
            if folder is not None:
                analyzer_cache.write(folder, self.identity, self._tables())
        self.add_vocabulary(vocabulary)

    # what `_make_tables` sets (and `add_vocabulary` of the alias words), as the cache keeps it
    _TABLES = (
        "_people _global _by_article _triggers alias_words vocabulary _unstemmed _by_initial"
    ).split()

    def _make_tables(self, aliases: AliasBook) -> None:
        flat = {article: _flat_rules(table) for article, table in aliases.per_article.items()}
        self._people = _people(flat)
        global_rules = _rules(_flat_rules(aliases.global_))
        self._global = _merge(global_rules)
        own = {article: _rules(rules) for article, rules in flat.items()}
        self._by_article = {article: _merge(global_rules, rules) for article, rules in own.items()}
        # first word of an article's own alias -> the articles to analyse the question again for
        self._triggers = {}
        for article, rules in own.items():
            for first in rules:
                self._triggers.setdefault(first, set()).add(article)
        self.vocabulary = set()
        # words whose stems are not taken in yet: stemmed when first needed, by then mostly from
        # the snapshot's table (stemming every alias word at start is most of a CLI call)
        self._unstemmed = []
        self._by_initial = {}
        self.alias_words = {
            w
            for table in (self._global, *self._by_article.values())
            for rules in table.values()
            for source, target in rules
            for w in (*source, *target)
        }
        self.add_vocabulary(self.alias_words)

    def _tables(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._TABLES}

    def _restore(self, saved: dict[str, Any]) -> bool:
        """Take the saved tables; False (nothing taken) when some are missing."""
        if any(name not in saved for name in self._TABLES):
            return False
        for name in self._TABLES:
            setattr(self, name, saved[name])
        return True

    def add_vocabulary(self, vocabulary: Iterable[str]) -> None:
        """Words typos are repaired towards; grows as entries are added, never shrinks."""
        new = {w for w in vocabulary if w not in STOPWORDS and w not in QUESTION_WORDS}
        new -= self.vocabulary
        if not new:
            return
        self.vocabulary |= new
        self._unstemmed.extend(new)
        for word in new:
            self._by_initial.setdefault(word[0], []).append(word)
        for initial in {w[0] for w in new}:
            self._by_initial[initial].sort()
        self._corrections.clear()

    def known_stems(self) -> set[str]:
        """Stems of every word typos are repaired towards (kept up to date as words arrive)."""
        if self._unstemmed:
            pending, self._unstemmed = self._unstemmed, []
            self._known_stems.update(self.stem(w) for w in pending)
        return self._known_stems

    def terms(
        self,
        text: str,
        article_id: str | None = None,
        surfaces: dict[str, str] | None = None,
        seen: set[str] | None = None,
        absorbed: set[str] | None = None,
    ) -> tuple[str, ...]:
        """The terms an entry's text is indexed under, with its article's aliases.

        `surfaces` collects, per stem, a word it came from: what the stem's vector is made of;
        `seen` collects the text's words; `absorbed` the stems of words a phrase alias replaced
        ("kremlin" and "spokesman" of "Kremlin spokesman", indexed as Peskov): the text still
        says them, and a question naming one alone ("the kremlin guy") is explained by them.
        """
        tokens = words(text)
        if seen is not None:
            seen.update(tokens)
        content = _content(tokens)
        rules = self._by_article.get(article_id, self._global) if article_id else self._global
        replaced: list[str] | None = None if absorbed is None else []
        terms = self._stemmed(self._apply(content, rules, replaced), surfaces)
        if absorbed is not None and replaced:
            absorbed.update(self._stemmed(replaced, surfaces))
        return terms

    def sequence(self, text: str, article_id: str | None = None) -> list[str]:
        """A text's words as terms in order, stopwords and repeats kept (where words stand)."""
        return self.stems(words(text), article_id)

    def stems(self, tokens: Iterable[str], article_id: str | None = None) -> list[str]:
        """Words as terms (aliases applied, stemmed), stopwords kept: a focus's own words."""
        rules = self._by_article.get(article_id, self._global) if article_id else self._global
        return [self.stem(t) for t in self._apply(list(tokens), rules)]

    def word_stems(self, word: str, article_id: str | None = None) -> tuple[str, ...]:
        """`stems([word], article_id)`, cached: the gate asks it of every word of a body."""
        key = (article_id, word)
        found = self._word_stems.get(key)
        if found is None:
            found = tuple(self.stems([word], article_id))
            if len(self._word_stems) < _CACHE_LIMIT:
                self._word_stems[key] = found
        return found

    def query(self, text: str, *, correct: bool = True, known: Iterable[str] = ()) -> Query:
        """`known`: words that are not typos though the base has none (a server's own entries)."""
        tokens = asked_words(text)
        intents = intents_of(tokens)
        content = _content(_framing_out(tokens))
        if not content and "about" in tokens:
            # "what is this about?" asks for the gist: the one question made only of stopwords.
            content = [TOPIC_TERM]
        if correct:
            extra = known if isinstance(known, set | frozenset) else set(known)
            content = [t if t in extra else self._correct(t) for t in content]
            content = [t for t in content if t not in STOPWORDS]  # a stopword's typo
            content = self._name_typos(content, extra)
        surfaces: dict[str, str] = {}
        base = self._stemmed(self._apply(content, self._global), surfaces)
        articles = {a for t in content for a in self._triggers.get(t, ())}
        surnames = self._surname_typos(text, tokens, content, extra) if correct else {}
        articles |= surnames.keys()
        by_article = {}
        for article in sorted(articles):
            own = [surnames.get(article, {}).get(t, t) for t in content]
            scoped = self._stemmed(self._apply(own, self._by_article[article]), surfaces)
            if scoped != base:
                by_article[article] = scoped
        asked = question_words(text)
        focus = focus_of(asked)
        phrases = slang.idioms(tokens)
        return Query(
            tuple(content), intents, base, by_article, surfaces, focus, core_words(asked), phrases
        )

    def _name_typos(self, tokens: list[str], known: set[str] | frozenset[str]) -> list[str]:
        """A short name's typo repaired when the rest of an alias's name follows it: "jon
        bolton" is John Bolton (three letters are too few to repair a word on its own)."""
        if self._name_starts is None:
            starts: dict[str, set[str]] = {}
            for table in (self._global, *self._by_article.values()):
                for rules in table.values():
                    for source, _ in rules:
                        if len(source) > 1 and len(source[0]) >= _MIN_CORRECTABLE:
                            starts.setdefault(source[1], set()).add(source[0])
            self._name_starts = {k: sorted(v) for k, v in starts.items()}
        out = list(tokens)
        for i, token in enumerate(tokens[:-1]):
            if token in self.vocabulary or token in known or not token.isalpha():
                continue
            for first in self._name_starts.get(tokens[i + 1], ()):
                if first[0] == token[0] and OSA.distance(token, first, score_cutoff=1) <= 1:
                    out[i] = first
                    break
        return out

    def _surname_typos(
        self, text: str, asked: list[str], content: list[str], known: set[str] | frozenset[str]
    ) -> dict[str, dict[str, str]]:
        """Per article, the real words standing for one of its people's surnames: one edit away,
        same first letter, the store never writes the word, and it stands where a person does
        (beside their other name, possessive, or the subject after "did"): "michell hedge's firm",
        "what did hedge mean" ask about Hege. Only that article's scope reads it so."""
        found: dict[str, dict[str, str]] = {}
        if not self._people:
            return found
        lowered = text.lower().replace("\u2019", "'")
        for token in set(content):
            if token in self.vocabulary or token in known or len(token) < _MIN_CORRECTABLE:
                continue
            for surname, article, others in self._people.get(token[0], ()):
                if OSA.distance(token, surname, score_cutoff=1) > 1:
                    continue
                if f"{token}'s" in lowered or any(
                    _beside(asked, i, others, self._correct)
                    for i, word in enumerate(asked)
                    if word == token
                ):
                    found.setdefault(article, {})[token] = surname
        return found

    def _stemmed(
        self, tokens: list[str], surfaces: dict[str, str] | None = None
    ) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for token in tokens:
            stem = self.stem(token)
            seen.setdefault(stem, None)
            if surfaces is not None:
                surfaces.setdefault(stem, token)
        return tuple(seen)

    @staticmethod
    def _apply(
        tokens: list[str], rules: dict[str, list[_Rule]], replaced: list[str] | None = None
    ) -> list[str]:
        """The tokens with aliases applied; `replaced` collects the words of phrase variants."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for source, target in rules.get(tokens[i], ()):
                if tuple(tokens[i : i + len(source)]) == source:
                    out.extend(target)
                    if replaced is not None and len(source) > 1:
                        replaced.extend(source)
                    i += len(source)
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def warm(self) -> None:
        """Read the dictionary now rather than at the first typo."""
        if self._dictionary is None:
            self._dictionary = self._dictionary_of()

    def known_stems_table(self) -> dict[str, str]:
        """Every word stemmed so far with its stem (saved with the index: stemming is slow)."""
        return self._stems

    def remember_stems(self, words: Iterable[str], stems: Iterable[str]) -> None:
        """Stems computed by an earlier run of this analyzer (same version: same stemmer)."""
        for word, stem in zip(words, stems, strict=True):
            if len(self._stems) >= _CACHE_LIMIT:
                break
            self._stems.setdefault(word, stem)

    def stem(self, token: str) -> str:
        stem = self._stems.get(token)
        if stem is None:
            stem = token if token.isdigit() else self._stemmer_now().stemWord(token)
            if len(self._stems) < _CACHE_LIMIT:
                self._stems[token] = stem
        return stem

    def _stemmer_now(self) -> Any:
        """The stemmer, imported when first needed: a question of words the saved index has
        stemmed never needs it (snowballstemmer imports every language's, 10-25 ms)."""
        if self._stemmer is None:
            import snowballstemmer

            self._stemmer = snowballstemmer.stemmer("english")
        return self._stemmer

    def corrected(self, tokens: Iterable[str]) -> list[str]:
        """The words with their typos repaired, as a question's content words are."""
        return [self._correct(t) for t in tokens]

    def _correct(self, token: str) -> str:
        """The closest known word within one edit (two for long words) sharing the first letter."""
        if token in self.vocabulary or len(token) < _MIN_CORRECTABLE or not token.isalpha():
            return token
        self.warm()
        assert self._dictionary is not None
        if token in self._dictionary:
            return token
        cached = self._corrections.get(token)
        if cached is not None:
            return cached
        max_edits = 1 if len(token) < 8 else 2
        choices: list[str] = self._by_initial.get(token[0], [])
        if len(token) == _MIN_CORRECTABLE:
            # Four-letter words are one substitution away from too many others (loud/load,
            # food/good): only a dropped letter is repaired there (flyn -> flynn).
            choices = [w for w in choices if len(w) == _MIN_CORRECTABLE + 1]
        match = process.extractOne(token, choices, scorer=OSA.distance, score_cutoff=max_edits)
        if match is None and len(token) >= _TYPO_STOPWORD - 1:
            match = process.extractOne(token, _TYPO_STOPWORDS, scorer=OSA.distance, score_cutoff=1)
        corrected = match[0] if match else token
        if len(self._corrections) < _CACHE_LIMIT:
            self._corrections[token] = corrected
        return corrected
