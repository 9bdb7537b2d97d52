"""A question's token ids without reading the whole tokenizer (14-17 ms of a CLI call).

The tokenizer splits a text into words with its normalizer and pre-tokenizer, then turns each word
into tokens on its own. Both steps are the library's: the first made from the tokenizer's own
configuration without its vocabulary (microseconds), the second looked up — a WordPiece word that
is a token of the vocabulary is that one token (the whole word is the first piece it tries), and
the other words of the store were turned into tokens by the tokenizer itself when the index was
saved (`WordTable`). A text holding anything else (a typo, a new name, an added token such as
"[UNK]", more tokens than the tokenizer keeps) is tokenized by the whole tokenizer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np


def splitting_config(tokenizer_json: str) -> str:
    """The tokenizer's configuration without its vocabulary (what `Splitter` needs)."""
    config = json.loads(tokenizer_json)
    config["model"] = {**config["model"], "vocab": {}, "merges": []}
    return json.dumps(config)


class Splitter:
    """A text's words as the tokenizer's normalizer and pre-tokenizer make them."""

    def __init__(self, config: str) -> None:
        from tokenizers import Tokenizer

        settings = json.loads(config)
        model = settings.get("model") or {}
        # Whole words are looked up as tokens only where that is what the model does.
        self.usable = model.get("type") == "WordPiece"
        self.max_chars = int(model.get("max_input_chars_per_word") or 100)
        self.max_tokens: int | None = (settings.get("truncation") or {}).get("max_length")
        self._added = [t["content"] for t in settings.get("added_tokens") or [] if t["content"]]
        tokenizer = Tokenizer.from_str(config) if self.usable else None
        self._normalizer = tokenizer.normalizer if tokenizer is not None else None
        self._pre_tokenizer = tokenizer.pre_tokenizer if tokenizer is not None else None

    def words(self, text: str) -> list[str] | None:
        """The text's words, or None when only the whole tokenizer may read it."""
        if not self.usable:
            return None
        normal = self._normalizer.normalize_str(text) if self._normalizer else text
        if any(a in text or a in normal for a in self._added):
            return None  # added tokens are split out before the words: the tokenizer's job
        if self._pre_tokenizer is None:
            return [normal] if normal else []
        return [piece for piece, _ in self._pre_tokenizer.pre_tokenize_str(normal)]


class WordTable:
    """Words (sorted UTF-8, fixed width) and each one's token ids: a binary search per word in
    arrays that may be mapped from the saved index, nothing built at start."""

    NAMES = ("model_words", "model_word_starts", "model_word_ids")  # as saved in the index

    def __init__(self, words: np.ndarray, starts: np.ndarray, ids: np.ndarray) -> None:
        self.words, self.starts, self.ids = words, starts, ids

    @classmethod
    def empty(cls) -> WordTable:
        return cls(np.zeros(0, dtype="S1"), np.zeros(1, dtype=np.int64), np.zeros(0, np.int32))

    @classmethod
    def of(cls, table: dict[str, list[int]]) -> WordTable:
        items = sorted((w.encode(), ids) for w, ids in table.items() if w and "\0" not in w)
        if not items:
            return cls.empty()
        lengths = [len(ids) for _, ids in items]
        return cls(
            np.array([w for w, _ in items], dtype=np.bytes_),
            np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            np.array([i for _, ids in items for i in ids], dtype=np.int32),
        )

    def __len__(self) -> int:
        return len(self.words)

    def get(self, word: str) -> list[int] | None:
        raw = word.encode()
        if not len(self.words) or len(raw) > self.words.dtype.itemsize or not raw:
            return None
        # the key in the array's own width: of another, numpy would cast the whole array
        at = int(np.searchsorted(self.words, np.array(raw, dtype=self.words.dtype)))
        if at < len(self.words) and self.words[at] == raw:
            return self.ids[self.starts[at] : self.starts[at + 1]].tolist()
        return None

    def arrays(self) -> dict[str, np.ndarray]:
        return dict(zip(self.NAMES, (self.words, self.starts, self.ids), strict=True))


def learned(
    words: Iterable[str],
    splitter: Splitter,
    known: Callable[[str], int | None],
    tokenizer: Callable[[], Any],
) -> dict[str, list[int]]:
    """Each word the splitter keeps whole and the vocabulary lacks, as the tokenizer turns it
    into tokens (the model's part of a saved index)."""
    if not splitter.usable:
        return {}
    todo = [w for w in sorted(set(words)) if known(w) is None and splitter.words(w) == [w]]
    if not todo:
        return {}
    encodings = tokenizer().encode_batch_fast(todo, add_special_tokens=False)
    return {w: list(e.ids) for w, e in zip(todo, encodings, strict=True)}


def token_ids(
    texts: list[str],
    splitter: Splitter,
    known: Callable[[str], int | None],
    table: WordTable,
) -> list[list[int]] | None:
    """Every text's token ids from the vocabulary and the table, or None when a text needs the
    whole tokenizer."""
    found = []
    for text in texts:
        words = splitter.words(text)
        if words is None:
            return None
        ids: list[int] = []
        for word in words:
            token = known(word) if len(word) <= splitter.max_chars else None
            if token is not None:
                ids.append(token)
                continue
            pieces = table.get(word)
            if pieces is None:
                return None
            ids.extend(pieces)
        if splitter.max_tokens is not None and len(ids) > splitter.max_tokens:
            return None  # the tokenizer would cut it: let it
        found.append(ids)
    return found
