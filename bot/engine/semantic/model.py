"""Loading a model2vec static model and embedding text with it.

The default model ships in `default/` (see NOTICE there). `BRIEFBOT_SEMANTIC_MODEL` may name another
model2vec model: a folder, or a hub name where the network allows. Whatever is cached from a
model's vectors is keyed by `identity`, a hash of its weights and tokenizer, never by its name.

Texts are embedded here as model2vec embeds them with a plain model (no token mapping, no
weights): tokens, the mean of their rows, unit length — many texts at once (an index build) cut to
as many characters as its `encode` keeps, in batches of as many. Other models go through model2vec
itself, read when first needed. Given a `cache` folder, a local
model is read from its stored copy there (see `stored`), and a question's tokens come from its
vocabulary and the words the saved index remembers (see `words`): a question then reads the rows
it touches, and the tokenizer only for a word neither knows.
"""

from __future__ import annotations

import logging
import os
import threading
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot.engine.semantic import loading
from bot.engine.semantic.stored import Stored, read, source_key, store
from bot.engine.semantic.words import Splitter, WordTable, learned, splitting_config, token_ids

DEFAULT_MODEL = Path(__file__).resolve().parent / "default"
# The tokenizer's thread pool costs more than it saves on a question of a few words (106 µs
# against 30 µs for one question on a busy 2-core machine).
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

_SMALL = 16
_BATCH = 1024  # model2vec's own batch size: the memory a batch of token rows takes stays bounded
_loaded: dict[str, SemanticModel] = {}
_lock = threading.Lock()
log = logging.getLogger(__name__)


def pooled(embedding: np.ndarray, ids: list[list[int]]) -> np.ndarray:
    """model2vec's batch step for a plain model: each text's token rows averaged (texts of one
    length together, as it does, so the sums round alike), then made unit length."""
    dtype = np.dtype(np.float32) if embedding.dtype == np.int8 else embedding.dtype
    out = np.zeros((len(ids), embedding.shape[1]), dtype=dtype)
    by_length: dict[int, list[int]] = defaultdict(list)
    for i, row in enumerate(ids):
        if row:
            by_length[len(row)].append(i)
    for indices in by_length.values():
        matrix = np.array([ids[i] for i in indices], dtype=np.int64)
        out[indices] = embedding[matrix].mean(axis=1)
    out32 = out.astype(np.float32)
    norm = np.linalg.norm(out32, axis=1, keepdims=True) + 1e-32
    return np.asarray((out32 / norm).astype(out.dtype), dtype=np.float32)


class SemanticModel:
    """Unit-length float32 vectors for texts; an empty text gets the zero vector."""

    def __init__(
        self,
        name: str,
        identity: str,
        embedding: np.ndarray,
        *,
        full: Any = None,
        folder: Path | None = None,
        stored: Stored | None = None,
    ) -> None:
        """`full`: model2vec's model, when it was read; else `folder` holds it (its tokenizer is
        read from there when a text needs it) and `stored` answers vocabulary lookups."""
        self.name = name
        self.identity = identity
        self._embedding = embedding
        self.dimensions = int(embedding.shape[1])
        self._full = full
        self._folder = folder
        self._stored = stored
        self._tokenizer = full.tokenizer if full is not None else None
        self._unk = full.unk_token_id if full is not None else (stored.unk_id if stored else None)
        plain = full is None or (full.weights is None and full.token_mapping is None)
        self._plain = plain
        if stored is not None:
            self._cut = stored.text_cut
        else:
            self._cut = loading.text_cut(full) if full is not None and plain else -1
        self._vocabulary: dict[str, int] | None = None
        self._splitter: Splitter | None = None
        self.words = WordTable.empty()  # the store's words as tokens (see `remember`)

    @classmethod
    def of(cls, full: Any, name: str) -> SemanticModel:
        return cls(name, loading.identity_of(full), full.embedding, full=full)

    def _tokens(self) -> Any:
        if self._tokenizer is None:
            assert self._folder is not None
            self._tokenizer = loading.tokenizer_of(self._folder / "tokenizer.json")
        return self._tokenizer

    def _model(self) -> Any:
        """model2vec's own model, read from the folder when it must embed itself: many texts
        that its `encode` would tokenize otherwise than its batch step (see `text_cut`)."""
        if self._full is None:
            assert self._folder is not None
            with _lock:
                if self._full is None:
                    self._full = loading.local(self._folder, None)
        return self._full

    def _split(self) -> Splitter:
        if self._splitter is None:
            stored = self._stored
            config = stored.splitting if stored else splitting_config(self._tokens().to_str())
            self._splitter = Splitter(config)
        return self._splitter

    def word_table(self, words: set[str]) -> WordTable:
        """The words the vocabulary lacks, as the tokenizer turns them into tokens: what the
        saved index keeps for the next start's questions (see `remember`)."""
        splitter = self._split()
        found = learned(words, splitter, self.rank, self._tokens)
        return WordTable.of(found)

    def remember(self, table: WordTable) -> None:
        """Words a saved index turned into tokens: its questions need no tokenizer for them."""
        self.words = table

    def warm(self) -> None:
        """The vocabulary as a dict: a lookup per word rather than a search of the stored copy
        (a process answering many questions; one question never needs it); and the tokenizer,
        read otherwise by the first text with a word neither the vocabulary nor the saved index
        holds ("wh" as someone starts typing: 50-100 ms of a first keystroke)."""
        if self._folder is not None and self._full is None:
            self._tokens()
            self._split()
        if self._vocabulary is None:
            stored = self._stored
            self._vocabulary = (
                dict(zip(stored.vocabulary(), stored.token_ids.tolist(), strict=True))
                if stored is not None
                else self._tokens().get_vocab()
            )

    def rank(self, word: str) -> int | None:
        """The word's id in the tokenizer's vocabulary when it is one whole token, else None.

        A WordPiece vocabulary (the default model's) lists its words by frequency, so the id is
        how common a word is in general English ("according" 1432, "vodka" 20095)."""
        if self._vocabulary is None and self._stored is not None:
            return self._stored.token_id(word)
        vocabulary = self._vocabulary
        if vocabulary is None:
            vocabulary = self._vocabulary = self._tokens().get_vocab()
        return vocabulary.get(word)

    def dictionary(self) -> frozenset[str]:
        """Whole words of the model's vocabulary: real words, which typo repair leaves alone."""
        if self._stored is not None:
            vocabulary: Sequence[str] = self._stored.vocabulary()
        else:
            vocabulary = list(self._tokens().get_vocab())
        return frozenset(w for w in vocabulary if w.isalpha() and w.isascii() and len(w) > 3)

    @classmethod
    def load(
        cls,
        source: str | Path | None = None,
        dimensions: int | None = None,
        cache: Path | None = None,
    ) -> SemanticModel:
        """The model at `source` (default: the shipped one), loaded once per process.

        `dimensions` keeps only the leading ones (the model's come out of PCA): less memory per
        stored phrasing for some quality (measured in the engine's notes). `cache`: a folder
        where a local model's stored copy is kept (see `stored`)."""
        name = str(source or DEFAULT_MODEL)
        with _lock:
            model = _loaded.get(f"{name}@{dimensions}")
            if model is None:
                model = _loaded[f"{name}@{dimensions}"] = _open(name, dimensions, cache)
        return model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        batch = list(texts)
        if self._plain and len(batch) <= _SMALL:
            # A question's few texts: model2vec's batch step, without the dispatch around it (a
            # progress bar object and batching cost more than the embedding here), and without
            # the tokenizer when the vocabulary and the saved index know every word.
            found = token_ids(batch, self._split(), self.rank, self.words)
            if found is None:
                found = [e.ids for e in self._tokens().encode_batch_fast(batch, **_PLAIN)]
            return pooled(self._embedding, self._known(found))
        if self._plain and self._cut >= 0:
            if self._cut:  # as model2vec's `encode` cuts each of many texts
                batch = [t[: self._cut] for t in batch]
            parts = []
            for start in range(0, len(batch), _BATCH):
                encodings = self._tokens().encode_batch_fast(
                    batch[start : start + _BATCH], **_PLAIN
                )
                parts.append(pooled(self._embedding, self._known([e.ids for e in encodings])))
            return np.concatenate(parts)
        model = self._model()
        if len(batch) <= _SMALL:
            return np.asarray(model._encode_batch(batch, True), dtype=np.float32)
        vectors = np.asarray(model.encode(batch, use_multiprocessing=False), dtype=np.float32)
        return vectors.reshape(len(batch), self.dimensions)

    def _known(self, found: list[list[int]]) -> list[list[int]]:
        """Token ids without the unknown token's (model2vec leaves it out of the mean)."""
        unk = self._unk
        return [[i for i in ids if i != unk] for ids in found]


_PLAIN = {"add_special_tokens": False}


def _open(name: str, dimensions: int | None, cache: Path | None) -> SemanticModel:
    """From the stored copy in `cache` when there is one for these files; else read, and a
    plain local model stored there for the next start."""
    folder = Path(name)
    key = source_key(folder) if cache is not None and dimensions is None else None
    if key is not None and cache is not None:
        try:
            stored = read(cache, key)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
            log.warning("the stored model in %s is unreadable (%s): read again", cache, error)
            stored = None
        if stored is not None:
            return SemanticModel(
                name, stored.identity, stored.embedding, folder=folder, stored=stored
            )
    full = loading.local(folder, dimensions) or loading.pretrained(name, dimensions)
    model = SemanticModel.of(full, name)
    if key is not None and cache is not None and model._plain:
        try:
            store(
                cache,
                key,
                model.identity,
                full.embedding,
                full.tokenizer.get_vocab(),
                full.unk_token_id,
                splitting_config(full.tokenizer.to_str()),
                model._cut,
            )
        except OSError as error:  # a read-only data folder costs the next start a read, no more
            log.warning("the model could not be stored in %s (%s)", cache, error)
    return model
