"""Conversation in Discord: follow-ups continue the last answer per person and channel;
help and the article's metadata are replies about it, never answers from it; /help, /about."""

from __future__ import annotations

import inspect_store
from standin import DiscordStandIn, Ids, SentMessage

from tests.e2e.conftest import RunningBot


async def ask(
    standin: DiscordStandIn, question: str, user: int = Ids.MEMBER, channel: int = Ids.ASK
) -> SentMessage:
    handle = await standin.slash("ask", {"question": question}, user=user, channel_id=channel)
    return await handle.reply()


async def test_slash_follow_ups_continue_the_last_answer(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """/ask "who is peskov", then "what else did he say?": another thing Peskov said."""
    first = await ask(standin, "who is peskov")
    assert "Kremlin spokesman" in first["embeds"][0]["description"]
    more = await ask(standin, "what else did he say?")
    assert not more["ephemeral"] and "Peskov" in more["embeds"][0]["description"]
    assert more["embeds"][0]["title"] != first["embeds"][0]["title"]
    why = await ask(standin, "and who is he?")
    assert why["embeds"][0]["title"] == "and who is Dmitry Peskov?"


async def test_mention_follow_ups_and_someone_elses(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """Mentions converse too; another member's "tell me more" is not my conversation."""

    async def mention(text: str, author: int) -> SentMessage:
        mark = standin.mark()
        await standin.send_message(f"<@{Ids.BOT}> {text}", author=author, channel_id=Ids.GENERAL)
        return await standin.next_message(channel_id=Ids.GENERAL, after=mark)

    await mention("who is peskov", Ids.MEMBER)
    mine = await mention("tell me more", Ids.MEMBER)
    assert mine["embeds"] and "Peskov" in mine["embeds"][0]["description"]
    theirs = await mention("what else did he say?", Ids.CURATOR)
    assert theirs["embeds"] == [] and theirs["content"].startswith("Who do you mean by “he”?")
    assert theirs["components"]  # suggestions to click


async def test_help_is_never_answered_from_the_article(
    standin: DiscordStandIn, briefbot: RunningBot
) -> None:
    """ "help" gets a private help reply with examples, not the Iran deal; it is not an answer."""
    reply = await ask(standin, "help")
    assert reply["ephemeral"] and reply["embeds"] == []
    assert "I'm briefbot." in reply["content"] and "Try, for example:" in reply["content"]
    assert "Iran" not in reply["content"]
    assert await inspect_store.logged(briefbot) == [("help", "slash", 0)]


async def test_help_and_about_commands(standin: DiscordStandIn, briefbot: RunningBot) -> None:
    """/help lists the commands and example questions; /about the articles briefed here."""
    shown = await (await standin.slash("help")).reply()
    embed = shown["embeds"][0]
    assert shown["ephemeral"] and "Try, for example:" in embed["description"]
    assert "Ask briefbot about this" in embed["fields"][0]["value"]
    about = await (await standin.slash("about")).reply()
    [article] = about["embeds"][0]["fields"]
    assert article["name"] == "Trump: Russia’s Chance for Friendship?"
    assert "doesn't say who wrote it" in article["value"] and "No link given." in article["value"]
