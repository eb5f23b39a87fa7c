"""CPU of parse_text on the synthetic pair (bench/synth.py), this tree against another copy of the package,
alternated.

    python bench/parse_synth.py /path/to/other/tree [paragraphs] [rounds] [/path/to/this/tree]

Each round runs one fresh process per tree (order alternated); each process parses both texts of the pair
once to warm up, then three times, and reports the median CPU seconds of a parse of the pair, split into
reading the lines (layout.read_text) and recognising the structure (parse.parse_lines). Medians over the
rounds.
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
import json, statistics, sys, time
import resdiff  # the tree on PYTHONPATH, imported before synth puts its own tree first on the path
from resdiff.layout import read_text
from resdiff.normalize import collection_paused
from resdiff.parse import parse_lines
sys.path[:0] = [sys.argv[1] + "/bench", sys.argv[1] + "/tests"]
from synth import synthetic_pair
assert resdiff.__file__.startswith(sys.argv[3]), resdiff.__file__
texts = synthetic_pair(int(sys.argv[2]))
got = {"read": [], "parse": []}
for rep in range(4):
    read = parse = 0.0
    for text in texts:
        with collection_paused():
            t0 = time.process_time()
            lines = read_text(text)
            t1 = time.process_time()
            parse_lines(lines, text=text.replace("\x0c", "\n"))
            t2 = time.process_time()
        read, parse = read + t1 - t0, parse + t2 - t1
    if rep:
        got["read"].append(read)
        got["parse"].append(parse)
print(json.dumps({k: statistics.median(v) for k, v in got.items()}))
"""


def run(tree: Path, paragraphs: int) -> dict[str, float]:
    # the synthetic texts come from this tree's bench and tests (the same texts for both trees)
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", CHILD, str(HERE), str(paragraphs), str(tree)], env=env, check=True,
                          capture_output=True, text=True, cwd="/tmp")
    return json.loads(done.stdout)


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    paragraphs = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    this = Path(sys.argv[4]).resolve() if len(sys.argv) > 4 else HERE  # (a copy of the package at a commit)
    got = trees_alternated(other, this, rounds, lambda tree: run(tree, paragraphs))
    print(f"{'part':8} {'other s':>9} {'this s':>9} {'ratio':>6}  (CPU of the pair, {paragraphs} paragraphs, "
          f"median of {rounds})")
    for part in ("read", "parse"):
        a, b = statistics.median(got["other"][part]), statistics.median(got["this"][part])
        print(f"{part:8} {a:9.3f} {b:9.3f} {b / a:6.2f}")
    a = statistics.median(x + y for x, y in zip(got["other"]["read"], got["other"]["parse"], strict=True))
    b = statistics.median(x + y for x, y in zip(got["this"]["read"], got["this"]["parse"], strict=True))
    print(f"{'both':8} {a:9.3f} {b:9.3f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
