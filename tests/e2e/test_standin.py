"""Proves the Discord stand-in with a real discord.py client (no mocks of discord.py)."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from discord.ext import commands
from standin import DiscordStandIn, Ids, InteractionRejected, RunClient

FRUIT = ["apple", "apricot", "banana"]
GUILD = discord.Object(Ids.GUILD)


class Confirm(discord.ui.View):
    @discord.ui.button(label="Confirm", custom_id="confirm", style=discord.ButtonStyle.green)
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        button.disabled = True
        content = f"confirmed by {interaction.user.name}"
        await interaction.response.edit_message(content=content, view=self)


class Pick(discord.ui.View):
    @discord.ui.select(
        custom_id="fruit", options=[discord.SelectOption(label=f) for f in FRUIT], max_values=2
    )
    async def fruit(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.send_message(f"picked {', '.join(select.values)}")


class Feedback(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput[Feedback] = discord.ui.TextInput(
        label="Your feedback", custom_id="feedback_text", max_length=200
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.text.value}", ephemeral=True)


async def on_message(message: discord.Message) -> None:
    if message.author.bot:
        return
    if message.content == "ping":
        await message.reply("pong")
    elif message.content == "report":
        async with message.channel.typing():
            report = discord.File(io.BytesIO(b"a,b\n1,2\n"), "report.csv")
            await message.channel.send("here", file=report)
    elif message.content == "menu":
        await message.channel.send("pick fruit", view=Pick())
    elif message.content == "count":
        sent = await message.channel.send("1")
        await sent.edit(content="2")
    elif message.attachments:
        data = await message.attachments[0].read()
        await message.channel.send(f"read {message.attachments[0].filename}: {data.decode()}")


def add_commands(tree: app_commands.CommandTree) -> None:
    @tree.command(name="echo", description="Echo text back")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(f"echo: {text}")

    @echo.autocomplete("text")
    async def echo_complete(_: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f, value=f) for f in FRUIT if f.startswith(current)]

    qa = app_commands.Group(name="qa", description="Questions and answers")

    @qa.command(name="add", description="Add a question")
    async def qa_add(
        interaction: discord.Interaction,
        question: str,
        channel: discord.TextChannel,
        role: discord.Role | None = None,
        evidence: discord.Attachment | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        text = (await evidence.read()).decode() if evidence else "-"
        role_name = role.name if role else "-"
        manage = interaction.permissions.manage_guild
        await interaction.followup.send(
            f"{question} -> #{channel.name} role={role_name} manage={manage} evidence={text}"
        )

    tree.add_command(qa)

    @tree.command(name="confirm", description="Ask for confirmation")
    async def confirm(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("please confirm", view=Confirm())

    @tree.command(name="feedback", description="Leave feedback")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(Feedback(custom_id="feedback"))

    @tree.command(name="export", description="Export as a file")
    async def export(interaction: discord.Interaction) -> None:
        file = discord.File(io.BytesIO(b"q;a\n"), "export.csv")
        await interaction.response.send_message("export", file=file)

    @tree.command(name="slow", description="Think, then answer")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.edit_original_response(content="done")

    @tree.command(name="purge", description="Moderators only", guild=GUILD)
    @app_commands.default_permissions(manage_guild=True)
    async def purge(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("purged", ephemeral=True)


def make_bot() -> commands.Bot:
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(command_prefix="!", intents=intents)
    bot.add_listener(on_message)
    add_commands(bot.tree)

    async def setup_hook() -> None:
        await bot.tree.sync()
        await bot.tree.sync(guild=GUILD)

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    return bot


@pytest.fixture
async def bot(standin: DiscordStandIn, run_client: RunClient) -> AsyncIterator[commands.Bot]:
    async with run_client(make_bot()) as running:
        yield running


async def test_ready_state_matches_the_world(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """The client sees the guild, its channels, roles and the synced commands."""
    guild = bot.get_guild(Ids.GUILD)
    assert guild is not None and bot.user is not None and bot.user.id == Ids.BOT
    names = {c.name for c in guild.text_channels}
    assert names >= {"general", "ask", "digest", "forbidden", "gone"}
    moderator = guild.get_role(Ids.ROLE_MODERATOR)
    assert moderator is not None and moderator.permissions.manage_guild
    assert {"echo", "qa", "confirm", "feedback"} <= {c["name"] for c in standin.commands.list()}
    assert [c["name"] for c in standin.commands.list(Ids.GUILD)] == ["purge"]


async def test_on_message_reply(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A user message is delivered and the bot's reply references it."""
    mark = standin.mark()
    sent = await standin.send_message("ping", channel_id=Ids.GENERAL)
    reply = await standin.next_message(channel_id=Ids.GENERAL, after=mark)
    assert reply["content"] == "pong"
    assert reply["message_reference"]["message_id"] == sent["id"]


async def test_silence_is_checkable(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """expect_no_message passes when the bot ignores a message."""
    mark = standin.mark()
    await standin.send_message("just chatting")
    await standin.expect_no_message(after=mark, within=0.2)


async def test_dm_reply(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A DM (no guild_id) is answered in the DM channel."""
    mark = standin.mark()
    sent = await standin.send_dm("ping", author=Ids.CURATOR)
    reply = await standin.next_message(channel_id=int(sent["channel_id"]), after=mark)
    assert reply["content"] == "pong" and "guild_id" not in reply["message"]


async def test_channel_message_edit(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """message.edit() is recorded as an edit of the sent message."""
    mark = standin.mark()
    await standin.send_message("count")
    first = await standin.next_message(after=mark, kind="create")
    edit = await standin.next_message(after=mark, kind="edit")
    assert (first["content"], edit["content"], edit["id"]) == ("1", "2", first["id"])


async def test_slash_command_with_string_option(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """/echo gets the option value and answers with a channel message callback."""
    reply = await (await standin.slash("echo", {"text": "hello"})).reply()
    assert (reply["kind"], reply["content"]) == ("callback", "echo: hello")
    assert reply["channel_id"] == Ids.ASK
    echo = standin.commands.get("echo")
    assert echo is not None and echo["options"][0]["autocomplete"] is True


async def test_autocomplete(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """Autocomplete returns the bot's choices for the focused option."""
    choices = await standin.autocomplete("echo", {"text": "ap"}, focused="text")
    assert [c["value"] for c in choices] == ["apple", "apricot"]


@pytest.mark.parametrize(("user", "manage"), [(Ids.MODERATOR, True), (Ids.MEMBER, False)])
async def test_group_subcommand_with_resolved_options(
    bot: commands.Bot, standin: DiscordStandIn, user: int, manage: bool
) -> None:
    """/qa add resolves channel, role and attachment options and sees the user's permissions."""
    options = {"question": "Who?", "channel": "digest", "role": "Curators"}
    handle = await standin.slash("qa add", {**options, "evidence": ("e.txt", b"quote")}, user=user)
    assert (await handle.callback()) == {"type": 5, "data": {"flags": 64}}
    reply = await handle.followup()
    assert reply["content"] == f"Who? -> #digest role=Curators manage={manage} evidence=quote"
    assert reply["ephemeral"]


async def test_slash_rejects_bad_input(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """Like Discord's client, slash() refuses unknown options and missing required ones."""
    with pytest.raises(ValueError, match="unknown option"):
        await standin.slash("echo", {"txt": "x"})
    with pytest.raises(ValueError, match="required option 'channel'"):
        await standin.slash("qa add", {"question": "x"})
    with pytest.raises(ValueError, match="is a group"):
        await standin.slash("qa", {})


async def test_default_member_permissions(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A guild command gated on Manage Guild is usable by the moderator only."""
    reply = await (await standin.slash("purge", user=Ids.MODERATOR)).reply()
    assert reply["content"] == "purged"
    with pytest.raises(PermissionError):
        await standin.slash("purge", user=Ids.MEMBER)


async def test_button_click_edits_message(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """Clicking the view's button updates the message and disables the button."""
    prompt = await (await standin.slash("confirm")).reply()
    updated = await (await standin.click("confirm", prompt, user=Ids.MODERATOR)).reply()
    assert (updated["kind"], updated["id"]) == ("update", prompt["id"])
    assert updated["content"] == "confirmed by mod"
    assert updated["components"][0]["components"][0]["disabled"] is True
    with pytest.raises(ValueError, match="disabled"):
        await standin.click("confirm", updated)


async def test_select_on_channel_message(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A string select on a plain channel message dispatches its values to the view."""
    mark = standin.mark()
    await standin.send_message("menu")
    menu = await standin.next_message(after=mark)
    reply = await (await standin.click("fruit", menu, values=["apple", "banana"])).reply()
    assert reply["content"] == "picked apple, banana"


async def test_modal_roundtrip(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """The bot opens a modal; submitting it yields an ephemeral thank-you."""
    modal = await (await standin.slash("feedback")).modal()
    assert (modal["custom_id"], modal["title"]) == ("feedback", "Feedback")
    reply = await (await standin.submit_modal("feedback", {"feedback_text": "great"})).reply()
    assert reply["content"] == "thanks: great" and reply["ephemeral"]
    with pytest.raises(ValueError, match="no input"):
        await standin.submit_modal("feedback", {"nope": "x"})


async def test_bot_sends_a_file(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A multipart upload is recorded with its bytes; typing is recorded too."""
    mark = standin.mark()
    await standin.send_message("report", channel_id=Ids.DIGEST)
    msg = await standin.next_message(channel_id=Ids.DIGEST, after=mark)
    assert msg["content"] == "here"
    assert [(f.filename, f.data) for f in msg["files"]] == [("report.csv", b"a,b\n1,2\n")]
    assert msg["attachments"][0]["content_type"] == "text/csv"
    assert standin.requests[mark].path == f"/channels/{Ids.DIGEST}/typing"


async def test_interaction_file_and_deferred_edit(
    bot: commands.Bot, standin: DiscordStandIn
) -> None:
    """A file in an interaction callback, and a thinking defer finished by @original edit."""
    export = await (await standin.slash("export")).reply()
    assert [f.filename for f in export["files"]] == ["export.csv"]
    slow = await standin.slash("slow")
    done = await slow.reply()
    assert (slow.callback_type, done["kind"], done["content"]) == (5, "edit_original", "done")
    assert done["flags"] & 128 == 0  # the "thinking" LOADING flag is cleared


async def test_bot_downloads_a_user_attachment(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """attachment.read() fetches the uploaded bytes from the stand-in's attachment server."""
    mark = standin.mark()
    await standin.send_message("see file", attachments=[("notes.txt", b"hello file")])
    reply = await standin.next_message(channel_id=Ids.GENERAL, after=mark)
    assert reply["content"] == "read notes.txt: hello file"


def text_channel(bot: discord.Client, channel_id: int) -> discord.TextChannel:
    channel = bot.get_channel(channel_id)
    assert isinstance(channel, discord.TextChannel)
    return channel


async def test_failing_channels_raise(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """Posting to the forbidden/gone channels raises Forbidden/NotFound with Discord's codes."""
    mark = standin.mark()
    with pytest.raises(discord.Forbidden) as forbidden:
        await text_channel(bot, Ids.FORBIDDEN).send("hi")
    with pytest.raises(discord.NotFound) as gone:
        await text_channel(bot, Ids.GONE).send("hi")
    assert (forbidden.value.code, gone.value.code) == (50013, 10003)
    assert [r.status for r in standin.requests[mark:]] == [403, 404]


async def test_rejects_what_discord_rejects(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """Over-long content gets Discord's 400 Invalid Form Body."""
    with pytest.raises(discord.HTTPException) as err:
        await text_channel(bot, Ids.GENERAL).send("x" * 2001)
    assert err.value.code == 50035 and "content" in err.value.text


async def test_resume_after_kick(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """After the socket drops the client RESUMEs and keeps answering."""
    await standin.kick()
    assert standin.gateway.resumes == 1
    mark = standin.mark()
    await standin.send_message("ping")
    assert (await standin.next_message(after=mark))["content"] == "pong"


async def test_unknown_route_is_visible(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A route the stand-in lacks returns 404 and is listed in unknown_routes."""
    with pytest.raises(discord.NotFound):
        await bot.http.request(discord.http.Route("GET", "/nope"))
    assert standin.unknown_routes == ["GET /nope"]
    standin.unknown_routes.clear()


async def test_second_answer_is_rejected(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """An interaction answered twice (raw HTTP) gets 40060 like on Discord."""
    handle = await standin.slash("echo", {"text": "once"})
    await handle.reply()
    mark = standin.mark()
    route = discord.http.Route(
        "POST", "/interactions/{i}/{t}/callback", i=handle.id, t=handle.token
    )
    with pytest.raises(discord.HTTPException) as err:
        await bot.http.request(route, json={"type": 4, "data": {"content": "twice"}})
    assert err.value.code == 40060
    with pytest.raises(InteractionRejected, match="already been acknowledged"):
        await handle.next_message(after=mark)


async def test_late_answer_is_rejected(bot: commands.Bot, standin: DiscordStandIn) -> None:
    """A callback after the interaction deadline gets 10062 Unknown interaction."""
    standin.state.interaction_deadline = 0.0
    handle = await standin.slash("echo", {"text": "late"})
    with pytest.raises(InteractionRejected, match="10062"):
        await handle.callback()


async def test_message_content_intent_is_enforced(
    standin: DiscordStandIn, run_client: RunClient
) -> None:
    """Without the message_content intent, content arrives only when the bot is mentioned."""
    client = discord.Client(intents=discord.Intents.default())
    seen: asyncio.Queue[str] = asyncio.Queue()

    @client.event
    async def on_message(message: discord.Message) -> None:
        await seen.put(message.content)

    async with run_client(client):
        await standin.send_message("secret")
        await standin.send_message(f"{standin.bot.mention} hello")
        assert [await seen.get(), await seen.get()] == ["", f"{standin.bot.mention} hello"]
