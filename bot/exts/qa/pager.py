"""The /qa pagers and Teach buttons, which outlive a restart: each button's custom id says
which list, which page, whose it is and (for a list) the search or the entry. Every click
checks again that the person is (still) a moderator."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.app.checks import require_moderator
from bot.app.errors import UserFacingError
from bot.app.reported import Reported
from bot.curation.changes import teach
from bot.exts.qa.pages import Page, page_of, proposal_ref
from bot.exts.qa.views import actor_of

if TYPE_CHECKING:
    from bot.app.client import BriefBot

NONE = discord.AllowedMentions.none()
NOT_YOURS = "Only the moderator who ran this command can use these buttons."
STALE = "This list is from before a restart of the bot; please run the command again."


def _owned(interaction: discord.Interaction[Any], owner_id: int) -> None:
    if interaction.user.id != owner_id:
        raise UserFacingError(NOT_YOURS)


class PageButton(
    Reported,
    template=r"bb:pg:(?P<kind>[luh]):(?P<page>\d{1,4}):(?P<owner>\d{1,20}):(?P<arg>.{0,60})",
):
    where = "a /qa page button"

    def __init__(
        self, kind: str, page: int, owner_id: int, arg: str, label: str, disabled: bool
    ) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=f"bb:pg:{kind}:{page}:{owner_id}:{arg}",
                disabled=disabled,
            )
        )
        self.kind, self.page, self.owner_id, self.arg = kind, page, owner_id, arg

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PageButton:
        label = getattr(item, "label", None) or "Next"
        page, owner = int(match["page"]), int(match["owner"])
        return cls(match["kind"], page, owner, match["arg"], label, False)

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        _owned(interaction, self.owner_id)
        await require_moderator(interaction)
        bot: BriefBot = interaction.client
        page = await page_of(bot.service, interaction.guild_id, self.kind, self.page, self.arg)
        await interaction.response.edit_message(
            embed=page.embed,
            view=pager_view(self.kind, self.page, self.owner_id, self.arg, page),
            allowed_mentions=NONE,
        )


class TeachButton(Reported, template=r"bb:tc:(?P<owner>\d{1,20}):(?P<ref>[0-9a-f]{12})"):
    """Teach the question members' clicks proposed for an entry: one click."""

    where = "a Teach button"

    def __init__(self, owner_id: int, ref: str, label: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.success,
                custom_id=f"bb:tc:{owner_id}:{ref}",
                row=1,
            )
        )
        self.owner_id, self.ref = owner_id, ref

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> TeachButton:
        return cls(int(match["owner"]), match["ref"], getattr(item, "label", None) or "Teach")

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        _owned(interaction, self.owner_id)
        await require_moderator(interaction)
        bot: BriefBot = interaction.client
        assert interaction.guild_id is not None
        proposals = await bot.service.proposals(interaction.guild_id)
        found = next((p for p in proposals if proposal_ref(p) == self.ref), None)
        if found is None:
            raise UserFacingError("That proposal was taught or withdrawn meanwhile.")
        await interaction.response.defer()
        ref = f"{found.key[0]}/{found.key[1]}"
        item, entry = await teach(bot.service, actor_of(interaction), found.question, ref)
        page = await page_of(bot.service, interaction.guild_id, "u", 0, "")
        await interaction.edit_original_response(
            embed=page.embed, view=pager_view("u", 0, self.owner_id, "", page)
        )
        from bot.exts.qa.format import taught_text

        await interaction.followup.send(
            taught_text(item, entry), ephemeral=True, allowed_mentions=NONE
        )


class StalePageButton(Reported, template=r"bb:qa:(?:prev|next)"):
    """A pager posted before pagers kept their state in their buttons."""

    where = "a /qa page button"

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> StalePageButton:
        return cls(discord.ui.Button(custom_id=match.string))

    async def run(self, interaction: discord.Interaction[Any]) -> None:
        raise UserFacingError(STALE)


def pager_view(kind: str, page: int, owner_id: int, arg: str, shown: Page) -> discord.ui.View:
    """Prev / Next (each naming the page it opens) and the page's Teach buttons."""
    view = discord.ui.View(timeout=None)
    if page > 0 or shown.more:
        view.add_item(PageButton(kind, max(page - 1, 0), owner_id, arg, "Prev", page == 0))
        view.add_item(PageButton(kind, page + 1, owner_id, arg, "Next", not shown.more))
    for number, proposal in enumerate(shown.proposals, 1):
        view.add_item(TeachButton(owner_id, proposal_ref(proposal), f"Teach {number}"))
    return view


PAGER_ITEMS = (PageButton, TeachButton, StalePageButton)
