"""The model read from its stored copy under the data folder embeds and ranks words exactly as
model2vec reading the model folder does; a changed or damaged model is read again."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bot.bench.store import real_knowledge
from bot.engine.semantic import DEFAULT_MODEL, SemanticModel, loading
from bot.engine.semantic import model as model_module
from bot.engine.semantic.words import token_ids
from bot.engine.textproc import words
from bot.quality.sets import DEFAULT_DEVSET, load_set
from bot.settings import PROJECT_ROOT

ODD = [
    "",
    "   ",
    "who is peskov?",
    "[UNK] who [PAD]",
    "Déjà vu: ÅNGSTRÖM, 中文, 🤔 and naïve café",
    "\u200b\u202e hidden marks",
    "word " * 700,  # past the tokenizer's 512 tokens
    "x" * 3000,
]


@pytest.fixture(autouse=True)
def fresh_models() -> Iterator[None]:
    """Each test reads its models itself (the process keeps one per name otherwise)."""
    kept = dict(model_module._loaded)
    model_module._loaded.clear()
    yield
    model_module._loaded.clear()
    model_module._loaded.update(kept)


@pytest.fixture(scope="module")
def reference() -> object:
    return loading.local(DEFAULT_MODEL, None)


def _stored(folder: Path, cache: Path) -> SemanticModel:
    """The model read once (which stores it in `cache`), then read back from its stored copy."""
    SemanticModel.load(folder, cache=cache)
    model_module._loaded.clear()
    model = SemanticModel.load(folder, cache=cache)
    assert model._stored is not None
    return model


def test_stored_model_embeds_every_text_as_model2vec(reference: object, tmp_path: Path) -> None:
    """Development questions, odd texts and long passages of the article (past the characters
    model2vec keeps of each of many texts), a few at a time and many at once: equal vectors."""
    model = _stored(DEFAULT_MODEL, tmp_path)
    article = next((PROJECT_ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    passages = [article[start : start + 4000] for start in range(0, len(article), 1500)]
    questions = [q.q for q in load_set(DEFAULT_DEVSET).questions] + ODD + passages
    for start in range(0, len(questions), 13):
        batch = questions[start : start + 13]
        expected = reference._encode_batch(batch, True)  # type: ignore[attr-defined]
        assert np.array_equal(model.encode(batch), expected), batch
    many = reference.encode(questions, use_multiprocessing=False)  # type: ignore[attr-defined]
    assert np.array_equal(model.encode(questions), many)
    assert model.identity == SemanticModel.of(reference, "x").identity


def test_stored_model_ranks_words_as_the_tokenizer(reference: object, tmp_path: Path) -> None:
    """Every vocabulary token gets its id, searched or (warm) looked up; other words, none; the
    typo dictionary is the same."""
    model = _stored(DEFAULT_MODEL, tmp_path)
    vocabulary = reference.tokenizer.get_vocab()  # type: ignore[attr-defined]
    for warm in (False, True):
        if warm:
            model.warm()
        for word in [*vocabulary, "peskov", "", "x" * 80, "Vodka"]:
            assert model.rank(word) == vocabulary.get(word), (word, warm)
    assert model.dictionary() == SemanticModel.of(reference, "x").dictionary()


def test_words_the_index_keeps_are_tokenized_as_by_the_tokenizer(
    reference: object, tmp_path: Path
) -> None:
    """Questions and phrasings read from the vocabulary and the store's words get the
    tokenizer's own ids; a text with a word neither holds is left to the tokenizer."""
    entries, _ = real_knowledge(PROJECT_ROOT / "knowledge", PROJECT_ROOT / "seeds")
    texts = [t for e in entries for t in (e.question, *e.alternates, e.answer)]
    model = _stored(DEFAULT_MODEL, tmp_path)
    model.remember(model.word_table({w for t in texts for w in words(t)}))
    questions = [q.q for q in load_set(DEFAULT_DEVSET).questions]
    tokenizer = reference.tokenizer  # type: ignore[attr-defined]
    split, read = model._split(), 0
    for text in [*questions, *texts, *ODD, "who is peskov", "who is peskof"]:
        found = token_ids([text], split, model.rank, model.words)
        if found is not None:
            read += 1
            assert found == [tokenizer.encode(text, add_special_tokens=False).ids], text
    assert token_ids(["who is peskov"], split, model.rank, model.words) is not None
    assert token_ids(["who is peskof"], split, model.rank, model.words) is None
    assert read > len(questions)  # most texts need no tokenizer


@pytest.mark.parametrize("change", ["tokenizer touched", "weights replaced", "stored copy damaged"])
def test_a_changed_model_is_read_again(tmp_path: Path, change: str) -> None:
    """A model folder changed in place (or a damaged stored copy) is read, not trusted."""
    folder, cache = tmp_path / "model", tmp_path / "cache"
    shutil.copytree(DEFAULT_MODEL, folder)
    before = _stored(folder, cache)
    model_module._loaded.clear()
    if change == "stored copy damaged":
        (stored,) = cache.iterdir()
        stored.write_bytes(b"not a model" * 10)
    elif change == "tokenizer touched":
        os.utime(folder / "tokenizer.json", ns=(1, 1))
    else:
        weights = folder / "model.safetensors"
        data = bytearray(weights.read_bytes())
        data[-1] ^= 1  # one weight differs: another model
        weights.write_bytes(bytes(data))
    again = SemanticModel.load(folder, cache=cache)
    assert again._stored is None  # read from the folder, then stored anew
    assert (again.identity != before.identity) == (change == "weights replaced")
    assert len(list(cache.iterdir())) == 1
