"""`resdiff check DIR DIR --executor dask` runs the session's per-document and per-pair functions on a
real Dask cluster (distributed.LocalCluster, worker processes): the report is byte for byte the process
pool's; a worker lost mid-run is retried once, then its document is a `document-unreadable` finding;
without Dask installed, the option says how to get it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import session_readers
from layout import EN_FIXTURE
from runcli import invoke

import resdiff.session

if os.environ.get("CI"):
    import distributed  # noqa: F401  (.ci/run installs the extra: the test must run there)
else:
    pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    en, zh = session_readers.session_folders(tmp_path_factory.mktemp("dask"))
    (zh / "copy-of-64.txt").write_text((zh / "A-RES-75-64.zh.txt").read_text("utf-8"), encoding="utf-8")
    return en, zh


def test_dask_gives_the_process_pools_report_byte_for_byte(folders, tmp_path):
    en, zh = folders
    for fmt in ("json", "sarif", "terminal"):
        pool, dask = tmp_path / f"pool.{fmt}", tmp_path / f"dask.{fmt}"
        invoke(["check", en, zh, "-f", fmt, "--jobs", "2", "-o", pool], 1)
        invoke(["check", en, zh, "-f", fmt, "--executor", "dask", "--jobs", "2", "-o", dask], 1)
        assert dask.read_bytes() == pool.read_bytes(), fmt
    data = json.loads((tmp_path / "dask.json").read_text("utf-8"))
    assert [d["passed"] for d in data["documents"]] == [True, False, True, True]
    assert sorted(f["rule"] for f in data["findings"]) == ["document-duplicate", "document-missing",
                                                           "document-unreadable"]


def test_a_worker_lost_mid_run_is_retried_once_then_reported(folders, tmp_path, monkeypatch):
    en, zh = folders
    bad = tmp_path / "en"
    bad.mkdir()
    for f in en.iterdir():
        (bad / f.name).write_bytes(f.read_bytes())
    (bad / "kill-A-RES-75-90.en.txt").write_text(EN_FIXTURE.read_text("utf-8").replace("75/62", "75/90"),
                                                 encoding="utf-8")
    log = tmp_path / "loads.log"
    monkeypatch.setenv(session_readers.LOADS, str(log))
    monkeypatch.setattr(resdiff.session, "read_document", session_readers.hostile)
    data = json.loads(invoke(["check", bad, zh, "-f", "json", "--executor", "dask", "--jobs", "2"], 1).stdout)
    assert [d["source"]["symbol"] for d in data["documents"]] == [f"A/RES/75/{k}" for k in (62, 63, 64, 65)]
    lost = [f for f in data["findings"] if Path(f["file"]).name == "kill-A-RES-75-90.en.txt"]
    assert [f["rule"] for f in lost] == ["document-unreadable"]
    assert "worker was lost, and again on a second try" in lost[0]["message"]
    tries = [line for line in log.read_text("utf-8").splitlines() if "kill-A-RES-75-90" in line]
    assert len(tries) == 2  # run, lost, run again, lost: given up


def test_without_dask_the_option_says_how_to_get_it(folders, monkeypatch):
    en, zh = folders
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    r = invoke(["check", en, zh, "--executor", "dask"], 2)
    assert r.stderr.strip().splitlines() == [
        "resdiff: error: --executor dask needs Dask's distributed scheduler: pip install 'resdiff[dask]'"]
    assert r.stdout == ""


def test_scheduler_names_a_running_cluster(folders, tmp_path):
    """A cluster started elsewhere (here a LocalCluster of this test) is used as it is, and left running."""
    import distributed

    en, zh = folders
    pool = invoke(["check", en, zh, "-f", "json", "--jobs", "1"], 1).stdout
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        r = invoke(["check", en, zh, "-f", "json", "--executor", "dask", "--scheduler", c.scheduler_address], 1)
        assert r.stdout == pool
        with distributed.Client(c) as client:
            assert len(client.scheduler_info()["workers"]) == 1


def test_scheduler_without_dask_executor_is_a_usage_error(folders):
    en, zh = folders
    r = invoke(["check", en, zh, "--scheduler", "tcp://127.0.0.1:1"], 2)
    assert "--scheduler names a Dask cluster: add --executor dask" in r.stderr
