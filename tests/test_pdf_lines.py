"""The PDF reader's lines, on PDFs drawn for the purpose: the word spaces it must find from the gaps
between glyphs (a PDF need not hold space characters), in each part of a line that a wide gap splits
(a masthead's columns), and the reader leaving the interpreter's garbage collector as it found it; on the
real PDFs, a line made from what the passes before it found is the line made from its glyphs alone."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from resdiff import pdf  # noqa: E402
from resdiff.errors import ResdiffError  # noqa: E402

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []


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


def _many_lines() -> bytes:
    """Five pages of fifty lines."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for _ in range(5):
        c.setFont("Helvetica", 10)
        for row in range(50):
            c.drawString(72, 780 - 14 * row, " ".join(f"word{row}-{k}" for k in range(12)))
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("where", ["read_lines (this process)", "the reading child's answer"])
def test_the_cycle_collector_rests_while_a_pdfs_lines_are_made_and_sent(where):
    """The reading child's lines copied into its answer, and rebuilt here from it: thousands of new objects with
    no cycle, and no collection runs meanwhile (a full one reads every object the process holds); the collector
    is enabled after."""
    data = _many_lines()
    started = []

    def seen(phase, info):
        if phase == "start":
            started.append(info["generation"])

    was = gc.isenabled()
    gc.enable()
    gc.collect()  # the count of new objects from naught: none of them is this test's to collect
    gc.callbacks.append(seen)
    try:
        got = pdf.read_lines(data, "many.pdf")[0] if where.startswith("read_lines") else \
            pdf._read_to_send(data, "many.pdf")[0]
        assert gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
        (gc.enable if was else gc.disable)()
    assert started == []
    assert len(got) == 250 if where.startswith("read_lines") else [len(page) for page in got] == [50] * 5


def _lines_that_test_the_handed_values() -> bytes:
    """A line that opens with a space glyph; one set in two sizes whose first glyph has the rarer; one split
    by a wide gap into a part of spaces alone (in a size of their own) and a part of text; and one with as
    many glyphs in either of two sizes, the right ones a little higher (its size is the first's from the left)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(60, 700, " Recalling its resolution 73/6")
    c.setFont("Helvetica", 8)
    c.drawString(60, 680, "ab")
    c.setFont("Helvetica", 10)
    c.drawString(60 + c.stringWidth("ab", "Helvetica", 8), 680, "cdefgh and more words")
    c.setFont("Helvetica", 14)
    c.drawString(60, 660, "   ")
    c.setFont("Helvetica", 10)
    c.drawString(400, 660, "Distr.: General")
    c.drawString(60 + c.stringWidth("Four", "Helvetica", 8), 620.5, "five")  # a little higher: first by height
    c.setFont("Helvetica", 8)
    c.drawString(60, 620, "Four")  # as many glyphs in either size: the count is tied
    c.setFont("Helvetica", 10)
    c.drawString(60, 640, "The General Assembly,")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("path", [None, *REAL_PDFS], ids=lambda p: p.name if p else "drawn")
def test_a_line_made_from_what_was_found_before_is_the_line_made_from_its_glyphs(path, monkeypatch, glyph_tuples_only):
    """_make_line is handed the word spaces the split found, parts sorted left to right (its left edge is
    then its first glyph that is no space) and the size its glyphs share; made from the glyphs alone (no
    words, no size: its plain path), every line is the same, to the last bit of its geometry: on lines
    drawn for each of those values, and on every real PDF (where ../shared/corpus/real is here)."""
    data = path.read_bytes() if path else _lines_that_test_the_handed_values()
    made = pdf._make_line
    handed = []

    def counting(base, sup, scripts_rtl, words=None, line_size=None):
        handed.append(line_size is not None)
        return made(base, sup, scripts_rtl, words, line_size)

    monkeypatch.setattr(pdf, "_make_line", counting)
    glyph_tuples_only()
    name = path.name if path else "drawn.pdf"
    fast = pdf._read(data, name)
    monkeypatch.setattr(pdf, "_make_line", lambda base, sup, scripts_rtl, words=None, line_size=None:
                        made(base, sup, scripts_rtl))
    plain = pdf._read(data, name)
    assert repr(fast) == repr(plain)  # repr: -0.0 and 0.0, which compare equal, would show apart
    if path and any(fast.pages):
        assert sum(handed) > 0.9 * len(handed)  # nearly every line of a resolution is handed its size


def _gaps_about_the_bounds(size: float = 10) -> bytes:
    """Lines in one size, each of words drawn by themselves at gaps (in em) just above and below the bounds: a
    split (SPLIT_GAP) and a word space (SPACE_GAP)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", size)
    for row, gaps in enumerate([(3.05, 2.95, 0.1), (0.19, 0.17, 0.5), (2.9, 3.1, 0.185)]):
        x = 60.0
        for word, gap in zip(["Recalling", "its", "resolution", "73/6"], [*gaps, 0], strict=True):
            c.drawString(x, 700 - 20 * row, word)
            x += c.stringWidth(word, "Helvetica", size) + gap * size
    c.showPage()
    c.save()
    return buf.getvalue()


_DRAWN = {"columns": lambda: _words_drawn_apart((60, ["Distr.:", "General"]), (330, ["Recalling", "its", "73/6"])),
          "gaps": _gaps_about_the_bounds, "sizes": _lines_that_test_the_handed_values}


@pytest.mark.parametrize("path", [*_DRAWN, *REAL_PDFS], ids=lambda p: p if isinstance(p, str) else p.name)
def test_a_line_split_by_its_one_size_is_the_line_split_glyph_by_glyph(path, monkeypatch, glyph_tuples_only):
    """A line whose glyphs, spaces too, share the size of its first (no space) is split and given its word spaces
    against two bounds made once (_split_one_size, tried on every line first: it also finds the line's size);
    split glyph by glyph (each gap against the larger size of its two glyphs, the line's size counted apart),
    every line is the same, to the last bit: on lines drawn apart by word gaps and a column gap, in one size and
    in two, and on every real PDF (where ../shared/corpus/real is here)."""
    data = _DRAWN[path]() if isinstance(path, str) else path.read_bytes()
    split, made = pdf._split_one_size, []

    def counting(chars, size):
        made.append(split(chars, size) is not None)
        return split(chars, size)

    monkeypatch.setattr(pdf, "_split_one_size", counting)
    glyph_tuples_only()
    shortcut = pdf._read(data, "drawn.pdf")
    monkeypatch.setattr(pdf, "_split_one_size", lambda chars, size: None)  # the plain route, every line
    assert repr(shortcut) == repr(pdf._read(data, "drawn.pdf"))
    if path in ("columns", "gaps") or (not isinstance(path, str) and any(shortcut.pages)):
        assert sum(made) > 0.9 * len(made)  # nearly every line: one size
    if path == "sizes":
        assert False in made and True in made  # a line of two sizes goes glyph by glyph
    if path == "gaps":  # split at 3.05 and 3.1 em, not at 2.95 and 2.9; a word space at 0.19 and 0.185, not at 0.17
        assert [line.text for line in shortcut.pages[0]] == ["Recalling", "its resolution73/6", "Recalling itsresolution 73/6",
                                                             "Recalling its", "resolution 73/6"]


def _words_on_near_baselines(sizes: tuple[float, float, float]) -> bytes:
    """One line of three words, each in its size, the middle one set 0.5 pt higher (less than BASE_TOL: one line):
    the reader takes a page's glyphs top down, so the line's glyphs come to its split out of order ('its' first)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    x = 60.0
    for word, size, rise in zip(["Recalling", "its", "resolution"], sizes, [0, 0.5, 0], strict=True):
        c.setFont("Helvetica", size)
        c.drawString(x, 700 + rise, word)
        x += c.stringWidth(word, "Helvetica", size) + 0.3 * size
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("sizes", [(10, 10, 10), (10, 11, 10)], ids=["one size", "two sizes"])
def test_a_line_whose_glyphs_come_out_of_order_is_read_left_to_right(sizes, monkeypatch):
    """The split reads a line's glyphs in the order they come, and sorts them by x0 only where one lies left of the
    one before: a line whose glyphs come out of order reads left to right all the same, in one size and in two."""
    split, handed = pdf._split_ltr, []

    def spying(chars, size=None):
        handed.append([c[pdf.X0] for c in chars])
        return split(chars, size)

    monkeypatch.setattr(pdf, "_split_ltr", spying)
    reading = pdf._read(_words_on_near_baselines(sizes), "unordered.pdf")  # in this process, to be watched
    assert [line.text for line in reading.pages[0]] == ["Recalling its resolution"]
    assert handed and handed[0] != sorted(handed[0])  # the glyphs did come out of order
