"""The digest as embeds and as terminal text: user text made inert, Discord's limits kept."""

from __future__ import annotations

import re

import pytest

from bot.app.render import neutral
from bot.digest.text import digest_text
from bot.exts.digest.embed import digest_embed, digest_embeds
from tests.digest.builders import article, digest, quote
from tests.digest.limits import assert_within_limits, embed_chars

HOSTILE = [
    "@everyone **hi** <@123>",
    "@here <@&123456789012345678> <#123456789012345678> <@!123456789012345678>",
    "</ask:1234567890> <t:1700000000:R> <:emoji:123>",
    "[click me](https://evil.example) ||spoiler|| ~~gone~~ `code` __under__ *it*",
    "# Heading\n> quoted\n- item",
]
PINGS = re.compile(r"@(everyone|here)|<[@#/:t]|<a:")


def yesterday_field(questions: list[str]) -> str:
    embed = digest_embed(digest(top=[(q, 1) for q in questions], answered=1)).to_dict()
    return next(f["value"] for f in embed["fields"] if f["name"] == "Yesterday")


@pytest.mark.parametrize("question", HOSTILE)
def test_top_questions_cannot_ping_or_format(question: str) -> None:
    """Mentions, channel/command/time syntax and markdown in a question come out inert."""
    value = yesterday_field([question])
    line = value.splitlines()[1]
    assert line.startswith("1. ") and line.endswith(" (×1)")
    assert not PINGS.search(value)
    unescaped = re.sub(r"\\.", "", line)  # markdown characters left without a backslash
    assert not re.search(r"[*_~|`]", unescaped)
    assert not re.search(r"(?<!\\)\[click me\]\(", value)  # a masked link only if unescaped
    assert "\n#" not in value and "\n>" not in value


def test_the_example_reads_naturally() -> None:
    """The text is still readable: only zero-width spaces and backslashes are added."""
    assert neutral("@everyone **hi** <@123>", 150) == "@\u200beveryone \\*\\*hi\\*\\* <\u200b@123>"


def test_long_questions_are_clipped_on_one_line() -> None:
    """A 4000-character question with newlines becomes one clipped line."""
    value = yesterday_field(["why " * 1000 + "\n\nsecond line"])
    line = value.splitlines()[1]
    assert len(value.splitlines()) == 2
    assert line.endswith("… (×1)") and len(line) <= 160


def test_ordinary_digest_layout() -> None:
    """Title, key points, quote of the day, yesterday, moderators' count and the day."""
    made = digest(
        source=article(key_points=("First.", "Second.")),
        top=[("who is flynn", 2), ("what is isis", 1)],
        answered=2,
        quoted=quote("q1"),
        waiting=4,
    )
    embed = digest_embed(made).to_dict()
    assert embed["title"] == "Daily brief: An Article"
    assert embed["description"] == "• First.\n• Second."
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Quote of the day"] == "> “Words,” he said.\nHe did."
    assert fields["Yesterday"] == (
        "3 questions asked, 67% answered.\n1. who is flynn (×2)\n2. what is isis (×1)"
    )
    assert fields["For moderators"].startswith("4 questions waiting for review")
    assert embed["footer"]["text"].startswith("2026-11-24")


def test_quiet_day_and_no_quote() -> None:
    """No asks: an invitation to /ask; no quotations: no quote field."""
    fields = {f["name"]: f["value"] for f in digest_embed(digest()).to_dict()["fields"]}
    assert "Quote of the day" not in fields
    assert fields["Yesterday"] == "No questions yet — try `/ask`!"


def test_oversized_digest_respects_every_limit() -> None:
    """A huge title, key points, quote and questions still fit Discord's limits."""
    huge = digest(
        source=article(title="T" * 1000, key_points=tuple("k" * 300 for _ in range(40))),
        top=[("q" * 4000, 9), ("r" * 4000, 8), ("s" * 4000, 7)],
        quoted=quote("q1", passages=("“" + "w" * 5000 + "”",)),
    )
    embeds = [e.to_dict() for e in digest_embeds([huge])]
    assert_within_limits(embeds)
    assert embeds[0]["title"].endswith("…") and len(embeds[0]["title"]) == 256


def test_many_articles_share_the_6000_characters() -> None:
    """Twelve articles: ten embeds, together within 6000 characters, each still titled."""
    many = [
        digest(
            source=article(f"a{n}", f"Article {n}", tuple("p" * 400 for _ in range(10))),
            top=[("x" * 200, 3)] * 3,
            quoted=quote(f"q{n}", f"a{n}", ("“" + "w" * 900 + "”",)),
        )
        for n in range(12)
    ]
    embeds = [e.to_dict() for e in digest_embeds(many)]
    assert len(embeds) == 10
    assert_within_limits(embeds)
    assert [e["title"] for e in embeds] == [f"Daily brief: Article {n}" for n in range(10)]
    assert all(embed_chars(e) <= 600 for e in embeds)


def test_one_normal_article_is_not_shortened() -> None:
    """Within the budget nothing is clipped."""
    made = digest(source=article(key_points=("Point one.", "Point two.")), quoted=quote("q"))
    [embed] = digest_embeds([made])
    assert embed.description == "• Point one.\n• Point two." and "…" not in str(embed.fields)


def test_text_preview_layout() -> None:
    """The terminal digest: title line, bullets, quote of the day, yesterday, moderators."""
    made = digest(
        source=article(key_points=("First point.",)),
        top=[("who is flynn", 2)],
        answered=2,
        quoted=quote("q1"),
        waiting=1,
    )
    assert digest_text(made).splitlines() == [
        "Daily brief for 2026-11-24: An Article",
        "",
        "  • First point.",
        "",
        "Quote of the day:",
        "  > “Words,” he said.",
        "  He did.",
        "",
        "Yesterday:",
        "  2 questions asked, 100% answered",
        "  1. who is flynn (×2)",
        "",
        "For moderators: 1 question waiting for review.",
    ]


def test_text_preview_strips_terminal_control_characters() -> None:
    """A question holding escape sequences cannot drive the terminal; long ones are clipped."""
    text = digest_text(digest(top=[("\x1b[2Jhi\x07 there\r\nyou", 1), ("z" * 500, 1)]))
    lines = text.splitlines()
    assert "  1. [2Jhi there you (×1)" in lines
    assert not any(c in text for c in "\x1b\x07\r")
    long_line = next(line for line in lines if line.startswith("  2. "))
    assert long_line == "  2. " + "z" * 99 + "… (×1)"
