"""Who said each quote, one short made-up article per attribution pattern of real journalism."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.extraction import Extraction, extract
from bot.text.seed import Seed


def _extract(tmp_path: Path, body: str) -> Extraction:
    path = tmp_path / "inline.txt"
    path.write_text("A headline for the test\n\n" + body + "\n", encoding="utf-8")
    return extract(Seed.load(path))


def _speakers(tmp_path: Path, body: str) -> list[str | None]:
    return [q.details["speaker"] for q in _extract(tmp_path, body).of("quote")]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        pytest.param(
            "State Sen. Mark Doherty spoke after the vote. Doherty said Christie “would never "
            "sign it.”",
            ["Mark Doherty"],
            id="subject-before-said-with-a-second-name",
        ),
        pytest.param(
            "Paul Ruiz, a state senator, has opposed the bill for months.\n\n"
            "Gov. Ann Lowe said she would veto it anyway. Asked about the veto, he said "
            "“not much.”",
            ["Paul Ruiz"],
            id="pronoun-by-gender-not-nearest-name",
        ),
        pytest.param(
            "Mayor Ellen Marsh and council member Tom Reid disagreed on Tuesday. Reid said it "
            "would ruin the waterfront. “It is a disaster,” he said. “We cannot wait,” she said.",
            ["Tom Reid", "Ellen Marsh"],
            id="what-he-settles-she-knows",
        ),
        pytest.param(
            "Steve Sweeny said he would hold hearings. Asked whether he expected Chris Kristie "
            "to testify, he said “not much.”",
            ["Steve Sweeny"],
            id="pronoun-skips-an-object-of-its-own-sentence",
        ),
        pytest.param(
            "State Sen. Michael Doherty, a frequent Kristie critic, said the governor had "
            "“never once” called.",
            ["Michael Doherty"],
            id="a-name-inside-an-appositive-is-no-subject",
        ),
        pytest.param(
            "Carl Jensen toured the site on Tuesday.\n\n“This is a historic day,” he told "
            "reporters, according to a statement.",
            ["Carl Jensen"],
            id="pronoun-from-the-previous-sentence",
        ),
        pytest.param(
            "“The count was rigged,” according to Ann Lee, a poll watcher.",
            ["Ann Lee"],
            id="according-to-after",
        ),
        pytest.param(
            "Carla Mendes was blunt about the plan.\n\n“It is a disaster for the town.”",
            ["Carla Mendes"],
            id="no-speech-verb-previous-subject",
        ),
        pytest.param(
            "“We will build it,” said Omar Haddad, the project manager. The plan calls for two "
            "new pumps. “They will be ready by June.”",
            ["Omar Haddad", "Omar Haddad"],
            id="resumes-after-an-unquoted-sentence",
        ),
        pytest.param(
            "Carla Mendes was blunt: “It is a disaster for the town.”",
            ["Carla Mendes"],
            id="no-speech-verb-colon",
        ),
        pytest.param(
            "Omar Haddad said the work would start soon.\n\n“We are ready.”",
            ["Omar Haddad"],
            id="quote-paragraph-after-paraphrase",
        ),
        pytest.param(
            "‘We are not done yet,’ said Lena Fischer, the coach.",
            ["Lena Fischer"],
            id="single-quoted",
        ),
        pytest.param(
            "“I thought, ‘This cannot last,’ ” Lena Fischer said.",
            ["Lena Fischer", "Lena Fischer"],
            id="nested-single-quote",
        ),
        pytest.param(
            "“We tried,” Ruth Oyelaran said, “but nobody listened.”",
            ["Ruth Oyelaran", "Ruth Oyelaran"],
            id="split-by-attribution-same-sentence",
        ),
        pytest.param(
            "“We tried,” said Ruth Oyelaran, a nurse. “Nobody listened.”",
            ["Ruth Oyelaran", "Ruth Oyelaran"],
            id="split-by-attribution-two-sentences",
        ),
        pytest.param(
            "The Arab League called it an “extremely adverse development”.",
            ["Arab League"],
            id="organisation-called-it",
        ),
        pytest.param(
            "Norway’s foreign ministry said it viewed the move as “a grave mistake” for Oslo.",
            ["Norway’s foreign ministry"],
            id="organisation-with-possessive",
        ),
        pytest.param(
            "A spokesperson for the Harbour Authority reiterated its view that the work was "
            "“on schedule and on budget”.",
            ["Harbour Authority"],
            id="spokesperson-for-an-organisation",
        ),
        pytest.param(
            "Acme Dredging said in a statement that it was “confident of the timetable”.",
            ["Acme Dredging"],
            id="company-as-speaker",
        ),
        pytest.param(
            "Two neighbours objected, with council member Rita Gomez warning of “serious "
            "flooding”.",
            ["Rita Gomez"],
            id="with-x-warning",
        ),
        pytest.param(
            "Mayor Ellen Marsh defended the plan, saying it was “the only option”.",
            ["Ellen Marsh"],
            id="comma-saying",
        ),
        pytest.param(
            "Ines Moreau said that after a review the ministry had concluded the plan was "
            "“lawful in every respect”, saying she trusted the courts.",
            ["Ines Moreau"],
            id="outer-speech-verb-owns-the-inner-one",
        ),
        pytest.param(
            "Prime Minister Dara Quinn, however, said she was “very moved” by the news.",
            ["Dara Quinn"],
            id="parenthetical-between-subject-and-verb",
        ),
        pytest.param(
            "Jeff Olsen, president of Lark & Finch, a Tacoma design agency, said the ads were "
            "“meant to shock”.",
            ["Jeff Olsen"],
            id="long-appositive-between-subject-and-verb",
        ),
        pytest.param(
            "The city’s mayor, Ellen Marsh, hailed the “historic” vote. The measure passed 7-2.",
            ["Ellen Marsh"],
            id="characterising-verb-with-a-scare-quote",
        ),
        pytest.param(
            "Prime Minister Dara Quinn visited the port. Later the premier praised the "
            "“remarkable” crews.",
            ["Dara Quinn"],
            id="description-resolves-to-the-titled-person",
        ),
        pytest.param(
            "“We lost our shape,” coach Bruce Hale said of the second period.",
            ["Bruce Hale"],
            id="lowercase-role-before-the-name",
        ),
        pytest.param(
            "Ann Lee, 51, ran the shop for years. “It was hard work,” the 51-year-old said.",
            ["Ann Lee"],
            id="age-description",
        ),
        pytest.param(
            "Harbor Genomics, a Boston biotech company, raised $120 million. “This gets us to "
            "the clinic,” the company said.",
            ["Harbor Genomics"],
            id="the-company-names-the-company",
        ),
        pytest.param(
            "Gov. Phil Moran vetoed the bill. “It was the right call,” the governor said.",
            ["Phil Moran"],
            id="the-governor-is-the-gov",
        ),
        pytest.param(
            "“We will respond,” said Moran’s spokesman Mahen Gunaratna.",
            ["Mahen Gunaratna"],
            id="said-a-possessor-and-his-spokesman",
        ),
        pytest.param(
            "Gov. Phil Moran was away. Moran’s spokesman said the veto was “final”.",
            ["Moran’s spokesman"],
            id="a-spokesman-is-not-his-boss",
        ),
        pytest.param(
            "WASHINGTON (AP) — The Federal Reserve held rates steady, saying inflation was "
            "“somewhat elevated.”",
            ["Federal Reserve"],
            id="organisation-then-saying-after-a-dateline",
        ),
        pytest.param(
            "Mark Feld, a former economist who now teaches, called it “too cautious.” He said "
            "the “data” would decide.",
            ["Mark Feld", "Mark Feld"],
            id="a-period-in-the-quote-ends-the-sentence",
        ),
        pytest.param(
            "Ruth Adler, an analyst at Pine Capital, liked it. “It is overpriced,” one analyst "
            "said.",
            ["one analyst"],
            id="an-indefinite-description-names-no-one",
        ),
        pytest.param(
            "Critics call it a “vanity project”.",
            [None],
            id="generic-critics-are-nobody",
        ),
    ],
)
def test_speakers(tmp_path: Path, body: str, speakers: list[str | None]) -> None:
    """Each quote of the passage gets the speaker a reader would name."""
    assert _speakers(tmp_path, body) == speakers


def test_quote_over_two_paragraphs(tmp_path: Path) -> None:
    """A quote left open at a paragraph's end continues in the next; the speaker is named once."""
    body = (
        "“We will rebuild the pier,” said Nadia Osei, the harbour master.\n\n"
        "“It will take two summers, maybe three.\n\n"
        "“But it will be done.”"
    )
    quotes = _extract(tmp_path, body).of("quote")
    assert [q.details["speaker"] for q in quotes] == ["Nadia Osei", "Nadia Osei"]
    assert [p.quote for p in quotes[1].evidence] == [
        "It will take two summers, maybe three.",
        "But it will be done.",
    ]


def test_nested_quote_is_its_own_candidate(tmp_path: Path) -> None:
    """A quote inside a quote is listed with its own text and the enclosing quote's speaker."""
    body = "“My first thought was, ‘Oh no, not again,’ ” said Mia Holt, the owner."
    quotes = _extract(tmp_path, body).of("quote")
    assert [q.evidence[0].quote for q in quotes] == [
        "My first thought was, ‘Oh no, not again,’",
        "Oh no, not again",
    ]
    assert quotes[1].details["inside"] == quotes[0].id
