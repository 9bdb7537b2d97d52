"""Interaction responses and message edits: what the bot changed is what tests (and users) see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from standin import DiscordStandIn, Ids, Perm, RunClient, SentMessage
from standin_probe import Probe


@pytest.fixture
async def probe(standin: DiscordStandIn, run_client: RunClient) -> AsyncIterator[Probe]:
    async with run_client(Probe()) as bot:
        yield bot


async def prompt(standin: DiscordStandIn, where: str) -> SentMessage:
    """The Settle prompt, as a slash-command reply or as a plain channel message."""
    if where == "reply":
        return await (await standin.slash("settle", channel_id=Ids.ASK)).reply()
    mark = standin.mark()
    await standin.send_message("settle", channel_id=Ids.ASK)
    return await standin.next_message(channel_id=Ids.ASK, after=mark)


def disabled(message: dict[str, Any]) -> list[bool]:
    return [c.get("disabled", False) for row in message["components"] for c in row["components"]]


WHERE = pytest.mark.parametrize("where", ["reply", "channel"])


@WHERE
async def test_update_message_edits_the_prompt_in_place(
    probe: Probe, standin: DiscordStandIn, where: str
) -> None:
    """Callback type 7 replaces content and components of the clicked message."""
    shown = await prompt(standin, where)
    click = await standin.click("s:update", shown)
    updated = await click.reply()
    assert (click.callback_type, updated["kind"], updated["id"]) == (7, "update", shown["id"])
    now = standin.message(shown["id"])
    assert now is not None and now["content"] == "settled by update"
    assert disabled(now) == [True, True, True]
    assert any(d["id"] == str(shown["id"]) for d in standin.gateway.dispatched("MESSAGE_UPDATE"))


@WHERE
async def test_a_deferred_update_then_an_edit_and_a_private_followup(
    probe: Probe, standin: DiscordStandIn, where: str
) -> None:
    """Type 6 shows nothing; @original then edits the clicked message; the follow-up is new."""
    shown = await prompt(standin, where)
    click = await standin.click("s:defer", shown, user=Ids.CURATOR)
    edit = await click.next_message(kind="edit_original")
    private = await click.followup()
    assert click.callback_type == 6 and edit["id"] == shown["id"]
    assert disabled(standin.message(shown["id"]) or {}) == [True, True, True]
    assert private["ephemeral"] and private["id"] != shown["id"]
    assert private["content"] not in [m["content"] for m in standin.history(Ids.ASK)]
    created = [d["id"] for d in standin.gateway.dispatched("MESSAGE_CREATE")]
    assert str(private["id"]) not in created  # Discord sends no events for ephemeral messages


@WHERE
async def test_deleting_the_original_after_a_deferred_update(
    probe: Probe, standin: DiscordStandIn, where: str
) -> None:
    """delete_original_response removes the clicked message, with MESSAGE_DELETE."""
    shown = await prompt(standin, where)
    click = await standin.click("s:remove", shown)
    await standin.wait_for_request(
        lambda r: r.method == "DELETE" and r.interaction_id == click.id, after=click.mark
    )
    assert standin.message(shown["id"]) is None
    assert [d["id"] for d in standin.gateway.dispatched("MESSAGE_DELETE")] == [str(shown["id"])]
    with pytest.raises(LookupError):
        await standin.click("s:update", shown)


async def test_followups_are_edited_and_deleted(probe: Probe, standin: DiscordStandIn) -> None:
    """The first follow-up fills the "thinking" message; later ones can be edited or deleted."""
    handle = await standin.slash("followups")
    done = await handle.followup(2)  # first, second, done
    kinds = [(m["kind"], m["content"], m["ephemeral"]) for m in handle.messages]
    assert kinds == [
        ("followup", "first", False),
        ("followup", "second", True),
        ("edit_followup", "first, edited", False),
        ("followup", "done", False),
    ]
    first, second = handle.messages[0], handle.messages[1]
    assert first["id"] == handle.record.original_message_id  # the loading message, replaced
    assert standin.message(second["id"]) is None and standin.message(done["id"]) is not None
    assert [m["content"] for m in standin.history(Ids.ASK, limit=2)] == ["done", "first, edited"]
    assert standin.gateway.dispatched("MESSAGE_DELETE") == []  # the deleted one was ephemeral


@pytest.mark.parametrize(("minutes", "status"), [(14, 200), (16, 401)])
async def test_an_interaction_token_lasts_fifteen_minutes(
    probe: Probe, standin: DiscordStandIn, minutes: int, status: int
) -> None:
    """Editing @original works for 15 minutes; then 401 Invalid Webhook Token (50027)."""
    handle = await standin.slash("whoami")
    await handle.reply()
    standin.clock.advance(minutes=minutes)
    route = discord.http.Route(
        "PATCH", "/webhooks/{a}/{t}/messages/@original", a=Ids.APPLICATION, t=handle.token
    )
    try:
        await probe.http.request(route, json={"content": "later"})
        got = 200
    except discord.HTTPException as err:
        got = err.status
        assert err.code == 50027
    assert got == status


async def test_the_bot_deletes_others_messages_only_with_manage_messages(
    probe: Probe, standin: DiscordStandIn
) -> None:
    """Without Manage Messages the delete is refused (50013); granted, it goes through."""
    mark = standin.mark()
    first = await standin.send_message("moderate", channel_id=Ids.GENERAL)
    refused = await standin.wait_for_request(lambda r: r.method == "DELETE", after=mark)
    assert (refused.status, refused.response["code"]) == (403, 50013)
    assert standin.message(first["id"]) is not None
    await standin.set_role_permissions(Ids.ROLE_BOT, Perm.EVERYONE | Perm.MANAGE_MESSAGES)
    mark = standin.mark()
    second = await standin.send_message("moderate", channel_id=Ids.GENERAL)
    done = await standin.wait_for_request(lambda r: r.method == "DELETE", after=mark)
    assert done.status == 204 and standin.message(second["id"]) is None


async def test_users_edit_and_delete_their_messages(probe: Probe, standin: DiscordStandIn) -> None:
    """MESSAGE_UPDATE / MESSAGE_DELETE reach the bot's cache for a user's own message."""
    sent = await standin.send_message("draft", channel_id=Ids.GENERAL)
    await standin.edit_message(sent, "final")
    await standin.delete_message(sent)
    updates = standin.gateway.dispatched("MESSAGE_UPDATE")
    assert updates[-1]["content"] == "final" and updates[-1]["edited_timestamp"]
    assert standin.gateway.dispatched("MESSAGE_DELETE")[-1]["id"] == sent["id"]
    with pytest.raises(discord.NotFound):
        await probe.http.get_message(Ids.GENERAL, int(sent["id"]))
