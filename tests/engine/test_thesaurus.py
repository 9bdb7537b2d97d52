"""The WordNet thesaurus: which words it relates, and the paraphrases it lets the engine answer."""

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.ranking import Weights
from bot.engine.result import Verdict
from bot.engine.thesaurus import Thesaurus, load
from bot.engine.thesaurus.table import DEFAULT_FOLDER, write_table
from bot.models import Entry, Evidence


@pytest.fixture(scope="module")
def shipped() -> Thesaurus:
    found = load()
    assert found is not None, "the table ships with the package"
    return found


@pytest.mark.parametrize(
    ("word", "stem", "related"),
    [
        ("slogan", "motto", True),  # synonyms
        ("netminders", "goali", True),  # an inflected word, found as WordNet's morphy finds it
        ("went", "travel", True),  # an irregular form
        ("decide", "decis", True),  # a derived form
        ("champagne", "wine", False),  # one step up answered near misses: not counted
        ("weather", "thaw", False),  # nor one step down (the article's thaw is in relations)
        ("meet", "touch", False),  # a rare sense of both words
        ("gone", "travel", False),  # WordNet's own "gone" (departed), not a form of "go"
        ("qwertyuiop", "keyboard", False),  # not a word WordNet has
    ],
)
def test_shipped_table_relates_frequent_senses(
    shipped: Thesaurus, word: str, stem: str, related: bool
) -> None:
    """Frequent senses of both words are related; rare senses and broader words are not."""
    assert (stem in shipped.neighbours(word)) is related


def test_licence_ships_beside_the_table() -> None:
    """WordNet's licence asks for its notice on every copy: it sits beside the table."""
    notice = (DEFAULT_FOLDER / "LICENSE-WordNet-3.0.txt").read_text(encoding="utf-8")
    assert "Copyright 2006 by Princeton University" in notice


def test_written_table_reads_back(tmp_path: Path) -> None:
    """A table written by the builder's writer reads back, forms and irregular forms included."""
    table = {
        "n:party": {"celebr": 0.6, "compani": 0.8},
        "v:go": {"travel": 1.0},
        "V:went": {"travel": 1.0},
        "a:gone": {"depart": 1.0},
        "V:gone": {"travel": 1.0},
    }
    write_table(tmp_path / "thesaurus.npz", table, [("n", "ies", "y"), ("v", "es", "")])
    read = load(tmp_path)
    assert read is not None
    assert read.neighbours("parties") == {"celebr": pytest.approx(0.6, abs=0.01), "compani": 0.8}
    assert read.neighbours("went") == {"travel": 1.0}
    assert read.neighbours("gone") == {"depart": 1.0}
    assert read.neighbours("goes") == {"travel": 1.0}
    assert read.neighbours("unknown") == {}
    assert load(tmp_path / "nothing") is None


def entry(entry_id: str, question: str, alternate: str, answer: str) -> Entry:
    evidence = (Evidence("seed.txt", answer, 0, len(answer)),)
    return Entry(entry_id, "a", "fact", question, (alternate,), answer, evidence)


ENTRIES = [
    entry(
        "motto",
        "What is the campaign's motto?",
        "meth campaign motto",
        "The campaign's motto is 'Meth. We're on it.'",
    ),
    entry(
        "regime",
        "Does Trump want to topple the Syrian regime?",
        "trump assad regime",
        "Trump said toppling the Syrian regime is not his priority.",
    ),
    entry(
        "losses",
        "How many games have the Sabres lost?",
        "sabres losses",
        "The Sabres lost eight of nine games.",
    ),
]


@pytest.fixture(scope="module", params=[1.0, 0.0], ids=["thesaurus", "without"])
def engine(request: pytest.FixtureRequest) -> Engine:
    return Engine(ENTRIES, {}, weights=Weights(thesaurus=request.param))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what's the meth campaign catchword", "motto"),
        ("does trump want to overthrow the syrian government", "regime"),
    ],
)
def test_synonyms_the_entry_never_writes_count_as_explained(
    engine: Engine, question: str, expected: str
) -> None:
    """A question worded with WordNet synonyms of the entry's words is answered by it; without
    the thesaurus those words are left unexplained and the engine only suggests it."""
    result = engine.answer(question)
    assert result.candidates[0].entry_id == expected
    assert (result.verdict is Verdict.CONFIDENT) is (engine.weights.thesaurus > 0)


def test_near_miss_stays_declined(engine: Engine) -> None:
    """A question about what the entry does not say is not answered through a thesaurus link."""
    result = engine.answer("how many games have the sabres won at home")
    assert result.verdict is not Verdict.CONFIDENT
