"""Discord's documented size limits, so the stand-in rejects what Discord would reject."""

from __future__ import annotations

from typing import Any

Errors = dict[str, str]  # dotted field path -> message

EMBED_LIMITS = {"title": 256, "description": 4096}
COMPONENTS_V2 = 1 << 15


def _too_long(errors: Errors, path: str, value: Any, limit: int) -> None:
    if isinstance(value, str) and len(value) > limit:
        errors[path] = f"Must be {limit} or fewer in length."


def _embed_errors(errors: Errors, embeds: list[dict[str, Any]]) -> None:
    if len(embeds) > 10:
        errors["embeds"] = "Must be 10 or fewer in length."
    for i, embed in enumerate(embeds):
        total = 0
        for key, limit in EMBED_LIMITS.items():
            _too_long(errors, f"embeds.{i}.{key}", embed.get(key), limit)
            total += len(embed.get(key) or "")
        footer = (embed.get("footer") or {}).get("text")
        author = (embed.get("author") or {}).get("name")
        _too_long(errors, f"embeds.{i}.footer.text", footer, 2048)
        _too_long(errors, f"embeds.{i}.author.name", author, 256)
        total += len(footer or "") + len(author or "")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            errors[f"embeds.{i}.fields"] = "Must be 25 or fewer in length."
        for j, f in enumerate(fields):
            _too_long(errors, f"embeds.{i}.fields.{j}.name", f.get("name"), 256)
            _too_long(errors, f"embeds.{i}.fields.{j}.value", f.get("value"), 1024)
            if not f.get("name") or not f.get("value"):
                errors[f"embeds.{i}.fields.{j}"] = "Field name and value are required."
            total += len(f.get("name") or "") + len(f.get("value") or "")
        if total > 6000:
            errors[f"embeds.{i}"] = "Embed size exceeds maximum size of 6000"


def _component_errors(errors: Errors, comps: list[dict[str, Any]], path: str, v2: bool) -> None:
    if not v2 and path == "components" and len(comps) > 5:
        errors[path] = "Must be 5 or fewer in length."
    for i, comp in enumerate(comps):
        here = f"{path}.{i}"
        _too_long(errors, f"{here}.custom_id", comp.get("custom_id"), 100)
        if comp.get("type") == 2:
            _too_long(errors, f"{here}.label", comp.get("label"), 80)
            if comp.get("style") not in (5, 6) and not comp.get("custom_id"):
                errors[f"{here}.custom_id"] = "A custom id is required for this button style."
        if comp.get("type") == 3 and len(comp.get("options") or []) > 25:
            errors[f"{here}.options"] = "Must be 25 or fewer in length."
        children = comp.get("components") or []
        if comp.get("type") == 1 and len(children) > 5:
            errors[f"{here}.components"] = "Must be 5 or fewer in length."
        _component_errors(errors, children, f"{here}.components", v2)


def message_errors(payload: dict[str, Any], *, has_files: bool, edit: bool = False) -> Errors:
    """Errors for a message create/edit payload (empty dict when valid)."""
    errors: Errors = {}
    v2 = bool(int(payload.get("flags") or 0) & COMPONENTS_V2)
    content = payload.get("content")
    _too_long(errors, "content", content, 2000)
    _too_long(errors, "nonce", payload.get("nonce"), 25)
    _embed_errors(errors, payload.get("embeds") or [])
    _component_errors(errors, payload.get("components") or [], "components", v2)
    if v2 and (content or payload.get("embeds")):
        errors["content"] = "Content and embeds cannot be used with the IS_COMPONENTS_V2 flag."
    empty = not (
        content
        or payload.get("embeds")
        or payload.get("components")
        or payload.get("sticker_ids")
        or payload.get("poll")
        or has_files
    )
    if empty and not edit:
        errors["_empty"] = "Cannot send an empty message"
    return errors


def choices_errors(choices: list[dict[str, Any]]) -> Errors:
    errors: Errors = {}
    if len(choices) > 25:
        errors["choices"] = "Must be 25 or fewer in length."
    for i, c in enumerate(choices):
        name = c.get("name") or ""
        if not 1 <= len(name) <= 100:
            errors[f"choices.{i}.name"] = "Must be between 1 and 100 in length."
        _too_long(errors, f"choices.{i}.value", c.get("value"), 100)
    return errors


def modal_errors(data: dict[str, Any]) -> Errors:
    errors: Errors = {}
    _too_long(errors, "title", data.get("title"), 45)
    _too_long(errors, "custom_id", data.get("custom_id"), 100)
    if not data.get("title"):
        errors["title"] = "This field is required"
    rows = data.get("components") or []
    if not 1 <= len(rows) <= 5:
        errors["components"] = "Must be between 1 and 5 in length."
    for i, row in enumerate(rows):
        _too_long(errors, f"components.{i}.label", row.get("label"), 45)  # a Label's own text
        _too_long(errors, f"components.{i}.description", row.get("description"), 100)
        for j, comp in enumerate(row.get("components") or [row.get("component") or row]):
            _too_long(errors, f"components.{i}.{j}.label", comp.get("label"), 45)
            _too_long(errors, f"components.{i}.{j}.placeholder", comp.get("placeholder"), 100)
            _too_long(errors, f"components.{i}.{j}.value", comp.get("value"), 4000)
    return errors


def form_error_body(errors: Errors, *, prefix: str = "") -> dict[str, Any]:
    """Discord's 400 body for invalid input (code 50006 for empty, otherwise 50035)."""
    if "_empty" in errors:
        return {"message": errors["_empty"], "code": 50006}
    nested: dict[str, Any] = {}
    for path, msg in errors.items():
        node = nested
        for part in ([prefix] if prefix else []) + path.split("."):
            node = node.setdefault(part, {})
        node["_errors"] = [{"code": "BASE_TYPE_BAD_VALUE", "message": msg}]
    return {"message": "Invalid Form Body", "code": 50035, "errors": nested}
