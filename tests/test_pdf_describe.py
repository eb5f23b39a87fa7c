"""A page's text objects described all at once (TextObject.describe: size, descent, invisibility) give what
asking each object alone through pypdfium2's own bindings gives, by the plain definitions (_alone): on text
of every render mode, in white or black, filled or stroked, scaled and turned by its matrix, at odd sizes,
and on every real PDF. And the line's size and the commonest value, found in C, are what the plain
definitions give."""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from pathlib import Path

import hostile
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pypdfium2")

import pypdfium2.raw as raw  # noqa: E402

from resdiff import pdf, pdfium  # noqa: E402

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []


def _alone(address: int) -> tuple[float, float, bool]:
    """One text object's size (the size operand times the matrix's vertical scale), its font's descent at that
    size, and whether it paints nothing (render mode 3 or 7, or its paint, the stroke's for modes 1 and 5, the
    fill's else, white or fully transparent), each asked of PDFium through pypdfium2's bindings."""
    obj = ctypes.cast(address, raw.FPDF_PAGEOBJECT)
    operand, matrix, descent = ctypes.c_float(), raw.FS_MATRIX(), ctypes.c_float()
    raw.FPDFTextObj_GetFontSize(obj, operand)
    raw.FPDFPageObj_GetMatrix(obj, matrix)
    size = abs(operand.value) * math.hypot(matrix.c, matrix.d)
    raw.FPDFFont_GetDescent(raw.FPDFTextObj_GetFont(obj), size, descent)
    mode = raw.FPDFTextObj_GetTextRenderMode(obj)
    rgba = [ctypes.c_uint() for _ in range(4)]
    paint = raw.FPDFPageObj_GetStrokeColor if mode in (1, 5) else raw.FPDFPageObj_GetFillColor
    painted = paint(obj, *rgba)
    r, g, b, a = (c.value for c in rgba)
    return size, descent.value, mode in (3, 7) or bool(painted and (a == 0 or min(r, g, b) >= 250))


def _runs() -> bytes:
    """One line of text for each render mode, colour, matrix and size."""
    ops, y = [], 800
    for mode in range(8):
        for colour in (b"", b"1 1 1 rg", b"1 1 1 RG", b"0.99 0.99 0.99 rg 0 0 0 RG", b"0.5 g"):
            for matrix, size in ((b"1 0 0 1", b"11"), (b"0 1 -1 0", b"9.5"), (b"2 0 0 3", b"1"), (b"1 0 0 1", b"-8")):
                ops.append(b"BT /F1 %s Tf %d Tr %s %s 72 %d Tm (Recalling its resolution) Tj ET"
                           % (size, mode, colour, matrix, y))
                y -= 5
    return b" ".join(ops)


def _described_one_by_one(data: bytes) -> list[tuple[list, list]]:
    out = []
    with pdfium.Document(data) as doc:
        objects = pdfium.TextObject(doc.lib)
        for p in range(doc.page_count()):
            page = pdfium.Page(doc, p)
            try:
                objs = page.text_objects()
                alone = list(map(_alone, objs))
                at_once = list(zip(*objects.describe(objs, {}), strict=True))
                out.append((alone, at_once))
            finally:
                page.close()
    return out


@pytest.mark.parametrize("path", [None, *REAL_PDFS], ids=lambda p: p.name if p else "drawn")
def test_objects_described_at_once_are_as_asked_one_by_one(path):
    data = path.read_bytes() if path else hostile.pages_pdf([hostile.stream(_runs())])
    pages = _described_one_by_one(data)
    for alone, at_once in pages:
        assert repr(at_once) == repr(alone)  # repr: -0.0 and 0.0, which compare equal, would show apart
    described = [d for _, at_once in pages for d in at_once]
    if path is None:  # the drawn runs hold both kinds, and sizes from the matrix
        assert {hidden for _, _, hidden in described} == {True, False}
        assert {round(size, 2) for size, _, _ in described} >= {11.0, 9.5, 3.0, 8.0}
    elif "2758" not in path.name:  # the scanned resolution has no text
        assert described


def test_a_page_with_no_text_object_is_described_empty():
    data = hostile.pages_pdf([hostile.stream(b"0 0 m 100 100 l S")])
    assert _described_one_by_one(data) == [([], [])]


def test_the_reader_describes_each_page_once(monkeypatch):
    """The reader asks each page's text objects at once, not one by one."""
    data = hostile.pages_pdf([hostile.stream(hostile.text_ops()), hostile.stream(_runs())])
    calls = []
    real = pdfium.TextObject.describe
    monkeypatch.setattr(pdfium.TextObject, "describe", lambda self, objs, memo: calls.append(len(objs)) or
                        real(self, objs, memo))
    pages = pdf._read(data, "runs.pdf").pages
    assert len(calls) == 2 and calls[1] > 100
    assert any(pages[0]) and any(pages[1])


def _glyph(size: float, space: bool) -> tuple:
    return (" " if space else "a", 0.0, 1.0, 700.0, size, space)


@given(st.lists(st.tuples(st.sampled_from([6.5, 10.0, 10.0, 11.0]), st.booleans()), max_size=12))
def test_a_lines_one_size_is_the_size_its_glyphs_that_are_no_space_share(glyphs):
    chars = [_glyph(size, space) for size, space in glyphs]
    sizes = [size for size, space in glyphs if not space]
    assert pdf._one_size(chars) == (sizes[0] if sizes and len(set(sizes)) == 1 else None)


@given(st.lists(st.integers(0, 4), min_size=1, max_size=20))
def test_the_commonest_value_is_the_first_met_of_a_tie_as_counter_gives_it(values):
    assert pdf._commonest(values) == Counter(values).most_common(1)[0][0]
