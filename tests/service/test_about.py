"""Replies about the bot and the article: help with examples from the store, and the article's
own metadata where it states it. None of them is an answer from the article."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.service import Audience, BriefingService
from bot.service.conversation import ConversationKey
from tests.conftest import KNOWLEDGE, SEEDS
from tests.service.conftest import ME, Say, site_settings

HARBOUR_SEED = (
    "Harbour Fair Returns\n\n"
    "The harbour fair opened on Saturday with 40 stalls, said organiser Mia Lund.\n\n"
    "\u201cWe waited three years for this,\u201d Lund said.\n"
)
STALLS = "The harbour fair opened on Saturday with 40 stalls"


def harbour_file() -> dict[str, object]:
    def entry(entry_id: str, question: str, answer: str, evidence: str) -> dict[str, object]:
        alternates = [f"{question} then", f"tell me {question}", f"{question} please"]
        return {
            "id": entry_id,
            "kind": "number",
            "question": question,
            "alternates": alternates,
            "answer": answer,
            "evidence": [evidence],
            "tags": ["stalls"],
        }

    return {
        "article": {
            "id": "harbour-fair",
            "seed": "harbour.txt",
            "title": "Harbour Fair Returns",
            "summary": "The harbour fair is back.",
            "key_points": ["It opened.", "It has stalls.", "People waited."],
            "url": "https://example.com/harbour-fair",
            "outlet": "The Harbour Gazette",
            "author": "Ann Reporter",
            "published": "2019-11-19",
        },
        "aliases": {},
        "entries": [
            entry("stalls", "How many stalls did the fair have?", "40 stalls.", STALLS),
            entry(
                "wait",
                "How long did the organisers wait for the fair?",
                "Three years, Lund said.",
                "\u201cWe waited three years for this,\u201d Lund said.",
            ),
        ],
    }


@pytest.fixture
async def two_articles(tmp_path: Path) -> AsyncIterator[BriefingService]:
    """The curated article beside a small second one that states its author, date and link."""
    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge", ignore=shutil.ignore_patterns("candidates"))
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "seeds" / "harbour.txt").write_text(HARBOUR_SEED, encoding="utf-8")
    (tmp_path / "knowledge" / "harbour-fair.yaml").write_text(
        yaml.safe_dump(harbour_file(), allow_unicode=True), encoding="utf-8"
    )
    settings = site_settings(tmp_path / "data").model_copy(
        update={"knowledge_dir": tmp_path / "knowledge", "seeds_dir": tmp_path / "seeds"}
    )
    service = await BriefingService.start(settings)
    yield service
    await service.close()


@pytest.mark.parametrize("text", ["help", "hi!", "what can you do?", "who are you?", "thanks"])
async def test_help_is_a_friendly_reply_with_examples_from_the_store(
    say: Say, briefing: BriefingService, text: str
) -> None:
    """ "help" is never answered from the article ("helped usher"): it is a help reply whose
    examples are questions from the store."""
    answer = await say(text)
    assert not answer.answered and answer.reply == "help"
    data = answer.to_json()
    assert (data["answered"], data["reply"], data["entry_id"]) == (False, "help", None)
    questions = {e.question for e in briefing.view(Audience.cli()).entries.values()}
    shown = [line.removeprefix("• ") for line in (answer.message or "").splitlines()]
    assert any(line in questions for line in shown), answer.message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("who wrote this article?", "The article doesn't name its author"),
        ("when was it published?", "The article doesn't say when it was published"),
        ("link to the article", "I don't have a link to “Trump: Russia’s Chance for Friendship?”"),
        ("which newspaper published it?", "The article doesn't say where it was published"),
    ],
)
async def test_metadata_the_article_does_not_state_is_said_plainly(
    say: Say, text: str, says: str
) -> None:
    """The curated article names no author, date, outlet or link: the reply says so."""
    answer = await say(text)
    assert answer.reply == "about" and not answer.answered
    assert answer.message is not None and answer.message.startswith(says)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "who wrote the harbour fair article?",
            "“Harbour Fair Returns” was written by Ann Reporter"
            " for The Harbour Gazette, published on 19 November 2019.",
        ),
        (
            "when was the harbour story published?",
            "“Harbour Fair Returns” was published on 19 November 2019 by The Harbour Gazette.",
        ),
        (
            "where can I read the harbour article?",
            "You can read “Harbour Fair Returns” at"
            " https://example.com/harbour-fair (The Harbour Gazette).",
        ),
    ],
)
async def test_metadata_comes_from_the_article_a_question_names(
    two_articles: BriefingService, text: str, says: str
) -> None:
    """With several articles, naming one picks it; what it states is told as it states it."""
    answer = await two_articles.ask(text, log_ask=False, conversation=ME)
    assert answer.message == says
    assert answer.to_json()["article"] == {
        "id": "harbour-fair",
        "title": "Harbour Fair Returns",
        "url": "https://example.com/harbour-fair",
    }


async def test_which_article_is_asked_unless_the_conversation_says(
    two_articles: BriefingService,
) -> None:
    """ "who wrote it?" with two articles asks which; after an answer from one, it is that one."""

    async def say(text: str, who: ConversationKey = ME) -> str:
        answer = await two_articles.ask(text, log_ask=False, conversation=who)
        return answer.message or ""

    asked = await say("who wrote it?")
    assert asked.startswith("Which article do you mean?")
    assert "“Harbour Fair Returns”" in asked and "“Trump: Russia’s Chance for Friendship?”" in asked
    answer = await two_articles.ask(
        "how many stalls did the fair have?", log_ask=False, conversation=ME
    )
    assert answer.entry is not None and answer.entry.article_id == "harbour-fair"
    assert (await say("who wrote it?")).startswith("“Harbour Fair Returns” was written by")
    assert (await say("link")).startswith("You can read “Harbour Fair Returns” at")


async def test_what_articles_lists_them_with_links(two_articles: BriefingService) -> None:
    """ "which articles do you know?" lists the active articles, with what they state."""
    answer = await two_articles.ask("which articles do you know?", log_ask=False)
    assert answer.reply == "about"
    assert (
        "• “Harbour Fair Returns” (Ann Reporter, The Harbour Gazette, 19 November 2019)"
        " — https://example.com/harbour-fair" in (answer.message or "")
    )
