"""A long chat message is answered for the question inside it; a short one exactly as typed."""

from __future__ import annotations

import pytest

from bot.service import Audience, BriefingService
from bot.service.chatter import asked_parts


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        # the asker's apology and whereabouts go; "each of them" is asked of the countries
        (
            "<@219384756102938475> hey sorry to bother, i missed the whole convo earlier. which "
            "countries on the security council pushed back and what did each of them say?",
            ["which countries on the security council pushed back, what did each of them say"],
        ),
        # a request's framing and the hedge after it go
        (
            "ok i'm trying to write a recap for our fantasy league channel, can someone break "
            "down who scored for minnesota and roughly in what order if the article says it",
            ["who scored for minnesota and roughly in what order"],
        ),
        # "is that actually what the article says" asks about the claim heard
        (
            "my buddy says parise is washed because he had one goal in like ten games, is that "
            "actually what the article says or is it different now",
            [
                "parise is washed because he had one goal in like ten games, is it different now",
                "parise is washed because he had one goal in like ten games",  # if that is declined
            ],
        ),
        # two questions of their own, in order
        (
            "ok so i missed the news this week, what does the article say about how russians "
            "reacted and why is the kremlin so upbeat about the new american president",
            [
                "what does the article say about how russians reacted",
                "why is the kremlin so upbeat about the new american president",
            ],
        ),
        # "what day" asks the question before it further: never alone
        (
            "hey sorry to bother, i was offline all week for exams and missed the whole convo. "
            "when exactly did peskov make the augean stables comment, what day",
            ["when exactly did peskov make the augean stables comment, what day"],
        ),
        # a question about the asker turns into the question it holds
        (
            "im writing an essay for my politics class due tomorrow, im trying to understand why "
            "the kremlin likes trump more than hillary, thanks in advance",
            ["why the kremlin likes trump more than hillary"],
        ),
    ],
)
def test_the_question_inside_a_long_message(message: str, parts: list[str]) -> None:
    """Chatter is set aside and the asks are kept, each with what it points back to."""
    asked = asked_parts(message)
    assert asked.changed and list(asked.parts) == parts


@pytest.mark.parametrize(
    "message",
    [
        "who is flynn?",
        "sorry, who is flynn",
        "what was obama's reset and when was it",
        "which anti-assad rebel groups was the us backing, names?",
        # long, but one question without chatter: its framing is part of it
        "according to the kremlin readout of the monday phone call between the two presidents, "
        "what did they agree to do about international terrorism and extremism",
        # long, and asking nothing
        "so last saturday i finally went to see my local team play at home for the first time "
        "this season and honestly it was one of the strangest matches i have ever watched",
    ],
)
def test_a_message_without_chatter_or_short_is_asked_as_typed(message: str) -> None:
    """A short message, or a long one that is one question, is left exactly as typed."""
    asked = asked_parts(message)
    assert not asked.changed and asked.parts == (message,)


@pytest.mark.parametrize(
    ("message", "entry_id"),
    [
        (
            "hey sorry to bother, i was offline all week for exams and missed the whole convo. "
            "how many bottles of champagne did zhirinovsky order",
            "champagne-bottles",
        ),
        (
            "ok so i wasnt really following the news but my cousin says everyone in russia is "
            "celebrating trump like crazy, is that actually true or is it more mixed, what does "
            "the article say about how russians reacted",
            "russian-reactions",
        ),
        (
            "can someone summarize this article for me, i dont have time to read it all rn. "
            "like whats the main point?",
            "article-argument",
        ),
    ],
)
async def test_a_long_message_is_answered(
    briefing: BriefingService, message: str, entry_id: str
) -> None:
    """A question wrapped in chat about the asker gets the answer it would get alone."""
    answer = briefing.evaluate(message, Audience.cli())
    assert answer.entry is not None and answer.entry.id == entry_id


@pytest.mark.parametrize(
    "message",
    [
        # the article dates the call, not Peskov's comment
        "hey sorry to bother, i was offline all week for exams and missed the whole convo. "
        "when exactly did peskov make the augean stables comment, what day",
        "ok so my cousin keeps asking me about this and i honestly dont know, what is the best "
        "recipe for chocolate pudding with dark chocolate, thanks in advance",
    ],
)
async def test_a_long_message_the_article_cannot_answer_is_declined(
    briefing: BriefingService, message: str
) -> None:
    """Setting chatter aside never drops the detail a near miss asks for."""
    assert briefing.evaluate(message, Audience.cli()).entry is None
