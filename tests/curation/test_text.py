"""Moderator input checks: trimming, limits, control characters, kinds and alternates."""

from __future__ import annotations

import pytest

from bot.curation.errors import CurationError
from bot.curation.text import (
    clean_alternates,
    clean_answer,
    clean_evidence,
    clean_kind,
    clean_phrasing,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Who is Peskov? ", "Who is Peskov?"),
        ("who\n  is\tPeskov", "who is Peskov"),
        ("@everyone who is he", "@everyone who is he"),
        ("x" * 300, "x" * 300),
    ],
)
def test_clean_phrasing_accepts(raw: str, expected: str) -> None:
    """Good phrasings come back on one line, trimmed."""
    assert clean_phrasing(raw) == expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "The question is empty."),
        ("   \n ", "The question is empty."),
        ("x" * 301, "301 characters long; the limit is 300"),
        ("x" * 5000, "5,000 characters long"),
        ("who\x00 is he", "control characters"),
        ("who\x1b[31m is he", "control characters"),
        ("?!?", "has no words in it"),
    ],
)
def test_clean_phrasing_refuses(raw: str, says: str) -> None:
    """Bad phrasings are refused with a reason meant for the moderator."""
    with pytest.raises(CurationError, match=r".") as refused:
        clean_phrasing(raw)
    assert says in refused.value.message


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("", "The answer is empty."),
        ("a" * 601, "601 characters long; the limit is 600"),
        ("bad\x07answer", "control characters"),
    ],
)
def test_clean_answer_refuses(raw: str, says: str) -> None:
    """Answers must be plain, non-empty and at most 600 characters."""
    with pytest.raises(CurationError) as refused:
        clean_answer(raw)
    assert says in refused.value.message


def test_clean_answer_keeps_line_breaks() -> None:
    """An answer keeps its inner line breaks; only the ends are trimmed."""
    assert clean_answer("  one\ntwo  ") == "one\ntwo"


@pytest.mark.parametrize(("raw", "expected"), [("quote", "quote"), (" Person ", "person")])
def test_clean_kind_accepts_known_kinds(raw: str, expected: str) -> None:
    """Kinds are matched case-insensitively."""
    assert clean_kind(raw) == expected


def test_clean_kind_refuses_unknown_kinds() -> None:
    """An unknown kind lists the known ones."""
    with pytest.raises(CurationError, match="use one of quote, person"):
        clean_kind("gossip")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a b\nc d", ("a b", "c d")),
        ("\n  a b \n\n c d\n", ("a b", "c d")),
        ("a b\nA B!\nc d", ("a b", "c d")),  # repeats after normalisation dropped
        ("who is he\nother", ("other",)),  # the question itself is not an alternate
        ("", ()),
    ],
)
def test_clean_alternates(text: str, expected: tuple[str, ...]) -> None:
    """One phrasing per line, blank lines and repeats dropped, order kept."""
    assert clean_alternates(text, "Who is he?") == expected


def test_clean_alternates_names_the_bad_line() -> None:
    """A bad alternate is refused with its line number."""
    with pytest.raises(CurationError, match="alternate on line 2 is 301 characters"):
        clean_alternates("fine\n" + "x" * 301, "q")


def test_clean_evidence_trims_and_refuses_control_characters() -> None:
    """Evidence is trimmed; control characters are refused; none is the empty string."""
    assert clean_evidence("  a quote  ") == "a quote"
    assert clean_evidence("") == ""
    with pytest.raises(CurationError, match="control characters"):
        clean_evidence("a\x00b")
