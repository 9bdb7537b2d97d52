"""Paths of the two articles the build tests run on."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL_SEED = ROOT / "seeds" / "000_824f32114a763518.txt"
FIXTURE_SEED = Path(__file__).resolve().parent / "fixtures" / "flood_barrier.txt"
