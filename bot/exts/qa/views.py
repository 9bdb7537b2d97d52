"""The buttons of /qa: a pager and the remove confirmation (the edit form is in form.py).

They live in memory (unlike the answer buttons in bot.app.views): they belong to one
moderator's ephemeral reply and expire with it, so there is nothing to restore on a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord

from bot.app.errors import reply_privately
from bot.curation.changes import remove_entry
from bot.curation.context import Actor
from bot.models import Entry

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
            await reply_privately(interaction, NOT_YOURS)
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
        log.exception("/qa button failed", exc_info=error)
        await reply_privately(interaction, "Sorry, something went wrong on my side.")


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
        self.stop()
        await interaction.response.defer()
        bot: BriefBot = interaction.client
        removed = await remove_entry(bot.service, actor_of(interaction), self.entry.id)
        text = (
            f"Removed `{self.entry.id}`. /ask no longer answers with it."
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
