"""The quote of the day: a fixed rotation through the article's quotations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from bot.digest.content import build_digest, quotation, quote_of_the_day
from bot.knowledge.check import CheckedArticle
from bot.store.records import Activity
from tests.digest.builders import DAY, article, fact, quote

YEAR = [DAY + timedelta(days=n) for n in range(366)]


def test_rotates_through_every_quotation_in_turn() -> None:
    """Over as many days as there are quotations, each one is quoted exactly once."""
    quotes = [quote(f"q{n}") for n in range(7)]
    for start in (DAY, date(2027, 2, 28), date(2028, 2, 29)):
        days = [start + timedelta(days=n) for n in range(len(quotes))]
        chosen = [quote_of_the_day(quotes, d) for d in days]
        assert sorted(e.id for e in chosen if e) == sorted(q.id for q in quotes)


def test_never_the_same_two_days_running() -> None:
    """With two or more quotations, consecutive days (also across years) differ."""
    for count in (2, 3, 11):
        quotes = [quote(f"q{n}") for n in range(count)]
        chosen = [quote_of_the_day(quotes, d) for d in YEAR]
        assert all(a != b for a, b in pairwise(chosen))


def test_deterministic_whatever_the_order_given() -> None:
    """The same day gives the same quotation, however the entries are ordered."""
    quotes = [quote(f"q{n}") for n in range(5)]
    for day in YEAR[:30]:
        assert quote_of_the_day(quotes, day) == quote_of_the_day(quotes[::-1], day)


def test_only_quotes_with_evidence_count() -> None:
    """Facts and quote entries without a passage are never the quote of the day."""
    bare = replace(quote("bare"), evidence=())
    assert quote_of_the_day([fact("f1"), bare], DAY) is None
    assert quote_of_the_day([], DAY) is None
    assert quote_of_the_day([fact("f1"), quote("q1"), bare], DAY) == quote("q1")


def test_digest_quotes_its_own_article_only() -> None:
    """With several articles, each digest rotates through its own quotations."""
    entries = [quote("a1", "a"), quote("a2", "a"), quote("b1", "b")]
    for day in YEAR[:10]:
        made = build_digest(article("b"), entries, day, Activity(0, 0), 3)
        assert made.quote == quote("b1", "b")
        assert (made.day, made.waiting_for_review) == (day, 3)


def test_quotation_is_the_passage_with_quotation_marks() -> None:
    """A quote's context passage is skipped for the one holding the quotation."""
    entry = quote("q", passages=("The Kremlin spoke.", "“Trust takes years,” said Peskov."))
    assert quotation(entry).quote == "“Trust takes years,” said Peskov."
    plain = quote("p", passages=("no marks here",))
    assert quotation(plain).quote == "no marks here"


def test_real_article_rotates_through_its_quotes(checked: list[CheckedArticle]) -> None:
    """On the curated article, a fortnight of digests shows distinct quotes in a cycle."""
    [real] = checked
    entries = list(real.entries)
    quotes = [e for e in entries if e.kind == "quote" and e.evidence]
    assert len(quotes) >= 2
    chosen = [quote_of_the_day(entries, d) for d in YEAR[: len(quotes)]]
    assert len({e.id for e in chosen if e}) == len(quotes)
    assert all(any(m in quotation(e).quote for m in '“"') for e in chosen if e)
