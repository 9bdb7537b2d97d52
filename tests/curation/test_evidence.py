"""Evidence: a moderator's quote found verbatim, or the sentence that best supports an answer."""

from __future__ import annotations

import pytest

from bot.curation.errors import CurationError
from bot.curation.evidence import Source, closest_sentences, locate
from bot.knowledge.check import CheckedArticle
from bot.models import Article
from bot.text.seed import Seed
from tests.conftest import SEED_NAME, SEEDS

SEED = Seed.load(SEEDS / SEED_NAME)
ARTICLE = Source(Article("trump-russia", SEED_NAME, "T", "S", ()), SEED)
OTHER = Source(
    Article("weather", "w.txt", "Weather", "S", ()),
    Seed("w.txt", "Weather\n\nIt rained all day in Moscow. The sun came out at five.\n"),
)


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        (
            "An atmosphere of mutual trust takes years to achieve.",
            "An atmosphere of mutual trust takes years to achieve.",
        ),
        (  # straight quotes and doubled spaces for curly quotes and single ones
            '"An atmosphere of  mutual trust takes years to achieve.',
            "“An atmosphere of mutual trust takes years to achieve.",
        ),
        (  # the seed's footnote marker "[8]" is forgiven
            "an official Kremlin statement said.",
            "an official Kremlin statement [8]said.",
        ),
        ("Trump's support in Russia", "Trump’s support in Russia"),
    ],
)
def test_locate_forgives_spacing_quotes_and_footnotes(passage: str, expected: str) -> None:
    """Passages are found whatever their whitespace and quote style; the quote is the seed's."""
    source, (evidence,) = locate([passage], [OTHER, ARTICLE])
    assert source is ARTICLE
    assert evidence.quote == expected
    assert SEED.raw[evidence.start : evidence.end] == evidence.quote


@pytest.mark.parametrize(
    ("passages", "says"),
    [
        (["Putin loves vodka."], "not in the article word for word: “Putin loves vodka.”"),
        (["An atmosphere of mutual trust takes years"], None),
        (["An atmosphere of mutual trust", "Putin loves vodka."], "“Putin loves vodka.”"),
        (["An atmosphere of mutual trust", "It rained all day"], "the same article"),
        (["AN ATMOSPHERE OF MUTUAL TRUST"], "word for word"),  # case is not forgiven
        ([], "at least one evidence passage"),
    ],
)
def test_locate_refuses_what_is_not_there(passages: list[str], says: str | None) -> None:
    """Every passage must be in one article, word for word; the refusal names the passage."""
    if says is None:
        locate(passages, [ARTICLE])
        return
    with pytest.raises(CurationError) as refused:
        locate(passages, [ARTICLE, OTHER])
    assert says in refused.value.message


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (
            "Which day of the week did Putin and Trump talk?",
            "On a Monday: they spoke by phone after the election.",
            "A phone call between Donald Trump and Vladimir Putin on Monday",
        ),
        (
            "How many bottles of champagne?",
            "Zhirinovsky ordered a banquet with 130 bottles of champagne.",
            "Russian MP Vladimir Zhirinovsky ordered a banquet",
        ),
        (
            "Who might become Secretary of State?",
            "Hardliners like Rudy Giuliani or John Bolton were named.",
            "The Secretary of State position is yet to be filled",
        ),
        ("Did it rain in Moscow?", "Yes, it rained all day in Moscow.", "It rained all day"),
    ],
)
def test_closest_sentence_supports_the_answer(question: str, answer: str, expected: str) -> None:
    """The first sentence offered is the article's own text and holds what the answer says."""
    source, evidence = closest_sentences(question, answer, [ARTICLE, OTHER])[0]
    assert evidence.quote.startswith(expected)
    assert source.seed.raw[evidence.start : evidence.end] == evidence.quote
    assert evidence.seed == source.seed.name


def test_closest_sentences_hold_the_curators_choice(checked: list[CheckedArticle]) -> None:
    """For most curated entries a sentence offered overlaps the curated evidence."""
    entries = checked[0].entries
    hits = 0
    for entry in entries:
        offered = closest_sentences(entry.question, entry.answer, [ARTICLE])
        hits += any(c.start < e.end and e.start < c.end for _, c in offered for e in entry.evidence)
    assert hits / len(entries) >= 0.9


def test_closest_sentences_record_the_section() -> None:
    """The evidence carries the heading it sits under, like curated evidence."""
    _, evidence = closest_sentences("Who said trust takes years?", "Peskov did.", [ARTICLE])[0]
    assert evidence.section == SEED.section_at(evidence.start) != ""


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Who is Flynn really?", "Flynn is a secret agent."),
        ("What is the capital of Peru?", "Lima."),
    ],
)
def test_only_related_sentences_are_offered(question: str, answer: str) -> None:
    """A made-up answer gets at most a few sentences that share a word, never a forced one."""
    offered = closest_sentences(question, answer, [ARTICLE], limit=5)
    assert len(offered) <= 5
    for _, evidence in offered:
        words = {w.strip(".,?“”’").lower() for w in evidence.quote.split()}
        assert words & {"flynn", "secret", "agent", "capital", "peru", "lima", "really"}
