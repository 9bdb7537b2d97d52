"""Reading a model2vec static model: from a local folder without model2vec's hub client, else
with model2vec's own loader (a hub name, a sentence-transformers layout, fewer dimensions)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np


def pretrained(name: str, dimensions: int | None) -> Any:
    from model2vec import StaticModel  # imported here: with the hub client it costs ~0.3 s

    return StaticModel.from_pretrained(name, normalize=True, dimensionality=dimensions)


def local(folder: Path, dimensions: int | None) -> Any:
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


def tokenizer_of(path: Path) -> Any:
    """A model folder's tokenizer set up as model2vec sets up its copy: padding off, its pad
    token kept (a padded question would average the pad token's row in)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    padding = tokenizer.padding
    if padding is not None:
        tokenizer.enable_padding(
            pad_id=padding["pad_id"],
            pad_token=padding["pad_token"],
            pad_type_id=padding["pad_type_id"],
            length=0,
        )
    return tokenizer


def text_cut(model: Any) -> int:
    """How many characters of each text model2vec's `encode` (many texts at once) keeps before
    tokenizing (0: all of it), or -1 when its tokenizer then cuts tokens otherwise than it does
    for a few texts (the model's length differs from the tokenizer's own truncation)."""
    import json

    length = model.max_length
    truncation = json.loads(model.tokenizer.to_str()).get("truncation")
    expected = None
    if length is not None:
        expected = {"direction": "Right", "max_length": length, "strategy": "LongestFirst",
                    "stride": 0}  # fmt: skip
    if truncation != expected:
        return -1
    return 0 if length is None else int(length) * int(model.median_token_length)


def identity_of(model: Any) -> str:
    """A hash of the model's weights and tokenizer: what anything cached from it is keyed by."""
    digest = hashlib.sha256(np.ascontiguousarray(model.embedding).tobytes())
    digest.update(model.tokenizer.to_str().encode())
    for extra in (getattr(model, "weights", None), getattr(model, "token_mapping", None)):
        if extra is not None:
            digest.update(np.ascontiguousarray(extra).tobytes())
    return digest.hexdigest()[:16]
