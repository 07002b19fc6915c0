"""Pausing Python's cyclic garbage collector around work that builds many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(*, collect_after: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block (objects are still freed by reference counting).

    The collector walks every live object again and again as allocations pile up; for a report of 100k
    papers, or for a spot check whose time is mostly imports, that walk is pure overhead. Forked workers
    inherit the paused state. ``collect_after`` takes whatever cycles were left, once, at the end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            if collect_after:
                gc.collect()
