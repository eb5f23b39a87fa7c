"""Which regular expressions a command compiles at start-up, what each costs, and which the run uses:
python bench/startup.py [COMMAND ARGS...]   (default: the JSON diff of the 75/62 pair)

In a fresh interpreter, re.compile is wrapped (a measurement may: it is no part of resdiff) before resdiff is imported: each call is timed (CPU) and
the pattern handed back in a thin wrapper that notes its first use. The command then runs as
`resdiff` would run it. Printed: the patterns compiled, by module, with their CPU, and for each module
the share spent on patterns the run never used (what compiling on first use, notation.lazy_pattern,
would save it). A measurement, never part of resdiff.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r'''
import inspect, io, os, re, sys, time, contextlib
compiled = []
original = re.compile

class Seen:
    __slots__ = ("_p", "_i")
    def __init__(self, p, i):
        object.__setattr__(self, "_p", p)
        object.__setattr__(self, "_i", i)
    def __getattr__(self, name):
        compiled[self._i][4] = True
        return getattr(self._p, name)

def compile(pattern, flags=0):
    if isinstance(pattern, re.Pattern):
        return pattern
    frame = inspect.currentframe().f_back
    where = frame.f_globals.get("__name__", "?")
    t = time.process_time()
    p = original(pattern, flags)
    spent = time.process_time() - t
    if not where.startswith("resdiff"):
        return p
    compiled.append([where, frame.f_lineno, ascii(str(pattern)[:40]), spent, False, frame.f_code.co_name == "<module>"])
    return Seen(p, len(compiled) - 1)

re.compile = compile
from resdiff.cli import main
sys.argv = ["resdiff"] + sys.argv[1:]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
for row in compiled:
    print("\t".join(map(str, row)), file=sys.stderr)
'''


def main() -> None:
    args = sys.argv[1:] or ["diff", str(ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"),
                            str(ROOT / "samples" / "A-RES-75-62.zh.txt"), "--format", "json"]
    r = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT)
    rows, later = [], []
    for line in r.stderr.splitlines():
        parts = line.split("\t")
        if len(parts) == 6 and parts[1].isdigit():
            row = (parts[0], int(parts[1]), parts[2], float(parts[3]), parts[4] == "True")
            (rows if parts[5] == "True" else later).append(row)
    if not rows:
        sys.exit(r.stderr[-2000:])
    print(f"resdiff {' '.join(args[:1])}: besides those below, {len(later)} re.compile calls during the run "
          f"(patterns compiled on first use, or found in re's cache), {sum(x[3] for x in later) * 1000:.1f} ms CPU")
    total = sum(r[3] for r in rows)
    print(f"resdiff {' '.join(args[:1])}: {len(rows)} patterns compiled by resdiff's modules as they are imported, "
          f"{total * 1000:.1f} ms CPU; {sum(not r[4] for r in rows)} never used by this run "
          f"({sum(r[3] for r in rows if not r[4]) * 1000:.1f} ms)")
    by_module: dict[str, list] = {}
    for row in rows:
        by_module.setdefault(row[0], []).append(row)
    print(f"\n{'module':24} {'patterns':>8} {'CPU ms':>8} {'unused':>7} {'unused ms':>9}")
    for mod, rs in sorted(by_module.items(), key=lambda kv: -sum(r[3] for r in kv[1])):
        unused = [r for r in rs if not r[4]]
        print(f"{mod:24} {len(rs):8d} {sum(r[3] for r in rs) * 1000:8.1f} {len(unused):7d} "
              f"{sum(r[3] for r in unused) * 1000:9.1f}")
    print("\nthe costliest, with their line:")
    for mod, line, pattern, spent, used in sorted(rows, key=lambda r: -r[3])[:15]:
        print(f"  {spent * 1000:6.1f} ms  {mod}:{line}  {'used  ' if used else 'unused'}  {pattern}")


if __name__ == "__main__":
    main()
