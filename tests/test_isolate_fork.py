"""The reading child and the objects of the process it is forked from."""

from __future__ import annotations

import gc
import os

import pytest

from resdiff import isolate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the reading child is a fork")


def test_the_child_leaves_the_objects_it_was_forked_with_to_this_process_which_keeps_collecting_them():
    """In the child, what this process had made is out of the collector's reach (a collection there would go
    over all of it, copying every page it is on); this process has its objects back as they were."""
    isolate._shutdown()
    try:
        before = gc.get_freeze_count()
        frozen_in_child = isolate.call(gc.get_freeze_count, source="test")
        assert frozen_in_child > before + 1000  # the interpreter's and the test run's objects
        assert gc.get_freeze_count() == before
        garbage = [[]]
        garbage[0].append(garbage)  # a cycle, which only the collector frees
        del garbage
        assert gc.collect() > 0
    finally:
        isolate._shutdown()


def test_objects_the_caller_had_frozen_stay_frozen():
    isolate._shutdown()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 1000
        isolate.call(gc.get_freeze_count, source="test")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        isolate._shutdown()
