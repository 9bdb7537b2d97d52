"""What a user's click, pick or modal submit sends: component and modal-submit ``data``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .recording import UploadedFile
from .resolve import Resolver

SELECT_TYPES = {3: "string", 5: "user", 6: "role", 7: "mentionable", 8: "channel"}
TEXT_INPUT, LABEL, FILE_UPLOAD, RADIO_GROUP, CHECKBOX_GROUP, CHECKBOX = 4, 18, 19, 21, 22, 23


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


def _counted(comp: dict[str, Any], values: list[Any], default_max: int = 1) -> None:
    lo, hi = comp.get("min_values"), comp.get("max_values")  # discord.py may send null
    lo, hi = 1 if lo is None else lo, default_max if hi is None else hi
    if not comp.get("required", True) and not values:
        return
    if not lo <= len(values) <= hi:
        raise ValueError(f"{comp.get('custom_id')!r} takes {lo}..{hi} values, got {values}")


def _option_values(comp: dict[str, Any], values: list[Any]) -> list[str]:
    allowed = [o["value"] for o in comp.get("options") or []]
    if bad := [v for v in values if v not in allowed]:
        raise ValueError(f"{comp.get('custom_id')!r}: {bad} not in options {allowed}")
    return [str(v) for v in values]


def select_values(comp: dict[str, Any], values: list[Any], resolver: Resolver) -> list[str]:
    _counted(comp, values)
    kind = SELECT_TYPES[comp["type"]]
    if kind == "string":
        return _option_values(comp, values)
    convert = {"user": resolver.user, "role": resolver.role, "mentionable": resolver.mentionable}
    if kind == "channel":
        return [resolver.channel(v, comp.get("channel_types")) for v in values]
    return [convert[kind](v) for v in values]


def _input_value(comp: dict[str, Any], value: Any, resolver: Resolver) -> dict[str, Any]:
    """One answered modal input, shaped as Discord reports it for its component type."""
    ctype = comp["type"]
    out: dict[str, Any] = {"type": ctype, "custom_id": comp["custom_id"]}
    if comp.get("id") is not None:
        out["id"] = comp["id"]
    if ctype == TEXT_INPUT:
        text = str(value)
        lo, hi = comp.get("min_length", 0), comp.get("max_length", 4000)
        if not lo <= len(text) <= hi:
            raise ValueError(f"text input {comp['custom_id']!r}: length must be in [{lo}, {hi}]")
        out["value"] = text
    elif ctype == CHECKBOX:
        out["value"] = bool(value)
    elif ctype == RADIO_GROUP:
        out["value"] = _option_values(comp, [value])[0]
    elif ctype == CHECKBOX_GROUP:
        _counted(comp, list(value), default_max=len(comp.get("options") or []))
        out["values"] = _option_values(comp, list(value))
    elif ctype == FILE_UPLOAD:
        files = [v if isinstance(v, UploadedFile) else UploadedFile(*v) for v in value]
        _counted(comp, files)
        out["values"] = [resolver.attachment(f) for f in files]
    else:
        out["values"] = select_values(comp, list(value), resolver)
    return out


def _unanswered(comp: dict[str, Any]) -> dict[str, Any]:
    empty: dict[str, Any]
    if comp["type"] == TEXT_INPUT:
        empty = {"value": ""}
    elif comp["type"] == CHECKBOX:
        empty = {"value": False}
    elif comp["type"] == RADIO_GROUP:
        empty = {"value": None}
    else:
        empty = {"values": []}
    return {"type": comp["type"], "custom_id": comp["custom_id"], **empty}


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
            if cid in values:
                answered.append(_input_value(comp, values[cid], resolver))
            elif comp.get("required", comp["type"] != CHECKBOX):
                raise ValueError(f"modal {custom_id!r}: required input {cid!r} is missing")
            else:
                answered.append(_unanswered(comp))
        if top.get("type") == LABEL and answered:
            rows.append({"type": LABEL, "id": top.get("id"), "component": answered[0]})
        elif answered:
            rows.append({"type": 1, "components": answered})
    data: dict[str, Any] = {"custom_id": custom_id, "components": rows}
    if (resolved := resolver.payload()) is not None:
        data["resolved"] = resolved
    return data
