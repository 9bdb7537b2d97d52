from pathlib import Path

import pytest

from bot.text.normalize import fold
from bot.text.seed import Seed, SeedError, load_seeds
from tests.conftest import SEED_NAME, SEEDS


@pytest.fixture(scope="module")
def seed() -> Seed:
    return Seed.load(SEEDS / SEED_NAME)


@pytest.mark.parametrize(
    "passage",
    [
        "An atmosphere of mutual trust takes years to achieve.",
        "Trump's support in Russia is mirrored",  # straight apostrophe for a typographic one
        "Obama’s   brief\n“reset” in 2009",  # whitespace differs
        "an official Kremlin statement said.",  # the [8] footnote marker is forgiven
        '"Wouldn’t it be a great thing if we could actually get along with Russia?"',
    ],
)
def test_locate_forgives_whitespace_quotes_and_footnotes(seed: Seed, passage: str) -> None:
    """A passage differing only in whitespace, quote style or footnotes is found."""
    span = seed.locate(passage)
    assert span is not None
    start, end = span
    assert fold(seed.raw[start:end].replace("[8]", "")) == fold(passage)


@pytest.mark.parametrize(
    "passage",
    [
        "An atmosphere of mutual trust takes months to achieve.",
        "Time limit is exhausted. Please reload the CAPTCHA.",
        "Peskov said Putin is the president",
        "",
    ],
)
def test_locate_refuses_what_the_article_does_not_say(seed: Seed, passage: str) -> None:
    """Altered words, scraping debris and empty text are not found."""
    assert seed.locate(passage) is None


def test_offsets_index_the_raw_text(seed: Seed) -> None:
    """`raw[start:end]` is the passage as the file gives it."""
    start, end = seed.locate("Trump's support in Russia")  # type: ignore[misc]
    assert seed.raw[start:end] == "Trump’s support in Russia"


def test_title_and_section_headings(seed: Seed) -> None:
    """The title and the five headings are recovered; debris is not a section."""
    assert seed.title == "Trump: Russia’s Chance for Friendship?"
    assert [s.heading for s in seed.sections] == [
        "Why are Russians so optimistic about Trump?",
        "Misplaced optimism?",
        "If it was only so simple…",
        "What are the latest signs?",
        "Next Steps",
    ]
    assert seed.section_at(seed.raw.index("Augean")) == "Misplaced optimism?"


def test_missing_seed_is_a_clear_error(tmp_path: Path) -> None:
    """A missing seed or folder names the path."""
    with pytest.raises(SeedError, match="seed not found"):
        Seed.load(tmp_path / "nope.txt")
    with pytest.raises(SeedError, match="seeds folder not found"):
        load_seeds(tmp_path / "absent")
