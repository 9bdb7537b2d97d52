"""The site folder: is there one, and the sample a new one starts from (`briefbot init`)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from bot.settings import PROJECT_ROOT, Settings


def not_a_site(settings: Settings) -> str | None:
    """One line telling how to make a site folder, or None when the settings name one."""
    if settings.knowledge_dir.is_dir():
        return None
    return (
        f"briefbot: no knowledge folder at {settings.knowledge_dir}, so this is no site folder;"
        " make one with `briefbot init [DIR]`, or name one with --home DIR or BRIEFBOT_HOME."
    )


def sample_parts() -> dict[str, Traversable]:
    """Where the sample's knowledge/ and seeds/ come from: the wheel's bot/sample/, or the
    checkout itself for an editable install (its top-level folders are the source)."""
    packaged = resources.files("bot") / "sample"
    if packaged.is_dir():
        return {"knowledge": packaged / "knowledge", "seeds": packaged / "seeds"}
    return {"knowledge": PROJECT_ROOT / "knowledge", "seeds": PROJECT_ROOT / "seeds"}
