"""Fixtures for the build tests: the real seed, our own fixture article and their extractions."""

from __future__ import annotations

import pytest

from bot.extraction import Extraction, extract
from bot.text.seed import Seed

from .articles import FIXTURE_SEED, REAL_SEED


@pytest.fixture(scope="session")
def real_seed() -> Seed:
    return Seed.load(REAL_SEED)


@pytest.fixture(scope="session")
def fixture_seed() -> Seed:
    return Seed.load(FIXTURE_SEED)


@pytest.fixture(scope="session")
def real(real_seed: Seed) -> Extraction:
    return extract(real_seed)


@pytest.fixture(scope="session")
def flood(fixture_seed: Seed) -> Extraction:
    return extract(fixture_seed)
