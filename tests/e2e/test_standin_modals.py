"""Modal submits with today's components (Label around text, select, checkbox, file upload)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from standin import DiscordStandIn, Ids, RunClient
from standin_probe import Probe


@pytest.fixture
async def probe(standin: DiscordStandIn, run_client: RunClient) -> AsyncIterator[Probe]:
    async with run_client(Probe()) as bot:
        yield bot


VALUES = {"note_text": "Peskov is Putin's spokesman", "note_kind": ["fact"], "note_public": True}


async def test_the_modal_is_shown_with_labels(probe: Probe, standin: DiscordStandIn) -> None:
    """The bot's modal arrives as Label (type 18) rows around each input."""
    modal = await (await standin.slash("note", user=Ids.MODERATOR)).modal()
    rows = modal["components"]
    assert [r["type"] for r in rows] == [18, 18, 18, 18]
    assert [r["component"]["type"] for r in rows] == [4, 3, 23, 19]


@pytest.mark.parametrize(
    ("submitter", "lose_role", "manage"),
    [
        (Ids.MODERATOR, False, True),
        (Ids.MODERATOR, True, False),  # lost Moderator between opening and submitting
        (Ids.MEMBER, False, False),  # someone else submits the same form
    ],
)
async def test_a_submit_carries_the_submitters_current_permissions(
    probe: Probe, standin: DiscordStandIn, submitter: int, lose_role: bool, manage: bool
) -> None:
    """Values arrive as typed; permissions are the submitter's at submit time."""
    await (await standin.slash("note", user=Ids.MODERATOR)).modal()
    if lose_role:
        await standin.remove_roles(Ids.MODERATOR, Ids.ROLE_MODERATOR)
    handle = await standin.submit_modal("note", VALUES, user=submitter)
    reply = await handle.reply()
    name = standin.persona(submitter).username
    assert reply["content"] == (
        f"note by {name} manage={manage}: Peskov is Putin's spokesman (fact) public=True files=-"
    )
    assert reply["ephemeral"]


async def test_files_and_defaults_in_a_submit(probe: Probe, standin: DiscordStandIn) -> None:
    """Uploaded files resolve as attachments; an unticked checkbox arrives as False."""
    await (await standin.slash("note", user=Ids.MODERATOR)).modal()
    values = {
        "note_text": "see files",
        "note_kind": ["opinion"],
        "note_files": [("a.txt", b"1"), ("b.txt", b"2")],
    }
    reply = await (await standin.submit_modal("note", values, user=Ids.MODERATOR)).reply()
    assert reply["content"].endswith("(opinion) public=False files=a.txt,b.txt")


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"note_kind": ["fact"]}, "required input 'note_text'"),
        ({**VALUES, "note_kind": ["rumour"]}, "not in options"),
        ({**VALUES, "note_text": "x" * 101}, "length must be in"),
        ({**VALUES, "note_files": [("a", b""), ("b", b""), ("c", b"")]}, "takes 1..2 values"),
        ({**VALUES, "nope": "x"}, "no input"),
    ],
)
async def test_a_submit_discord_would_not_allow_is_refused(
    probe: Probe, standin: DiscordStandIn, values: dict[str, object], error: str
) -> None:
    """Like Discord's client, submit_modal refuses what the form would not accept."""
    await (await standin.slash("note", user=Ids.MODERATOR)).modal()
    with pytest.raises(ValueError, match=error):
        await standin.submit_modal("note", values, user=Ids.MODERATOR)
