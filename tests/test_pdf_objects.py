"""How the PDF reader asks PDFium for each character's text object: by stretches where PDFium's text page
holds each object's characters together, character by character where it reorders a line (a document
read right to left, a line with Hebrew or Arabic), and always the same objects as asking one by one."""

from __future__ import annotations

import io
from itertools import groupby
from pathlib import Path

import hostile
import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from resdiff import pdf, pdfium  # noqa: E402

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEBREW = "".join(chr(0x5D0 + k) for k in range(6))  # alef to vav


def _counting(monkeypatch, lib, name: str) -> list[int]:
    """Count the calls of one PDFium function (the reader's library is one namespace a process)."""
    calls, real = [], getattr(lib, name)

    def counted(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(lib, name, counted)
    return calls


def _pages(data: bytes):
    with pdfium.Document(data) as doc:
        for p in range(doc.page_count()):
            page = pdfium.Page(doc, p)
            try:
                yield doc, page
            finally:
                page.close()


def _pieces_abutting(pieces: list[str], *, direction: str | None = None, font: str = "Helvetica") -> bytes:
    """Three lines, each drawn as text objects that abut (no gap, so no space of PDFium's between them)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    if direction:
        c.setViewerPreference("Direction", direction)
    if font != "Helvetica":
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(font, str(DEJAVU)))
    c.setFont(font, 10)
    for y in (700, 686, 672):
        x = 60
        for piece in pieces:
            c.drawString(x, y, piece)
            x += c.stringWidth(piece, font, 10)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_objects_read_by_stretches_are_those_asked_one_by_one_with_far_fewer_calls(path, monkeypatch):
    asked = total = 0
    for _, page in _pages(path.read_bytes()):
        codes = page.codes()
        one_by_one = page.char_objects(len(codes))
        calls = _counting(monkeypatch, page.lib, "FPDFText_GetTextObject")
        assert page.char_objects(len(codes), codes) == one_by_one
        asked += len(calls)
        total += len(codes)
        monkeypatch.undo()
    if total:
        assert asked < 0.5 * total, (asked, total)


def test_a_document_read_right_to_left_is_asked_character_by_character(monkeypatch):
    data = _pieces_abutting(["Recalling its reso", "lution of 5 Dec", "ember 2018"], direction="R2L")
    for doc, page in _pages(data):
        assert doc.right_to_left
        codes = page.codes()
        one_by_one = page.char_objects(len(codes))
        # PDFium lays each line out from its right end, by runs of one direction: 'lution' is read
        # with 'reso', so an object's characters do not stand together
        runs = [k for k, _ in groupby(one_by_one) if k]
        assert len(runs) > len(set(runs))
        calls = _counting(monkeypatch, page.lib, "FPDFText_GetTextObject")
        assert page.char_objects(len(codes), codes) == one_by_one
        assert len(calls) == len(codes)


def test_a_left_to_right_document_of_the_same_lines_is_read_by_stretches(monkeypatch):
    data = _pieces_abutting(["Recalling its reso", "lution of 5 Dec", "ember 2018"])
    for doc, page in _pages(data):
        assert not doc.right_to_left
        codes = page.codes()
        one_by_one = page.char_objects(len(codes))
        calls = _counting(monkeypatch, page.lib, "FPDFText_GetTextObject")
        assert page.char_objects(len(codes), codes) == one_by_one
        assert len(calls) < 0.7 * len(codes)  # short objects: many of the stretches hold an object's end


@pytest.mark.skipif(not DEJAVU.exists(), reason="DejaVu Sans (Hebrew glyphs) is not installed")
def test_a_page_with_hebrew_is_asked_character_by_character(monkeypatch):
    data = _pieces_abutting(["Recalling its " + HEBREW[:3], HEBREW[3:] + " of 5 December 2018"], font="DejaVu")
    for _, page in _pages(data):
        codes = page.codes()
        one_by_one = page.char_objects(len(codes))
        runs = [k for k, _ in groupby(one_by_one) if k]
        assert len(runs) > len(set(runs))  # the Hebrew word, across two objects, is turned round
        calls = _counting(monkeypatch, page.lib, "FPDFText_GetTextObject")
        assert page.char_objects(len(codes), codes) == one_by_one
        assert len(calls) == len(codes)


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
def test_only_spaces_of_a_text_object_are_asked_whether_pdfium_made_them(monkeypatch):
    """A space of no text object, and a line break, are left out whoever made them: only the other spaces are
    asked."""
    for doc, page in _pages((REAL / "A-RES-73-6.en.pdf").read_bytes()):
        codes = page.codes()
        objects = page.char_objects(len(codes))
        spaces = [i for i, u in enumerate(codes) if u == 32]
        calls = _counting(monkeypatch, page.lib, "FPDFText_IsGenerated")
        glyphs = pdf._page_chars(page, pdfium.TextObject(doc.lib))[0]
        assert len(calls) == sum(1 for i in spaces if objects[i]) < len(spaces)
        assert not any(ch in "\r\n" for ch, *_ in glyphs)
        assert glyphs
        monkeypatch.undo()


def test_line_breaks_and_controls_of_a_text_object_read_as_nothing_unasked(monkeypatch):
    """A text object's own line feed, carriage return and U+0001 (bytes of its string) read as nothing, and PDFium
    is not asked whether it made them; the words they stood between are told apart by the gaps, as ever."""
    data = hostile.pages_pdf([hostile.stream(rb"BT /F1 11 Tf 1 0 0 1 72 760 Tm (Recalling\012its\015resolution\001 73/6)"
                                             rb" Tj ET")])
    for doc, page in _pages(data):
        codes = page.codes()
        assert {10, 13, 1} <= set(codes) and all(page.char_objects(len(codes)))  # each of the text object
        calls = _counting(monkeypatch, page.lib, "FPDFText_IsGenerated")
        glyphs = pdf._page_chars(page, pdfium.TextObject(doc.lib))[0]
        assert len(calls) == codes.count(32) == 1
        assert "".join(ch for ch, *_ in glyphs) == "Recallingitsresolution 73/6"
    assert [line.text for line in pdf._read(data, "breaks.pdf").pages[0]] == ["Recalling its resolution 73/6"]


def test_a_direction_pdfium_gives_no_name_of_is_taken_as_right_to_left_where_the_file_spells_it():
    """/Direction 9 0 R (a reference to the name /R2L): PDFium reads the document right to left, and its API
    gives no name for the entry; the file spelling '/Direction' is enough to ask character by character."""
    data = _pieces_abutting(["Recalling its reso", "lution of 5 Dec", "ember 2018"], direction="R2L")
    start = data.index(b"/Direction /R2L")
    assert b"/ViewerPreferences" in data
    # the same length, so the cross-reference table still holds: a string where a name was
    changed = data[:start] + b"/Direction(R2L)" + data[start + len(b"/Direction /R2L"):]
    with pdfium.Document(changed) as doc:
        assert doc.right_to_left
        page = pdfium.Page(doc, 0)
        try:
            codes = page.codes()
            runs = [k for k, _ in groupby(page.char_objects(len(codes))) if k]
            assert len(runs) > len(set(runs))  # PDFium reads the string as the name: right to left
            assert not page.in_object_order(codes)
        finally:
            page.close()
    with pdfium.Document(data.replace(b"/Direction /R2L", b"/Direction /L2R")) as doc:
        assert not doc.right_to_left


def test_the_small_and_vertical_forms_of_a_chinese_text_keep_the_stretches():
    """U+FE00-FE6F lie between the right-to-left presentation forms and are not right to left: a Chinese
    page that sets a small comma keeps the fast route; a presentation form of either side does not."""
    data = _pieces_abutting(["Recalling its reso", "lution of 5 Dec", "ember 2018"])
    with pdfium.Document(data) as doc:
        page = pdfium.Page(doc, 0)
        try:
            for u in (0xFE10, 0xFE30, 0xFE50, 0xFE6F, 0x4E00, 0x41):
                assert page.in_object_order([0x41, u]), hex(u)
            for u in (0xFB1D, 0xFDFF, 0xFE70, 0xFEFC, 0x5D0, 0x627, 0x200F):
                assert not page.in_object_order([0x41, u]), hex(u)
        finally:
            page.close()
