"""resdiff benchmark: run on demand, never in CI.  python bench/bench.py [--quick] [--readme]

Everything is measured in one run on this machine, and every goal is a ratio of two figures of that
run (or a bound checked in it); a missed goal is printed and the exit status is 1.

- whole process, cold (a fresh interpreter; bytecode compiled; resdiff's own word index present):
  `python -c pass`, `git diff --no-index --word-diff` on the same pair, `resdiff --version`, `--help`,
  `diff` (terminal and JSON) on the 75/62 pair, `parse`; the commands are run in turn, round after
  round, so that a slow moment of the machine falls on all of them alike; medians, peak memory;
- the real 5-page PDF of A/RES/73/6 against its extracted text, each through `resdiff parse`;
- the first run ever: the JSON diff with an empty user cache (the word index built);
- growth: synthetic resolutions (bench/synth.py) of 300, 3,000 and 30,000 paragraphs, in process
  (parse and compare) and whole process (peak memory), checked to be parsed whole and linear;
- the same output from every path: the CLI's JSON equals the library's, and with RESDIFF_SEGMENTER=jieba.

--readme rewrites the table in docs/performance.md (between the bench markers) from this run.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import resdiff  # noqa: E402
from resdiff.render.json_ import render_diff  # noqa: E402

OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"
PDF = REAL / "A-RES-73-6.en.pdf"
PDF_TEXT = REAL / "A-RES-73-6.en.pdfminer.txt"
PY = sys.executable
RESDIFF = [PY, "-m", "resdiff"]
# what users have: bytecode written and read (a developer's shell may say otherwise)
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "RESDIFF_SEGMENTER")}
MiB = 1024 * 1024


def run_process(cmd: list[str], env: dict | None = None) -> tuple[float, int, bytes]:
    """Wall time, max RSS in bytes (GNU time's, which counts the command alone), stdout of one run."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile() as rss_file:
        prefix = [str(gnu_time), "-f", "%M", "-o", rss_file.name] if gnu_time.exists() else []
        t = time.perf_counter()
        p = subprocess.run(prefix + cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                           env={**ENV, **(env or {})})
        elapsed = time.perf_counter() - t
        text = Path(rss_file.name).read_text().strip().splitlines()
    rss = int(text[-1]) * 1024 if text and text[-1].isdigit() else 0
    return elapsed, rss, p.stdout


def interleaved(cmds: dict[str, tuple[list[str], dict | None]], runs: int) -> dict[str, tuple[float, int, bytes]]:
    """Median time, max RSS and last stdout of each command; one warm-up round, then `runs` rounds of
    every command in turn."""
    for cmd, env in cmds.values():
        run_process(cmd, env)
    got: dict[str, list] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, (cmd, env) in cmds.items():
            got[k].append(run_process(cmd, env))
    return {k: (statistics.median(r[0] for r in v), max(r[1] for r in v), v[-1][2]) for k, v in got.items()}


def in_process(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 7 if quick else 15
    compileall.compile_dir(str(ROOT / "resdiff"), quiet=1)
    git = shutil.which("git")
    diff_args = [str(OLD), str(NEW)]
    cmds = {
        "python -c pass": ([PY, "-c", "pass"], None),
        "resdiff --version": ([*RESDIFF, "--version"], None),
        "resdiff --help": ([*RESDIFF, "--help"], None),
        "resdiff parse (75/62), --format json": ([*RESDIFF, "parse", str(NEW), "--format", "json"], None),
        "resdiff diff (75/62 pair), terminal": ([*RESDIFF, "diff", *diff_args, "--color", "never", "--width", "100"],
                                                None),
        "resdiff diff (75/62 pair), --format json": ([*RESDIFF, "diff", *diff_args, "--format", "json"], None),
    }
    if git:
        cmds["git diff --no-index --word-diff (75/62 pair)"] = ([git, "diff", "--no-index", "--word-diff", *diff_args],
                                                                None)
    have_pdf = PDF.exists() and PDF_TEXT.exists()
    if have_pdf:
        cmds["resdiff parse A/RES/73/6, extracted text"] = ([*RESDIFF, "parse", str(PDF_TEXT), "--format", "json"], None)
        cmds["resdiff parse A/RES/73/6, the 5-page PDF"] = ([*RESDIFF, "parse", str(PDF), "--format", "json"], None)
    res = interleaved(cmds, runs)
    base = res["python -c pass"][0]
    gitd = res.get("git diff --no-index --word-diff (75/62 pair)", (None,))[0]

    rows: list[tuple[str, ...]] = []
    goals: list[tuple[str, str, bool]] = []

    def row(name: str, seconds: float, rss: int | None = None) -> None:
        rows.append((name, f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s",
                     f"{seconds / base:.1f}x", f"{seconds / gitd:.0f}x" if gitd else "-",
                     f"{rss / MiB:.0f} MiB" if rss else ""))

    def goal(name: str, value: float, limit: float, unit: str = "x") -> None:
        shown = f"{value:.2f}{unit} (goal: at most {limit:g}{unit})" if unit == "x" else \
            f"{value:.2f} {unit} (goal: at most {limit:g} {unit})"
        goals.append((name, shown, value <= limit))

    for name, (t, rss, _) in res.items():
        row(name, t, rss if name.startswith("resdiff") else None)
    ratio = {k: v[0] / base for k, v in res.items()}
    goal("`resdiff diff --format json` / `python -c pass`", ratio["resdiff diff (75/62 pair), --format json"], 10)
    goal("`resdiff diff` (terminal) / `python -c pass`", ratio["resdiff diff (75/62 pair), terminal"], 12)
    goal("`resdiff --version` / `python -c pass`", ratio["resdiff --version"], 5)
    goal("`resdiff --help` / `python -c pass`", ratio["resdiff --help"], 5)
    if have_pdf:
        pdf_t = res["resdiff parse A/RES/73/6, the 5-page PDF"][0]
        goal("the 5-page PDF / its extracted text (`resdiff parse`)",
             pdf_t / res["resdiff parse A/RES/73/6, extracted text"][0], 2)
        goal("the 5-page PDF, whole process", pdf_t, 0.3, "s")

    # byte-identical output: the library's JSON, the CLI's, and the reference segmenter's
    cli_json = res["resdiff diff (75/62 pair), --format json"][2]
    t, rss, ref_json = run_process([*RESDIFF, "diff", *diff_args, "--format", "json"], {"RESDIFF_SEGMENTER": "jieba"})
    row("the same with jieba itself as segmenter (`RESDIFF_SEGMENTER=jieba`), one run", t, rss)
    assert ref_json == cli_json, "the fast segmenter changed the output"
    old, new = resdiff.load_document(str(OLD)), resdiff.load_document(str(NEW))
    assert render_diff(resdiff.compare(old, new)).encode() == cli_json, "the CLI's JSON differs from the library's"

    # the first run ever: an empty user cache
    firsts = []
    for _ in range(1 if quick else 3):
        with tempfile.TemporaryDirectory() as cache:
            t, rss, out = run_process([*RESDIFF, "diff", *diff_args, "--format", "json"], {"RESDIFF_CACHE_DIR": cache})
            assert out == cli_json, "the first run's output differs"
            files = os.listdir(cache)
            assert len(files) == 1 and files[0].startswith("jieba-"), files
            firsts.append((t, rss))
    t, rss = statistics.median(f[0] for f in firsts), max(f[1] for f in firsts)
    row("the first run ever (word index built), `--format json`", t, rss)
    goal("building the word index (the first run less a later one)",
         t - res["resdiff diff (75/62 pair), --format json"][0], 1.5, "s")

    row("in process: align + diff (75/62 pair, warm)", in_process(lambda: resdiff.compare(old, new), 50))

    from synth import synthetic_pair

    growth = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (300, 3000) if quick else (300, 3000, 30000):
            a, b = synthetic_pair(n)
            pa, pb = Path(tmp, f"s{n}a.txt"), Path(tmp, f"s{n}b.txt")
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            da = resdiff.parse_text(a)
            ops = [p.id for p in da.paragraphs if p.kind == "operative"]
            assert len(da.paragraphs) == n and ops == [f"OP{k}" for k in range(1, len(ops) + 1)], \
                f"synthetic {n}: parsed {len(da.paragraphs)} paragraphs"
            t = in_process(lambda a=a, b=b: resdiff.compare(resdiff.parse_text(a), resdiff.parse_text(b)),
                           1 if n > 3000 else 3)
            tracemalloc.start()
            resdiff.compare(resdiff.parse_text(a), resdiff.parse_text(b))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            growth.append((n, len(a), t, peak))
            row(f"in process: parse + compare, synthetic {n:,} paragraphs ({len(a):,} characters)", t)
        sizes = (1000,) if quick else (1000, 10000)
        for n in sizes:
            a, b = synthetic_pair(n)
            pa, pb = Path(tmp, f"s{n}a.txt"), Path(tmp, f"s{n}b.txt")
            pa.write_text(a, encoding="utf-8")
            pb.write_text(b, encoding="utf-8")
            t, rss, _ = run_process([*RESDIFF, "diff", str(pa), str(pb), "--format", "json"])
            row(f"`resdiff diff --format json`, synthetic {n:,} paragraphs", t, rss)
            if n == 10000:
                goal("peak memory, `resdiff diff --format json` of 10,000 paragraphs", rss / MiB, 80, "MiB")
    (n0, _, t0, m0), (n1, _, t1, m1) = growth[-2], growth[-1]
    scale = n1 / n0
    goal(f"time growth, {n0:,} -> {n1:,} paragraphs (linear: {scale:g}x; allowed 1.5x that)", t1 / t0, 1.5 * scale)
    goal(f"memory growth, {n0:,} -> {n1:,} paragraphs (allowed 1.5x linear)", m1 / m0, 1.5 * scale)

    lines = ["| measure | median | / `python -c pass` | / `git diff --word-diff` | peak memory |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    lines += ["", "Growth (in process, parse + compare): " + ", ".join(
        f"{n:,} paragraphs {t * 1000:.0f} ms ({t / n * 1e6:.0f} µs a paragraph, {m / MiB:.0f} MiB traced)"
        for n, _, t, m in growth) + ".", "", "| goal | this run | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {shown} | {'yes' if ok else '**no**'} |" for name, shown, ok in goals]
    lines += ["", f"`python bench/bench.py{' --quick' if quick else ''}`, {runs} rounds, Python "
              f"{sys.version.split()[0]}, {os.cpu_count()} cores."]
    report = "\n".join(lines)
    print(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n", encoding="utf-8")
    if "--readme" in sys.argv:
        readme = ROOT / "docs" / "performance.md"
        text = readme.read_text(encoding="utf-8")
        start, end = "<!-- bench:start -->", "<!-- bench:end -->"
        i, j = text.index(start) + len(start), text.index(end)
        readme.write_text(text[:i] + "\n" + report + "\n" + text[j:], encoding="utf-8")
    missed = [name for name, _, ok in goals if not ok]
    if missed:
        print("\nMISSED: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
