"""`briefbot build --draft`: a draft knowledge file for every seed without one, served at once.

report = run_draft_build(Path("seeds"), Path("knowledge"))
print(report.summary())
"""

from __future__ import annotations

from bot.draft.run import DraftReport, draft_seed, run_draft_build

__all__ = ["DraftReport", "draft_seed", "run_draft_build"]
