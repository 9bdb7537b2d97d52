"""/qa: moderators curate their own server's answers (the work happens in bot.curation).

Everything here changes this server only; the shared base changes through the knowledge files
(`briefbot sync`) or the bot's owner (`/qa reload`, `/qa import everywhere:True`).
"""

from __future__ import annotations

import io
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.checks import is_moderator, require_moderator, require_owner
from bot.app.client import BriefBot
from bot.app.errors import UserFacingError
from bot.app.render import neutral
from bot.curation import changes, files
from bot.curation.context import entry_or_refuse
from bot.curation.search import CHOICES_MAX, entry_choices, queue_choices
from bot.exts.qa import format as fmt
from bot.exts.qa import pages
from bot.exts.qa.form import EditForm
from bot.exts.qa.pager import PAGER_ITEMS, pager_view
from bot.exts.qa.views import ConfirmRemove, EvidencePicker, actor_of
from bot.exts.qa.why import choice_name as why_choice
from bot.exts.qa.why import why_embed
from bot.knowledge.schema import KINDS
from bot.service import Audience, BriefingService
from bot.store import StoreError

NONE = discord.AllowedMentions.none()
Interaction = discord.Interaction[BriefBot]
Choices = list[app_commands.Choice[str]]
# Commands that change the shared base: the bot's owner's alone.
OWNER_COMMANDS = frozenset({"reload"})


async def _thinking(interaction: Interaction) -> None:
    """Acknowledge now (Discord allows 3 s); the answer follows privately."""
    await interaction.response.defer(ephemeral=True, thinking=True)


async def _say(interaction: Interaction, text: str, **kwargs: Any) -> None:
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE, **kwargs)


def _audience(interaction: Interaction) -> Audience:
    return Audience(interaction.guild_id)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class QA(commands.GroupCog, group_name="qa", group_description="Curate briefbot's answers"):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    @property
    def service(self) -> BriefingService:
        return self.bot.service

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        command = interaction.command.name if interaction.command else ""
        if command in OWNER_COMMANDS:
            await require_owner(interaction)  # the owner need not moderate the server they use
        else:
            await require_moderator(interaction)
        return True

    async def _page(self, interaction: Interaction, kind: str, arg: str = "") -> None:
        """The first page of a list, privately; its buttons turn pages even after a restart."""
        page = await pages.page_of(self.service, interaction.guild_id, kind, 0, arg)
        view = pager_view(kind, 0, interaction.user.id, arg, page)
        await interaction.response.send_message(
            embed=page.embed,
            view=view if view.children else discord.utils.MISSING,
            ephemeral=True,
            allowed_mentions=NONE,
        )

    # -- changing entries ---------------------------------------------------------------------

    @app_commands.command(name="add", description="Add a question and its answer here")
    @app_commands.describe(
        question="The question, as members would ask it (up to 300 characters)",
        answer="The answer, in our own words (up to 600 characters)",
        evidence="A passage copied word for word from the article (left out: pick one or none)",
        kind="What sort of question it is (default: background)",
        article="Which article it is about (when several are active)",
    )
    @app_commands.choices(kind=[app_commands.Choice(name=k, value=k) for k in KINDS])
    async def add(
        self,
        interaction: Interaction,
        question: str,
        answer: str,
        evidence: str | None = None,
        kind: str = "background",
        article: str | None = None,
    ) -> None:
        await _thinking(interaction)
        actor = actor_of(interaction)
        if evidence is None:
            # Never attach a sentence on our own: the moderator picks one, or none at all.
            choices = changes.evidence_choices(self.service, actor, question, answer, article, kind)
            picker = EvidencePicker(interaction.user.id, question, answer, kind, article, choices)
            await _say(interaction, picker.prompt(), view=picker)
            return
        added = await changes.add_entry(
            self.service,
            actor,
            question=question,
            answer=answer,
            evidence=evidence,
            kind=kind,
            article_id=article,
        )
        await _say(interaction, fmt.added_text(added))

    @app_commands.command(name="edit", description="Edit an entry in a form (for this server)")
    @app_commands.describe(entry="The entry")
    async def edit(self, interaction: Interaction, entry: str) -> None:
        found = entry_or_refuse(self.service, _audience(interaction), entry)
        await interaction.response.send_modal(EditForm(found))

    @app_commands.command(name="remove", description="Remove an entry here (asks first)")
    @app_commands.describe(entry="The entry")
    async def remove(self, interaction: Interaction, entry: str) -> None:
        found = entry_or_refuse(self.service, _audience(interaction), entry)
        view = ConfirmRemove(interaction.user.id, found)
        await interaction.response.send_message(
            f"Remove `{found.id}` ({neutral(found.question, 200)}) in this server? /ask will no"
            " longer answer with it here.",
            view=view,
            ephemeral=True,
            allowed_mentions=NONE,
        )
        view.origin = interaction

    @app_commands.command(name="alias", description="Add another way to ask for an entry")
    @app_commands.describe(entry="The entry", phrasing="How members might ask it")
    async def alias(self, interaction: Interaction, entry: str, phrasing: str) -> None:
        await _thinking(interaction)
        updated = await changes.add_alias(self.service, actor_of(interaction), entry, phrasing)
        await _say(
            interaction,
            f"Added {neutral(phrasing, 300)} to `{updated.id}`"
            f" ({fmt.count(len(updated.alternates), 'alternate')} now).",
        )

    @app_commands.command(name="teach", description="Answer a queued question with an entry")
    @app_commands.describe(question="A question from the review queue", entry="The entry")
    async def teach(self, interaction: Interaction, question: str, entry: str) -> None:
        await _thinking(interaction)
        item, taught = await changes.teach(self.service, actor_of(interaction), question, entry)
        await _say(interaction, fmt.taught_text(item, taught))

    # -- looking ------------------------------------------------------------------------------

    @app_commands.command(name="show", description="Show an entry in full")
    @app_commands.describe(entry="The entry")
    async def show(self, interaction: Interaction, entry: str) -> None:
        found = entry_or_refuse(self.service, _audience(interaction), entry)
        latest = await self.service.history(interaction.guild_id, found.key, limit=1)
        article = self.service.article(found.article_id)
        embed = fmt.entry_embed(
            found,
            self.service.origin(interaction.guild_id, found.key),
            article.title if article else None,
            latest[0] if latest else None,
        )
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="list", description="List entries, optionally matching a search")
    @app_commands.describe(query="Words to look for in ids, tags, questions and answers")
    async def list_(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, pages.ARG_MAX] | None = None,
    ) -> None:
        await self._page(interaction, pages.LIST, " ".join((query or "").split()))

    @app_commands.command(name="unanswered", description="Questions briefbot could not answer")
    async def unanswered(self, interaction: Interaction) -> None:
        await self._page(interaction, pages.UNANSWERED)

    @app_commands.command(name="history", description="Who changed what here, latest first")
    @app_commands.describe(entry="Only this entry's history (optional)")
    async def history(self, interaction: Interaction, entry: str | None = None) -> None:
        key = entry_or_refuse(self.service, _audience(interaction), entry).key if entry else None
        await self._page(interaction, pages.HISTORY, pages.entry_arg(key) if key else "")

    @app_commands.command(name="stats", description="This server's entries, asks and feedback")
    async def stats(self, interaction: Interaction) -> None:
        figures = await self.service.stats(interaction.guild_id)
        view = self.service.view(_audience(interaction))
        figures["entries"] = len(view.entries)
        figures["phrasings"] = sum(len(e.alternates) for e in view.entries.values())
        embed = fmt.stats_embed(figures)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="why", description="Why an ask got the reply it got")
    @app_commands.describe(ask="A recent ask in this server (type to search)")
    async def why(self, interaction: Interaction, ask: str) -> None:
        assert interaction.guild_id is not None
        row = (
            await self.service.logged_ask(interaction.guild_id, int(ask)) if ask.isdigit() else None
        )
        if row is None:
            raise UserFacingError(
                "Pick an ask from the list as you type: that one is not on record here."
            )
        now = self.service.evaluate(row["question"], _audience(interaction))
        embed = why_embed(row, now)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @why.autocomplete("ask")
    async def why_autocomplete(self, interaction: Interaction, current: str) -> Choices:
        if not await is_moderator(interaction) or interaction.guild_id is None:
            return []
        try:
            rows = await self.service.recent_asks(interaction.guild_id, limit=200)
        except StoreError:
            return []
        needle = current.lower().strip()
        found = [r for r in rows if needle in r["question"].lower()][:25]
        return [app_commands.Choice(name=why_choice(r), value=str(r["id"])) for r in found]

    # -- files --------------------------------------------------------------------------------

    @app_commands.command(name="export", description="Download this server's entries as files")
    async def export(self, interaction: Interaction) -> None:
        await _thinking(interaction)
        found, problems = await files.export_files(
            self.service, actor_of(interaction), self.bot.clock()
        )
        attachments = [
            discord.File(io.BytesIO(f.text.encode()), filename=f.filename) for f in found[:10]
        ]
        await _say(interaction, fmt.export_text(found, problems), files=attachments)

    @app_commands.command(name="import", description="Add or replace entries from a YAML file")
    @app_commands.describe(
        file="A knowledge file (.yaml, up to 1 MiB), e.g. from /qa export",
        everywhere="Into the shared base for every server (the bot's owner only)",
    )
    async def import_(
        self, interaction: Interaction, file: discord.Attachment, everywhere: bool = False
    ) -> None:
        if everywhere:
            await require_owner(interaction)
        files.refuse_upload(file.filename, file.size)
        await _thinking(interaction)
        imported = await files.import_file(
            self.service,
            actor_of(interaction),
            file.filename,
            await file.read(),
            everywhere=everywhere,
        )
        await _say(interaction, fmt.import_text(imported))

    @app_commands.command(name="reload", description="Load knowledge/ again (the bot's owner)")
    async def reload(self, interaction: Interaction) -> None:
        await _thinking(interaction)
        report = await files.reload(self.service, actor_of(interaction))
        await _say(interaction, fmt.reload_text(report))

    # -- autocomplete -------------------------------------------------------------------------

    @edit.autocomplete("entry")
    @remove.autocomplete("entry")
    @alias.autocomplete("entry")
    @teach.autocomplete("entry")
    @show.autocomplete("entry")
    @history.autocomplete("entry")
    async def entry_autocomplete(self, interaction: Interaction, current: str) -> Choices:
        # Autocomplete skips interaction_check: ask again, and show nothing to others.
        if not await is_moderator(interaction):
            return []
        audience = _audience(interaction)
        found = await self.service.suggest(current[:100], audience, limit=CHOICES_MAX)
        several = len(self.service.view(audience).articles) > 1
        choices = entry_choices(found, several=several)
        return [app_commands.Choice(name=name, value=value) for name, value in choices]

    @add.autocomplete("article")
    async def article_autocomplete(self, interaction: Interaction, current: str) -> Choices:
        if not await is_moderator(interaction):
            return []
        needle = current.lower()
        found = [
            a
            for a in self.service.articles(_audience(interaction))
            if needle in a.id or needle in a.title.lower()
        ]
        return [
            app_commands.Choice(name=fmt.clip(f"{a.title} ({a.id})", 100), value=a.id)
            for a in found[:25]
        ]

    @teach.autocomplete("question")
    async def queue_autocomplete(self, interaction: Interaction, current: str) -> Choices:
        if not await is_moderator(interaction):
            return []
        waiting = await self.service.queue(interaction.guild_id, limit=100)
        found = queue_choices(waiting, current)
        return [app_commands.Choice(name=name, value=value) for name, value in found]


async def setup(bot: BriefBot) -> None:
    bot.add_dynamic_items(*PAGER_ITEMS)
    await bot.add_cog(QA(bot))
