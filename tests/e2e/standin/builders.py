"""Build INTERACTION_CREATE payloads the way Discord's client would (incl. validation)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .recording import UploadedFile
from .store import MessageStore
from .world import Channel, Perm, Persona, Role, World

SUB, GROUP, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(
    1, 12
)
SELECT_TYPES = {3: "string", 5: "user", 6: "role", 7: "mentionable", 8: "channel"}


class Resolver:
    """Collects the ``resolved`` block for user/channel/role/attachment values."""

    def __init__(self, world: World, store: MessageStore, invoker: Persona, in_guild: bool) -> None:
        self.world, self.store, self.invoker, self.in_guild = world, store, invoker, in_guild
        self.data: dict[str, dict[str, Any]] = {}

    def _put(self, kind: str, key: int | str, value: dict[str, Any]) -> str:
        self.data.setdefault(kind, {})[str(key)] = value
        return str(key)

    def user(self, value: Persona | int | str) -> str:
        p = self.world.persona(value)
        if self.in_guild:
            member = self.world.member_payload(p, with_user=False, with_permissions=True)
            self._put("members", p.id, member)
        return self._put("users", p.id, self.world.user_payload(p))

    def role(self, value: Role | int | str) -> str:
        r = self.world.role(value)
        return self._put("roles", r.id, self.world.role_payload(r))

    def mentionable(self, value: Any) -> str:
        try:
            return self.user(value)
        except KeyError:
            return self.role(value)

    def channel(self, value: Channel | int | str, allowed: list[int] | None = None) -> str:
        ch = self.world.channel(value)
        if allowed and ch.type not in allowed:
            raise ValueError(f"channel {ch.name!r} (type {ch.type}) not allowed; types {allowed}")
        data = self.world.channel_payload(ch)
        data["permissions"] = str(self.world.permissions(self.invoker))
        return self._put("channels", ch.id, data)

    def attachment(self, value: UploadedFile | tuple[Any, ...]) -> str:
        upload = value if isinstance(value, UploadedFile) else UploadedFile(*value)
        data = {**self.store.attach(upload), "ephemeral": True}
        return self._put("attachments", data["id"], data)

    def payload(self) -> dict[str, Any] | None:
        return self.data or None


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


def check_invocable(cmd: dict[str, Any], world: World, user: Persona, channel: Channel) -> None:
    """Raise PermissionError if Discord would not even show ``cmd`` to ``user`` here."""
    context = 1 if channel.is_dm else 0
    contexts = cmd.get("contexts")
    if contexts is not None and context not in contexts:
        raise PermissionError(f"/{cmd['name']} is not available in context {context} ({contexts=})")
    if contexts is None and channel.is_dm and cmd.get("dm_permission") is False:
        raise PermissionError(f"/{cmd['name']} is guild-only")
    required = cmd.get("default_member_permissions")
    if required is None or channel.is_dm:
        return
    granted = world.command_access.get(cmd["name"], set())
    if granted & {world.guild_id, user.id, *user.roles}:
        return
    have, need = world.permissions(user), int(required)
    if have != Perm.ALL and (need == 0 or have & need != need):
        raise PermissionError(
            f"{user.username} cannot use /{cmd['name']}: needs permissions {need}, has {have}"
        )


def walk_components(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every component, depth first (action rows, containers, sections, labels)."""
    for comp in components:
        yield comp
        yield from walk_components(comp.get("components") or [])
        for key in ("accessory", "component"):
            if isinstance(comp.get(key), dict):
                yield from walk_components([comp[key]])


def component_data(
    message: dict[str, Any], custom_id: str, values: list[Any] | None, resolver: Resolver
) -> dict[str, Any]:
    """``data`` for clicking/choosing component ``custom_id`` on a stored message."""
    found = next(
        (
            c
            for c in walk_components(message.get("components") or [])
            if c.get("custom_id") == custom_id
        ),
        None,
    )
    if found is None:
        ids = [
            c["custom_id"]
            for c in walk_components(message.get("components") or [])
            if c.get("custom_id")
        ]
        raise ValueError(f"message {message['id']} has no component {custom_id!r}; it has {ids}")
    if found.get("disabled"):
        raise ValueError(f"component {custom_id!r} is disabled")
    data: dict[str, Any] = {"custom_id": custom_id, "component_type": found["type"]}
    if found["type"] in SELECT_TYPES:
        data["values"] = select_values(found, values or [], resolver)
        if (resolved := resolver.payload()) is not None:
            data["resolved"] = resolved
    return data


def select_values(comp: dict[str, Any], values: list[Any], resolver: Resolver) -> list[str]:
    lo, hi = comp.get("min_values", 1), comp.get("max_values", 1)
    if not lo <= len(values) <= hi:
        raise ValueError(f"select {comp.get('custom_id')!r} takes {lo}..{hi} values, got {values}")
    kind = SELECT_TYPES[comp["type"]]
    if kind == "string":
        allowed = [o["value"] for o in comp.get("options") or []]
        if bad := [v for v in values if v not in allowed]:
            raise ValueError(f"select {comp.get('custom_id')!r}: {bad} not in options {allowed}")
        return [str(v) for v in values]
    convert = {"user": resolver.user, "role": resolver.role, "mentionable": resolver.mentionable}
    if kind == "channel":
        return [resolver.channel(v, comp.get("channel_types")) for v in values]
    return [convert[kind](v) for v in values]


def _input_value(comp: dict[str, Any], value: Any, resolver: Resolver) -> dict[str, Any]:
    out: dict[str, Any] = {"type": comp["type"], "custom_id": comp["custom_id"]}
    if comp["type"] == 4:
        text = str(value)
        lo, hi = comp.get("min_length", 0), comp.get("max_length", 4000)
        if not lo <= len(text) <= hi:
            raise ValueError(f"text input {comp['custom_id']!r}: length must be in [{lo}, {hi}]")
        out["value"] = text
    else:
        out["values"] = select_values(comp, list(value), resolver)
    return out


def modal_data(
    custom_id: str, values: dict[str, Any], modal: dict[str, Any] | None, resolver: Resolver
) -> dict[str, Any]:
    """``data`` for submitting a modal; mirrors the modal the bot showed when known."""
    if modal is None:  # never shown (e.g. a persistent modal): plain text inputs
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": k, "value": str(v)}]}
            for k, v in values.items()
        ]
        return {"custom_id": custom_id, "components": rows}
    inputs = [c for c in walk_components(modal.get("components") or []) if c.get("custom_id")]
    known = {c["custom_id"] for c in inputs}
    if unknown := set(values) - known:
        raise ValueError(
            f"modal {custom_id!r} has no input(s) {sorted(unknown)}; it has {sorted(known)}"
        )
    rows = []
    for top in modal.get("components") or []:
        children = top.get("components") or ([top["component"]] if top.get("component") else [])
        answered = []
        for comp in children:
            cid = comp.get("custom_id")
            if cid is None:
                continue
            if cid not in values:
                if comp.get("required", True):
                    raise ValueError(f"modal {custom_id!r}: required input {cid!r} is missing")
                empty = {"value": ""} if comp["type"] == 4 else {"values": []}
                answered.append({"type": comp["type"], "custom_id": cid, **empty})
            else:
                answered.append(_input_value(comp, values[cid], resolver))
        if top.get("type") == 18 and answered:
            rows.append({"type": 18, "component": answered[0]})
        elif answered:
            rows.append({"type": 1, "components": answered})
    data: dict[str, Any] = {"custom_id": custom_id, "components": rows}
    if (resolved := resolver.payload()) is not None:
        data["resolved"] = resolved
    return data


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
        "app_permissions": str(world.permissions(bot)),
        "channel_id": str(channel.id),
        "channel": world.channel_payload(channel),
    }
    if channel.is_dm:
        payload.update(user=world.user_payload(user), context=1)
        payload["authorizing_integration_owners"] = {"0": str(world.guild_id)}
    else:
        payload.update(
            guild_id=str(world.guild_id),
            guild={"id": str(world.guild_id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            member=world.member_payload(user, with_permissions=True),
            context=0,
            authorizing_integration_owners={"0": str(world.guild_id)},
        )
    if message is not None:
        payload["message"] = message
    return payload
