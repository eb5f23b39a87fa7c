"""The main process of a session runs no cyclic garbage collection while results come in (the collector
would go over every result kept so far, again and again), and gives the collector back as it found it."""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

import pytest

from resdiff.session import check_session

ROOT = Path(__file__).resolve().parent.parent
PAIRS = 8


@pytest.fixture
def folders(tmp_path):
    en = (ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8")
    zh = (ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")
    src, tgt = tmp_path / "src", tmp_path / "tgt"
    src.mkdir()
    tgt.mkdir()
    for k in range(PAIRS):
        (src / f"{k}.en.txt").write_text(en.replace("75/62", f"75/{900 + k}"), encoding="utf-8")
        (tgt / f"{k}.zh.txt").write_text(zh.replace("75/62", f"75/{900 + k}"), encoding="utf-8")
    return str(src), str(tgt)


def test_no_collection_runs_while_a_sessions_results_come_in(folders):
    """Counted from the first result (the first step of its progress) to the session's end: at most the
    one collection the allocations since then may start as the collector is given back."""
    coming_in, runs, collecting = [], [], []

    @contextlib.contextmanager
    def progress(total):
        coming_in.append(total)
        yield lambda description: collecting.append(gc.isenabled())

    def count(phase, info):
        if phase == "start" and coming_in:
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        out = check_session(*folders, jobs=1, whole=False, progress=progress)
    finally:
        gc.callbacks.remove(count)
    assert len(out.results) == PAIRS
    assert len(runs) <= 1, runs
    assert collecting and not any(collecting)  # off at every step of the progress
    assert gc.isenabled()


def test_a_caller_that_had_switched_the_collector_off_finds_it_off(folders):
    gc.disable()
    try:
        check_session(*folders, jobs=1, whole=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_dask_session_keeps_the_collector_on_in_this_process(folders):
    """The Dask client's event loop in this process leaves cycles behind (frames, tracebacks, futures: some
    30 KB a pair), which only the collector frees: it stays on there while results come in."""
    pytest.importorskip("distributed")
    seen = []

    @contextlib.contextmanager
    def progress(total):
        yield lambda description: seen.append(gc.isenabled())

    out = check_session(*folders, jobs=1, whole=False, progress=progress, executor="dask")
    assert len(out.results) == PAIRS
    assert seen and all(seen)
