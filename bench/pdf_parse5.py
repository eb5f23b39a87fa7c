"""`resdiff parse` of the 5-page PDF A/RES/73/6 against `resdiff parse` of its extracted text, cold, whole
process (CPU of the command and of every process it started, the reading child included), in this tree and
optionally in others, all alternated round after round with `python -c pass`; medians (and the spread).

    python bench/pdf_parse5.py [--rounds N] [--against TREE ...] [--module]

Each TREE is a checkout, run by its own .venv or by this interpreter with the tree on PYTHONPATH. The PDF/text ratio is the one bench/bench.py holds to 2x, and the
PDF's own CPU the one it holds to 0.3 s; every tree's outputs are compared byte for byte. The machine may be
busy: compare the figures of one run with one another, not with another run's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench")]
REAL = ROOT.parent / "shared" / "corpus" / "real"


def _resdiff_of(tree: Path, module: bool) -> tuple[list[str], dict | None]:
    """A tree's resdiff and its environment: the tree's own .venv's console script, or (a worktree with no .venv of
    its own) this interpreter running the tree's package, the tree first on PYTHONPATH (as bench/pdf_read.py and
    bench/serial.py run a base)."""
    script = tree / ".venv" / "bin" / "resdiff"
    if script.exists() and not module:
        return [str(script)], None
    return [sys.executable, "-m", "resdiff"], {"PYTHONPATH": str(tree)}


def main() -> None:
    from measure import BASELINE, become_subreaper, run

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--against", nargs="*", default=[])
    ap.add_argument("--module", action="store_true", help="run every tree as `python -m resdiff`, the tree on "
                    "PYTHONPATH (trees compared alike where some have no .venv of their own)")
    args = ap.parse_args()
    become_subreaper()
    pdf, text = REAL / "A-RES-73-6.en.pdf", REAL / "A-RES-73-6.en.pdfminer.txt"
    trees = {"this tree": ROOT, **{t: Path(t).resolve() for t in args.against}}
    cmds = {(label, what): ([*_resdiff_of(tree, args.module)[0], "parse", str(path), "--format", "json"],
                                 _resdiff_of(tree, args.module)[1])
            for label, tree in trees.items() for what, path in (("pdf", pdf), ("text", text))}
    cpu: dict = {k: [] for k in [*cmds, "python -c pass"]}
    outs: dict = {}
    for cmd, env in cmds.values():  # a warm-up round: bytecode written, caches filled
        run(cmd, env)
    for _ in range(args.rounds):
        for key, (cmd, env) in cmds.items():
            cpu["python -c pass"].append(run(BASELINE).cpu)
            r = run(cmd, env, cwd=trees[key[0]])
            cpu[key].append(r.cpu)
            outs.setdefault(key[1], set()).add((r.status, r.stdout))

    def cell(values: list[float]) -> str:
        q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
        return f"{q[1] * 1000:.1f} ms ({q[0] * 1000:.0f}-{q[2] * 1000:.0f})"

    print(f"CPU, medians of {args.rounds} alternated rounds (interquartile range)")
    print(f"python -c pass: {cell(cpu['python -c pass'])}")
    for label in trees:
        p, t = statistics.median(cpu[label, "pdf"]), statistics.median(cpu[label, "text"])
        print(f"{label}: PDF {cell(cpu[label, 'pdf'])}; text {cell(cpu[label, 'text'])}; PDF/text {p / t:.2f}x")
    for what, seen in outs.items():
        print(f"{what}: {'the same output from every tree and round' if len(seen) == 1 else 'OUTPUTS DIFFER'}")


if __name__ == "__main__":
    main()
