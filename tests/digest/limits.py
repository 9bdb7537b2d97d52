"""Discord's embed limits, checked on the JSON an embed is sent as."""

from __future__ import annotations

from typing import Any

TOTAL_MAX = 6000


def embed_chars(embed: dict[str, Any]) -> int:
    """The characters Discord counts towards the 6000 limit for one embed."""
    fields = embed.get("fields") or []
    return sum(
        [
            len(embed.get("title") or ""),
            len(embed.get("description") or ""),
            len((embed.get("footer") or {}).get("text") or ""),
            len((embed.get("author") or {}).get("name") or ""),
            *(len(f.get("name") or "") + len(f.get("value") or "") for f in fields),
        ]
    )


def assert_within_limits(embeds: list[dict[str, Any]]) -> None:
    """Per-embed limits, and 6000 characters across all the embeds of one message."""
    assert 1 <= len(embeds) <= 10
    for embed in embeds:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= 4096
        assert len((embed.get("footer") or {}).get("text") or "") <= 2048
        fields = embed.get("fields") or []
        assert len(fields) <= 25
        for field in fields:
            assert 0 < len(field["name"]) <= 256
            assert 0 < len(field["value"]) <= 1024
    assert sum(embed_chars(e) for e in embeds) <= TOTAL_MAX
