"""JSON columns read back as written, whatever surrounds them."""

import json

import pytest

from bot.store.codec import dumps, loads

CASES = [
    ["who said it", "who said “it”"],
    [{"seed": "a.txt", "quote": "Russia\u2019s chance", "start": 0, "end": 16, "section": ""}],
    [],
    {"trump": ["donald trump"]},
]


@pytest.mark.parametrize("value", CASES)
def test_reads_what_dumps_wrote(value: object) -> None:
    """A column written by dumps is read back equal."""
    assert loads(dumps(value)) == value


@pytest.mark.parametrize("text", [' ["a"] ', '\n{"a": [1]}\n', "[1, 2]\t"])
def test_reads_values_with_whitespace_around(text: str) -> None:
    """A value with whitespace around it (written by another tool) reads as json.loads reads it."""
    assert loads(text) == json.loads(text)


@pytest.mark.parametrize("text", ['["a"] x', "", '["a"'])
def test_refuses_what_json_refuses(text: str) -> None:
    """Damaged JSON is refused as json.loads refuses it, never half read."""
    with pytest.raises(json.JSONDecodeError):
        loads(text)
