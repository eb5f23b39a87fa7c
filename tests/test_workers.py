"""The process pool a session runs on: every task comes back, as its value or as a `Failed` naming why,
whatever its worker does, and a result a worker sent before it ended is never lost."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections import deque
from types import SimpleNamespace

import pool_tasks
from proc_state import running

import resdiff.workers
from resdiff.workers import Failed, Pool


def _run(jobs: list[tuple[str, object]], workers: int = 1, **kw) -> dict[int, object]:
    with Pool(workers, preload=["pool_tasks"], **kw) as pool:
        return dict(pool.map_unordered(pool_tasks.act, jobs))


def test_results_sent_before_a_worker_ends_are_kept():
    """The worker sends both results, then ends while this process is busy elsewhere: when it looks again,
    the worker's end and its last result are there together, and the result counts."""
    with Pool(1, preload=["pool_tasks"]) as pool:
        got = {}
        for k, value in pool.map_unordered(pool_tasks.act, [("end-soon", "first"), ("echo", "second")]):
            got[k] = value
            time.sleep(1.0)  # the worker ends meanwhile, its second result waiting in the pipe
    assert got == {0: "first", 1: "second"}


def test_a_task_that_kills_its_worker_fails_alone():
    got = _run([("echo", 1), ("kill", 2), ("echo", 3), ("echo", 4)])
    assert got[1] == Failed("its worker process died (SIGKILL)")
    assert {k: v for k, v in got.items() if k != 1} == {0: 1, 2: 3, 3: 4}


def test_a_pool_lost_again_and_again_runs_on_on_a_new_one_each_time():
    """The fork server killed under a task, eight times over: that task comes back failed (its worker ended
    with the pool), and the task after it runs on a new pool, started however soon after the old one's end
    (where multiprocessing may not have seen it end yet: starting a worker then used to end the session)."""
    jobs = [("kill the fork server, then pause", 1), ("echo", "after")] * 8
    got = _run(jobs, workers=1)
    assert all(isinstance(got[k], Failed) for k in range(0, 16, 2))
    assert [got[k] for k in range(1, 16, 2)] == ["after"] * 8


def test_a_pool_lost_while_its_workers_had_nothing_to_do_runs_the_next_tasks_on_a_new_one():
    """The fork server killed between two maps (the workers idle, and ended with it): the next map's tasks
    are not given to the workers of the lost pool (each would come back as failed), but run on new ones."""
    with Pool(2, preload=["pool_tasks"]) as pool:
        [fork_server] = {v for _, v in pool.map_unordered(pool_tasks.act, [("say whose", 0), ("say whose", 0)])}
        os.kill(fork_server, signal.SIGKILL)
        deadline = time.monotonic() + 30  # until it has ended, and so the workers' sentinels (a busy machine)
        while running(fork_server) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert dict(pool.map_unordered(pool_tasks.act, [("pause", 0.1)] * 4)) == dict.fromkeys(range(4), 0.1)


def test_a_task_past_the_time_limit_is_stopped_and_the_others_run():
    got = _run([("hang", 1), ("echo", 2), ("echo", 3)], workers=2, time_limit=1)
    assert got == {0: Failed("it took longer than 1 s (the time limit); its worker was stopped"), 1: 2, 2: 3}


def test_a_task_that_raises_says_why_and_its_worker_goes_on():
    got = _run([("raise", "no such thing"), ("echo", 2)])
    assert got == {0: Failed("resdiff failed on it (ValueError: no such thing)"), 1: 2}


def test_a_result_sent_while_the_caller_was_busy_is_no_time_out():
    """The caller takes its time over one result (longer than the time limit); the next result was sent
    meanwhile, in time: it counts, and no worker is stopped for a task it had finished."""
    with Pool(1, preload=["pool_tasks"], time_limit=1) as pool:
        got = {}
        for k, value in pool.map_unordered(pool_tasks.act, [("echo", "first"), ("echo", "second")]):
            got[k] = value
            time.sleep(1.5)
    assert got == {0: "first", 1: "second"}


def test_results_that_come_in_together_wake_the_caller_once():
    """While each worker has tasks queued, the caller pauses rather than waking for every result: a worker's
    results are taken a few at a time (the caller's wake-ups are the serial part of a session's CPU)."""
    jobs = [("pause", 0.01)] * 60
    with Pool(2, preload=["pool_tasks"]) as pool:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw
        got = dict(pool.map_unordered(pool_tasks.act, jobs))
        waits = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - before
    assert got == dict.fromkeys(range(60), 0.01)
    assert waits < len(jobs) / 2, waits


def test_a_pause_lasts_no_longer_than_the_work_queued_at_the_quickest_pace_so_far(monkeypatch):
    """The caller's pause never outlasts the tasks a busy worker has queued, each counted at the shortest
    time one of the last tasks took in its worker (so no worker runs out of work while it sleeps); with a
    worker that has nothing queued, or before any task has been timed, it does not pause."""
    asked = []
    monkeypatch.setattr(resdiff.workers.time, "sleep", asked.append)

    def workers(*queues):
        return [SimpleNamespace(tasks=deque(range(n))) for n in queues]

    resdiff.workers._nap(workers(4, 3, 0), deque([0.004, 0.001, 0.003]))  # the idle one has no say
    assert asked == [2 * 0.001]
    resdiff.workers._nap(workers(4, 1), deque([0.004]))  # one has only the task it runs
    resdiff.workers._nap(workers(4, 4), deque())  # no task timed yet
    resdiff.workers._nap(workers(4), deque([5.0]))  # a slow task: the pause is bounded all the same
    assert asked == [0.002, resdiff.workers._NAP]


def test_a_slow_task_sent_first_holds_at_most_one_task_behind_it():
    """Quick tasks are sent a few at a time to each worker; a worker busy on a slow one is not given more
    meanwhile, so the other worker runs them rather than leaving them queued behind it (one waits there at
    most, as it always could: the next task is sent before the one running ends). Here the slow task comes
    first; one met among quick ones may hold three behind it, sent before it was known to be slow."""
    jobs = [("pause, then say who", 0.4)] + [("pause, then say who", 0.002)] * 24
    with Pool(2, preload=["pool_tasks"]) as pool:
        done = list(pool.map_unordered(pool_tasks.act, jobs))
    slow = dict(done)[0]
    after = [k for k, pid in done[[k for k, _ in done].index(0) + 1:] if pid == slow]
    assert len(done) == 25 and len(after) <= 1, after


def test_slow_tasks_are_sent_two_at_a_time():
    """Four tasks a worker only while the last tasks ran quicker than a pause, and enough are left for every
    worker to hold four; else two (the one running and the next)."""
    ahead = resdiff.workers._ahead
    assert ahead(40, 2, deque([0.001, 0.004])) == 4
    assert ahead(40, 2, deque([0.001, 0.5])) == 2  # one slow among the last
    assert ahead(7, 2, deque([0.001])) == 2  # towards the end
    assert ahead(40, 2, deque()) == 2  # nothing timed yet


def test_a_worker_whose_caller_was_killed_ends_without_a_word(tmp_path):
    """The caller killed (SIGKILL, the OOM killer) while a worker is on a task: the result has no one to go
    to, and the worker ends quietly, never a traceback of a broken pipe on the terminal they shared."""
    code = ("import os, pool_tasks\nfrom resdiff.workers import Pool\nwith Pool(1, preload=['pool_tasks']) as pool:\n"
            "    list(pool.map_unordered(pool_tasks.act, [('kill the caller, then answer', os.getpid())]))\n")
    here = os.path.dirname(os.path.abspath(__file__))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p),
           "TMPDIR": str(tmp_path)}  # where the killed caller leaves multiprocessing's folder (pymp-*)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == -signal.SIGKILL
    assert r.stderr == ""  # read to its end: the fork server and the worker have let go of it too
