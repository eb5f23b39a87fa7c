"""CPU per load_document of a few texts, this tree against another copy of the package, alternated.

    python bench/parse_costs.py /path/to/other/tree [rounds]

Each round runs one fresh process per tree (order alternated); each process loads every text once to
warm up, then 10 times, and reports its CPU milliseconds a load per text. Medians over the rounds.
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
CORPUS = Path(os.environ.get("RESDIFF_CORPUS", "/work/shared/corpus"))
TEXTS = [CORPUS / "real/A-RES-73-6.en.pdfminer.txt", CORPUS / "real/extracted/A-RES-73-6.en.pdftotext.txt",
         HERE / "tests/data/A-RES-75-62.en.unofficial.txt", HERE / "samples/A-RES-75-62.zh.txt"]

CHILD = r"""
import json, sys, time
import resdiff
out = {}
for f in sys.argv[1:]:
    resdiff.load_document(f)
    t = time.process_time()
    for _ in range(10):
        resdiff.load_document(f)
    out[f] = (time.process_time() - t) / 10 * 1000
print(json.dumps(out))
"""


def run(tree: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", CHILD, *map(str, TEXTS)], env=env, check=True,
                          capture_output=True, text=True, cwd="/tmp")
    return json.loads(done.stdout)


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    got = trees_alternated(other, HERE, rounds, run)
    print(f"{'text':48} {'other ms':>9} {'this ms':>9} {'ratio':>6}  (CPU a load, median of {rounds})")
    for f in map(str, TEXTS):
        a, b = statistics.median(got["other"][f]), statistics.median(got["this"][f])
        print(f"{Path(f).name:48} {a:9.2f} {b:9.2f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
