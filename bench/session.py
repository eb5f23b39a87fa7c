"""A session's costs, for bench/bench.py (or alone: python bench/session.py [--quick]).

Folders of N pairs: the English fixture and the Chinese 75/62 under N symbols, and where
../shared/corpus/real is present the official English and Spanish PDFs of 48/246 among them. Measured,
whole process (`resdiff check SRC TGT -f json`), CPU time of every process counted:

- a text pair's cost inside a session: the CPU of a session of N2 pairs less that of N1 pairs, over
  N2 - N1 (start-up and the pool's own start cancel out); and how much of it is reading its two
  documents, measured alike on folders whose documents pair with none (each read, none checked);
- the workers curve, 1, 2 and 4 workers (--jobs): wall time and CPU; on a machine with fewer usable CPUs
  than asked, resdiff caps --jobs (and says so), which the curve shows. The speed-up two workers allow is
  also given from CPU time alone, which a busy machine does not distort: the main process's CPU is
  serial, the workers' is shared between them;
- the same session on Dask (`--executor dask`, a local cluster of 2 worker processes), its fixed cost
  (starting the cluster) and its cost a pair, and from them a 100,000-document session extrapolated.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from measure import PY, ROOT, Run, become_subreaper, require_plain_start, run  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "real"


def build(root: Path, pairs: int, pdfs: bool = True, paired: bool = True) -> tuple[Path, Path]:
    """N pairs of documents; `paired` False: the target's under other symbols, so that none pairs."""
    src, tgt = root / "src", root / "tgt"
    src.mkdir()
    tgt.mkdir()
    en = (ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8")
    zh = (ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")
    for k in range(pairs):
        sym = f"75/{1000 + k}"
        (src / f"{k:04d}.en.txt").write_text(en.replace("75/62", sym), encoding="utf-8")
        (tgt / f"{k:04d}.zh.txt").write_text(zh.replace("75/62", sym if paired else f"75/{5000 + k}"),
                                             encoding="utf-8")
    if pdfs and (REAL / "A-RES-48-246.en.pdf").is_file():  # one official pair of PDFs in the lot
        (src / "48-246.en.pdf").write_bytes((REAL / "A-RES-48-246.en.pdf").read_bytes())
        (tgt / "48-246.es.pdf").write_bytes((REAL / "A-RES-48-246.es.pdf").read_bytes())
    return src, tgt


def check(src: Path, tgt: Path, *extra: str) -> Run:
    r = run([PY, "-m", "resdiff", "check", str(src), str(tgt), "-f", "json", *extra])
    if r.status not in (0, 1):
        sys.exit(f"resdiff check {src} {tgt} {' '.join(extra)} failed with status {r.status}")
    return r


def median_run(runs: list[Run]) -> tuple[float, float, float]:
    """Median wall, CPU and main-process CPU of several runs."""
    return (statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
            statistics.median(r.cpu_main for r in runs))


def pair_cost(small: int, large: int, rounds: int, paired: bool = True) -> dict:
    """CPU (and wall) a text pair adds to a one-worker session: (large - small) pairs' difference; `paired`
    False: what two documents that pair with none add (their reading alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a").mkdir()
        Path(tmp, "b").mkdir()
        a, b = build(Path(tmp, "a"), small, False, paired), build(Path(tmp, "b"), large, False, paired)
        runs_a, runs_b = [], []
        for _ in range(rounds):  # alternated
            runs_a.append(check(*a, "--jobs", "1"))
            runs_b.append(check(*b, "--jobs", "1"))
    wa, ca, _ = median_run(runs_a)
    wb, cb, _ = median_run(runs_b)
    return {"cpu": (cb - ca) / (large - small), "wall": (wb - wa) / (large - small), "small": small,
            "large": large, "cpu_small": ca, "cpu_large": cb, "fixed": ca - small * (cb - ca) / (large - small)}


def workers_curve(pairs: int, rounds: int, jobs=(1, 2, 4)) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "s").mkdir()
        src, tgt = build(Path(tmp, "s"), pairs)
        out = {j: [] for j in jobs}
        for _ in range(rounds):
            for j in jobs:
                out[j].append(check(src, tgt, "--jobs", str(j)))
        same = {r.stdout for runs in out.values() for r in runs}
        assert len(same) == 1, "the report differs with the number of workers"
    return {j: median_run(runs) for j, runs in out.items()}


def serial_start(rounds: int = 3) -> float:
    """CPU of starting the fork server the workers come from (an interpreter importing what it preloads,
    resdiff.session.WORKER_MODULES): done before any worker runs, so serial."""
    preload = "import importlib, resdiff.session as s\nfor m in s.WORKER_MODULES: importlib.import_module(m)"
    return statistics.median(run([PY, "-c", preload]).cpu for _ in range(rounds))


def allowed_speedup(one: tuple[float, float, float], two: tuple[float, float, float], start: float) -> float:
    """What two free CPUs would give, from CPU time alone: one worker's session takes all its CPU in turn;
    two workers' takes its serial part (the main process, the fork server's start) plus half the rest
    (a bound: it assumes the workers' share splits evenly)."""
    _, cpu1, _ = one
    _, cpu2, main2 = two
    serial = main2 + start
    return cpu1 / (serial + (cpu2 - serial) / 2)


def dask_costs(small: int, large: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a").mkdir()
        Path(tmp, "b").mkdir()
        a, b = build(Path(tmp, "a"), small, pdfs=False), build(Path(tmp, "b"), large, pdfs=False)
        pool = check(*b, "--jobs", "2").stdout
        ra, rb = [], []
        for _ in range(rounds):
            ra.append(check(*a, "--executor", "dask", "--jobs", "2"))
            rb.append(check(*b, "--executor", "dask", "--jobs", "2"))
        assert rb[-1].stdout == pool, "Dask's report differs from the process pool's"
    wa, ca, _ = median_run(ra)
    wb, cb, _ = median_run(rb)
    per_wall, per_cpu = (wb - wa) / (large - small), (cb - ca) / (large - small)
    return {"small": small, "large": large, "wall_small": wa, "wall_large": wb, "cpu_small": ca, "cpu_large": cb,
            "pair_wall": per_wall, "pair_cpu": per_cpu, "fixed_wall": wa - small * per_wall}


def main() -> None:
    require_plain_start()
    if not become_subreaper():  # the workers' CPU is counted through their orphaned fork server
        print("note: not Linux: the CPU of processes a command leaves behind is not counted", file=sys.stderr)
    quick = "--quick" in sys.argv
    rounds = 1 if quick else 3
    c = pair_cost(20, 80 if quick else 200, rounds)
    print(f"a text pair inside a session: {c['cpu'] * 1000:.1f} ms CPU, {c['wall'] * 1000:.1f} ms wall")
    r = pair_cost(20, 80 if quick else 200, rounds, paired=False)
    print(f"  of which reading its two documents: {r['cpu'] * 1000:.1f} ms CPU (two documents paired with none)")
    curve = workers_curve(40 if quick else 150, rounds)
    for j, (w, cpu, main_cpu) in curve.items():
        print(f"{j} worker(s): {w:.2f} s wall, {cpu:.2f} s CPU ({main_cpu:.2f} s in the main process)")
    allowed = allowed_speedup(curve[1], curve[2], serial_start())
    print(f"two workers allow {allowed:.2f}x; measured {curve[1][0] / curve[2][0]:.2f}x")
    d = dask_costs(10, 40 if quick else 100, rounds)
    print(d)


if __name__ == "__main__":
    main()
