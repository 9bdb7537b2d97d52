"""/qa edit: a form prefilled with the entry, and "Edit again" after a refusal."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.app.checks import require_moderator
from bot.app.errors import report
from bot.app.refusals import refusal
from bot.app.render import clip
from bot.curation.changes import StaleEdit, edit_entry
from bot.curation.errors import CurationError
from bot.exts.qa.views import NONE, OwnedView, actor_of
from bot.knowledge.schema import KINDS, MAX_ANSWER_CHARS, MAX_PHRASING_CHARS
from bot.models import Entry

if TYPE_CHECKING:
    from bot.app.client import BriefBot

log = logging.getLogger(__name__)
INPUT_MAX = 4000  # Discord's limit on a text input's value


@dataclass(frozen=True)
class Draft:
    """What the form holds: the entry's values, or what a moderator submitted last time."""

    question: str
    answer: str
    evidence: str | None  # None: too long for the form, so left as it is
    alternates: str | None
    kind: str

    @classmethod
    def of(cls, entry: Entry) -> Draft:
        evidence = "\n".join(" ".join(e.display.split()) for e in entry.evidence)
        alternates = "\n".join(entry.alternates)
        return cls(
            entry.question,
            entry.answer,
            evidence if len(evidence) <= INPUT_MAX else None,
            alternates if len(alternates) <= INPUT_MAX else None,
            entry.kind,
        )


def _input(
    text: str, description: str, value: str, limit: int, *, long: bool = True, required: bool = True
) -> tuple[discord.ui.Label[Any], discord.ui.TextInput[Any]]:
    field: discord.ui.TextInput[Any] = discord.ui.TextInput(
        custom_id=text.lower(),
        style=discord.TextStyle.paragraph if long else discord.TextStyle.short,
        default=value or None,
        # Never below the current value's length: Discord refuses a form that starts invalid.
        max_length=min(INPUT_MAX, max(limit, len(value))),
        required=required,
    )
    return discord.ui.Label(text=text, description=description, component=field), field


class EditForm(discord.ui.Modal):
    """/qa edit: question, answer, evidence, alternates and kind of one entry."""

    def __init__(self, entry: Entry, draft: Draft | None = None) -> None:
        super().__init__(
            title=clip(f"Edit {entry.id}", 45),
            custom_id=clip(f"bb:qa:edit:{entry.id}", 100),
            timeout=3600,
        )
        self.entry = entry
        self.draft = draft = draft or Draft.of(entry)
        label, self.question = _input(
            "Question", "The main question", draft.question, MAX_PHRASING_CHARS, long=False
        )
        self.add_item(label)
        label, self.answer = _input("Answer", "In our own words", draft.answer, MAX_ANSWER_CHARS)
        self.add_item(label)
        self.evidence: discord.ui.TextInput[Any] | None = None
        if draft.evidence is not None:
            label, self.evidence = _input(
                "Evidence",
                "One passage per line, word for word from the article",
                draft.evidence,
                INPUT_MAX,
            )
            self.add_item(label)
        self.alternates: discord.ui.TextInput[Any] | None = None
        if draft.alternates is not None:
            label, self.alternates = _input(
                "Alternates",
                "Other ways to ask, one per line",
                draft.alternates,
                INPUT_MAX,
                required=False,
            )
            self.add_item(label)
        self.kind: discord.ui.Select[Any] = discord.ui.Select(
            custom_id="kind",
            options=[
                discord.SelectOption(label=k, value=k, default=k == draft.kind) for k in KINDS
            ],
        )
        self.add_item(discord.ui.Label(text="Kind", component=self.kind))

    def submitted(self) -> Draft:
        return Draft(
            self.question.value,
            self.answer.value,
            self.evidence.value if self.evidence is not None else None,
            self.alternates.value if self.alternates is not None else None,
            self.kind.values[0] if self.kind.values else self.draft.kind,
        )

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        # A form stays open for an hour: the person may have lost the moderator role meanwhile.
        await require_moderator(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        bot: BriefBot = interaction.client
        draft = self.submitted()
        try:
            edited = await edit_entry(
                bot.service,
                actor_of(interaction),
                self.entry,
                question=draft.question,
                answer=draft.answer,
                evidence=draft.evidence,
                alternates=draft.alternates,
                kind=draft.kind,
            )
        except CurationError as exc:
            # Keep what they typed: a button reopens the form with it (unless it is stale).
            view = discord.utils.MISSING
            if not isinstance(exc, StaleEdit):
                view = RetryEdit(interaction.user.id, self.entry, draft)
            await interaction.followup.send(
                refusal(exc), view=view, ephemeral=True, allowed_mentions=NONE
            )
            return
        text = (
            f"Saved `{self.entry.id}`. /ask uses the new version now."
            if edited is not None
            else f"Nothing changed in `{self.entry.id}`."
        )
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        await report(interaction.client, interaction, error, "/qa edit form")


class RetryEdit(OwnedView):
    """After a refused edit: reopen the form with what the moderator had typed."""

    def __init__(self, owner_id: int, entry: Entry, draft: Draft, timeout: float = 600) -> None:
        super().__init__(owner_id, timeout)
        self.entry = entry
        self.draft = draft

    @discord.ui.button(
        label="Edit again", custom_id="bb:qa:retry", style=discord.ButtonStyle.primary
    )
    async def retry(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[RetryEdit]
    ) -> None:
        await interaction.response.send_modal(EditForm(self.entry, self.draft))
