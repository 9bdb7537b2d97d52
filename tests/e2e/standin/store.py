"""Messages and attachments that exist on the stand-in, as Discord message payloads."""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from typing import Any

from .recording import UploadedFile
from .world import Channel, Persona, World

USER_MENTION = re.compile(r"<@!?(\d+)>")
ROLE_MENTION = re.compile(r"<@&(\d+)>")
EPHEMERAL, LOADING = 1 << 6, 1 << 7


@dataclass(frozen=True)
class NonceUse:
    message_id: int
    at: float  # stand-in clock (monotonic) when the message was created


class MessageStore:
    """Every message (by id) and every uploaded attachment (by attachment id)."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.base_url = ""  # set once the server listens; attachment URLs point at it
        self.messages: dict[int, dict[str, Any]] = {}
        self.attachments: dict[int, UploadedFile] = {}
        self.deleted: set[int] = set()
        self.nonces: dict[tuple[int, str], NonceUse] = {}  # (author id, nonce) -> latest use

    # -- attachments -----------------------------------------------------------------------

    def attach(self, upload: UploadedFile, description: str | None = None) -> dict[str, Any]:
        """Store an upload and return its attachment payload (URL served by the stand-in)."""
        att_id = self.world.snowflake()
        if not upload.content_type or upload.content_type == "application/octet-stream":
            guessed = mimetypes.guess_type(upload.filename)[0]
            upload.content_type = guessed or upload.content_type or "application/octet-stream"
        self.attachments[att_id] = upload
        url = f"{self.base_url}/attachments/{att_id}/{upload.filename}"
        data: dict[str, Any] = {
            "id": str(att_id),
            "filename": upload.filename,
            "size": len(upload.data),
            "url": url,
            "proxy_url": url,
            "content_type": upload.content_type,
        }
        if description:
            data["description"] = description
        return data

    def _attachments_for(
        self, payload: dict[str, Any], files: list[UploadedFile], existing: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        by_index = {f.index: f for f in files}
        wanted = payload.get("attachments")
        if wanted is None:
            return existing + [self.attach(f) for f in files]
        kept = {a["id"]: a for a in existing}
        out: list[dict[str, Any]] = []
        for entry in wanted:
            key = entry.get("id")
            if str(key) in kept:
                out.append(kept[str(key)])
            elif key is not None and int(key) in by_index:
                out.append(self.attach(by_index.pop(int(key)), entry.get("description")))
        return out + [self.attach(f) for f in by_index.values()]

    # -- messages --------------------------------------------------------------------------

    def mentioned_user(self, persona: Persona, channel: Channel) -> dict[str, Any]:
        """A ``mentions`` entry: the user, with ``member`` when they are in the channel's guild."""
        user = self.world.user_payload(persona)
        guild = self.world.guild_of(channel)
        if guild is not None and persona.id in guild.members:
            user["member"] = self.world.member_payload(persona, with_user=False, guild=guild)
        return user

    def mentions(self, content: str, channel: Channel) -> tuple[list[dict[str, Any]], list[str]]:
        users = [
            self.mentioned_user(self.world.personas[uid], channel)
            for uid in dict.fromkeys(int(m) for m in USER_MENTION.findall(content or ""))
            if uid in self.world.personas
        ]
        guild = self.world.guild_of(channel)
        roles = [
            r
            for r in dict.fromkeys(ROLE_MENTION.findall(content or ""))
            if guild is not None and int(r) in guild.roles
        ]
        return users, roles

    def create(
        self,
        channel: Channel,
        author: Persona,
        payload: dict[str, Any],
        files: list[UploadedFile] | None = None,
        *,
        msg_type: int = 0,
        extra: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        content = payload.get("content") or ""
        mentions, mention_roles = self.mentions(content, channel)
        msg_id = self.world.snowflake()
        msg: dict[str, Any] = {
            "id": str(msg_id),
            "channel_id": str(channel.id),
            "author": self.world.user_payload(author),
            "content": content,
            "timestamp": self.world.clock.iso(),
            "edited_timestamp": None,
            "tts": bool(payload.get("tts")),
            "mention_everyone": "@everyone" in content,
            "mentions": mentions,
            "mention_roles": mention_roles,
            "attachments": self._attachments_for(payload, files or [], []),
            "embeds": [{"type": "rich", **e} for e in payload.get("embeds") or []],
            "components": payload.get("components") or [],
            "reactions": [],
            "pinned": False,
            "type": msg_type,
            "flags": int(payload.get("flags") or 0),
        }
        if payload.get("nonce") is not None:
            msg["nonce"] = payload["nonce"]
            key = (author.id, str(payload["nonce"]))
            self.nonces[key] = NonceUse(msg_id, self.world.clock.monotonic())
        if not channel.is_dm:
            msg["guild_id"] = str(channel.guild_id)
            msg["member"] = self.world.member_payload(author, with_user=False, channel=channel)
        ref = payload.get("message_reference")
        if ref and ref.get("message_id"):
            ref_id = int(ref["message_id"])
            msg["type"] = 19
            msg["message_reference"] = {
                "type": 0,
                "message_id": str(ref_id),
                "channel_id": str(ref.get("channel_id") or channel.id),
                **({"guild_id": str(channel.guild_id)} if not channel.is_dm else {}),
            }
            msg["referenced_message"] = self.messages.get(ref_id)
        msg.update(extra or {})
        self.messages[msg_id] = msg
        channel.last_message_id = msg_id
        return msg

    def edit(
        self, msg_id: int, payload: dict[str, Any], files: list[UploadedFile] | None = None
    ) -> dict[str, Any]:
        msg = self.messages[msg_id]
        for key in ("content", "components"):
            if key in payload:
                msg[key] = (
                    payload[key] if payload[key] is not None else ([] if key != "content" else "")
                )
        if "embeds" in payload:
            msg["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
        if "content" in payload:
            channel = self.world.channel(int(msg["channel_id"]))
            msg["mentions"], msg["mention_roles"] = self.mentions(msg["content"], channel)
        if "flags" in payload and payload["flags"] is not None:
            keep = int(msg["flags"]) & (EPHEMERAL | LOADING)
            msg["flags"] = int(payload["flags"]) | keep
        if "attachments" in payload or files:
            msg["attachments"] = self._attachments_for(payload, files or [], msg["attachments"])
        msg["edited_timestamp"] = self.world.clock.iso()
        return msg

    def get(self, msg_id: int) -> dict[str, Any] | None:
        return None if msg_id in self.deleted else self.messages.get(msg_id)

    def delete(self, msg_id: int) -> bool:
        if self.get(msg_id) is None:
            return False
        self.deleted.add(msg_id)
        return True

    def in_channel(self, channel_id: int) -> list[dict[str, Any]]:
        """The channel's messages everyone can see, oldest first (no ephemeral ones)."""
        return sorted(
            (
                m
                for mid, m in self.messages.items()
                if int(m["channel_id"]) == channel_id
                and mid not in self.deleted
                and not int(m.get("flags") or 0) & EPHEMERAL
            ),
            key=lambda m: int(m["id"]),
        )

    def history(
        self,
        channel_id: int,
        *,
        limit: int = 50,
        before: int | None = None,
        after: int | None = None,
        around: int | None = None,
    ) -> list[dict[str, Any]]:
        """GET /channels/{id}/messages: newest first, whichever anchor is given.

        ``after`` yields the ``limit`` messages right after the anchor (still newest first, as
        discord.py's history(after=...) expects); ``around`` centres on the anchor.
        """
        msgs = self.in_channel(channel_id)
        if around is not None:
            older = [m for m in msgs if int(m["id"]) <= around]
            newer = [m for m in msgs if int(m["id"]) > around]
            n_newer = min(len(newer), limit // 2)
            n_older = min(len(older), limit - n_newer)
            n_newer = min(len(newer), limit - n_older)
            picked = older[len(older) - n_older :] + newer[:n_newer]
        elif before is not None:
            picked = [m for m in msgs if int(m["id"]) < before][-limit:]
        elif after is not None:
            picked = [m for m in msgs if int(m["id"]) > after][:limit]
        else:
            picked = msgs[-limit:]
        return list(reversed(picked))

    def recent_nonce(self, author_id: int, nonce: Any, window: float) -> dict[str, Any] | None:
        """The message ``author_id`` created with ``nonce`` less than ``window`` seconds ago."""
        use = self.nonces.get((author_id, str(nonce)))
        if use is None or self.world.clock.monotonic() - use.at >= window:
            return None
        return self.get(use.message_id)
