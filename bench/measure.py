"""How bench/ measures a command: wall time, CPU time (user + system) of the command and of every process
it started (its workers, and the fork server they came from, reaped here even after the command has
exited: this process is their subreaper), peak memory of the command's own process; each command
alternated with its baseline, the same interpreter's `python -c pass`, round after round, so that a busy
moment of the machine falls on both; medians with their spread (the interquartile range)."""

from __future__ import annotations

import ctypes
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BASELINE = [PY, "-c", "pass"]
# what users have: bytecode written and read (a developer's shell may say otherwise)
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "RESDIFF_SEGMENTER")}
MiB = 1024 * 1024


def become_subreaper() -> bool:
    """Processes orphaned by a command (a fork server left when its parent exits) are re-parented to this
    process instead of init, so that their CPU time is counted (Linux; elsewhere it is lost)."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _reap_orphans(grace: float = 5.0) -> None:
    """Wait for the processes a command left behind (they end when it does, within a moment)."""
    end = time.monotonic() + grace
    while True:
        try:
            pid, _, _ = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > end:
                return
            time.sleep(0.005)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds of CPU, the command and every process it started
    cpu_main: float  # seconds of CPU of the command's own process (and what it waited for itself)
    rss: int  # bytes, the command's own process at its peak
    status: int
    stdout: bytes


def run(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> Run:
    before = _children_cpu()
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd, env={**ENV, **(env or {})})
    out = p.stdout.read()
    p.stdout.close()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    _reap_orphans()
    return Run(wall, _children_cpu() - before, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024,
               p.returncode, out)


# Starts a command in a process of its own (a fork of this small one) and writes what the kernel says of it.
_LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(f"{usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_alone(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> Run:
    """run(), for a command whose peak memory is what is measured. Linux counts in a process's peak the
    memory of the process it was started from (the high-water mark of the memory it had before exec is
    kept, and a vfork shares the parent's), so a command started by this benchmark after it has held a
    100,000-paragraph pair in memory would show that as its own. Started from a small launcher that forks
    it, it is counted alone; CPU and peak are the launcher's reading of it (wall time includes the
    launcher's start, about 20 ms)."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".rusage") as report:
        r = run([PY, "-c", _LAUNCHER, report.name, *cmd], env, cwd)
        cpu, rss = report.read().split()
    return Run(r.wall, float(cpu), float(cpu), int(rss) * 1024, r.status, r.stdout)


@dataclass(frozen=True)
class Figure:
    """Medians of several runs, with their spread."""

    runs: tuple[Run, ...]
    ratios: tuple[float, ...] = ()  # CPU of each run / CPU of the baseline run beside it
    peak: int = 0  # bytes: the command's peak memory, from a run of its own (run_alone)

    @staticmethod
    def _mid(values: list[float]) -> tuple[float, float, float]:
        values = sorted(values)
        if len(values) < 4:
            return values[0], statistics.median(values), values[-1]
        q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
        return q1, q2, q3

    @property
    def wall(self) -> tuple[float, float, float]:
        return self._mid([r.wall for r in self.runs])

    @property
    def cpu(self) -> tuple[float, float, float]:
        return self._mid([r.cpu for r in self.runs])

    @property
    def ratio(self) -> tuple[float, float, float]:
        return self._mid(list(self.ratios)) if self.ratios else (0.0, 0.0, 0.0)

    @property
    def rss(self) -> int:
        return self.peak or max(r.rss for r in self.runs)

    @property
    def stdout(self) -> bytes:
        return self.runs[-1].stdout


def alternated(cmds: dict[str, tuple[list[str], dict | None]], rounds: int) -> tuple[dict[str, Figure], Figure]:
    """Each command run `rounds` times, each time right after the baseline (a warm-up round first); the
    figures of each, with its CPU ratio to the baseline run beside it, and the baseline's own."""
    for cmd, env in cmds.values():
        run(cmd, env)
    got: dict[str, list[Run]] = {k: [] for k in cmds}
    ratios: dict[str, list[float]] = {k: [] for k in cmds}
    base: list[Run] = []
    for _ in range(rounds):
        for k, (cmd, env) in cmds.items():
            b = run(BASELINE)
            r = run(cmd, env)
            base.append(b)
            got[k].append(r)
            ratios[k].append(r.cpu / b.cpu if b.cpu else float("inf"))
    peaks = {k: run_alone(cmd, env).rss for k, (cmd, env) in cmds.items()}  # the memory of each, alone
    return ({k: Figure(tuple(v), tuple(ratios[k]), peaks[k]) for k, v in got.items()},
            Figure(tuple(base), (1.0,), run_alone(BASELINE).rss))


def trees_alternated(other: Path, this: Path, rounds: int, run) -> dict[str, dict[object, list]]:
    """Two copies of the package timed alike: each round runs `run(tree)` (what was timed -> its figure) in
    both, which of them goes first alternated round by round, so that a busy moment falls on both. Every
    figure is kept, by "other" and "this" and then by what was timed."""
    got: dict[str, dict[object, list]] = {"other": {}, "this": {}}
    for r in range(rounds):
        order = [("other", other), ("this", this)]
        for name, tree in order if r % 2 == 0 else order[::-1]:
            for key, value in run(tree).items():
                got[name].setdefault(key, []).append(value)
    return got


def startup_hooks(python: str = PY) -> list[str]:
    """Import hooks the interpreter's site-packages run at every start, by the modules they leave loaded:
    setuptools' default editable install (`pip install -e .`) adds a finder whose imports cost about 20 ms
    of each start here, 1.5 times a bare `python -c pass`. Every command carries it, so does the baseline,
    and a ratio to that baseline then says start-up costs a third of what a user's install sees."""
    probe = "import sys; print(*sorted(m for m in sys.modules if m.startswith('__editable__')))"
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, env=ENV, check=True).stdout
    return out.split()


def require_plain_start(python: str = PY) -> None:
    """Refuse to measure through an interpreter whose every start runs an install's import hook."""
    hooks = startup_hooks(python)
    if hooks:
        sys.exit(f"bench: {python} runs {', '.join(hooks)} at every start, which inflates the `python -c pass` "
                 "baseline and every start-up figure; install resdiff with `pip install .`, or for a checkout "
                 "`pip install -e . --config-settings editable_mode=compat` (a plain path, no hook), then run "
                 "the benchmark again")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def spread(mid: tuple[float, float, float], fmt=ms) -> str:
    lo, med, hi = mid
    return f"{fmt(med)} ({fmt(lo)}–{fmt(hi)})"
