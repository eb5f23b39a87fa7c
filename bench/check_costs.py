"""CPU of checking a pair once its two documents are parsed, this tree against another copy of the package,
alternated: what a session's worker runs on a pair (session._checked: the check, the units the session's
consistency check reads, the result cut for the report), and what the main process then adds for it
(check.consistency_across on those units).

    python bench/check_costs.py /path/to/other/tree [rounds]
    python bench/check_costs.py --profile [pair]    (cProfile of this tree's check of one pair, or all)

The pairs: every real translation pair of ../shared/corpus/real (A/RES/48/246 in English and Spanish, as
its PDFs and as each extractor's text) and the bundled Chinese samples against the English fixture (the
illustrative ones, other resolutions, under --force). Each round runs one fresh process per tree (order
alternated); each process parses every document once, then checks each pair 10 times, each time on a
fresh copy of its documents (unpickled, as a session's worker gets them, so that nothing read of one
check's texts is remembered for the next), and reports its median CPU milliseconds a pair. Medians over
the rounds.
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
CORPUS = Path(os.environ.get("RESDIFF_CORPUS", str(HERE.parent / "shared" / "corpus"))) / "real"
EN = HERE / "tests" / "data" / "A-RES-75-62.en.unofficial.txt"


def pairs() -> list[tuple[str, str, str, bool]]:
    """(name, source, target, force) of every pair measured."""
    out = []
    if (CORPUS / "A-RES-48-246.en.pdf").is_file():
        out.append(("48-246 en-es pdf", CORPUS / "A-RES-48-246.en.pdf", CORPUS / "A-RES-48-246.es.pdf", False))
        out.append(("48-246 en-es pdfminer", CORPUS / "A-RES-48-246.en.pdfminer.txt",
                    CORPUS / "A-RES-48-246.es.pdfminer.txt", False))
        for f in sorted((CORPUS / "extracted").glob("A-RES-48-246.en.*")):
            how = f.name.split(".", 2)[2]
            out.append((f"48-246 en-es {how.rsplit('.', 1)[0]}", f, f.with_name(f.name.replace(".en.", ".es.")),
                        False))
    out.append(("75-62 en-zh", EN, HERE / "samples" / "A-RES-75-62.zh.txt", False))
    for f in sorted((HERE / "samples" / "illustrative").glob("*.zh.txt")):
        out.append((f"{f.name.split('.')[0].replace('ILLUSTRATIVE-A-RES-', 'ill ')} en-zh", EN, f, True))
    return [(n, str(a), str(b), force) for n, a, b, force in out]


CHILD = r"""
import json, pickle, statistics, sys, time
import resdiff
from resdiff.check import consistency_across
from resdiff.config import Config
from resdiff.session import _checked

out = {}
for name, a, b, force in json.loads(sys.argv[1]):
    config = Config(force=force)
    docs = pickle.dumps((resdiff.load_document(a), resdiff.load_document(b)))
    _checked(*pickle.loads(docs), config, (None, None), whole=False)
    worker, main = [], []
    for _ in range(10):
        s, t = pickle.loads(docs)
        c = time.process_time()
        result, units = _checked(s, t, config, (None, None), whole=False)[:2]  # (and what it drew, if asked)
        c1 = time.process_time()
        consistency_across([result], config, [units])
        c2 = time.process_time()
        worker.append((c1 - c) * 1000)
        main.append((c2 - c1) * 1000)
    out[name] = (statistics.median(worker), statistics.median(main))
print(json.dumps(out))
"""


def run(tree: Path, which: list) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(which)], env=env, check=True,
                          capture_output=True, text=True, cwd="/tmp")
    return json.loads(done.stdout)


def profile(only: str | None) -> None:
    import cProfile
    import pickle
    import pstats

    import resdiff
    from resdiff.config import Config
    from resdiff.session import _checked

    prof = cProfile.Profile()
    for name, a, b, force in pairs():
        if only and only not in name:
            continue
        docs = pickle.dumps((resdiff.load_document(a), resdiff.load_document(b)))
        _checked(*pickle.loads(docs), Config(force=force), (None, None), whole=False)  # patterns compiled
        for _ in range(20):
            s, t = pickle.loads(docs)
            prof.enable()
            _checked(s, t, Config(force=force), (None, None), whole=False)
            prof.disable()
    pstats.Stats(prof).sort_stats(sys.argv[3] if len(sys.argv) > 3 else "tottime").print_stats(45)


def main() -> None:
    if sys.argv[1] == "--profile":
        profile(sys.argv[2] if len(sys.argv) > 2 else None)
        return
    other = Path(sys.argv[1]).resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    which = pairs()
    got = trees_alternated(other, HERE, rounds, lambda tree: run(tree, which))
    print(f"{'pair':28} {'other':>7} {'this':>7} {'ratio':>6}   {'other main':>10} {'this main':>9}"
          f"   (CPU ms a pair: the worker's, then the main process's; median of {rounds})")
    for pair, *_ in which:
        a = [statistics.median(x[i] for x in got["other"][pair]) for i in (0, 1)]
        b = [statistics.median(x[i] for x in got["this"][pair]) for i in (0, 1)]
        print(f"{pair:28} {a[0]:7.2f} {b[0]:7.2f} {b[0] / a[0]:6.2f}   {a[1]:10.2f} {b[1]:9.2f}")


if __name__ == "__main__":
    main()
