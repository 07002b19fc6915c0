"""The collector pause restores exactly the state it found, even when the block raises."""

from __future__ import annotations

import gc

import pytest

from checker.engine.gc_pause import paused_gc


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with paused_gc(collect_after=True):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_when_the_block_raises() -> None:
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc(collect_after=True):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
