"""`briefbot build`: extract unreviewed candidate entries from seeds for curators.

report = run_build(Path("seeds"), Path("knowledge/candidates"))
print(report.summary())
"""

from __future__ import annotations

from bot.extraction.extract import Extraction, extract
from bot.extraction.run import BuildError, BuildReport, SeedReport, run_build

__all__ = ["BuildError", "BuildReport", "Extraction", "SeedReport", "extract", "run_build"]
