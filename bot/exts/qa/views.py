"""The buttons of /qa: the remove confirmation and the evidence picker of /qa add (the edit
form is in form.py; the pagers and Teach buttons, which outlive restarts, in pager.py).

They belong to one moderator's ephemeral reply. Every button that changes something checks
again that the person is (still) a moderator when it is clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.app.checks import require_moderator
from bot.app.render import clip
from bot.app.reported import ReportingView
from bot.curation.changes import add_entry, remove_entry
from bot.curation.context import Actor
from bot.curation.evidence import Source
from bot.models import Entry, Evidence

if TYPE_CHECKING:
    from bot.app.client import BriefBot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
NOT_YOURS = "Only the moderator who ran this command can use these buttons."


def actor_of(interaction: discord.Interaction[Any]) -> Actor:
    return Actor(interaction.user.id, interaction.guild_id)


class OwnedView(ReportingView):
    """A view only the moderator who asked for it may use."""

    where = "a /qa button"

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
