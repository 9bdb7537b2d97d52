"""Follow-ups in a conversation resolve against the last answer; what can't be resolved gets a
short clarifying question with suggestions. Context is per person and channel, for minutes."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.service import BriefingService
from bot.service.conversation import Conversations, Turn
from tests.service.conftest import ME, Say, site_settings


async def test_pronouns_resolve_to_the_last_answers_person(say: Say) -> None:
    """After "who is peskov", "what else did he say?" is another thing Peskov said."""
    first = await say("who is peskov")
    assert first.entry is not None and first.entry.id == "person-peskov"
    more = await say("what else did he say?")
    assert more.entry is not None and more.entry.kind == "quote" and "peskov" in more.entry.tags
    again = await say("and who is he?")
    assert again.entry is not None and again.entry.id == "person-peskov"
    assert again.question == "and who is Dmitry Peskov?"


@pytest.mark.parametrize(
    ("first", "follow_up", "kinds"),
    [
        ("who is peskov", "tell me more", {"quote"}),
        ("who is peskov", "what else?", {"quote"}),
        ("what did trump say about libya", "why?", {"argument", "risk", "background"}),
    ],
)
async def test_tell_me_more_and_why_move_on_to_a_related_entry(
    say: Say, first: str, follow_up: str, kinds: set[str]
) -> None:
    """A bare follow-up answers with an entry related to the last one, not the same again."""
    before = await say(first)
    after = await say(follow_up)
    assert after.entry is not None and after.entry != before.entry
    assert after.entry.kind in kinds
    assert after.answered and after.reply == "answer"


async def test_what_else_about_a_named_person_moves_on(say: Say) -> None:
    """ "what else did peskov say?" gives each of his quotes in turn, not the same one again."""
    await say("who is peskov")
    seen = []
    for _ in range(3):
        answer = await say("what else did peskov say?")
        assert answer.entry is not None and answer.entry.kind == "quote"
        assert "peskov" in answer.entry.tags and answer.entry.key not in seen
        seen.append(answer.entry.key)


async def test_what_else_runs_out_plainly(say: Say) -> None:
    """Once all a person said was shown, "what else" says so and offers the rest about them."""
    await say("who is peskov")
    seen = set()
    for _ in range(6):
        answer = await say("what else did he say?")
        if answer.entry is None:
            break
        assert answer.entry.key not in seen
        seen.add(answer.entry.key)
    assert answer.reply == "suggest" and not answer.answered
    assert answer.message is not None
    assert "nothing more of that kind about Dmitry Peskov" in answer.message
    offered = {s.entry.key for s in answer.suggestions}
    assert offered and not offered & seen
    assert all("peskov" in s.entry.tags for s in answer.suggestions)


async def test_what_else_of_someone_never_quoted_offers_what_is_said_of_them(say: Say) -> None:
    """ "What else did he say?" of a man the article never quotes offers the entries about him."""
    await say("who is flynn")
    answer = await say("what else did he say?")
    assert not answer.answered and answer.message is not None
    assert "nothing more of that kind about Michael Flynn" in answer.message
    assert answer.suggestions and all("flynn" in s.entry.tags for s in answer.suggestions)


async def test_tell_me_more_runs_out_plainly(say: Say) -> None:
    """ "Tell me more about him", asked until nothing is left, says so and suggests others."""
    await say("who is flynn")
    for _ in range(8):
        answer = await say("tell me more about him")
        if answer.entry is None:
            break
    assert answer.message is not None
    assert "That's all I can find about Michael Flynn" in answer.message
    assert answer.suggestions and all("flynn" not in s.entry.tags for s in answer.suggestions)


async def test_a_pronoun_meaning_two_people_asks_which(say: Say) -> None:
    """After the Trump-Putin call, "what did he say?" asks who, with both as suggestions."""
    await say("what happened in the phone call between trump and putin")
    answer = await say("what did he say")
    assert answer.message == "Who do you mean: Donald Trump or Vladimir Putin?"
    assert [s.entry.id for s in answer.suggestions] == ["person-trump", "person-putin"]
    assert answer.reply == "suggest" and not answer.answered


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("what else did he say?", "Who do you mean by “he”?"),
        ("tell me more", "What would you like to know more about?"),
    ],
)
async def test_a_follow_up_without_a_conversation_asks_back(
    say: Say, question: str, says: str
) -> None:
    """With nothing said before, a follow-up gets a clarifying question and suggestions."""
    answer = await say(question)
    assert answer.message is not None and answer.message.startswith(says)
    assert 1 <= len(answer.suggestions) <= 3 and answer.reply == "suggest"


@pytest.mark.parametrize(
    "other", [(1, 10, 200), (1, 11, 100), (2, 10, 100)], ids=["person", "channel", "server"]
)
async def test_context_is_per_person_and_channel(say: Say, other: tuple[int, int, int]) -> None:
    """Someone else, or the same person elsewhere, does not continue my conversation."""
    await say("who is peskov")
    answer = await say("what else did he say?", other)
    assert answer.entry is None and answer.message is not None
    assert answer.message.startswith("Who do you mean")


async def test_thanks_and_declines_keep_the_conversation(say: Say) -> None:
    """A "thanks" or an unanswerable question in between does not make "he" forgotten."""
    await say("who is peskov")
    assert (await say("thanks!")).reply == "help"
    assert (await say("what's the weather in paris?")).entry is None
    answer = await say("what else did he say?")
    assert answer.entry is not None and "peskov" in answer.entry.tags


async def test_ask_without_a_conversation_is_context_free(briefing: BriefingService) -> None:
    """`briefbot ask` and `--batch` never continue anything."""
    await briefing.ask("who is peskov", log_ask=False)
    answer = await briefing.ask("what else did he say?", log_ask=False)
    assert answer.entry is None and answer.verdict == "empty"


async def test_the_context_lasts_minutes(synced_store: Path, tmp_path: Path) -> None:
    """A follow-up after the conversation's memory ran out is asked back, not guessed."""
    now = [datetime(2026, 11, 24, 8, 0, tzinfo=UTC)]
    shutil.copytree(synced_store, tmp_path / "data")
    service = await BriefingService.start(
        site_settings(tmp_path / "data").model_copy(update={"conversation_minutes": 10}),
        clock=lambda: now[0],
    )
    try:
        await service.ask("who is peskov", log_ask=False, conversation=ME)
        now[0] += timedelta(minutes=9)
        kept = await service.ask("what else did he say?", log_ask=False, conversation=ME)
        assert kept.entry is not None
        now[0] += timedelta(minutes=11)
        gone = await service.ask("what else did he say?", log_ask=False, conversation=ME)
        assert (
            gone.entry is None and gone.message is not None and "Who do you mean" in (gone.message)
        )
    finally:
        await service.close()


def test_conversations_are_bounded() -> None:
    """Past its size the memory drops the least recently used conversation."""
    memory = Conversations(minutes=10, now=lambda: 0.0, max_kept=2)
    for user in (1, 2, 3):
        memory.remember((None, None, user), Turn("a"))
    assert len(memory) == 2 and memory.get((None, None, 1)) is None
    assert memory.get((None, None, 3)) is not None
