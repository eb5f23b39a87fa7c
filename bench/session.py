"""Throughput of `resdiff check` over a whole session: python bench/session.py [--pairs N]

Builds N pairs of documents in a temporary folder (the English fixture and the Chinese 75/62 under
N symbols, and, where ../shared/corpus/real is present, the official English and Spanish PDFs of
48/246 among them), then times the whole process `resdiff check EN_DIR ZH_DIR --format json` with
1 and 2 workers in the same run (medians of 3), and writes bench/results/session.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"


def build(root: Path, pairs: int) -> tuple[Path, Path]:
    src, tgt = root / "src", root / "tgt"
    src.mkdir()
    tgt.mkdir()
    en = (ROOT / "tests" / "data" / "A-RES-75-62.en.unofficial.txt").read_text("utf-8")
    zh = (ROOT / "samples" / "A-RES-75-62.zh.txt").read_text("utf-8")
    for k in range(pairs):
        sym = f"75/{1000 + k}"
        (src / f"{k:04d}.en.txt").write_text(en.replace("75/62", sym), encoding="utf-8")
        (tgt / f"{k:04d}.zh.txt").write_text(zh.replace("75/62", sym), encoding="utf-8")
    if (REAL / "A-RES-48-246.en.pdf").is_file():  # one official pair of PDFs in the lot
        (src / "48-246.en.pdf").write_bytes((REAL / "A-RES-48-246.en.pdf").read_bytes())
        (tgt / "48-246.es.pdf").write_bytes((REAL / "A-RES-48-246.es.pdf").read_bytes())
    return src, tgt


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode()}")
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, tgt = build(Path(tmp), args.pairs)
        n = len(list(src.iterdir()))
        rows = []
        base = None
        for jobs in (1, 2):
            cmd = [sys.executable, "-m", "resdiff", "check", str(src), str(tgt), "-f", "json", "--jobs", str(jobs)]
            t = statistics.median(timed(cmd) for _ in range(args.runs))
            base = base or t
            rows.append((jobs, t, n / t, base / t))
    lines = [f"# resdiff check, a session of {n} pairs ({os.cpu_count()} cores)", "",
             "| workers | wall time | pairs / s | speed-up |", "| ---: | ---: | ---: | ---: |"]
    lines += [f"| {j} | {t:.2f} s | {r:.0f} | {s:.2f}x |" for j, t, r, s in rows]
    out = "\n".join(lines) + "\n"
    print(out)
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "session.md").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
