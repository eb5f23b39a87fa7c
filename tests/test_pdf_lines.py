"""The PDF reader's lines, on PDFs drawn for the purpose: the word spaces it must find from the gaps
between glyphs (a PDF need not hold space characters), in each part of a line that a wide gap splits
(a masthead's columns), and the reader leaving the interpreter's garbage collector as it found it."""

from __future__ import annotations

import gc
import io

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from resdiff import pdf  # noqa: E402
from resdiff.errors import ResdiffError  # noqa: E402


def _words_drawn_apart(*columns: tuple[float, list[str]], size: float = 10) -> bytes:
    """One baseline, each word drawn by itself (no space character in the PDF), a column at each x."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", size)
    for x, words in columns:
        for w in words:
            c.drawString(x, 700, w)
            x += c.stringWidth(w, "Helvetica", size) + 0.3 * size
    c.showPage()
    c.save()
    return buf.getvalue()


def test_word_spaces_found_from_gaps_in_every_part_of_a_split_line():
    data = _words_drawn_apart((60, ["Distr.:", "General"]), (330, ["Recalling", "its", "resolution", "73/6"]))
    lines, _ = pdf.read_lines(data, "columns.pdf")
    assert [line.text for line in lines] == ["Distr.: General", "Recalling its resolution 73/6"]


def test_a_line_of_one_part_keeps_its_word_spaces():
    data = _words_drawn_apart((60, ["Welcoming", "the", "entry", "into", "force", "of", "the", "Convention"]))
    lines, _ = pdf.read_lines(data, "one.pdf")
    assert [line.text for line in lines] == ["Welcoming the entry into force of the Convention"]


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_found_it(enabled):
    data = _words_drawn_apart((60, ["Recalling", "its", "resolution"]))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        pdf._read(data, "ok.pdf")  # in this process: the isolated reader runs this in its child
        assert gc.isenabled() is enabled
        with pytest.raises(ResdiffError):
            pdf._read(b"%PDF-1.7\nnot a PDF at all", "broken.pdf")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
