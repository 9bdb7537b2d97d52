"""What a question needs from a local model folder, stored under the data folder.

Reading the model from its folder is most of a one-question CLI call: model2vec's loader copies
the tokenizer and sorts its vocabulary, and the model's identity is a hash of all its weights.
The first start stores the identity, the embedding matrix and the vocabulary sorted for lookups
in one mapped file; the next ones map it (the rows a question touches are the pages read).

The file is named by the model folder's files — their names, sizes and modification times, the
cheap look `knowledge_fingerprint` takes at the knowledge files — so a model copied or changed in
place is read and stored again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.engine.aligned import mapped, write_aligned

FORMAT = "2"
FILES = ("model.safetensors", "tokenizer.json", "config.json")


def source_key(folder: Path) -> str | None:
    """The model folder's files as a short key, or None when one of them is missing."""
    digest = hashlib.blake2b(str(folder.resolve()).encode(), digest_size=8)
    for name in FILES:
        try:
            stat = (folder / name).stat()
        except OSError:
            return None
        digest.update(f"\0{name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def stored_path(cache: Path, key: str) -> Path:
    return cache / f"model-v{FORMAT}-{key}.npz"


@dataclass(frozen=True)
class Stored:
    """A model's identity, its embedding matrix, its vocabulary (tokens sorted, with ids) and
    its tokenizer's configuration without the vocabulary (see `words.Splitter`)."""

    identity: str
    embedding: np.ndarray
    tokens: np.ndarray  # the vocabulary's tokens as UTF-8, sorted (fixed-width bytes)
    token_ids: np.ndarray  # each token's id, in the same order
    unk_id: int | None
    splitting: str
    text_cut: int  # see `loading.text_cut`

    def token_id(self, token: str) -> int | None:
        """The id of a token of the vocabulary (a binary search in the mapped array)."""
        raw = token.encode()
        if len(raw) > self.tokens.dtype.itemsize or not raw:
            return None
        # the key in the array's own width: of another, numpy would cast the whole array
        at = int(np.searchsorted(self.tokens, np.array(raw, dtype=self.tokens.dtype)))
        if at < len(self.tokens) and self.tokens[at] == raw:
            return int(self.token_ids[at])
        return None

    def vocabulary(self) -> list[str]:
        return [t.decode() for t in self.tokens.tolist()]


def store(
    cache: Path,
    key: str,
    identity: str,
    embedding: np.ndarray,
    vocabulary: dict[str, int],
    unk_id: int | None,
    splitting: str,
    text_cut: int,
) -> Path:
    """Write a model's stored copy (and remove the copies of models no longer in use)."""
    # Fixed-width bytes sort and compare as their UTF-8 (a token never holds a NUL byte).
    tokens = sorted((t.encode(), i) for t, i in vocabulary.items() if t and "\0" not in t)
    target = stored_path(cache, key)
    write_aligned(
        target,
        {
            "identity": np.array([identity], dtype="S64"),
            "embedding": np.ascontiguousarray(embedding),
            "tokens": np.array([t for t, _ in tokens], dtype=np.bytes_),
            "token_ids": np.array([i for _, i in tokens], dtype=np.int64),
            "unk_id": np.array([-1 if unk_id is None else unk_id], dtype=np.int64),
            "splitting": np.frombuffer(splitting.encode(), dtype=np.uint8),
            "text_cut": np.array([text_cut], dtype=np.int64),
        },
    )
    for old in cache.glob("model-v*.npz"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def read(cache: Path, key: str) -> Stored | None:
    """The stored copy for this key (mapped), or None when there is none."""
    path = stored_path(cache, key)
    if not path.is_file():
        return None
    arrays = mapped(path)
    unk = int(arrays["unk_id"][0])
    return Stored(
        identity=arrays["identity"][0].decode(),
        embedding=arrays["embedding"],
        tokens=arrays["tokens"],
        token_ids=arrays["token_ids"],
        unk_id=None if unk < 0 else unk,
        splitting=arrays["splitting"].tobytes().decode(),
        text_cut=int(arrays["text_cut"][0]),
    )
