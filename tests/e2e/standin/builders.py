"""Build INTERACTION_CREATE payloads the way Discord's client would (incl. validation)."""

from __future__ import annotations

from typing import Any

from .perms import Perm
from .resolve import Resolver
from .world import Channel, Persona, World

SUB, GROUP, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(
    1, 12
)
CHAT_INPUT, USER_COMMAND, MESSAGE_COMMAND = 1, 2, 3
# What a bot's DM interactions carry as app_permissions (Discord's documented DM set).
DM_APP_PERMISSIONS = Perm.ATTACH_FILES | Perm.EMBED_LINKS | Perm.MENTION_EVERYONE
DM_APP_PERMISSIONS |= Perm.USE_EXTERNAL_EMOJIS


def _check_range(defn: dict[str, Any], value: Any) -> None:
    name = defn["name"]
    if defn.get("choices") and value not in [c["value"] for c in defn["choices"]]:
        allowed = [c["value"] for c in defn["choices"]]
        raise ValueError(f"option {name!r}: {value!r} is not one of the choices {allowed}")
    if isinstance(value, str):
        lo, hi = defn.get("min_length", 0), defn.get("max_length", 6000)
        if not lo <= len(value) <= hi:
            raise ValueError(f"option {name!r}: length must be in [{lo}, {hi}]")
    elif "min_value" in defn and value < defn["min_value"]:
        raise ValueError(f"option {name!r}: must be >= {defn['min_value']}")
    elif "max_value" in defn and value > defn["max_value"]:
        raise ValueError(f"option {name!r}: must be <= {defn['max_value']}")


def option_value(defn: dict[str, Any], value: Any, resolver: Resolver) -> Any:
    """Convert a test-supplied value to the wire value for option ``defn``."""
    t = defn["type"]
    if t == STRING:
        if not isinstance(value, str):
            raise TypeError(f"option {defn['name']!r} takes a str, got {value!r}")
    elif t == INTEGER:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"option {defn['name']!r} takes an int, got {value!r}")
    elif t == NUMBER:
        value = float(value)
    elif t == BOOLEAN:
        value = bool(value)
    elif t == USER:
        return resolver.user(value)
    elif t == CHANNEL:
        return resolver.channel(value, defn.get("channel_types"))
    elif t == ROLE:
        return resolver.role(value)
    elif t == MENTIONABLE:
        return resolver.mentionable(value)
    elif t == ATTACHMENT:
        return resolver.attachment(value)
    _check_range(defn, value)
    return value


def _leaf_options(
    defs: list[dict[str, Any]], options: dict[str, Any], resolver: Resolver, focused: str | None
) -> list[dict[str, Any]]:
    known = {d["name"] for d in defs}
    if unknown := set(options) - known:
        raise ValueError(f"unknown option(s) {sorted(unknown)}; the command has {sorted(known)}")
    if focused is not None and focused not in options:
        raise ValueError(f"focused option {focused!r} must be given a (partial) value")
    out = []
    for defn in defs:
        name = defn["name"]
        if name not in options:
            if defn.get("required") and focused is None:
                raise ValueError(f"required option {name!r} is missing")
            continue
        if name == focused:
            if not defn.get("autocomplete"):
                raise ValueError(f"option {name!r} has no autocomplete")
            out.append(
                {"name": name, "type": defn["type"], "value": str(options[name]), "focused": True}
            )
        else:
            value = option_value(defn, options[name], resolver)
            out.append({"name": name, "type": defn["type"], "value": value})
    return out


def command_data(
    cmd: dict[str, Any],
    path: str,
    options: dict[str, Any],
    resolver: Resolver,
    focused: str | None = None,
) -> dict[str, Any]:
    """``data`` of an APPLICATION_COMMAND/AUTOCOMPLETE interaction for ``path`` ("qa add")."""
    data: dict[str, Any] = {"id": cmd["id"], "name": cmd["name"], "type": cmd.get("type", 1)}
    if cmd.get("guild_id"):
        data["guild_id"] = cmd["guild_id"]
    container, defs = data, cmd.get("options") or []
    for part in path.split()[1:]:
        sub = next((d for d in defs if d["name"] == part and d["type"] in (SUB, GROUP)), None)
        if sub is None:
            subs = [d["name"] for d in defs if d["type"] in (SUB, GROUP)]
            raise ValueError(f"{path!r}: no sub-command {part!r}; available: {subs}")
        node: dict[str, Any] = {"name": part, "type": sub["type"], "options": []}
        container["options"] = [node]
        container, defs = node, sub.get("options") or []
    if pending := [d["name"] for d in defs if d["type"] in (SUB, GROUP)]:
        raise ValueError(f"{path!r} is a group; pick one of {pending}")
    container["options"] = _leaf_options(defs, options, resolver, focused)
    if (resolved := resolver.payload()) is not None:
        data["resolved"] = resolved
    return data


def context_menu_data(cmd: dict[str, Any], target_id: int, resolver: Resolver) -> dict[str, Any]:
    """``data`` of a user (type 2) or message (type 3) command on ``target_id``."""
    data: dict[str, Any] = {
        "id": cmd["id"],
        "name": cmd["name"],
        "type": cmd["type"],
        "target_id": str(target_id),
        "resolved": resolver.payload() or {},
    }
    if cmd.get("guild_id"):
        data["guild_id"] = cmd["guild_id"]
    return data


def check_invocable(cmd: dict[str, Any], world: World, user: Persona, channel: Channel) -> None:
    """Raise PermissionError if Discord would not even show ``cmd`` to ``user`` here."""
    context = 1 if channel.is_dm else 0
    contexts = cmd.get("contexts")
    name = cmd["name"]
    if contexts is not None and context not in contexts:
        raise PermissionError(f"{name!r} is not available in context {context} ({contexts=})")
    if contexts is None and channel.is_dm and cmd.get("dm_permission") is False:
        raise PermissionError(f"{name!r} is guild-only")
    guild = world.guild_of(channel)
    if guild is None:
        return
    if world.bot.id not in guild.members:
        raise PermissionError(f"the bot is not in {guild.name!r}: its commands are not there")
    member = guild.member(user.id)
    if member is None:
        raise PermissionError(f"{user.username} is not a member of {guild.name!r}")
    if not world.permissions(user, channel=channel) & Perm.USE_APPLICATION_COMMANDS:
        raise PermissionError(
            f"{user.username} may not use application commands in #{channel.name}"
        )
    required = cmd.get("default_member_permissions")
    if required is None:
        return
    granted = guild.command_access.get(name, set())
    if granted & {guild.id, user.id, *member.roles}:
        return
    have, need = guild.permissions(user.id), int(required)
    if have != Perm.ALL and (need == 0 or have & need != need):
        raise PermissionError(
            f"{user.username} cannot use {name!r}: needs permissions {need}, has {have}"
        )


def interaction_payload(
    world: World,
    *,
    interaction_id: int,
    token: str,
    type: int,
    data: dict[str, Any],
    user: Persona,
    channel: Channel,
    message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The INTERACTION_CREATE ``d`` for ``user`` acting in ``channel``."""
    bot = world.bot
    guild = world.guild_of(channel)
    app_permissions = world.permissions(bot, channel=channel) if guild else DM_APP_PERMISSIONS
    payload: dict[str, Any] = {
        "id": str(interaction_id),
        "application_id": str(bot.id),
        "type": type,
        "token": token,
        "version": 1,
        "data": data,
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 10 * 1024 * 1024,
        "app_permissions": str(app_permissions),
        "channel_id": str(channel.id),
        "channel": world.channel_payload(channel),
    }
    if guild is None:  # a DM with the bot: "0" stands for the guild install
        payload.update(user=world.user_payload(user), context=1)
        payload["authorizing_integration_owners"] = {"0": "0"}
    else:
        payload.update(
            guild_id=str(guild.id),
            guild={"id": str(guild.id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            member=world.member_payload(user, with_permissions=True, channel=channel),
            context=0,
            authorizing_integration_owners={"0": str(guild.id)},
        )
    if message is not None:
        payload["message"] = message
    return payload
