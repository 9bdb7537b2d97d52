"""A newly added article answers from its draft with no hand-written entry: `briefbot add` a
saved page, ask on the command line (a real subprocess), then in a server that turned it on
with /config articles, through the real discord.py client; a server that did not is not
answered from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from standin import DiscordStandIn, Ids
from standin.guild import Guild

from bot.settings import PROJECT_ROOT
from tests.cli.test_cli import run
from tests.draft.test_add import hockey_paragraphs, page
from tests.e2e.conftest import RunningBot, StartBot
from tests.e2e.test_tenancy import ask, texts

ARTICLE = "lind-scores-twice"
QUESTION = "who said they kept going to the net"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site with the sample article, and a saved page added with `briefbot add`."""
    shutil.copytree(PROJECT_ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(
        PROJECT_ROOT / "knowledge",
        tmp_path / "knowledge",
        ignore=shutil.ignore_patterns("candidates"),
    )
    saved = tmp_path / "saved.html"
    saved.write_text(page(hockey_paragraphs()), encoding="utf-8")
    added = run(tmp_path, "add", str(saved), **_env(tmp_path))
    assert added.returncode == 0, added.stderr
    return tmp_path


def _env(site: Path) -> dict[str, str]:
    return {
        "BRIEFBOT_KNOWLEDGE_DIR": str(site / "knowledge"),
        "BRIEFBOT_SEEDS_DIR": str(site / "seeds"),
    }


def test_the_command_line_answers_from_the_draft(site: Path) -> None:
    """`briefbot ask` (which sees drafts) answers with the draft's entry and its quote."""
    result = run(site, "ask", "--json", QUESTION, **_env(site))
    data = json.loads(result.stdout)
    assert data["answered"] and data["article"]["id"] == ARTICLE
    assert "Marco Lind" in data["answer"]
    assert "We just kept going to the net" in data["evidence"][0]["quote"]


@pytest.fixture
def other(standin: DiscordStandIn) -> Guild:
    return standin.world.add_guild("Other Club", owner="zoe")


@pytest.fixture
async def bot(start_briefbot: StartBot, site: Path, other: Guild) -> RunningBot:
    return await start_briefbot(knowledge_dir=site / "knowledge", seeds_dir=site / "seeds")


async def test_a_server_that_turns_the_draft_on_is_answered_from_it(
    standin: DiscordStandIn, bot: RunningBot, other: Guild
) -> None:
    """The draft is opt-in: off everywhere at first; on in the server that chose it only."""
    before = await ask(standin, QUESTION, Ids.MEMBER, Ids.GENERAL)
    assert "Marco Lind" not in texts(before)
    listed = await (
        await standin.slash("config articles", {}, user=Ids.MODERATOR, channel_id=Ids.GENERAL)
    ).reply()
    assert f"`{ARTICLE}`) · draft" in listed["content"]
    turned = await (
        await standin.slash(
            "config articles",
            {"article": ARTICLE, "active": True},
            user=Ids.MODERATOR,
            channel_id=Ids.GENERAL,
        )
    ).reply()
    assert "answered here from now on" in turned["content"] and "draft" in turned["content"]
    after = await ask(standin, QUESTION, Ids.MEMBER, Ids.ASK)
    shown = texts(after)
    assert "Marco Lind" in shown and "We just kept going to the net" in shown
    assert "Lind scores twice as Hawks top Owls 4-1" in shown  # the answer names its article
    elsewhere = await ask(standin, QUESTION, "zoe", other.channel("ask"))
    assert "Marco Lind" not in texts(elsewhere)
    shown = await (
        await standin.slash(
            "qa show",
            {"entry": "person-lind"},
            user=Ids.MODERATOR,
            channel_id=Ids.GENERAL,
        )
    ).reply()
    kind = next(f["value"] for f in shown["embeds"][0]["fields"] if f["name"] == "Kind")
    assert kind == "person · draft"  # moderators see what no curator has reviewed yet
