"""What a draft holds and how it is found: each fact once (a person's role, a quotation, the
reporting after a quote's attribution), and questions worded the ways readers word them
(synonyms, initials, first names, chat filler) answered from the draft alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.draft import run_draft_build
from bot.knowledge.check import check_knowledge
from tests.cli.test_cli import run

# An article of our own, in the ways news is written: titles before names, an appositive, a quote
# whose sentence goes on reporting after its attribution, a slogan with a full stop inside it, a
# sentence saying what something is for.
ARTICLE = """\
Governor signs water bill as critics warn of costs

SALEM — Governor Dana Whitfield signed the Clean Rivers Act on Monday, a $2.4 million plan to \
replace aging pipes in 40 rural towns.

“This is the most important thing we will do for our kids this year,” Whitfield said at the \
signing ceremony. “Clean water should not depend on your zip code.”

State Sen. Marcus Oyelaran, a Republican from Bend, criticised the measure. “It’s a good idea \
with a bad price tag,” Oyelaran said before the vote in the Senate chamber, which passed the \
bill 18-12.

The Oregon Department of Environmental Quality will run the program. Its spokeswoman, Lena \
Park, said the agency expects the first repairs to begin in June.

The state’s new slogan, “Clean taps. Clear future.” has been posted on billboards across Oregon \
since March.

The new pipes are an attempt to end the boil-water notices that rural towns have lived with \
for years.

Farmers in the valley worry the new rules will raise their bills. “We cannot afford another \
fee,” said Tom Briggs, owner of Briggs Family Orchards.

Whitfield later met the mayors of the towns. On Tuesday morning, she toured a pumping station \
near Madras.
"""

# question -> what the answer says
ASKED = {
    "who is marcus oyelaran": "Republican from Bend",
    "what was the senate vote on the bill": "18-12",
    "what did oyelaran say about the price tag": "bad price tag",
    "which senator slammed the measure": "criticised the measure",
    "how much does the plan cost": "$2.4 million",
    "what is the state's new slogan": "Clean taps. Clear future.",
    "what does the deq do": "will run the program",
    "according to the article, what did dana say about clean water": "zip code",
    "who is tom briggs": "owner of Briggs Family Orchards",
    "why the new pipes": "attempt to end the boil-water notices",
    "what was the reason for the new pipes": "attempt to end the boil-water notices",
    "in a sentence, what's this piece about": "signed the Clean Rivers Act",
    "howd the senate vote go": "passed the bill 18-12",
    # "she" after a scene set before it is the governor
    "whitfield pumping station": "toured a pumping station",
    # a few words that only one sentence holds, though no generated phrasing reads so
    "oregon billboards": "posted on billboards",
    "park repairs": "first repairs",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "seeds").mkdir()
    (root / "seeds" / "water-bill.txt").write_text(ARTICLE, encoding="utf-8")
    run_draft_build(root / "seeds", root / "knowledge")
    return root


@pytest.fixture(scope="module")
def draft(site: Path) -> dict:
    return yaml.safe_load((site / "knowledge" / "water-bill.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers(site: Path) -> dict[str, dict]:
    env = {
        "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
    }
    result = run(site, "ask", "--json", "--no-log", "--batch", "-", stdin="\n".join(ASKED), **env)
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return dict(zip(ASKED, replies, strict=True))


def _entry(draft: dict, entry_id: str) -> dict:
    return next(e for e in draft["entries"] if e["id"] == entry_id)


def test_the_draft_passes_check(site: Path) -> None:
    """The draft with its lexicon aliases, initials and split passages is a valid file."""
    assert check_knowledge(site / "knowledge", site / "seeds")[1] == []


@pytest.mark.parametrize("question", sorted(ASKED))
def test_questions_worded_as_readers_word_them_are_answered(
    answers: dict[str, dict], question: str
) -> None:
    """Synonyms ("slammed"), initials ("deq"), first names ("dana"), chat filler ("according to
    the article") and descriptions reach the entry that states the fact."""
    reply = answers[question]
    assert reply["answered"], reply
    assert ASKED[question] in reply["answer"]


def test_a_persons_evidence_is_the_words_that_say_who_they_are(draft: dict) -> None:
    """Their role and name, not the rest of the sentence, which is another entry's fact."""
    person = _entry(draft, "person-oyelaran")
    assert person["evidence"] == ["State Sen. Marcus Oyelaran, a Republican from Bend"]
    assert "criticised" not in person["answer"]
    assert not any("say" in p for p in [person["question"], *person["alternates"]])


def test_reporting_after_a_quotes_attribution_is_a_fact_of_its_own(draft: dict) -> None:
    """The quotation's evidence stops at its speech verb; the vote is another entry's."""
    quote = next(e for e in draft["entries"] if "bad price tag" in e["answer"])
    assert quote["kind"] == "quote"
    assert quote["evidence"] == ["“It’s a good idea with a bad price tag,” Oyelaran said"]
    vote = next(e for e in draft["entries"] if e is not quote and "18-12" in e["answer"])
    assert vote["evidence"] == [
        "Oyelaran said before the vote in the Senate chamber, which passed the bill 18-12."
    ]


def test_a_quotation_split_by_its_attribution_is_one_entry(draft: dict) -> None:
    """Both halves of the governor's quotation stand in one entry, said by her."""
    [quote] = [e for e in draft["entries"] if "zip code" in e["answer"]]
    assert "Dana Whitfield" in quote["answer"] and "most important thing" in quote["answer"]
    assert len(quote["evidence"]) == 2


def test_the_articles_words_stand_for_their_synonyms_in_its_aliases(draft: dict) -> None:
    """Readers' words become the article's ("criticised"), its names of several words get their
    initials, a first name only one person has is theirs."""
    aliases = draft["aliases"]
    assert "slammed" in aliases["criticised"]
    assert "deq" in aliases["department of environmental quality"]
    assert "dana" in aliases["whitfield"]


def test_a_sentence_of_reporting_says_who_its_people_are(draft: dict) -> None:
    """Its answer names the person "she" stands for, with the role readers ask by ("the
    governor"); a sentence giving the role itself is left as it is."""
    toured = next(e for e in draft["entries"] if "pumping station" in e["answer"])
    assert toured["answer"].endswith("(Dana Whitfield: Governor)")
    assert toured["evidence"] == ["On Tuesday morning, she toured a pumping station near Madras."]
    briggs = next(e for e in draft["entries"] if e["answer"].startswith("said Tom Briggs"))
    assert briggs["answer"] == "said Tom Briggs, owner of Briggs Family Orchards."


def test_a_word_sharing_only_a_stem_with_a_synonym_is_not_one(draft: dict) -> None:
    """The lexicon reads the article's words as written: "standings" is no "stand-in" (both
    stem to "stand"), so a question about the standings is not read as one about a backup."""
    from bot.draft.aliasing import lexicon_aliases

    aliases = lexicon_aliases("Stalock subbed for Dubnyk. The Wild looked at the standings.")
    assert "backup" in aliases["subbed"]
    assert "standings" not in aliases["subbed"]


def test_washington_standing_for_the_us_is_read_as_the_us() -> None:
    """An article writing "Washington's move" for the US government reads "what did washington
    do" as what the US did; one naming the state ("Washington State Department of Health")
    keeps Washington as the state."""
    from bot.draft.aliasing import us_aliases

    federal = "The US changed course. Washington's move angered Paris."
    assert "washington" in us_aliases(federal)["us"]
    state = "The US campaign ran in Washington State. Washington Healthcare paid for it."
    assert us_aliases(state) == {}
    assert us_aliases("Washington's move angered Paris.") == {}  # the US is never named


def test_a_facts_title_names_its_sentence_by_its_own_opening(draft: dict) -> None:
    """Picked from a list of suggestions, a fact's title reads as its sentence, never a riddle."""
    facts = [e for e in draft["entries"] if e["kind"] in ("background", "number")]
    titled = [e for e in facts if e["question"].startswith("What does the article say about “")]
    assert len(titled) >= 8
    for entry in titled:
        opening = entry["question"].split("“", 1)[1].split("”")[0].removesuffix("…")
        assert entry["evidence"][0].startswith(opening)
    pipes = next(e for e in titled if "boil-water" in e["answer"])
    assert pipes["question"] == (
        "What does the article say about “The new pipes are an attempt to end…”?"
    )
