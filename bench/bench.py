"""resdiff benchmark: run on demand, never in CI.  python bench/bench.py [--quick] [--docs]

Prints every target of issues #16 and #25 with the figure this run measured, and exits 1 when one is
missed. Every figure comes from this run, on this machine: CPU time (user + system, of the command and
of every process it started: bench/measure.py) as well as wall time; each command alternated with its
baseline, the same interpreter's `python -c pass`; medians with their spread (the interquartile range,
or min-max under four runs). Ratios are of CPU time, which a busy machine distorts far less than wall
time; wall figures hold only on a quiet machine. --docs writes the report into docs/performance.md,
between its bench markers; bench/results/latest.md always gets it.

- whole process, cold (a fresh interpreter, bytecode compiled, resdiff's own word index present):
  `resdiff --version`, `--help` (kept, and the first), `parse`, `diff` (terminal and JSON) of the 75/62 pair, the real 5-page
  PDF of A/RES/73/6 and its extracted text, `git diff --no-index --word-diff` of the same pair;
- a session (bench/session.py): a text pair's CPU inside it, the 1/2/4 workers curve on a session's size
  (SESSION_PAIRS pairs; 200 pairs too, 1 and 2 workers), Dask's local cluster and a 100,000-document
  session extrapolated from it;
- each input layout a user may feed (the texts of ../shared/corpus/real/extracted/, six extractors):
  reading it against reading the PDF itself, in process;
- the first run ever (the word index built); growth of synthetic resolutions (bench/synth.py).
- the PDF route: the 5-page PDF as a whole process, and a real 500-page PDF read (bench/pdf_read.py) against
  poppler's `pdftotext`.
"""

from __future__ import annotations

import compileall
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import measure  # noqa: E402
import session as sess  # noqa: E402
from measure import PY, MiB, alternated, become_subreaper, ms, require_plain_start, run, run_alone, spread  # noqa: E402

import resdiff  # noqa: E402
from resdiff.render.json_ import render_diff  # noqa: E402
from resdiff.session import usable_cpus  # noqa: E402

OLD = ROOT / "samples" / "illustrative" / "ILLUSTRATIVE-A-RES-74-62.zh.txt"
NEW = ROOT / "samples" / "A-RES-75-62.zh.txt"
REAL = ROOT.parent / "shared" / "corpus" / "real"
PDF = REAL / "A-RES-73-6.en.pdf"
PDF_TEXT = REAL / "A-RES-73-6.en.pdfminer.txt"
RESDIFF = [PY, "-m", "resdiff"]
LAYOUTS = {"pdftotext": ".pdftotext.txt", "pdftotext -layout": ".pdftotext-layout.txt", "PyMuPDF": ".pymupdf.txt",
           "pymupdf4llm (Markdown)": ".pymupdf4llm.md", "pdfplumber": ".pdfplumber.txt", "pypdf": ".pypdf.txt"}
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


# Issue #25 set its targets in seconds on a machine where `python -c pass` took 14 ms of CPU. A target in
# time is met only where it is met both as measured and scaled to that machine (the figure times 14 ms over
# this run's `python -c pass`): a faster machine does not meet it for the code, nor a slower one miss it.
# Start-up is a poor yardstick of compute (from one machine to another here, `python -c pass` moved 2.2x where
# a parse moved 3x), so the scaled figure is the stricter one on a fast machine: read both.
REFERENCE_BASE = 0.014
# The session the workers' speed-up is judged on: the General Assembly adopts some 300 resolutions a session,
# each checked against its original in five languages (some 1,500 pairs); 1,000 pairs stay under that.
SESSION_PAIRS = 1_000


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.goals: list[tuple[str, str, bool]] = []
        self.notes: list[str] = []
        self.base: float | None = None  # this run's `python -c pass`, CPU seconds (cold_commands sets it)

    def goal(self, name: str, value: float, limit: float, unit: str = "x", at_least: bool = False) -> None:
        word = "at least" if at_least else "at most"
        shown = f"{value:.2f}{unit}" if unit == "x" else f"{value:.2f} {unit}"
        target = f"{limit:g}{unit}" if unit == "x" else f"{limit:g} {unit}"
        ok = value >= limit if at_least else value <= limit
        if unit in ("s", "ms") and self.base:
            scaled = value * REFERENCE_BASE / self.base
            ok = ok and (scaled >= limit if at_least else scaled <= limit)
            shown += (f" here, {scaled:.2f} {unit} scaled to the issue's machine (`python -c pass`: "
                      f"{REFERENCE_BASE * 1000:g} ms there, {self.base * 1000:.1f} ms here)")
        self.goals.append((name, f"{shown} (target: {word} {target})", ok))
        print(f"{'met   ' if ok else 'MISSED'}  {name}: {shown} (target: {word} {target})", flush=True)


def cold_commands(rep: Report, rounds: int) -> dict:
    diff_args = [str(OLD), str(NEW)]
    kept = tempfile.TemporaryDirectory()  # the help kept by the warm-up round (alternated's first), then read
    cmds = {
        "resdiff --version": ([*RESDIFF, "--version"], None),
        # the floor under every command that parses a command line: typer (and the click it carries)
        "python -c 'import typer' (the floor: typer imported, nothing run)": ([PY, "-c", "import typer"], None),
        HELP: ([*RESDIFF, "--help"], {"RESDIFF_CACHE_DIR": kept.name}),
        "resdiff parse (75/62), --format json": ([*RESDIFF, "parse", str(NEW), "--format", "json"], None),
        "resdiff diff (75/62 pair), terminal": ([*RESDIFF, "diff", *diff_args, "--color", "never", "--width", "100"],
                                                None),
        "resdiff diff (75/62 pair), --format json": ([*RESDIFF, "diff", *diff_args, "--format", "json"], None),
    }
    git = shutil.which("git")
    if git:
        cmds["git diff --no-index --word-diff (75/62 pair)"] = ([git, "diff", "--no-index", "--word-diff", *diff_args],
                                                                None)
    if PDF.exists() and PDF_TEXT.exists():
        cmds["resdiff parse A/RES/73/6, extracted text"] = ([*RESDIFF, "parse", str(PDF_TEXT), "--format", "json"], None)
        cmds["resdiff parse A/RES/73/6, the 5-page PDF"] = ([*RESDIFF, "parse", str(PDF), "--format", "json"], None)
        # where PDFium is, kept by the run before (resdiff/pdfium.py), above; here a cache that cannot be written,
        # so that every run imports pypdfium2 as a first run does (shown, not judged)
        cmds[FIRST_PDF] = ([*RESDIFF, "parse", str(PDF), "--format", "json"], {"RESDIFF_CACHE_DIR": os.devnull + "/x"})
    figs, base = alternated(cmds, rounds)
    rep.base = base.cpu[1]
    kept.cleanup()
    first = first_help(rounds)  # beside the kept one in the table
    assert first.stdout == figs[HELP].stdout, "the kept help differs from typer's"
    figs = {k: v for name, f in figs.items() for k, v in ((name, f), *([(FIRST_HELP, first)] if name == HELP else ()))}
    rep.rows.append(("python -c pass (the baseline)", spread(base.wall), spread(base.cpu), "1x", ""))
    for name, f in figs.items():
        rep.rows.append((name, spread(f.wall), spread(f.cpu), spread(f.ratio, lambda x: f"{x:.1f}x"),
                         f"{f.rss / MiB:.0f} MiB" if name.startswith("resdiff") else ""))
    r = {k: f.ratio[1] for k, f in figs.items()}
    rep.goal("`resdiff diff --format json`, CPU / `python -c pass` (#25)", r["resdiff diff (75/62 pair), --format json"], 8)
    rep.goal("`resdiff --help` (kept), CPU / `python -c pass` (#25)", r[HELP], 5)
    rep.goal("`resdiff diff` (terminal), CPU / `python -c pass`", r["resdiff diff (75/62 pair), terminal"], 12)
    rep.goal("`resdiff --version`, CPU / `python -c pass`", r["resdiff --version"], 5)
    if "resdiff parse A/RES/73/6, the 5-page PDF" in figs:
        pdf, text = figs["resdiff parse A/RES/73/6, the 5-page PDF"], figs["resdiff parse A/RES/73/6, extracted text"]
        rep.goal("the 5-page PDF / its extracted text, CPU (`resdiff parse`)", pdf.cpu[1] / text.cpu[1], 2)
        rep.goal("the 5-page PDF, whole process, CPU", pdf.cpu[1], 0.3, "s")
    # the same output from every path: the CLI's JSON is the library's
    cli_json = figs["resdiff diff (75/62 pair), --format json"].stdout
    old, new = resdiff.load_document(str(OLD)), resdiff.load_document(str(NEW))
    assert render_diff(resdiff.compare(old, new)).encode() == cli_json, "the CLI's JSON differs from the library's"
    ref = run([*RESDIFF, "diff", *diff_args, "--format", "json"], {"RESDIFF_SEGMENTER": "jieba"})
    assert ref.stdout == cli_json, "the fast segmenter changed the output"
    return {"base": base, "json": figs["resdiff diff (75/62 pair), --format json"]}


HELP = "resdiff --help (kept from a run before: the target is judged on this one)"
FIRST_PDF = "resdiff parse A/RES/73/6, the 5-page PDF, nothing kept (pypdfium2 imported, as a first run does)"
FIRST_HELP = "resdiff --help, the first (an empty cache each run: typer renders it and it is kept)"


def first_help(rounds: int) -> measure.Figure:
    """`resdiff --help` in a new cache folder each time, alternated with the baseline like the rest."""
    runs, ratios = [], []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as cache:
            b = run(measure.BASELINE)
            r = run([*RESDIFF, "--help"], {"RESDIFF_CACHE_DIR": cache})
            assert os.listdir(os.path.join(cache, "help")), "the first help was not kept"
        runs.append(r)
        ratios.append(r.cpu / b.cpu)
    with tempfile.TemporaryDirectory() as cache:
        peak = run_alone([*RESDIFF, "--help"], {"RESDIFF_CACHE_DIR": cache}).rss
    return measure.Figure(tuple(runs), tuple(ratios), peak)


def first_run(rep: Report, quick: bool, json_fig) -> None:
    runs = []
    for _ in range(1 if quick else 3):
        with tempfile.TemporaryDirectory() as cache:
            # its memory alone (run_alone): the word index is built in it
            r = run_alone([*RESDIFF, "diff", str(OLD), str(NEW), "--format", "json"], {"RESDIFF_CACHE_DIR": cache})
            assert r.stdout == json_fig.stdout, "the first run's output differs"
            runs.append(r)
    cpu = statistics.median(r.cpu for r in runs)
    rep.rows.append(("the first run ever (word index built), `diff --format json`",
                     ms(statistics.median(r.wall for r in runs)), ms(cpu), "", f"{max(r.rss for r in runs) / MiB:.0f} MiB"))
    rep.goal("building the word index (the first run less a later one), CPU", cpu - json_fig.cpu[1], 1.5, "s")


def session(rep: Report, quick: bool, base_cpu: float) -> list[str]:
    rounds = 1 if quick else 3
    lines = []
    c = sess.pair_cost(20, 80 if quick else 200, rounds)
    lines.append(f"A text pair inside a session (`check SRC TGT -f json --jobs 1`, {c['large']} pairs less "
                 f"{c['small']}, over the difference): {c['cpu'] * 1000:.1f} ms CPU ({c['wall'] * 1000:.1f} ms wall); "
                 f"what every session pays once (start-up, the fork server, one worker, the report): "
                 f"{c['fixed']:.2f} s CPU (`python -c pass`: {base_cpu * 1000:.1f} ms CPU in this run).")
    rep.goal("a text pair's CPU inside a session (#25)", c["cpu"] * 1000, 15, "ms")
    # The workers' curve on a session's size (SESSION_PAIRS). A session's serial part (the main process, the
    # fork server's start) weighs more on a small one: 200 pairs are measured too, and shown, not judged.
    n, small = (200, 40) if quick else (SESSION_PAIRS, 200)
    curve = sess.workers_curve(n, rounds)
    lines += ["", f"Workers (`check SRC TGT -f json --jobs N`, {n:,} pairs of text and one of PDFs; medians of "
              f"{rounds}; this process may use {usable_cpus()} CPUs, so --jobs 4 runs 2):", "",
              "| workers | wall | speed-up (wall) | CPU, all processes | CPU, main process |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for j, (w, cpu, main_cpu) in curve.items():
        lines.append(f"| {j} | {w:.2f} s | {curve[1][0] / w:.2f}x | {cpu:.2f} s | {main_cpu:.2f} s |")
    start = sess.serial_start()
    allowed = sess.allowed_speedup(curve[1], curve[2], start)
    few = sess.workers_curve(small, rounds, jobs=(1, 2))
    allowed_few = sess.allowed_speedup(few[1], few[2], start)
    lines += ["", f"Two workers against one: {curve[1][0] / curve[2][0]:.2f}x in wall time on this (busy) machine; "
              f"{allowed:.2f}x is what the CPU time of the two runs allows on two free CPUs (the serial part counted "
              f"whole: the main process, {curve[2][2]:.2f} s, and the fork server's start, {start:.2f} s; the "
              "workers' share halved): the figure the target is judged on here. On a session of "
              f"{small} pairs: {few[1][0] / few[2][0]:.2f}x in wall time, {allowed_few:.2f}x allowed by CPU time (its "
              f"serial part, the main process and the fork server's start, {few[2][2] + start:.2f} s, weighs on a "
              "fifth of the work)."]
    rep.goal(f"two workers / one, speed-up allowed by CPU time, a session of {n:,} pairs (#25)", allowed, 1.8, "x",
             at_least=True)
    d = sess.dask_costs(10, 40 if quick else 100, rounds)
    per_pair_cpu = d["pair_cpu"]
    pairs = 50_000  # 100,000 documents, two languages
    lines += ["", f"Dask (`--executor dask --jobs 2`: a LocalCluster of 2 worker processes, one thread each), "
              f"{d['small']} and {d['large']} pairs: {d['wall_small']:.1f} s and {d['wall_large']:.1f} s wall, "
              f"{d['cpu_small']:.1f} s and {d['cpu_large']:.1f} s CPU; so {d['fixed_wall']:.1f} s to start and stop "
              f"the cluster, then {per_pair_cpu * 1000:.0f} ms CPU and {d['pair_wall'] * 1000:.0f} ms wall a pair "
              f"on 2 workers. The report is byte for byte the process pool's (checked).",
              f"A 100,000-document session ({pairs:,} pairs) extrapolated: {pairs * per_pair_cpu / 3600:.1f} CPU-hours; "
              f"{pairs * d['pair_wall'] / 3600:.1f} h on these 2 workers, {pairs * per_pair_cpu / 64 / 60:.1f} min on "
              f"64 (if the per-pair CPU holds and the scheduler keeps up)."]
    return lines


def layouts(rep: Report, rounds: int) -> list[str]:
    """Each extractor's text of the real PDFs read against the PDF itself: CPU in process, medians."""
    stems = sorted({p.name.split(".pdf")[0] for p in REAL.glob("*.pdf")
                    if any((REAL / "extracted" / (p.name[:-4] + s)).exists() for s in LAYOUTS.values())})
    if not stems:
        return ["(../shared/corpus/real/extracted is absent: layouts not measured)"]

    from pdf_read import _child_cpu  # a PDF is read in a child process: its CPU counts too

    def cost(path: Path) -> tuple[float, int | str]:
        try:
            n = len(resdiff.load_document(str(path)).paragraphs)
        except resdiff.ResdiffError as e:
            return float("nan"), f"unreadable ({e.message[:40]}…)"
        times = []
        for _ in range(rounds):
            t = time.process_time() + _child_cpu()
            resdiff.load_document(str(path))
            times.append(time.process_time() + _child_cpu() - t)
        return statistics.median(times), n

    pdf = {s: cost(REAL / f"{s}.pdf") for s in stems}
    pdf_total = sum(t for t, _ in pdf.values())
    lines = [f"Reading each layout a user may feed, in process (`load_document`, CPU of this process and of the "
             f"PDF reading child, medians of {rounds}), summed "
             f"over the {len(stems)} PDFs that have them ({', '.join(stems)}), against reading the PDFs themselves:",
             "", "| input | CPU | / the PDFs | paragraphs (the PDFs': "
             f"{', '.join(str(n) for _, n in pdf.values())}) |", "| --- | ---: | ---: | --- |",
             f"| the PDFs themselves | {ms(pdf_total)} | 1.00x | |"]
    pdfminer = {s: cost(REAL / f"{s}.pdfminer.txt") for s in stems if (REAL / f"{s}.pdfminer.txt").exists()}
    if pdfminer:
        t = sum(x for x, _ in pdfminer.values())
        lines.append(f"| pdfminer.six (the corpus's own text) | {ms(t)} | {t / pdf_total:.2f}x | "
                     f"{', '.join(str(n) for _, n in pdfminer.values())} |")
    for name, suffix in LAYOUTS.items():
        got = {s: cost(REAL / "extracted" / f"{s}{suffix}") for s in stems}
        read = [s for s in stems if got[s][0] == got[s][0]]  # not NaN: read
        total, against = sum(got[s][0] for s in read), sum(pdf[s][0] for s in read)
        same = all(got[s][1] == pdf[s][1] for s in stems)
        lines.append(f"| {name} | {ms(total)} | {total / against:.2f}x | "
                     f"{', '.join(str(n) for _, n in got.values())}{'' if same else ' (differs)'} |")
        if read:
            rep.goal(f"reading {name} text / reading the PDF itself, CPU"
                     f"{'' if len(read) == len(stems) else f' ({len(read)} of {len(stems)} read at all)'}",
                     total / against, 1.0)
    return lines + ["", "A count that differs, or a text not read at all, is the parser's to mend (the counts of "
                    "../shared/corpus/real/expected.json); the ratio is of the documents read."]


def growth(rep: Report, quick: bool) -> list[str]:
    """Synthetic pairs of growing size: parse + compare in process (CPU; traced memory up to 10,000
    paragraphs, where tracing is affordable), and the largest also as a whole `resdiff diff --format json`
    (CPU and peak memory of the process)."""
    from synth import synthetic_pair

    out = []
    whole: dict = {}  # the largest size's whole `resdiff diff --format json` run
    sizes = (300, 3000) if quick else (1000, 10000, 100000)
    for n in sizes:
        a, b = synthetic_pair(n)
        da = resdiff.parse_text(a)
        ops = [p.id for p in da.paragraphs if p.kind == "operative"]
        assert len(da.paragraphs) == n and ops == [f"OP{k}" for k in range(1, len(ops) + 1)], \
            f"synthetic {n}: parsed {len(da.paragraphs)} paragraphs"
        del da
        t = time.process_time()
        resdiff.compare(resdiff.parse_text(a), resdiff.parse_text(b))
        cpu = time.process_time() - t
        peak = 0
        if n <= 10000:
            tracemalloc.start()
            resdiff.compare(resdiff.parse_text(a), resdiff.parse_text(b))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        out.append((n, len(a), cpu, peak))
        rep.rows.append((f"in process: parse + compare, synthetic {n:,} paragraphs ({len(a):,} characters), one run",
                         "", ms(cpu), "", f"{peak / MiB:.0f} MiB traced" if peak else ""))
        if n == sizes[-1]:
            with tempfile.TemporaryDirectory() as tmp:
                pa, pb = Path(tmp, "a.txt"), Path(tmp, "b.txt")
                pa.write_text(a, encoding="utf-8")
                pb.write_text(b, encoding="utf-8")
                r = run_alone([*RESDIFF, "diff", str(pa), str(pb), "--format", "json"])
            whole[n] = r
            rep.rows.append((f"`resdiff diff --format json`, synthetic {n:,} paragraphs, one run", ms(r.wall),
                             ms(r.cpu), "", f"{r.rss / MiB:.0f} MiB"))
            if n == 100000:
                rep.goal("100,000 paragraphs, parse + compare in process, CPU (#25)", cpu, 20, "s")
                rep.goal("100,000 paragraphs, `resdiff diff --format json`, peak memory (#25)", r.rss / MiB, 400, "MiB")
    (n0, _, t0, _), (n1, _, t1, _) = out[0], out[-1]
    scale = n1 / n0
    rep.goal(f"time growth, {n0:,} -> {n1:,} paragraphs (linear: {scale:g}x; allowed 1.5x that)", t1 / t0, 1.5 * scale)
    traced = [(n, m) for n, _, _, m in out if m]
    (m_n0, m0), (m_n1, m1) = traced[0], traced[-1]
    rep.goal(f"memory growth, {m_n0:,} -> {m_n1:,} paragraphs (allowed 1.5x linear)", m1 / m0, 1.5 * m_n1 / m_n0)
    def peak(n: int, m: int) -> str:
        if m:
            return f", {m / MiB:.0f} MiB traced"
        r = whole.get(n)
        return f"; the whole `resdiff diff --format json`: {r.cpu:.1f} s CPU, {r.rss / MiB:.0f} MiB peak" if r else ""

    lines = ["Growth (in process, parse + compare of a synthetic pair, one run each): " + ", ".join(
        f"{n:,} paragraphs {t:.2f} s CPU ({t / n * 1e6:.0f} µs a paragraph{peak(n, m)})"
        for n, _, t, m in out) + "."]
    if 100000 in whole:
        t = next(t for n, _, t, _ in out if n == 100000)
        rss = whole[100000].rss / MiB
        lines.append(f"At 100,000 paragraphs: {t:.1f} s CPU (target: at most 20 s, judged in the table of targets "
                     f"below, as measured and scaled to the issue's machine), {rss:.0f} MiB peak (target: at most 400 MiB, "
                     f"{'met' if rss <= 400 else 'missed'}); a run of this size is made once (minutes), not "
                     "alternated with a baseline.")
    else:
        lines.append("The 100,000-paragraph targets (20 s CPU, 400 MiB) are judged by the full run, not --quick.")
    return lines


def pdf_reading(rep: Report, quick: bool) -> list[str]:
    """The PDF route: a real 500-page PDF built for the run (bench/pdf_read.py: long_pdf, never kept) read into the
    parser's lines through the reading child, against poppler's `pdftotext` on the same file."""
    import pdf_read

    lines = []  # the 5-page PDF as a whole process is measured with the other cold commands
    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        r = pdf_read.long_read(pdf_read.long_pdf(Path(tmp)), rounds)
    ref = r["pdftotext"]
    lines.append(f"A real {pdf_read.LONG_PAGES}-page PDF (the corpus's text PDFs, pages repeated; {r['lines']:,} lines) "
                 f"read into the parser's lines (`pdf.read_lines`, through the reading child), medians of {rounds}: "
                 f"{ms(r['cpu'])} CPU, {ms(r['wall'])} wall; poppler's `pdftotext` on the same file: "
                 + (f"{ms(ref[0])} CPU, {ms(ref[1])} wall ({r['cpu'] / ref[0]:.1f}x its CPU)." if ref
                    else "not installed here."))
    rep.goal(f"a real {pdf_read.LONG_PAGES}-page PDF read, CPU (#25)", r["cpu"], 3, "s")
    return lines


def main() -> int:
    quick = "--quick" in sys.argv
    rounds = 7 if quick else 15
    require_plain_start()
    if not become_subreaper():
        print("note: not Linux: the CPU of processes a command leaves behind is not counted", file=sys.stderr)
    compileall.compile_dir(str(ROOT / "resdiff"), quiet=1)
    rep = Report()
    started = time.monotonic()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cold = cold_commands(rep, rounds)
    first_run(rep, quick, cold["json"])
    session_lines = session(rep, quick, cold["base"].cpu[1])
    layout_lines = layouts(rep, 3 if quick else 7)
    growth_lines = growth(rep, quick)
    pdf_lines = pdf_reading(rep, quick)
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    lines = ["| measure | wall, median (IQR) | CPU, median (IQR) | CPU / `python -c pass` (IQR) | peak memory |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {' | '.join(r)} |" for r in rep.rows]
    lines += ["", *growth_lines, "", *session_lines, "", *layout_lines, "", *pdf_lines, "",
              "| target | this run | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {shown} | {'yes' if ok else '**no**'} |" for name, shown, ok in rep.goals]
    lines += ["", f"`python bench/bench.py{' --quick' if quick else ''}`: {rounds} rounds, Python "
              f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs "
              f"({usable_cpus()} usable), load average {load:.1f} at the start and "
              f"{load_end:.1f} at the end, {time.monotonic() - started:.0f} s. A load above the CPU count means "
              "other work shared the machine: wall times and the measured speed-up then do not hold; CPU times "
              "and their ratios mostly do."]
    report = "\n".join(lines)
    print("\n" + report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(report + "\n", encoding="utf-8")
    if "--docs" in sys.argv:
        text = DOCS.read_text(encoding="utf-8")
        i, j = text.index(START) + len(START), text.index(END)
        DOCS.write_text(text[:i] + "\n" + report + "\n" + text[j:], encoding="utf-8")
    missed = [name for name, _, ok in rep.goals if not ok]
    if missed:
        print("\nMISSED: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
