"""The cost of each `diff` format on the bundled pair: run on demand, never in CI.

    python bench/formats.py [--runs N]

Each format is the whole command (`resdiff diff OLD NEW -f FORMAT -o FILE`, a fresh interpreter), run in
turn, round after round, so that a slow moment of the busy machine falls on all formats alike. Wall time
and CPU time (the process and its children: Chromium's for pdf) are medians over the rounds, with the
output's size. The pdf format also has WeasyPrint's time for the same HTML, where WeasyPrint is installed
(the measurement that chose Chromium)."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
FORMATS = ("terminal", "json", "markdown", "html", "docx", "pdf")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _timed(args: list[str]) -> tuple[float, float]:
    c0, t0 = _children_cpu(), time.perf_counter()
    subprocess.run(args, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, _children_cpu() - c0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    tmp = Path(tempfile.mkdtemp(prefix="resdiff-bench-"))
    env_cmd = [sys.executable, "-m", "resdiff"]
    walls: dict[str, list[float]] = {f: [] for f in FORMATS}
    cpus: dict[str, list[float]] = {f: [] for f in FORMATS}
    sizes: dict[str, int] = {}
    weasy = []
    html = tmp / "whole.html"  # what the pdf format prints: the whole text
    subprocess.run([*env_cmd, "diff", str(OLD), str(NEW), "-f", "html", "-C", str(1 << 30), "-o", str(html)],
                   check=False, stdout=subprocess.DEVNULL)
    for _ in range(runs):
        for fmt in FORMATS:
            out = tmp / f"diff.{fmt}"
            w, c = _timed([*env_cmd, "diff", str(OLD), str(NEW), "-f", fmt, "-o", str(out), "--width", "100"])
            walls[fmt].append(w)
            cpus[fmt].append(c)
            sizes[fmt] = out.stat().st_size
        code = f"import weasyprint; weasyprint.HTML(filename={str(html)!r}).write_pdf({str(tmp / 'w.pdf')!r})"
        if subprocess.run([sys.executable, "-c", "import weasyprint"], capture_output=True).returncode == 0:
            weasy.append(_timed([sys.executable, "-c", code]))
    print(f"resdiff diff on the bundled pair, median of {runs} runs, {os.cpu_count()} cores (busy machine)")
    print(f"{'format':<10} {'wall s':>8} {'CPU s':>8} {'size kB':>9}")
    for fmt in FORMATS:
        print(f"{fmt:<10} {statistics.median(walls[fmt]):>8.2f} {statistics.median(cpus[fmt]):>8.2f} "
              f"{sizes[fmt] / 1000:>9.1f}")
    if weasy:
        print(f"{'(WeasyPrint, the same HTML to PDF)':<10} {statistics.median(w for w, _ in weasy):.2f} s wall, "
              f"{statistics.median(c for _, c in weasy):.2f} s CPU")


if __name__ == "__main__":
    main()
