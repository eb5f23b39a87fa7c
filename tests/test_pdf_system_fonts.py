"""PDFium and the machine's fonts."""

from __future__ import annotations

import os

import pytest

_READ_AND_COUNT = """
import sys
sys.path.insert(0, sys.argv[1])
import hostile
from resdiff import pdf, pdfium

def bytes_read():
    with open("/proc/self/io") as f:
        return int(f.read().split("rchar:")[1].split()[0])

# a font the PDF names and does not embed, as a word processor writes Times New Roman
hostile.FONT = (b"<< /Type /Font /Subtype /TrueType /BaseFont /TimesNewRomanPSMT /FirstChar 32 /LastChar 126"
                b" /Widths [" + b" 500" * 95 + b"] /Encoding /WinAnsiEncoding >>")
data = hostile.plain()
pdfium.library()
before = bytes_read()
reading = pdf._read(data, "plain.pdf")
print(bytes_read() - before, len(reading.pages[0]))
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/io"), reason="counts what the process reads through /proc")
def test_a_font_the_pdf_does_not_embed_is_read_without_opening_the_machines_fonts():
    """PDFium is told of no folder of system fonts: reading a PDF whose font is not embedded opens none of
    the machine's font files (it read every one under /usr/share/fonts, a megabyte here, in each process)."""
    import subprocess
    import sys
    from pathlib import Path

    if not any(p.suffix.lower() in (".ttf", ".otf", ".ttc", ".pfb") for p in Path("/usr/share/fonts").rglob("*")):
        pytest.skip("no system fonts for PDFium to open")
    tests = str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, "-c", _READ_AND_COUNT, tests], capture_output=True, text=True, check=True)
    read, lines = map(int, out.stdout.split())
    assert lines == 3
    assert read < 100_000
