"""Start-up of the console script, compared across installs: run on demand, never in CI.

    python bench/cli_startup.py [--rounds N] LABEL=PYTHON [LABEL=PYTHON ...]
    python bench/cli_startup.py --build      # typer building every command against one, in process

Each PYTHON is the interpreter of an environment where resdiff is installed (a checkout's .venv, a
venv with another typer); `PYTHON -m resdiff` is run there. Measured for each: `--version`, `--help` and
`diff --format json` of the bundled pair (the samples of this checkout, for every install), whole
process, cold as a user runs it (a fresh interpreter, bytecode compiled, the word index present). The
installs and commands are run in turn, round after round, so that a busy moment of the machine falls on
all of them alike; the table gives medians of CPU time (user + system, of the process and its children)
and of wall time, and checks that every install prints the same bytes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
COMMANDS = {
    "--version": ["--version"],
    "--help": ["--help"],
    "diff --format json (75/62 pair)": ["diff", str(OLD), str(NEW), "--format", "json"],
}
NEUTRAL = "/"  # a working folder with no resdiff package in it: `-m resdiff` imports the install's
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "RESDIFF_SEGMENTER")}


def run_once(python: str, args: list[str]) -> tuple[float, float, bytes]:
    """CPU seconds (user + system), wall seconds and stdout of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run([python, "-m", "resdiff", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       env=ENV, cwd=NEUTRAL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, p.stdout


def command_building(rounds: int) -> None:
    """In this process: CPU time for typer to build the click commands of the whole app (what every run
    pays) against those of the app with one command (diff) alone."""
    import copy

    import typer.main

    from resdiff.cli import app

    one = copy.copy(app)
    one.registered_commands = [c for c in app.registered_commands if c.callback.__name__ == "diff"]
    for label, target in (("all commands", app), ("diff alone", one)):
        times = []
        for _ in range(rounds):
            t = time.process_time()
            typer.main.get_command(target)
            times.append(time.process_time() - t)
        print(f"building {label}: {statistics.median(times) * 1000:.1f} ms CPU (median of {rounds})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("installs", nargs="*", metavar="LABEL=PYTHON")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--build", action="store_true", help="time typer's building of the commands, in process")
    opts = ap.parse_args()
    if opts.build:
        command_building(opts.rounds)
        return
    installs = {label: os.path.abspath(python) for label, python in (i.split("=", 1) for i in opts.installs)}
    runs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    outputs: dict[str, set[bytes]] = {c: set() for c in COMMANDS}
    for python in installs.values():  # warm-up: bytecode written, the word index built
        for args in COMMANDS.values():
            run_once(python, args)
    for _ in range(opts.rounds):
        for command, args in COMMANDS.items():
            for label, python in installs.items():
                cpu, wall, out = run_once(python, args)
                runs.setdefault((label, command), []).append((cpu, wall))
                outputs[command].add(out)
    print(f"{opts.rounds} rounds, medians; CPU = user + system time of the process\n")
    print("| command | " + " | ".join(f"{label} CPU | {label} wall" for label in installs) + " |")
    print("| --- |" + " ---: | ---: |" * len(installs))
    for command in COMMANDS:
        cells = []
        for label in installs:
            got = runs[(label, command)]
            cells += [f"{statistics.median(c for c, _ in got) * 1000:.1f} ms",
                      f"{statistics.median(w for _, w in got) * 1000:.1f} ms"]
        print(f"| `resdiff {command}` | " + " | ".join(cells) + " |")
    same = {c: len(o) == 1 for c, o in outputs.items()}
    print("\nthe same stdout from every install: " + ", ".join(f"{c}: {'yes' if s else 'NO'}" for c, s in same.items()))


if __name__ == "__main__":
    main()
