"""What reading a PDF's characters costs, by the route taken to PDFium.  python bench/pdf_read.py [N]
python bench/pdf_read.py --long [N]: only a long PDF (LONG_PAGES pages, see long_pdf) read N times.
python bench/pdf_read.py --against TREE [N]: this tree and another checkout (TREE; each run by its own .venv,
or by this interpreter with the tree on PYTHONPATH where it has none) alternated N rounds on the long PDF
and the 5-page A/RES/73/6 PDF (see against).

On each real PDF of ../shared/corpus/real (the 5-page A/RES/73/6 first), CPU and wall time, medians
of N rounds (default 15), of reading every character with its box, text object, font size and
descent:

- `resdiff.pdfium`: resdiff's own prototypes (every argument and result declared, the interpreter
  lock kept) at the addresses pypdfium2 resolved;
- `pypdfium2 raw`: the same calls through pypdfium2's own function objects (`pypdfium2.raw`, declared
  by pypdfium2: typed handles, the lock released and taken again at each call);
- `pypdfium2 helpers`: `PdfTextPage.get_text_range` and `get_charbox(i, loose=True)`, pypdfium2's
  public helper API, with the raw calls it has no helper for (text object, font);

and, in fresh interpreters, what loading each route costs. Then what reading in a child process under
limits costs (resdiff/isolate.py): `resdiff.pdf.read_pdf` through the reading child against `_read` in
this process, and the first document of a run (the fork) apart. The machine may be busy: compare the
routes of one run with one another, not with another run.
"""

from __future__ import annotations

import ctypes
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
REAL = ROOT.parent / "shared" / "corpus" / "real"


def ours(data: bytes) -> int:
    from resdiff import pdf, pdfium

    n = 0
    with pdfium.Document(data) as doc:
        objects = pdfium.TextObject(doc.lib)
        for p in range(doc.page_count()):
            page = pdfium.Page(doc, p)
            n += len(pdf._page_chars(page, objects)[0])
            page.close()
    return n


def _font(c, obj, buf, fsize, m, descent):
    font = c.FPDFTextObj_GetFont(obj)
    c.FPDFFont_GetBaseFontName(font, buf, len(buf))
    c.FPDFTextObj_GetFontSize(obj, fsize)
    c.FPDFPageObj_GetMatrix(obj, m)
    size = fsize.value * (m.c * m.c + m.d * m.d) ** 0.5
    c.FPDFFont_GetDescent(font, size, descent)
    return size, bool(c.FPDFFont_GetFlags(font) & 64), descent.value


def raw(data: bytes) -> int:
    """The reader's loop through pypdfium2's own function objects."""
    import pypdfium2.raw as c

    n = 0
    buf = ctypes.create_string_buffer(data, len(data))
    doc = c.FPDF_LoadMemDocument64(buf, len(data), None)
    name, fsize, m, descent = ctypes.create_string_buffer(256), ctypes.c_float(), c.FS_MATRIX(), ctypes.c_float()
    box = c.FS_RECTF()
    for p in range(c.FPDF_GetPageCount(doc)):
        page = c.FPDF_LoadPage(doc, p)
        tp = c.FPDFText_LoadPage(page)
        count = c.FPDFText_CountChars(tp)
        out = ctypes.create_string_buffer(2 * count + 2)
        c.FPDFText_GetText(tp, 0, count, ctypes.cast(out, ctypes.POINTER(ctypes.c_ushort)))
        fonts = {}
        for i, u in enumerate(memoryview(out.raw[: 2 * count]).cast("H").tolist()):
            if u in (32, 13, 10) and c.FPDFText_IsGenerated(tp, i):
                continue
            obj = c.FPDFText_GetTextObject(tp, i)
            if not obj:
                continue
            key = ctypes.cast(obj, ctypes.c_void_p).value  # a new pointer object each call
            info = fonts.get(key) or fonts.setdefault(key, _font(c, obj, name, fsize, m, descent))
            c.FPDFText_GetLooseCharBox(tp, i, box)
            n += info[0] > 0 and box.right >= box.left
        c.FPDFText_ClosePage(tp)
        c.FPDF_ClosePage(page)
    c.FPDF_CloseDocument(doc)
    return n


def helpers(data: bytes) -> int:
    """pypdfium2's helper classes wherever they have one (PdfTextPage, PdfTextObj, PdfFont, PdfMatrix);
    raw calls for what they lack (generated characters, descent, flags)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as c

    n = 0
    doc = pdfium.PdfDocument(data)
    descent = ctypes.c_float()
    for page in doc:
        tp = page.get_textpage()
        fonts = {}
        for i in range(tp.count_chars()):
            u = c.FPDFText_GetUnicode(tp, i)
            if u in (32, 13, 10) and c.FPDFText_IsGenerated(tp, i):
                continue
            obj = tp.get_textobj(i)
            if obj is None:
                continue
            key = ctypes.cast(obj.raw, ctypes.c_void_p).value
            info = fonts.get(key)
            if info is None:
                font, m = obj.get_font(), obj.get_matrix()
                size = obj.get_font_size() * (m.c * m.c + m.d * m.d) ** 0.5
                c.FPDFFont_GetDescent(font, size, descent)
                info = fonts[key] = (size, "italic" in font.get_base_name().lower(), descent.value)
            left, bottom, right, top = tp.get_charbox(i, loose=True)
            n += info[0] > 0 and right >= left
        tp.close()
        page.close()
    doc.close()
    return n


def timed(fn, data: bytes, rounds: int) -> tuple[float, float]:
    fn(data)  # warm: loaded, initialised
    cpu, wall = [], []
    for _ in range(rounds):
        c0, w0 = time.process_time(), time.perf_counter()
        fn(data)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def load_cost(stmt: str, rounds: int) -> float:
    """Median ms of `stmt` in a fresh interpreter (CPU time of that statement alone)."""
    code = f"import time; c = time.process_time(); {stmt}; print(time.process_time() - c)"
    out = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                cwd=ROOT).stdout) for _ in range(rounds)]
    return statistics.median(out) * 1000


def _child_cpu() -> float:
    """CPU seconds of the reading child so far, and of the helpers it forked and reaped (a long document's
    pages spread over processes), from /proc: the child is reaped only at the end, so os.times() does not
    count it."""
    from resdiff import isolate

    if isolate._CHILD is None:
        return 0.0
    with open(f"/proc/{isolate._CHILD.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(map(int, fields[11:15])) / os.sysconf("SC_CLK_TCK")  # utime, stime, cutime, cstime


def isolation(files: list[Path], rounds: int) -> None:
    from resdiff import isolate, pdf

    print()
    print(f"isolation, ms a document, CPU (this process and the reading child) / wall; the two ways in turn, "
          f"round after round; CPU: means of {rounds}, wall: medians")
    print("| PDF | in this process | in the reading child | cost |")
    print("| --- | ---: | ---: | ---: |")
    for f in files:
        data = f.read_bytes()
        if not any(pdf._read(data, f.name).pages):
            continue
        ways = {"in": lambda d=data, n=f.name: pdf._read(d, n), "child": lambda d=data, n=f.name: pdf.read_pdf(d, n)}
        cpu = {k: 0.0 for k in ways}
        wall: dict[str, list[float]] = {k: [] for k in ways}
        for fn in ways.values():
            fn()
        for _ in range(rounds):
            for k, fn in ways.items():
                c0, w0 = time.process_time() + _child_cpu(), time.perf_counter()
                fn()
                wall[k].append(time.perf_counter() - w0)
                cpu[k] += time.process_time() + _child_cpu() - c0
        (ci, cc), (wi, wc) = ((cpu[k] / rounds * 1000 for k in ways), (statistics.median(wall[k]) * 1000 for k in ways))
        print(f"| {f.name} | {ci:.1f} / {wi:.1f} | {cc:.1f} / {wc:.1f} | {cc - ci:+.1f} / {wc - wi:+.1f} |")
    first = []
    data = files[0].read_bytes()
    for _ in range(rounds):
        isolate._shutdown()
        w0 = time.perf_counter()
        isolate.call(len, data, source="x")  # a fork (the document goes with it), an answer
        first.append(time.perf_counter() - w0)
    isolate._shutdown()
    print(f"- the first document of a run, the child started (fork) and a call answered: "
          f"{statistics.median(first) * 1000:.1f} ms wall (median of {rounds})")


# --- a long PDF: what reading costs as the pages grow ---------------------------------------------

LONG_PAGES = 500
LONG_SOURCES = ("A-ES-11-L.7.en.pdf", "A-RES-48-246.en.pdf", "A-RES-48-246.es.pdf", "A-RES-73-6.en.pdf",
                "A-RES-73-7.en.pdf")  # the real PDFs with a text layer (A/RES/2758 is a scanned image)


def long_pdf(folder: Path, pages: int = LONG_PAGES) -> Path:
    """A real PDF of `pages` pages, written into `folder` (never kept): the pages of the real corpus's
    PDFs with a text layer, each document's pages repeated in turn, in shares as their page counts, through
    pypdfium2's public API. One import a source document, so that its fonts are stored once and shared by
    its pages, as in one long document (importing page by page would copy the fonts for every page)."""
    import pypdfium2

    sources = [pypdfium2.PdfDocument(REAL / name) for name in LONG_SOURCES if (REAL / name).exists()]
    total = sum(len(s) for s in sources)
    out = pypdfium2.PdfDocument.new()
    for k, src in enumerate(sources):
        want = pages - len(out) if k == len(sources) - 1 else round(pages * len(src) / total)
        out.import_pages(src, pages=[i % len(src) for i in range(want)])
    path = folder / f"long-{pages}-pages.pdf"
    out.save(path)
    assert len(out) == pages, len(out)
    for doc in (out, *sources):
        doc.close()
    return path


def long_read(path: Path, rounds: int) -> dict:
    """Reading the long PDF into the parser's typed lines (`resdiff.pdf.read_lines`, through the reading
    child, as a run reads it): CPU of this process and the child, and wall, medians of `rounds`; and
    poppler's `pdftotext` on the same file (a fresh process each round), where it is installed."""
    from resdiff import isolate, pdf

    data = path.read_bytes()
    lines = len(pdf.read_lines(data, path.name)[0])  # the child started, PDFium loaded
    cpu, wall = [], []
    for _ in range(rounds):
        c0, w0 = time.process_time() + _child_cpu(), time.perf_counter()
        pdf.read_lines(data, path.name)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() + _child_cpu() - c0)
    isolate._shutdown()
    out = {"lines": lines, "cpu": statistics.median(cpu), "wall": statistics.median(wall), "pdftotext": None}
    tool = shutil.which("pdftotext")
    if tool:
        from measure import run

        runs = [run([tool, str(path), os.devnull]) for _ in range(rounds)]
        out["pdftotext"] = (statistics.median(r.cpu for r in runs), statistics.median(r.wall for r in runs))
    return out


# Run by the other tree's interpreter too, so it uses only what both have: reading the long PDF into the
# parser's lines, PDFium loaded and the reading child started first; the CPU of this process and the child
# (and of the helpers the child reaped).
_READ_ONCE = """
import os, sys, time
from resdiff import isolate, pdf
def child():
    with open(f"/proc/{isolate._CHILD.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(map(int, fields[11:15])) / os.sysconf("SC_CLK_TCK")
data = open(sys.argv[1], "rb").read()
pdf.read_lines(data, "long.pdf")
c, w = time.process_time() + child(), time.perf_counter()
pdf.read_lines(data, "long.pdf")
print(time.process_time() + child() - c, time.perf_counter() - w)
"""


def _python_of(tree: Path) -> tuple[str, dict | None]:
    """The interpreter that runs a tree's resdiff: this one, the tree first on PYTHONPATH, as bench/serial.py runs
    a base (a tree's own .venv may be an editable install of another checkout)."""
    return sys.executable, {"PYTHONPATH": str(tree)}


def against(other: Path, rounds: int) -> None:
    """This tree and `other` (a checkout: see _python_of), alternated round after round: the long PDF read
    into lines (CPU and wall of reading alone, in a fresh interpreter), `resdiff parse` of it, and `resdiff
    parse` of the 5-page A/RES/73/6 PDF and of its extracted text (cold: a whole command, as a user runs it);
    CPU of every process, medians; poppler's `pdftotext` on the long PDF in the same rounds, where it is
    installed. Both trees' parse outputs are compared byte for byte. The long PDF holds 135 resolutions, which
    `parse` reads and then refuses (exit 2: one resolution a file): its figure is the reading a user's run of
    it pays."""
    from measure import become_subreaper, run

    become_subreaper()
    trees = {"this tree": ROOT, str(other): other.resolve()}
    five, text = REAL / "A-RES-73-6.en.pdf", REAL / "A-RES-73-6.en.pdfminer.txt"
    tool = shutil.which("pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        path = long_pdf(Path(tmp))
        got: dict[tuple[str, str], list[float]] = {}
        outs: dict[tuple[str, str], set[bytes]] = {}
        for _ in range(rounds):
            for label, tree in trees.items():
                python, env = _python_of(tree)
                resdiff = [python, "-m", "resdiff"]
                for what, cmd in [("read", [python, "-c", _READ_ONCE, str(path)]),
                                  ("parse", [*resdiff, "parse", str(path), "--format", "json"]),
                                  ("parse5", [*resdiff, "parse", str(five), "--format", "json"]),
                                  ("parse5text", [*resdiff, "parse", str(text), "--format", "json"])]:
                    r = run(cmd, env, cwd=tree)
                    if what == "read":
                        cpu, wall = map(float, r.stdout.split())
                        got.setdefault((label, "read wall"), []).append(wall)
                    got.setdefault((label, what), []).append(cpu if what == "read" else r.cpu)
                    if what != "read":
                        outs.setdefault((label, what), set()).add((r.status, r.stdout))
            if tool:
                r = run([tool, str(path), os.devnull])
                got.setdefault(("pdftotext", "cpu"), []).append(r.cpu)
                got.setdefault(("pdftotext", "wall"), []).append(r.wall)
    print(f"medians of {rounds} alternated rounds, seconds (min-max); load average {os.getloadavg()[0]:.1f}")
    names = {"read": f"{LONG_PAGES}-page PDF read into lines, CPU (every process)",
             "read wall": f"{LONG_PAGES}-page PDF read into lines, wall",
             "parse": f"resdiff parse of the {LONG_PAGES}-page PDF, CPU",
             "parse5": "resdiff parse of the 5-page A/RES/73/6 PDF, CPU",
             "parse5text": "resdiff parse of its extracted text (pdfminer.six), CPU"}

    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})"

    for what, name in names.items():
        print(f"- {name}: " + "; ".join(f"{label}: {cell(got[label, what])}" for label in trees))
    if tool:
        print(f"- pdftotext of the {LONG_PAGES}-page PDF: CPU {cell(got['pdftotext', 'cpu'])}, "
              f"wall {cell(got['pdftotext', 'wall'])}")
    print("- the 5-page PDF / its extracted text, CPU medians: " + "; ".join(
        f"{label}: {statistics.median(got[label, 'parse5']) / statistics.median(got[label, 'parse5text']):.2f}x"
        for label in trees))
    for what in ("parse", "parse5", "parse5text"):
        seen = {o for label in trees for o in outs[label, what]}
        status = ", ".join(sorted({str(code) for code, _ in seen}))
        print(f"- {names[what].rsplit(',', 1)[0]}: exit status {status}, "
              f"outputs {'byte-identical' if len(seen) == 1 else 'DIFFER'}")


def main() -> None:
    if "--against" in sys.argv:
        at = sys.argv.index("--against")
        rest = sys.argv[at + 2:]
        against(Path(sys.argv[at + 1]), int(rest[0]) if rest and rest[0].isdigit() else 5)
        return
    if "--long" in sys.argv:
        rounds = int(sys.argv[-1]) if sys.argv[-1].isdigit() else 3
        with tempfile.TemporaryDirectory() as tmp:
            r = long_read(long_pdf(Path(tmp)), rounds)
        ref = r["pdftotext"]
        print(f"{LONG_PAGES} pages, {r['lines']:,} lines: {r['cpu']:.2f} s CPU, {r['wall']:.2f} s wall (medians of "
              f"{rounds}); pdftotext: " + (f"{ref[0]:.2f} s CPU, {ref[1]:.2f} s wall" if ref else "not installed"))
        return
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    files = sorted(REAL.glob("*.pdf"), key=lambda p: (p.name != "A-RES-73-6.en.pdf", p.name))
    if not files:
        sys.exit(f"no PDF in {REAL}")
    print(f"CPU / wall ms, medians of {rounds}; {sys.platform}, Python {sys.version.split()[0]}")
    print("| PDF | characters | resdiff.pdfium | pypdfium2 raw | pypdfium2 helpers |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for f in files:
        data = f.read_bytes()
        cells = [f"{c:.1f} / {w:.1f}" for c, w in (timed(fn, data, rounds) for fn in (ours, raw, helpers))]
        print(f"| {f.name} | {ours(data)} | " + " | ".join(cells) + " |")
    print()
    print("loading, CPU ms in a fresh interpreter (median of 7):")
    for label, stmt in [("import pypdfium2_raw (pypdfium2's raw API: finds and loads the library)",
                         "import pypdfium2_raw"),
                        ("resdiff.pdfium.library() (that import, our prototypes, initialisation)",
                         "from resdiff import pdfium; pdfium.library()"),
                        ("import pypdfium2 (the helpers; initialises the library)", "import pypdfium2")]:
        print(f"- {label}: {load_cost(stmt, 7):.1f}")
    isolation(files, rounds * 3)


if __name__ == "__main__":
    main()
