"""Talk that is not a question for the article is recognised as a whole message only."""

from __future__ import annotations

import pytest

from bot.service.talk import Talk, hear


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("help", Talk.HELP),
        ("Help!", Talk.HELP),
        ("<@123> help", Talk.HELP),
        ("what can you do?", Talk.HELP),
        ("who are you", Talk.HELP),
        ("hi", Talk.GREETING),
        ("hello there!", Talk.GREETING),
        ("Good morning, briefbot", Talk.GREETING),
        ("thanks", Talk.THANKS),
        ("thank you so much!", Talk.THANKS),
        ("ok cool thx", Talk.THANKS),
        ("who wrote this article?", Talk.AUTHOR),
        ("who wrote it", Talk.AUTHOR),
        ("author?", Talk.AUTHOR),
        ("who wrote the sabres article?", Talk.AUTHOR),
        ("when was it published?", Talk.PUBLISHED),
        ("publication date", Talk.PUBLISHED),
        ("link to the article", Talk.LINK),
        ("where can I read it?", Talk.LINK),
        ("can i have the link please", Talk.LINK),
        ("who published it?", Talk.OUTLET),
        ("which newspaper is it from", Talk.OUTLET),
        ("what articles do you know?", Talk.ARTICLES),
    ],
)
def test_talk_is_recognised(text: str, talk: Talk) -> None:
    """Greetings, thanks, help and questions about the article itself are talk."""
    assert hear(text).talk is talk


@pytest.mark.parametrize(
    "text",
    [
        "help me understand the iran deal",
        "Who helped usher the iran deal?",
        "what is the article about",
        "good relations between russia and the us?",
        "what year is it",
        "where is it",
        "who said it",
        "what did trump say about putin",
    ],
)
def test_questions_for_the_article_are_not_talk(text: str) -> None:
    """A question that only contains such a word is left to the answering engine."""
    heard = hear(text)
    assert heard.talk is None and heard.rest == text


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("hi, who is peskov?", "who is peskov?"),
        ("Hey briefbot! who is flynn", "who is flynn"),
        ("who is flynn? thanks!", "who is flynn?"),
        ("thanks! and what else did he say?", "and what else did he say?"),
    ],
)
def test_a_greeting_around_a_question_is_set_aside(text: str, rest: str) -> None:
    """ "hi, who is peskov?" is the question "who is peskov?"."""
    heard = hear(text)
    assert heard.talk is None and heard.rest == rest
