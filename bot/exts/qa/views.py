"""The buttons of /qa: a pager, the remove confirmation, the evidence picker of /qa add and the
Teach buttons of /qa unanswered (the edit form is in form.py).

They belong to one moderator's ephemeral reply. Every button that changes something checks
again that the person is (still) a moderator when it is clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.app.checks import require_moderator
from bot.app.errors import report
from bot.app.render import clip
from bot.curation.changes import add_entry, remove_entry, teach
from bot.curation.context import Actor
from bot.curation.evidence import Source
from bot.models import Entry, Evidence
from bot.store.records import Proposal

if TYPE_CHECKING:
    from bot.app.client import BriefBot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
NOT_YOURS = "Only the moderator who ran this command can use these buttons."

# A page: its embed and whether a next page exists.
FetchPage = Callable[[int], Awaitable[tuple[discord.Embed, bool]]]


def actor_of(interaction: discord.Interaction[Any]) -> Actor:
    return Actor(interaction.user.id, interaction.guild_id)


class OwnedView(discord.ui.View):
    """A view only the moderator who asked for it may use."""

    def __init__(self, owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.origin: discord.Interaction[Any] | None = None

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                NOT_YOURS, ephemeral=True, allowed_mentions=NONE
            )
            return False
        return True

    async def on_timeout(self) -> None:
        # The reply is ephemeral: only its own interaction can still edit it.
        if self.origin is not None:
            try:
                await self.origin.edit_original_response(view=None)
            except discord.HTTPException:
                pass

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await report(interaction.client, interaction, error, "a /qa button")


class Pager(OwnedView):
    """Prev/Next through pages fetched on demand."""

    def __init__(self, owner_id: int, fetch: FetchPage, timeout: float = 600) -> None:
        super().__init__(owner_id, timeout)
        self.fetch = fetch
        self.page = 0

    async def first(self) -> tuple[discord.Embed, bool]:
        embed, more = await self.fetch(0)
        self._update(more)
        return embed, more

    def _update(self, more: bool) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = not more

    async def _turn(self, interaction: discord.Interaction[Any], step: int) -> None:
        self.page = max(0, self.page + step)
        embed, more = await self.fetch(self.page)
        self._update(more)
        await interaction.response.edit_message(embed=embed, view=self, allowed_mentions=NONE)

    @discord.ui.button(label="Prev", custom_id="bb:qa:prev", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]
    ) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="Next", custom_id="bb:qa:next", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]
    ) -> None:
        await self._turn(interaction, 1)


class ConfirmRemove(OwnedView):
    """Remove (danger) or Cancel, for the moderator who asked only."""

    def __init__(self, owner_id: int, entry: Entry, timeout: float = 180) -> None:
        super().__init__(owner_id, timeout)
        self.entry = entry

    @discord.ui.button(label="Remove", custom_id="bb:qa:remove", style=discord.ButtonStyle.danger)
    async def remove(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmRemove]
    ) -> None:
        await require_moderator(interaction)  # they may have lost the role meanwhile
        self.stop()
        await interaction.response.defer()
        bot: BriefBot = interaction.client
        removed = await remove_entry(bot.service, actor_of(interaction), self.entry)
        text = (
            f"Removed `{self.entry.id}` here. /ask no longer answers with it in this server."
            if removed
            else f"`{self.entry.id}` was already removed."
        )
        await interaction.edit_original_response(content=text, view=None, allowed_mentions=NONE)

    @discord.ui.button(
        label="Cancel", custom_id="bb:qa:cancel", style=discord.ButtonStyle.secondary
    )
    async def cancel(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmRemove]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(
            content=f"Kept `{self.entry.id}`.", view=None, allowed_mentions=NONE
        )


NO_QUOTE = "none"


class EvidencePicker(OwnedView):
    """/qa add without evidence: the closest article sentences to pick from, or no quote at all
    (then members see the answer as a note from the moderators)."""

    def __init__(
        self,
        owner_id: int,
        question: str,
        answer: str,
        kind: str,
        article_id: str | None,
        choices: Sequence[tuple[Source, Evidence]],
        timeout: float = 600,
    ) -> None:
        super().__init__(owner_id, timeout)
        self.fields = (question, answer, kind, article_id)
        self.choices = list(choices)
        options = [
            discord.SelectOption(
                label=clip(" ".join(e.display.split()), 100),
                description=clip(source.article.title, 100),
                value=str(n),
            )
            for n, (source, e) in enumerate(self.choices)
        ]
        options.append(
            discord.SelectOption(
                label="No quote: a note from the moderators",
                description="Shown as your note, never as a quote from the article",
                value=NO_QUOTE,
            )
        )
        self.pick: discord.ui.Select[EvidencePicker] = discord.ui.Select(
            placeholder="The sentence that supports this answer", options=options
        )
        self.pick.callback = self._picked  # type: ignore[method-assign]
        self.add_item(self.pick)

    def prompt(self) -> str:
        if not self.choices:
            return (
                "No sentence of the article looks related. Add it as a note from the"
                " moderators, or run /qa add again with `evidence` copied from the article."
            )
        return "Which sentence of the article supports this answer? (Or none: a note.)"

    async def _picked(self, interaction: discord.Interaction[Any]) -> None:
        await require_moderator(interaction)
        self.stop()
        choice = self.pick.values[0]
        evidence = None if choice == NO_QUOTE else self.choices[int(choice)][1]
        question, answer, kind, article_id = self.fields
        if evidence is not None:
            article_id = self.choices[int(choice)][0].article.id
        await interaction.response.defer()
        bot: BriefBot = interaction.client
        from bot.exts.qa.format import added_text  # one-way: format does not import views

        entry = await add_entry(
            bot.service,
            actor_of(interaction),
            question=question,
            answer=answer,
            evidence=evidence,
            kind=kind,
            article_id=article_id,
        )
        await interaction.edit_original_response(
            content=added_text(entry), view=None, allowed_mentions=NONE
        )


class TeachProposals(OwnedView):
    """One Teach button per question members' clicks proposed for an entry: one click teaches."""

    def __init__(self, owner_id: int, proposals: Sequence[Proposal], timeout: float = 600) -> None:
        super().__init__(owner_id, timeout)
        for number, proposal in enumerate(proposals, 1):
            button: discord.ui.Button[TeachProposals] = discord.ui.Button(
                label=f"Teach {number}", style=discord.ButtonStyle.success, row=1
            )
            button.callback = self._teacher(proposal, button)  # type: ignore[method-assign]
            self.add_item(button)

    def _teacher(
        self, proposal: Proposal, button: discord.ui.Button[TeachProposals]
    ) -> Callable[[discord.Interaction[Any]], Awaitable[None]]:
        async def callback(interaction: discord.Interaction[Any]) -> None:
            await require_moderator(interaction)
            bot: BriefBot = interaction.client
            await interaction.response.defer(ephemeral=True, thinking=True)
            ref = f"{proposal.key[0]}/{proposal.key[1]}"
            item, entry = await teach(bot.service, actor_of(interaction), proposal.question, ref)
            button.disabled = True
            from bot.exts.qa.format import taught_text

            await interaction.followup.send(
                taught_text(item, entry), ephemeral=True, allowed_mentions=NONE
            )

        return callback
