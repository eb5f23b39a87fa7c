"""The main process of a session runs no cyclic garbage collection while results come in (the collector
would go over every result kept so far, again and again), and gives the collector back as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from resdiff.session import check_session

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folders(tmp_path):
    en = (ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8")
    zh = (ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")
    src, tgt = tmp_path / "src", tmp_path / "tgt"
    src.mkdir()
    tgt.mkdir()
    for k in range(4):
        (src / f"{k}.en.txt").write_text(en.replace("75/62", f"75/{900 + k}"), encoding="utf-8")
        (tgt / f"{k}.zh.txt").write_text(zh.replace("75/62", f"75/{900 + k}"), encoding="utf-8")
    return str(src), str(tgt)


def test_no_collection_runs_while_a_sessions_results_come_in(folders):
    import resdiff.workers  # noqa: F401  (what starting the workers imports is not the session's to collect)

    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        out = check_session(*folders, jobs=1, whole=False)
    finally:
        gc.callbacks.remove(count)
    assert len(out.results) == 4
    assert runs == []
    assert gc.isenabled()


def test_a_caller_that_had_switched_the_collector_off_finds_it_off(folders):
    gc.disable()
    try:
        check_session(*folders, jobs=1, whole=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
