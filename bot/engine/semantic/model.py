"""Loading a model2vec static model and embedding text with it.

The default model ships in `default/` (see NOTICE there). `BRIEFBOT_SEMANTIC_MODEL` may name another
model2vec model: a folder, or a hub name where the network allows. Whatever is cached from a
model's vectors is keyed by `identity`, a hash of its weights and tokenizer, never by its name.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_MODEL = Path(__file__).resolve().parent / "default"
# The tokenizer's thread pool costs more than it saves on a question of a few words (106 µs
# against 30 µs for one question on a busy 2-core machine).
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

_SMALL = 16
_loaded: dict[str, SemanticModel] = {}
_lock = threading.Lock()


def _pretrained(name: str, dimensions: int | None) -> Any:
    from model2vec import StaticModel  # imported here: with the hub client it costs ~0.3 s

    return StaticModel.from_pretrained(name, normalize=True, dimensionality=dimensions)


def _local(folder: Path, dimensions: int | None) -> Any:
    """A model2vec folder read as model2vec's own loader does, without importing its hub client
    (huggingface_hub: 0.2 s of every CLI call). None when it needs the full loader: a hub name, a
    sentence-transformers layout, or fewer dimensions."""
    tensors, tokenizer, config = (
        folder / n for n in ("model.safetensors", "tokenizer.json", "config.json")
    )
    if dimensions is not None or not (
        tensors.is_file() and tokenizer.is_file() and config.is_file()
    ):
        return None
    import json

    import safetensors
    from model2vec.model import StaticModel
    from tokenizers import Tokenizer

    with safetensors.safe_open(str(tensors), framework="numpy") as opened:
        names = set(opened.keys())
        if "embeddings" not in names:
            return None
        found = {
            n: opened.get_tensor(n) for n in ("embeddings", "weights", "mapping") if n in names
        }
    settings = json.loads(config.read_text(encoding="utf-8"))
    return StaticModel(
        vectors=found["embeddings"],
        tokenizer=Tokenizer.from_file(str(tokenizer)),
        config=settings,
        normalize=True,
        weights=found.get("weights"),
        token_mapping=found.get("mapping"),
        max_length=settings.get("max_length", 512),
    )


class SemanticModel:
    """Unit-length float32 vectors for texts; an empty text gets the zero vector."""

    def __init__(self, model: Any, name: str) -> None:
        self._model = model
        self.name = name
        self._vocabulary: dict[str, int] | None = None
        self.dimensions = int(model.dim)
        digest = hashlib.sha256(np.ascontiguousarray(model.embedding).tobytes())
        digest.update(model.tokenizer.to_str().encode())
        for extra in (getattr(model, "weights", None), getattr(model, "token_mapping", None)):
            if extra is not None:
                digest.update(np.ascontiguousarray(extra).tobytes())
        self.identity = digest.hexdigest()[:16]

    def rank(self, word: str) -> int | None:
        """The word's id in the tokenizer's vocabulary when it is one whole token, else None.

        A WordPiece vocabulary (the default model's) lists its words by frequency, so the id is
        how common a word is in general English ("according" 1432, "vodka" 20095)."""
        vocabulary = self._vocabulary
        if vocabulary is None:
            vocabulary = self._vocabulary = self._model.tokenizer.get_vocab()
        return vocabulary.get(word)

    def dictionary(self) -> frozenset[str]:
        """Whole words of the model's vocabulary: real words, which typo repair leaves alone."""
        vocabulary = self._model.tokenizer.get_vocab()
        return frozenset(w for w in vocabulary if w.isalpha() and w.isascii() and len(w) > 3)

    @classmethod
    def load(cls, source: str | Path | None = None, dimensions: int | None = None) -> SemanticModel:
        """The model at `source` (default: the shipped one), loaded once per process.

        `dimensions` keeps only the leading ones (the model's come out of PCA): less memory per
        stored phrasing for some quality (measured in the engine's notes)."""
        name = str(source or DEFAULT_MODEL)
        with _lock:
            model = _loaded.get(f"{name}@{dimensions}")
            if model is None:
                model = cls(_local(Path(name), dimensions) or _pretrained(name, dimensions), name)
                _loaded[f"{name}@{dimensions}"] = model
        return model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        if len(texts) <= _SMALL:
            # A question's few texts: model2vec's batch step itself, without the dispatch around
            # it (a progress bar object and batching cost more than the embedding here).
            batch = getattr(self._model, "_encode_batch", None)
            if batch is not None:
                return np.asarray(batch(list(texts), True), dtype=np.float32)
        vectors = np.asarray(
            self._model.encode(list(texts), use_multiprocessing=False), dtype=np.float32
        )
        return vectors.reshape(len(texts), self.dimensions)
