"""/qa import, export and reload through the service: all or nothing, audited."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from bot.curation.context import Actor, ProblemsFound
from bot.curation.errors import CurationError
from bot.curation.files import export_files, import_file, reload
from bot.service import Audience, BriefingService
from bot.settings import Settings

MOD = Actor(42, 7)
OWNER = Actor(1, 7, owner=True)
NOW = datetime(2026, 11, 24, tzinfo=UTC)


async def exported(service: BriefingService) -> str:
    files, problems = await export_files(service, MOD, NOW)
    assert problems == [] and [f.filename for f in files] == ["trump-russia.yaml"]
    return files[0].text


async def test_import_reports_added_updated_unchanged(service: BriefingService) -> None:
    """A whole file applies at once; the report sorts its entries into what happened."""
    data = yaml.safe_load(await exported(service))
    data["entries"][0]["answer"] = "Changed."
    data["entries"].append(
        {
            **data["entries"][1],
            "id": "copy",
            "question": "New?",
            "alternates": ["a b", "c d", "e f"],
        }
    )
    imported = await import_file(service, MOD, "k.yaml", yaml.safe_dump(data).encode())
    assert imported.report.added == ["copy"]
    assert imported.report.updated == [data["entries"][0]["id"]]
    assert len(imported.unchanged) == len(data["entries"]) - 2
    assert service.view(Audience(7)).entry(("trump-russia", "copy")) is not None
    assert service.view(Audience(8)).entry(("trump-russia", "copy")) is None
    assert "this server only" in imported.notes[-1]


async def test_the_owner_imports_into_the_shared_base(service: BriefingService) -> None:
    """With `everywhere`, the owner's import reaches every server and direct messages."""
    data = yaml.safe_load(await exported(service))
    data["entries"][0]["answer"] = "The owner's answer."
    key = ("trump-russia", data["entries"][0]["id"])
    await import_file(service, OWNER, "k.yaml", yaml.safe_dump(data).encode(), everywhere=True)
    for audience in (Audience(7), Audience(8), Audience()):
        assert service.view(audience).entry(key).answer == "The owner's answer."


async def test_a_refused_import_changes_nothing(service: BriefingService) -> None:
    """Any problem refuses the whole file: the store and audit log stay as they were."""
    data = yaml.safe_load(await exported(service))
    data["entries"][0]["answer"] = "Changed."
    data["entries"][1]["evidence"] = ["Not in the article."]

    def state() -> tuple[object, ...]:
        return (dict(service.view(Audience(7)).entries),)

    before = (state(), len(await service.history(7, limit=10**6)))
    with pytest.raises(ProblemsFound) as refused:
        await import_file(service, MOD, "k.yaml", yaml.safe_dump(data).encode())
    assert "evidence not found verbatim" in str(refused.value.problems[0])
    after = (state(), len(await service.history(7, limit=10**6)))
    assert after == before


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [("k.json", b"{}", "Only .yaml"), ("k.yaml", b"\xff", "not UTF-8")],
)
async def test_bad_uploads_are_refused(
    service: BriefingService, name: str, data: bytes, says: str
) -> None:
    """Wrong type or encoding is refused before parsing."""
    with pytest.raises(CurationError, match=says):
        await import_file(service, MOD, name, data)


async def test_export_is_audited(service: BriefingService) -> None:
    """Who exported is on record."""
    await exported(service)
    [record] = await service.history(7, limit=1)
    assert (record.action, record.actor, record.after) == (
        "export",
        "42",
        {"files": "trump-russia.yaml"},
    )


async def test_reload_lists_problems_with_short_paths(knowledge_copy: Path) -> None:
    """A broken knowledge file refuses the reload; problems name knowledge/<file>:<line>."""
    settings = Settings(
        _env_file=None,
        data_dir=knowledge_copy / "data",
        knowledge_dir=knowledge_copy / "knowledge",
        seeds_dir=knowledge_copy / "seeds",
    )
    service = await BriefingService.start(settings)
    try:
        report = await reload(service, OWNER)
        assert not report.changed
        path = knowledge_copy / "knowledge" / "trump-russia.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\nbogus: 1\n", encoding="utf-8")
        with pytest.raises(ProblemsFound) as refused:
            await reload(service, OWNER)
        [problem] = refused.value.problems
        assert problem.file == "knowledge/trump-russia.yaml" and problem.line is not None
    finally:
        await service.close()
