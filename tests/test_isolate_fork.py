"""The reading child and the objects of the process it is forked from."""

from __future__ import annotations

import gc
import os
import sys
from collections import namedtuple

import pytest
from proc_state import children_of, running

from resdiff import isolate
from resdiff.errors import InputError

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


class _Tripwire:
    """An argument that may not be pickled."""

    def __reduce__(self):
        raise AssertionError("pickled")


Point = namedtuple("Point", "x y")


def _point(x, y):
    return Point(x, y)


def test_the_first_call_hands_its_arguments_over_with_the_fork():
    """The call that starts the child writes none of its arguments (a PDF's bytes) to it: the child has them
    in the memory it shares with this process. A later call reaches the same child (it sends its arguments)."""
    isolate._shutdown()
    try:
        assert isolate.call(len, [_Tripwire(), b"x" * 100_000], source="test") == 2
        child = isolate.call(os.getpid, source="test")
        assert isolate.call(len, b"y" * 100_000, source="test") == 100_000
        assert isolate.call(os.getpid, source="test") == child != os.getpid()
    finally:
        isolate._shutdown()


@pytest.mark.parametrize("plain", [False, True])
def test_answers_come_back_as_they_were_made(plain):
    """Plain data (read back as marshal writes it, where the caller says so) and data that is not (a named
    tuple, an exception: pickled) come back equal and of their own types, from the first call and a later one."""
    isolate._shutdown()
    try:
        for _ in range(2):
            data = [("text", 1.5, -2.0, [(0, "1")]), None, True, 3, {"a": {1, 2}}]
            assert isolate.call(list, data, source="test", plain=plain) == data
            got = isolate.call(_point, 1, 2.0, source="test", plain=plain)
            assert type(got) is Point and got == (1, 2.0)
            with pytest.raises(InputError, match="not a PDF"):
                isolate.call(_raise, source="test", plain=plain)
    finally:
        isolate._shutdown()


def _raise():
    raise InputError("not a PDF", source="x.pdf")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's prctl and /proc")
def test_the_reading_child_ends_with_the_process_that_forked_it_even_killed():
    """A run killed with SIGKILL (or a session's worker killed past its time limit) leaves no reading child
    behind, reading on alone to its CPU limit."""
    import signal
    import subprocess
    import time

    root = os.path.dirname(os.path.dirname(os.path.abspath(isolate.__file__)))
    code = "import time\nfrom resdiff import isolate\nisolate.call(time.sleep, 120, source='slow')\n"
    parent = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": root})
    children: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while not (children := children_of(parent.pid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert children, "the reading child never started"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(map(running, children)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(running, children))
    finally:
        parent.kill()
        parent.wait()
        for pid in children:
            if running(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's prctl")
def test_a_child_forked_by_a_thread_outlives_that_thread():
    """The parent-death signal follows the thread that forked, not the process: a child a thread started (a
    Dask worker runs its tasks in threads) must not be killed when that thread ends, or the next document read
    by the process would be reported 'ended by SIGKILL'."""
    import threading
    import time

    isolate._shutdown()
    try:
        got = []
        t = threading.Thread(target=lambda: got.append(isolate.call(abs, -3, source="a")))
        t.start()
        t.join()
        assert got == [3]
        time.sleep(0.2)  # the signal, were it asked for, would have come by now
        assert isolate.call(abs, -4, source="b") == 4
    finally:
        isolate._shutdown()
