"""CPU of compare alone (alignment and clause diffs) on synthetic pairs, this tree against another copy of
the package, alternated.

    python bench/compare_costs.py /path/to/other/tree [rounds] [sizes, comma-separated]

Each round runs one fresh process per tree (order alternated); each process parses the pair (not timed),
compares a small pair to warm up, then compares the pair once and reports its CPU seconds. Medians over the
rounds. The pairs are bench/synth.py's (edited, and with --rewritten every paragraph rewritten).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from measure import trees_alternated

HERE = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import resdiff
from synth import synthetic_pair
rewritten = sys.argv[3] == "1"
resdiff.compare(*map(resdiff.parse_text, synthetic_pair(300, rewritten=rewritten)))
a, b = map(resdiff.parse_text, synthetic_pair(int(sys.argv[2]), rewritten=rewritten))
t = time.process_time()
resdiff.compare(a, b)
print(json.dumps({"cpu": time.process_time() - t, "file": resdiff.__file__}))
"""


def run(tree: Path, size: int, rewritten: bool) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", CHILD, str(HERE / "bench"), str(size), "1" if rewritten else "0"],
                          env=env, check=True, capture_output=True, text=True, cwd="/tmp")
    got = json.loads(done.stdout)
    assert got["file"].startswith(str(tree)), (got["file"], tree)
    return got["cpu"]


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--rewritten"]
    rewritten = "--rewritten" in sys.argv
    other = Path(args[0]).resolve()
    rounds = int(args[1]) if len(args) > 1 else 7
    sizes = [int(s) for s in args[2].split(",")] if len(args) > 2 else [1000, 10000]
    print(f"{'paragraphs':>10} {'other s':>8} {'this s':>8} {'ratio':>6}  (compare CPU, median of {rounds}"
          f"{', rewritten' if rewritten else ''})")
    for size in sizes:
        got = trees_alternated(other, HERE, rounds, lambda tree, n=size: {n: run(tree, n, rewritten)})
        a, b = statistics.median(got["other"][size]), statistics.median(got["this"][size])
        print(f"{size:>10,} {a:8.3f} {b:8.3f} {b / a:6.2f}", flush=True)


if __name__ == "__main__":
    main()
