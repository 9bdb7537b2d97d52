"""Registered application commands (what the bot synced), with Discord's shape checks."""

from __future__ import annotations

import asyncio
import builtins
import copy
import re
from collections.abc import Callable
from typing import Any

from .validation import form_error_body

NAME_RE = re.compile(r"^[-_'\w]{1,32}$")
SUBCOMMAND, GROUP = 1, 2


def _option_errors(options: list[dict[str, Any]], path: str, errors: dict[str, str]) -> None:
    if len(options) > 25:
        errors[path] = "Must be 25 or fewer in length."
    seen_optional = False
    for i, opt in enumerate(options):
        here = f"{path}.{i}"
        name = opt.get("name", "")
        if not NAME_RE.match(name) or name != name.lower():
            errors[f"{here}.name"] = "Command name is invalid"
        if not 1 <= len(opt.get("description") or "") <= 100:
            errors[f"{here}.description"] = "Must be between 1 and 100 in length."
        if len(opt.get("choices") or []) > 25:
            errors[f"{here}.choices"] = "Must be 25 or fewer in length."
        if opt.get("choices") and opt.get("autocomplete"):
            errors[f"{here}.autocomplete"] = "Autocomplete cannot be set with choices."
        if opt.get("type") not in (SUBCOMMAND, GROUP):
            if opt.get("required") and seen_optional:
                errors[f"{here}.required"] = "Required options must be placed before non-required"
            seen_optional = seen_optional or not opt.get("required")
        _option_errors(opt.get("options") or [], f"{here}.options", errors)


def command_errors(cmd: dict[str, Any], path: str = "") -> dict[str, str]:
    """Shape errors for one command payload (empty when Discord would accept it)."""
    errors: dict[str, str] = {}
    name = cmd.get("name", "")
    if cmd.get("type", 1) == 1:
        if not NAME_RE.match(name) or name != name.lower():
            errors[f"{path}name"] = "Command name is invalid"
        if not 1 <= len(cmd.get("description") or "") <= 100:
            errors[f"{path}description"] = "Must be between 1 and 100 in length."
    elif not 1 <= len(name) <= 32:
        errors[f"{path}name"] = "Must be between 1 and 32 in length."
    _option_errors(cmd.get("options") or [], f"{path}options", errors)
    return errors


def command_errors_body(commands: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Discord's 400 body for a bad (bulk) command payload, or None when acceptable."""
    errors: dict[str, str] = {}
    if len(commands) > 100:
        errors["_"] = "Must be 100 or fewer in length."
    seen: set[tuple[str, int]] = set()
    for i, cmd in enumerate(commands):
        errors.update(command_errors(cmd, f"{i}."))
        key = (cmd.get("name", ""), cmd.get("type", 1))
        if key in seen:
            errors[f"{i}.name"] = "Application command names must be unique"
        seen.add(key)
    return form_error_body(errors) if errors else None


class CommandRegistry:
    """Commands per scope (``None`` = global, else a guild id), inspectable by tests."""

    def __init__(self, application_id: int, snowflake: Callable[[], int]) -> None:
        self.application_id = application_id
        self._snowflake = snowflake
        self.scopes: dict[int | None, list[dict[str, Any]]] = {}
        self._changed = asyncio.Event()

    def _stored(self, guild_id: int | None, cmd: dict[str, Any]) -> dict[str, Any]:
        key = (cmd["name"], cmd.get("type", 1))
        old = next((c for c in self.list(guild_id) if (c["name"], c["type"]) == key), None)
        stored = copy.deepcopy(cmd)
        stored.setdefault("type", 1)
        stored.setdefault("description", "")
        stored.setdefault("options", [])
        stored.setdefault("default_member_permissions", None)
        stored.setdefault("nsfw", False)
        stored["id"] = old["id"] if old else str(self._snowflake())
        stored["application_id"] = str(self.application_id)
        stored["version"] = str(self._snowflake())
        if guild_id is not None:
            stored["guild_id"] = str(guild_id)
        return stored

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def overwrite(
        self, guild_id: int | None, commands: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        self.scopes[guild_id] = [self._stored(guild_id, c) for c in commands]
        self._notify()
        return self.scopes[guild_id]

    def upsert(self, guild_id: int | None, cmd: dict[str, Any]) -> dict[str, Any]:
        stored = self._stored(guild_id, cmd)
        rest = [c for c in self.list(guild_id) if c["id"] != stored["id"]]
        self.scopes[guild_id] = [*rest, stored]
        self._notify()
        return stored

    def by_id(self, guild_id: int | None, command_id: int) -> dict[str, Any] | None:
        return next((c for c in self.list(guild_id) if int(c["id"]) == command_id), None)

    def delete(self, guild_id: int | None, command_id: int) -> bool:
        before = self.list(guild_id)
        self.scopes[guild_id] = [c for c in before if int(c["id"]) != command_id]
        return len(before) != len(self.scopes[guild_id])

    def list(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        return self.scopes.get(guild_id, [])

    def all(self) -> builtins.list[dict[str, Any]]:
        return [c for cmds in self.scopes.values() for c in cmds]

    def names(self) -> set[str]:
        return {c["name"] for c in self.all()}

    def get(
        self, name: str, *, guild_id: int | None = None, type: int = 1
    ) -> dict[str, Any] | None:
        """The command a user in ``guild_id`` would see (guild scope wins over global).

        ``name`` is a slash command path ("qa add") for type 1, the full context-menu name
        (which may contain spaces) for user (2) and message (3) commands."""
        top = name.split()[0] if type == 1 else name
        for scope in ([guild_id] if guild_id is not None else []) + [None]:
            for cmd in self.list(scope):
                if cmd["name"] == top and cmd["type"] == type:
                    return cmd
        return None

    def __contains__(self, name: object) -> bool:
        names = self.names()
        return isinstance(name, str) and (name in names or name.split()[0] in names)

    async def wait_for(
        self, name: str, *, guild_id: int | None, type: int = 1, timeout: float = 5.0
    ) -> dict[str, Any]:
        async def _wait() -> dict[str, Any]:
            while (cmd := self.get(name, guild_id=guild_id, type=type)) is None:
                await self._changed.wait()
            return cmd

        try:
            return await asyncio.wait_for(_wait(), timeout)
        except TimeoutError:
            raise LookupError(
                f"command {name!r} was never registered (registered: {sorted(self.names())});"
                " did the bot call `await bot.tree.sync()` (with guild= for guild commands)?"
            ) from None
