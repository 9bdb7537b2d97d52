"""Scraping debris: page-chrome lines, captions, contact lines and repeated paragraphs."""

from __future__ import annotations

import pytest

from bot.text.debris import debris_spans

BODY = "The council voted on Tuesday to build a new flood barrier along the river."


def _debris(raw: str) -> list[str]:
    return [raw[start:end].strip() for start, end in debris_spans(raw)]


@pytest.mark.parametrize(
    "line",
    [
        "Loading Photo Gallery",
        "View the photo gallery",
        "Advertisement",
        "Story continues below advertisement",
        "Read more: Council votes on the budget",
        "RELATED: Five things to know about the barrier",
        "Share this article",
        "Facebook Twitter Email",
        "Contact Ann Lee at alee@example.com or 555-0100.",
        "Follow her on Twitter @annlee",
        "Sign up for our daily newsletter to get the news delivered to your inbox.",
        "Mayor Ellen Marsh speaks at City Hall on Monday. (AP Photo/Jane Roe)",
        "Photo: Jane Roe / Getty Images",
        "The barrier under construction in May. JANE ROE / AP",
        "Copyright 2019 The Courier. All rights reserved.",
        "This article has been adapted from its original source.",
        "Time limit is exhausted. Please reload the CAPTCHA.",
        "By Jane Roe",
        "By Jane Roe and Tom Lee, Staff Writers",
        "Special to the Courier",
        "Updated: Nov. 19, 2019, 5:09 p.m.",
        "Nov. 19, 2019",
    ],
)
def test_chrome_lines_are_debris(line: str) -> None:
    """Each page-chrome line is skipped whole."""
    raw = f"A title\n\n{BODY}\n\n{line}\n\nThe work starts in March."
    assert _debris(raw) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The city will sign up 200 volunteers to fill sandbags.",
        "Follow the money, she said, and you will find the answer.",
        "The exhibit includes photos by Ansel Adams and Dorothea Lange.",
        "Read the report, she told the council, before you vote.",
        "The copyright lawsuit was filed in 2019.",
        "Share prices fell 3 percent.",
        "By Tuesday the river had risen two metres.",
        "Published reports said the dam would hold.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    """Sentences of the article that merely share a word with page chrome are kept."""
    assert _debris(f"A title\n\n{BODY}\n\n{line}\n") == []


def test_repeated_caption_and_pull_quote() -> None:
    """A caption printed twice and a pull quote lifted from the body are debris; the body stays."""
    caption = "Workers lay the first stones of the barrier near the old mill."
    quote = (
        "“We cannot wait for the next flood,” said Mayor Ellen Marsh. “The river will not wait.”"
    )
    pull = "“We cannot wait for the next flood”"
    raw = f"A title\n\n{caption}\n\n{BODY}\n\n{pull}\n\n{quote}\n\n{caption}\n"
    assert _debris(raw) == [pull, caption]


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("TRENTON, N.J. (AP) — The Senate passed it.", "TRENTON, N.J. (AP) —"),
        ("ST. PAUL, Minn. — Lind scored twice.", "ST. PAUL, Minn. —"),
        ("WASHINGTON — The Fed held rates.", "WASHINGTON —"),
        ("The Fed held rates — for now.", None),
        ("NATO — the alliance — met.", None),
    ],
)
def test_datelines(opening: str, dateline: str | None) -> None:
    """A dateline opening the first paragraph is skipped; the sentence after it is kept."""
    found = _debris(f"A title\n\n{opening}\n")
    assert found == ([dateline] if dateline else [])
