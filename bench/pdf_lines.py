"""The PDF reader's lines with their geometry (text, left edge, baseline, size, raised runs; each page's
height; what was left out), for every PDF of ../shared/corpus/real and the 500-page PDF of bench/pdf_read.py,
written to a folder: the before/after comparison a change of the PDF reader must pass, beside bench/outputs.py
(whose outputs do not show the geometry).

    python bench/pdf_lines.py OUT          # one file a PDF, the reading's repr
    diff -r OUT-before OUT-after           # nothing may differ
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"


def dump(path: Path, out: Path) -> None:
    from resdiff import pdf
    from resdiff.errors import InputError

    try:
        got = repr(pdf.read_pdf(path.read_bytes(), path.name))
    except InputError as e:
        got = f"InputError: {e}"
    (out / f"{path.name}.txt").write_text(got + "\n", encoding="utf-8")


def main() -> None:
    sys.path[:0] = [str(ROOT / "bench")]
    from pdf_read import long_pdf

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(REAL.glob("*.pdf")):
        dump(path, out)
    with tempfile.TemporaryDirectory() as tmp:
        dump(long_pdf(Path(tmp)), out)
    print(f"{len(list(out.iterdir()))} readings in {out}")


if __name__ == "__main__":
    main()
