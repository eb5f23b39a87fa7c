"""The PDF reader's lines made from a page's columns (pdf._column_lines: no glyph tuple for a line that is one
stretch of the columns, in one size, read left to right, with no superscript over it) against the same lines made
from glyph tuples (pdf._page_lines): the same, to the last bit of their geometry, on lines drawn for each way a line
can leave the columns' route, and on every real PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
import hostile  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from resdiff import pdf  # noqa: E402

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []


def _drawn_lines() -> bytes:
    """A line of words drawn apart (word spaces from the gaps) and split by a column gap; a line opening with a
    space glyph; one whose right column is set 0.5 pt lower (one line of two runs, the part on the right with the
    lower baseline); one with a footnote reference raised over it; one in two sizes; one whose middle word is set
    higher (its glyphs come out of order)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    x = 60.0
    for word in ["Distr.:", "General"]:
        c.drawString(x, 760, word)
        x += c.stringWidth(word, "Helvetica", 10) + 3
    c.drawString(330, 760, "Recalling its resolution")
    c.drawString(60, 740, " Welcoming the entry into force")
    c.drawString(60, 720.5, "Original: English")
    c.drawString(330, 720, "A/RES/73/6")
    c.drawString(60, 700, "Recalling its resolution")
    c.setFont("Helvetica", 6.5)
    c.drawString(60 + c.stringWidth("Recalling", "Helvetica", 10), 703.5, "1")
    c.setFont("Helvetica", 8)
    c.drawString(60, 680, "ab")
    c.setFont("Helvetica", 10)
    c.drawString(60 + c.stringWidth("ab", "Helvetica", 8), 680, "cdef and more words")
    c.drawString(60, 660, "Noting")
    c.drawString(100, 660.5, "with")
    c.drawString(130, 660, "concern")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("path", [None, *REAL_PDFS], ids=lambda p: p.name if p else "drawn")
def test_lines_made_from_the_columns_are_the_lines_made_from_glyph_tuples(path, monkeypatch, glyph_tuples_only):
    data = path.read_bytes() if path else _drawn_lines()
    made, line = [], pdf._column_line
    monkeypatch.setattr(pdf, "_column_line", lambda *args: made.append(1) or line(*args))
    columns = pdf._read(data, "x.pdf")
    lines = [ln for page in columns.pages for ln in page]
    glyph_tuples_only()
    assert repr(columns) == repr(pdf._read(data, "x.pdf"))  # repr: -0.0 and 0.0, which compare equal, would show apart
    if path is None:
        assert [(ln.text, ln.y) for ln in lines] == [
            ("Distr.: General", 760.0), ("Recalling its resolution", 760.0), (" Welcoming the entry into force", 740.0),
            ("Original: English", 720.5), ("A/RES/73/6", 720.0), ("Recalling its resolution", 700.0),
            ("abcdef and more words", 680.0), ("Noting with concern", 660.0)]
        assert [sup for _, sup in lines[5].sups] == ["1"]  # the reference raised over its line
        assert 0 < len(made) < len(lines)  # some lines from the columns, some not
    elif any(columns.pages):
        assert len(made) > 0.8 * len(lines)  # most lines of a resolution from the columns



def _two_fonts(content: bytes) -> bytes:
    """A page in two fonts of the descents their descriptors give (F1: 0.2 em, F2: 0.15 em), every glyph 0.5 em
    wide: a glyph's loose box bottom is its baseline less its font's descent at its size."""
    descriptor = (b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 -%d 1000 800] /ItalicAngle 0"
                  b" /Ascent 800 /Descent -%d /CapHeight 700 /StemV 80 >>")
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 126 /Widths [%s]"
            b" /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>")
    widths = b" ".join([b"500"] * 95)
    return hostile.pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R"
                        b" /F2 6 0 R >> >> /Contents 4 0 R >>", hostile.stream(content),
                        font % (b"Aa", widths, 7), font % (b"Bb", widths, 8),
                        descriptor % (b"Aa", 200, 200), descriptor % (b"Bb", 150, 150)])


def test_glyphs_of_one_bottom_are_told_apart_by_their_baselines_and_sizes(glyph_tuples_only):
    """Glyphs whose loose boxes share their bottom may lie on two baselines (two descents: 'Noted' 0.5 pt below
    'with concern', on the right of a column gap), or on one in two sizes ('Area' at 7.5 pt, its descent that of
    the 10 pt words after it: a line of two sizes, whose gaps are held against the larger): read from the columns,
    as from glyph tuples, each baseline and size is its glyphs' own."""
    data = _two_fonts(b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (with concern) Tj /F2 10 Tf 1 0 0 1 300 699.5 Tm (Noted) Tj"
                      b" /F1 7.5 Tf 1 0 0 1 72 660 Tm (Area) Tj /F2 10 Tf 1 0 0 1 88.6 660 Tm (with most words) Tj ET")
    columns = pdf._read(data, "fonts.pdf")
    assert [(ln.text, ln.y, ln.size) for ln in columns.pages[0]] == [
        ("with concern", 700.0, 10.0), ("Noted", 699.5, 10.0), ("Areawith most words", 660.0, 10.0)]
    glyph_tuples_only()
    assert repr(columns) == repr(pdf._read(data, "fonts.pdf"))


@pytest.mark.parametrize("size", [b"6000", b"99999"])
def test_a_page_whose_every_glyph_is_of_a_size_left_out_has_no_line(size):
    """A page of one font at one size (runs read by the page's one descent) whose size cannot be laid out: no glyph
    is left, no line, the text counted as unusable (read_pdf's error)."""
    data = hostile.pages_pdf([hostile.stream(b"BT /F1 %s Tf 1 0 0 1 72 700 Tm (Hello) Tj ET" % size)])
    reading = pdf._read(data, "huge.pdf")
    assert reading.pages == [[]] and reading.unusable > 0


_NAN, _INF = float("nan"), float("inf")


@pytest.mark.parametrize("bottoms", [[_NAN] * 4, [_INF, _INF, 700.0, _INF], [700.0, -_INF, 700.0, -_INF]],
                         ids=["NaN", "inf", "-inf"])
def test_baselines_no_number_can_place_are_read_glyph_by_glyph(bottoms):
    """A baseline no PDF here has given (PDFium reads a number too large as 0), but the columns may carry: NaN
    equals no other baseline, and inf less inf is NaN (two runs at inf would be two lines); the page is read as
    glyph tuples, as ever."""
    chs, lefts = list("abcd"), [10.0, 16.0, 40.0, 46.0]
    columns = pdf._Columns(chs, lefts, [x + 5 for x in lefts], bottoms, [1] * 4, {1: -2.0}, {1: 10.0})
    assert repr(pdf._column_lines(columns, False)) == repr(pdf._page_lines(pdf._glyphs(columns), False))
