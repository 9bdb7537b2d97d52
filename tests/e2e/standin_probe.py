"""A small real discord.py bot that reports what it sees, for the stand-in's own tests."""

from __future__ import annotations

import asyncio
from typing import Any

import discord
from discord.ext import commands

QUOTE_MENU, PROFILE_MENU = "Quote this", "Profile"


class Note(discord.ui.Modal, title="Note"):
    """A modal in the current layout: Labels around a text input, a select, a checkbox and an
    optional file upload; the submit reports what arrived and the submitter's permissions."""

    text: discord.ui.Label[Note] = discord.ui.Label(
        text="Your note", component=discord.ui.TextInput(custom_id="note_text", max_length=100)
    )
    kind: discord.ui.Label[Note] = discord.ui.Label(
        text="Kind",
        component=discord.ui.Select(
            custom_id="note_kind",
            options=[discord.SelectOption(label=k) for k in ("fact", "opinion")],
        ),
    )
    public: discord.ui.Label[Note] = discord.ui.Label(
        text="Public?", component=discord.ui.Checkbox(custom_id="note_public")
    )
    files: discord.ui.Label[Note] = discord.ui.Label(
        text="Evidence",
        component=discord.ui.FileUpload(custom_id="note_files", required=False, max_values=2),
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        text, kind = self.text.component, self.kind.component
        public, files = self.public.component, self.files.component
        assert isinstance(text, discord.ui.TextInput) and isinstance(kind, discord.ui.Select)
        assert isinstance(public, discord.ui.Checkbox)
        assert isinstance(files, discord.ui.FileUpload)
        manage = interaction.permissions.manage_guild
        names = ",".join(a.filename for a in files.values) or "-"
        await interaction.response.send_message(
            f"note by {interaction.user.name} manage={manage}: {text.value} ({kind.values[0]})"
            f" public={public.value} files={names}",
            ephemeral=True,
        )


class Settle(discord.ui.View):
    """Three ways to settle a prompt: UPDATE_MESSAGE, a deferred update, or deleting it."""

    def __init__(self) -> None:
        super().__init__(timeout=60)

    def _disable(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True

    @discord.ui.button(label="Update", custom_id="s:update")
    async def update(self, interaction: discord.Interaction, _: discord.ui.Button[Settle]) -> None:
        self._disable()
        await interaction.response.edit_message(content="settled by update", view=self)

    @discord.ui.button(label="Defer", custom_id="s:defer")
    async def defer(self, interaction: discord.Interaction, _: discord.ui.Button[Settle]) -> None:
        await interaction.response.defer()  # on a component: DEFERRED_UPDATE_MESSAGE
        self._disable()
        await interaction.edit_original_response(content="settled after defer", view=self)
        await interaction.followup.send("only you see this", ephemeral=True)

    @discord.ui.button(label="Remove", custom_id="s:remove")
    async def remove(self, interaction: discord.Interaction, _: discord.ui.Button[Settle]) -> None:
        await interaction.response.defer()
        await interaction.delete_original_response()


def describe(interaction: discord.Interaction, owner: bool) -> str:
    user, guild = interaction.user, interaction.guild
    roles = sorted(r.name for r in getattr(user, "roles", [])[1:])  # [0] is @everyone
    where = guild.name if guild is not None else "DM"
    manage = interaction.permissions.manage_guild
    return f"{where}|{user.name}|roles={','.join(roles)}|manage={manage}|owner={owner}"


def add_commands(bot: commands.Bot | commands.AutoShardedBot) -> None:
    tree = bot.tree

    @tree.command(name="whoami", description="Who and where am I?")
    async def whoami(interaction: discord.Interaction) -> None:
        owner = await bot.is_owner(interaction.user)
        await interaction.response.send_message(describe(interaction, owner))

    @tree.command(name="recent", description="The channel's latest messages")
    async def recent(interaction: discord.Interaction, count: int) -> None:
        assert isinstance(interaction.channel, discord.abc.Messageable)
        found = [m.content async for m in interaction.channel.history(limit=count)]
        await interaction.response.send_message(" / ".join(found) or "(none)")

    @tree.command(name="settle", description="A prompt with three ways to settle it")
    async def settle(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("choose", view=Settle())

    @tree.command(name="followups", description="Follow-ups, edited and deleted")
    async def followups(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        first = await interaction.followup.send("first", wait=True)
        second = await interaction.followup.send("second", wait=True, ephemeral=True)
        await first.edit(content="first, edited")
        await second.delete()
        await interaction.followup.send("done")

    @tree.command(name="note", description="Open the note form")
    async def note(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(Note(custom_id="note"))

    @tree.context_menu(name=QUOTE_MENU)
    async def quote(interaction: discord.Interaction, message: discord.Message) -> None:
        text = f"quote {message.id} by {message.author.name}: {message.content}"
        await interaction.response.send_message(text, ephemeral=True)

    @tree.context_menu(name=PROFILE_MENU)
    async def profile(
        interaction: discord.Interaction, user: discord.Member | discord.User
    ) -> None:
        kind = "member" if isinstance(user, discord.Member) else "user"
        await interaction.response.send_message(f"profile {user.name} ({kind})")


class ProbeMixin:
    """What every probe does: record guild events, answer "ping", skip the identify pause."""

    seen: asyncio.Queue[tuple[str, int]]

    def _probe_setup(self) -> None:
        self.seen = asyncio.Queue()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py sleeps 5 s between shard IDENTIFYs to respect Discord's rate; the
        stand-in has no such limit (documented hook, overridden to keep tests fast)."""

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self.seen.put(("join", guild.id))

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await self.seen.put(("remove", guild.id))

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.seen.put(("available", guild.id))

    async def on_guild_unavailable(self, guild: discord.Guild) -> None:
        await self.seen.put(("unavailable", guild.id))

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        if message.content == "ping":
            shard = message.guild.shard_id if message.guild else 0
            await message.channel.send(f"pong from shard {shard}")
        elif message.content == "settle":
            await message.channel.send("choose", view=Settle())
        elif message.content == "moderate":
            await message.delete()  # needs Manage Messages: not the bot's by default


class Probe(ProbeMixin, commands.Bot):
    def __init__(self, **kwargs: Any) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, **kwargs)
        self._probe_setup()
        add_commands(self)

    async def setup_hook(self) -> None:
        await self.tree.sync()


class ShardedProbe(ProbeMixin, commands.AutoShardedBot):
    def __init__(self, **kwargs: Any) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, **kwargs)
        self._probe_setup()
        add_commands(self)

    async def setup_hook(self) -> None:
        await self.tree.sync()


async def wait_event(bot: ProbeMixin, kind: str, guild_id: int, timeout: float = 5.0) -> None:
    """Until the guild event ``kind`` (join, remove, available, unavailable) for ``guild_id``;
    earlier events are skipped (discord.py also reports every guild "available" at start)."""

    async def _next() -> None:
        while (await bot.seen.get()) != (kind, guild_id):
            pass

    await asyncio.wait_for(_next(), timeout)
