"""/qa: moderators curate the questions and answers (the work happens in bot.curation)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import discord
from discord import app_commands
from discord.ext import commands

from bot.app.checks import is_moderator
from bot.app.client import BriefBot
from bot.app.errors import NotModerator, UserFacingError
from bot.app.render import neutral
from bot.curation import changes, files
from bot.curation.context import entry_or_refuse
from bot.curation.errors import CurationError
from bot.curation.search import entry_choices, queue_choices
from bot.exts.qa import format as fmt
from bot.exts.qa import pages
from bot.exts.qa.form import EditForm
from bot.exts.qa.views import ConfirmRemove, FetchPage, Pager, actor_of
from bot.knowledge.schema import KINDS
from bot.service import BriefingService
from bot.store import StoreError

NONE = discord.AllowedMentions.none()
Interaction = discord.Interaction[BriefBot]
Choices = list[app_commands.Choice[str]]


@contextmanager
def refusals() -> Iterator[None]:
    """Curation refusals and database trouble become a private note to the moderator."""
    try:
        yield
    except CurationError as exc:
        raise UserFacingError(fmt.refusal(exc)) from None
    except StoreError as exc:
        raise UserFacingError(f"The database refused the change: {exc}") from None


async def _thinking(interaction: Interaction) -> None:
    """Acknowledge now (Discord allows 3 s); the answer follows privately."""
    await interaction.response.defer(ephemeral=True, thinking=True)


async def _say(interaction: Interaction, text: str, **kwargs: object) -> None:
    await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE, **kwargs)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class QA(commands.GroupCog, group_name="qa", group_description="Curate briefbot's answers"):
    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot

    @property
    def service(self) -> BriefingService:
        return self.bot.service

    async def interaction_check(self, interaction: Interaction) -> bool:
        if not await is_moderator(interaction):
            raise NotModerator()
        return True

    async def _page(self, interaction: Interaction, fetch: FetchPage) -> None:
        pager = Pager(interaction.user.id, fetch)
        embed, more = await pager.first()
        view = pager if more else discord.utils.MISSING
        await interaction.response.send_message(
            embed=embed, view=view, ephemeral=True, allowed_mentions=NONE
        )
        pager.origin = interaction

    # -- changing entries ---------------------------------------------------------------------

    @app_commands.command(name="add", description="Add a question and its answer")
    @app_commands.describe(
        question="The question, as members would ask it (up to 300 characters)",
        answer="The answer, in our own words (up to 600 characters)",
        evidence="A passage copied word for word from the article (left out: I pick one)",
        kind="What sort of question it is (default: background)",
    )
    @app_commands.choices(kind=[app_commands.Choice(name=k, value=k) for k in KINDS])
    async def add(
        self,
        interaction: Interaction,
        question: str,
        answer: str,
        evidence: str | None = None,
        kind: str = "background",
    ) -> None:
        await _thinking(interaction)
        with refusals():
            added = await changes.add_entry(
                self.service,
                actor_of(interaction),
                question=question,
                answer=answer,
                evidence=evidence,
                kind=kind,
            )
        await _say(interaction, fmt.added_text(added))

    @app_commands.command(name="edit", description="Edit an entry in a form")
    @app_commands.describe(entry="The entry's id")
    async def edit(self, interaction: Interaction, entry: str) -> None:
        with refusals():
            found = await entry_or_refuse(self.service, entry)
        await interaction.response.send_modal(EditForm(found))

    @app_commands.command(name="remove", description="Remove an entry (asks first)")
    @app_commands.describe(entry="The entry's id")
    async def remove(self, interaction: Interaction, entry: str) -> None:
        with refusals():
            found = await entry_or_refuse(self.service, entry)
        view = ConfirmRemove(interaction.user.id, found)
        await interaction.response.send_message(
            f"Remove `{found.id}` ({neutral(found.question, 200)})? /ask will no longer"
            " answer with it.",
            view=view,
            ephemeral=True,
            allowed_mentions=NONE,
        )
        view.origin = interaction

    @app_commands.command(name="alias", description="Add another way to ask for an entry")
    @app_commands.describe(entry="The entry's id", phrasing="How members might ask it")
    async def alias(self, interaction: Interaction, entry: str, phrasing: str) -> None:
        await _thinking(interaction)
        with refusals():
            updated = await changes.add_alias(self.service, actor_of(interaction), entry, phrasing)
        await _say(
            interaction,
            f"Added {neutral(phrasing, 300)} to `{updated.id}`"
            f" ({len(updated.alternates)} alternates now).",
        )

    @app_commands.command(name="teach", description="Answer a queued question with an entry")
    @app_commands.describe(question="A question from the review queue", entry="The entry's id")
    async def teach(self, interaction: Interaction, question: str, entry: str) -> None:
        await _thinking(interaction)
        with refusals():
            item, taught = await changes.teach(self.service, actor_of(interaction), question, entry)
        await _say(
            interaction,
            f"{neutral(item.question, 300)} (asked {item.times_asked}×) now leads to"
            f" `{taught.id}` and has left the review queue.",
        )

    # -- looking ------------------------------------------------------------------------------

    @app_commands.command(name="show", description="Show an entry in full")
    @app_commands.describe(entry="The entry's id")
    async def show(self, interaction: Interaction, entry: str) -> None:
        with refusals():
            found = await entry_or_refuse(self.service, entry)
        store = self.service.store
        origin = await store.entry_origin(found.id)
        latest = await store.history(found.id, limit=1)
        article = self.service.articles.get(found.article_id)
        title = article.title if article else None
        embed = fmt.entry_embed(found, origin, title, latest[0] if latest else None)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    @app_commands.command(name="list", description="List entries, optionally matching a search")
    @app_commands.describe(query="Words to look for in ids, questions and answers")
    async def list_(self, interaction: Interaction, query: str | None = None) -> None:
        await self._page(interaction, await pages.entries(self.service, query))

    @app_commands.command(name="unanswered", description="Questions briefbot could not answer")
    async def unanswered(self, interaction: Interaction) -> None:
        await self._page(interaction, pages.queue(self.service))

    @app_commands.command(name="history", description="Who changed what, latest first")
    @app_commands.describe(entry="Only this entry's history (optional)")
    async def history(self, interaction: Interaction, entry: str | None = None) -> None:
        await self._page(interaction, pages.history(self.service, entry))

    @app_commands.command(name="stats", description="Entries, questions asked and feedback")
    async def stats(self, interaction: Interaction) -> None:
        embed = fmt.stats_embed(await self.service.store.stats())
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)

    # -- files --------------------------------------------------------------------------------

    @app_commands.command(name="export", description="Download the entries as knowledge files")
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
    @app_commands.describe(file="A knowledge file (.yaml, up to 1 MiB), e.g. from /qa export")
    async def import_(self, interaction: Interaction, file: discord.Attachment) -> None:
        with refusals():
            files.refuse_upload(file.filename, file.size)
        await _thinking(interaction)
        with refusals():
            imported = await files.import_file(
                self.service, actor_of(interaction), file.filename, await file.read()
            )
        await _say(interaction, fmt.import_text(imported))

    @app_commands.command(name="reload", description="Load knowledge/ again after editing it")
    async def reload(self, interaction: Interaction) -> None:
        await _thinking(interaction)
        with refusals():
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
        found = entry_choices(await self.service.store.entries(), current)
        return [app_commands.Choice(name=name, value=value) for name, value in found]

    @teach.autocomplete("question")
    async def queue_autocomplete(self, interaction: Interaction, current: str) -> Choices:
        if not await is_moderator(interaction):
            return []
        waiting = await self.service.store.review_queue(limit=100)
        found = queue_choices(waiting, current)
        return [app_commands.Choice(name=name, value=value) for name, value in found]


async def setup(bot: BriefBot) -> None:
    await bot.add_cog(QA(bot))
