"""resdiff benchmark: run on demand, never in CI.  python bench/bench.py [--quick]

Reports, on this machine, in one run (medians):
- whole process, cold: `python -c pass`, `resdiff diff` (terminal and JSON) on the 75/62 pair,
  and `git diff --no-index --word-diff` on the same files as the reference a user would otherwise run;
- peak memory (max RSS) of `resdiff diff`;
- in process: align + diff of the 75/62 pair after warm-up;
- growth: synthetic resolutions of 1x, 10x, 100x and 1000x the 75/62 size (bench/synth.py), in
  process, plus whole-process JSON at 1,000 and 10,000 paragraphs;
- the same output from every path: the JSON of the in-process result equals the CLI's, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import resdiff  # noqa: E402
from resdiff.render.json_ import render_diff  # noqa: E402

OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
RESDIFF = [sys.executable, "-m", "resdiff"]


def run_process(cmd: list[str], env: dict | None = None) -> tuple[float, int, bytes]:
    """Wall time, max RSS in kB (GNU time's, which counts the command alone), stdout of one run."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile() as rss_file:
        prefix = [str(gnu_time), "-f", "%M", "-o", rss_file.name] if gnu_time.exists() else []
        t = time.perf_counter()
        p = subprocess.run(prefix + cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                           env={**os.environ, **(env or {})})
        elapsed = time.perf_counter() - t
        text = Path(rss_file.name).read_text().strip().splitlines()
    rss = int(text[-1]) if text and text[-1].isdigit() else 0
    return elapsed, rss, p.stdout


def timed(cmd: list[str], runs: int, env: dict | None = None) -> tuple[float, int, bytes]:
    run_process(cmd, env)  # the first run fills the OS file cache (and the tool's own caches)
    results = [run_process(cmd, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2])


def in_process(old: resdiff.Document, new: resdiff.Document, runs: int) -> float:
    resdiff.compare(old, new)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        resdiff.compare(old, new)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 5 if quick else 15
    rows: list[tuple[str, str, str, str, str]] = []
    base, _, _ = timed([sys.executable, "-c", "pass"], runs)
    git = shutil.which("git")
    gitd = timed([git, "diff", "--no-index", "--word-diff", str(OLD), str(NEW)], runs)[0] if git else None

    def row(name: str, seconds: float, rss: int | None = None) -> None:
        rows.append((name, f"{seconds * 1000:.1f} ms", f"{seconds / base:.1f}x",
                     f"{seconds / gitd:.1f}x" if gitd else "-", f"{rss / 1024:.0f} MB" if rss else ""))

    row("python -c pass", base)
    if gitd:
        row("git diff --no-index --word-diff (75/62 pair)", gitd)
    t, rss, term = timed([*RESDIFF, "diff", str(OLD), str(NEW), "--color", "never", "--width", "100"], runs)
    row("resdiff diff (75/62 pair), terminal", t, rss)
    t, rss, cli_json = timed([*RESDIFF, "diff", str(OLD), str(NEW), "--format", "json"], runs)
    row("resdiff diff (75/62 pair), --format json", t, rss)

    t, rss, ref_json = timed([*RESDIFF, "diff", str(OLD), str(NEW), "--format", "json"], runs,
                             env={"RESDIFF_SEGMENTER": "jieba"})
    row("resdiff diff (75/62 pair), json, reference segmenter (jieba)", t, rss)
    assert ref_json == cli_json, "the fast segmenter changed the output"

    old, new = resdiff.load_document(str(OLD)), resdiff.load_document(str(NEW))
    lib_json = render_diff(resdiff.compare(old, new)).encode()
    assert lib_json == cli_json, "the CLI's JSON differs from the library's"
    row("in process: align + diff (75/62 pair, warm)", in_process(old, new, 50))

    import glob

    from resdiff.series import build_series

    files = sorted(glob.glob(str(ROOT / "samples" / "illustrative" / "*.txt"))) + [str(NEW)]
    docs = [resdiff.load_document(f) for f in files]
    build_series(docs)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        build_series(docs)
        times.append(time.perf_counter() - t)
    row(f"in process: series of the {len(docs)} bundled versions (warm)", statistics.median(times))
    t, rss, _ = timed([*RESDIFF, "series", "samples", "--color", "never", "--width", "100"], runs)
    row(f"resdiff series samples ({len(docs)} versions), terminal", t, rss)

    from synth import synthetic_pair

    growth = []
    sizes = (1, 10, 100) if quick else (1, 10, 100, 1000)
    for factor in sizes:
        n = 30 * factor
        a, b = synthetic_pair(n)
        da, db = resdiff.parse_text(a), resdiff.parse_text(b)
        t = in_process(da, db, 3 if factor < 1000 else 1)
        growth.append((n, len(a), t))
        row(f"in process: synthetic {n:,} paragraphs ({len(a):,} chars)", t)
    a, b = synthetic_pair(1000)
    row(f"in process: synthetic 1,000 paragraphs ({len(a):,} chars)",
        in_process(resdiff.parse_text(a), resdiff.parse_text(b), 3))
    worst_a, worst_b = synthetic_pair(3000, rewritten=True)
    t = in_process(resdiff.parse_text(worst_a), resdiff.parse_text(worst_b), 1)
    row("in process: 3,000 paragraphs, every one rewritten", t)

    with tempfile.TemporaryDirectory() as tmp:
        for n in (1000,) if quick else (1000, 10000):
            a, b = synthetic_pair(n)
            pa, pb = Path(tmp, f"s{n}a.txt"), Path(tmp, f"s{n}b.txt")
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            t, rss, _ = timed([*RESDIFF, "diff", str(pa), str(pb), "--format", "json"], 1 if n > 1000 else 3)
            row(f"resdiff diff --format json, synthetic {n:,} paragraphs", t, rss)

    lines = ["| measure | median | / python -c pass | / git diff --word-diff | peak memory |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    lines.append("")
    lines.append("Growth (in process): " + ", ".join(
        f"{n:,} paragraphs {t * 1000:.0f} ms ({t / n * 1e6:.0f} µs/paragraph)" for n, _, t in growth))
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
