"""What a process keeps for its life is frozen; the collector always resumes."""

import gc

import pytest

from bot.lifetime import lasting


def test_objects_made_inside_are_frozen_and_collection_resumes() -> None:
    """Objects made inside are no longer scanned, and the collector runs again after."""
    before = gc.get_freeze_count()
    try:
        with lasting():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_collection_resumes_after_a_failure() -> None:
    """A start that fails leaves the collector running."""
    try:
        with pytest.raises(RuntimeError), lasting():
            raise RuntimeError("the store could not be opened")
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_nested_use_leaves_the_outer_one_in_charge() -> None:
    """Inside another such block the collector stays paused until the outer one ends."""
    try:
        with lasting():
            with lasting():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
