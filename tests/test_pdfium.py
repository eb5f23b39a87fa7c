"""resdiff's PDFium binding (resdiff/pdfium.py) held against pypdfium2's own: each declaration against
pypdfium2's, and what the reader reads (characters, loose boxes, font sizes) against pypdfium2's
PdfTextPage on every real PDF."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

pypdfium2 = pytest.importorskip("pypdfium2")
import pypdfium2.raw as pdfium_c  # noqa: E402

from resdiff import pdf, pdfium  # noqa: E402

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []


def _abi(t) -> str:
    """What a C type is at the call: a pointer of any kind is a pointer; others by ctypes' type code
    and size (c_int and c_long differ where their sizes do)."""
    if t is None:
        return "void"
    if t in (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_wchar_p) or issubclass(t, ctypes._Pointer):
        return "pointer"
    return f"{t._type_}{ctypes.sizeof(t)}" if t._type_ not in "ilqIL" else f"{t._type_.lower()}{ctypes.sizeof(t)}"


@pytest.mark.parametrize("name", sorted(pdfium.SIGNATURES))
def test_each_declaration_matches_pypdfium2s(name):
    result, *args = pdfium.SIGNATURES[name]
    theirs = getattr(pdfium_c, name)
    assert _abi(result) == _abi(theirs.restype), name
    assert [_abi(a) for a in args] == [_abi(a) for a in theirs.argtypes], name


def test_every_function_the_reader_calls_is_declared():
    lib = pdfium.library()
    for name in pdfium.SIGNATURES:
        f = getattr(lib, name)
        assert f.argtypes is not None and len(f.argtypes) == len(pdfium.SIGNATURES[name]) - 1, name
        assert f.restype is pdfium.SIGNATURES[name][0] or (f.restype is None and pdfium.SIGNATURES[name][0] is None)


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda p: p.name)
def test_characters_boxes_and_sizes_are_pypdfium2s(path):
    data = path.read_bytes()
    theirs = pypdfium2.PdfDocument(data)
    checked = 0
    with pdfium.Document(data) as doc:
        assert doc.page_count() == len(theirs)
        objects = pdfium.TextObject(doc.lib)
        for p in range(doc.page_count()):
            page = pdfium.Page(doc, p)
            tp = theirs[p].get_textpage()
            try:
                codes = page.codes()
                assert len(codes) == tp.count_chars()
                text = tp.get_text_range()
                ours = "".join(map(chr, codes)).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
                assert ours == text
                objs = page.char_objects(len(codes))  # read a page at a time, as the reader reads them
                with_obj = [i for i, obj in enumerate(objs) if obj]
                boxes = dict(zip(with_obj, zip(*[iter(page.loose_boxes(with_obj))] * 4, strict=True), strict=True))
                expected = []  # (character, left, size) of each glyph the reader keeps, by pypdfium2
                for i in range(len(codes)):
                    obj = objs[i]
                    their_obj = tp.get_textobj(i)
                    assert (obj is None) == (their_obj is None), i
                    if obj is None:
                        continue
                    left, top, right, bottom = boxes[i]
                    assert (left, bottom, right, top) == tp.get_charbox(i, loose=True), i
                    assert obj == doc.lib.FPDFText_GetTextObject(page.text, i), i  # as asked one at a time
                    m = their_obj.get_matrix()
                    size = their_obj.get_font_size() * ((m.c ** 2 + m.d ** 2) ** 0.5)
                    assert objects.describe([obj], {})[0] == [pytest.approx(size, rel=1e-6)], i
                    checked += 1
                    ch = text[i]
                    if ch in " \r\n":
                        assert page.generated([i]) == [pdfium_c.FPDFText_IsGenerated(tp, i)], i
                        if pdfium_c.FPDFText_IsGenerated(tp, i):
                            continue  # PDFium's own spaces and line breaks: the reader tells spaces from gaps
                    if ch == "\ufffe" or "\ud800" <= ch <= "\udfff":
                        ch = chr(pdfium_c.FPDFText_GetUnicode(tp, i))
                    if ch not in "\ufffe\uffff" and (ch >= " " or ch == "\x02"):
                        expected.append(("-" if ch == "\x02" else ch, left, round(size, 2)))
                glyphs = pdf._page_chars(page, objects)[0]
                assert [(g[pdf.CH], g[pdf.X0], g[pdf.SIZE]) for g in glyphs] == expected
            finally:
                tp.close()
                page.close()
    theirs.close()
    if "2758" not in path.name:  # the scanned Russian resolution has no text layer
        assert checked > 1000


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
def test_boxes_read_in_chunks_and_past_the_ready_indices_are_the_same(monkeypatch):
    """A page longer than the box buffer is read a buffer at a time, and a page longer than the ready
    C ints passes plain ints: the boxes and objects are the same either way, the characters asked by their
    indices or by a bool each."""
    data = (REAL / "A-RES-73-6.en.pdf").read_bytes()
    with pdfium.Document(data) as doc:
        page = pdfium.Page(doc, 1)
        try:
            n = len(page.codes())
            some = list(range(0, n, 3))
            objects, boxes = page.char_objects(n), page.loose_boxes(some)
            assert len(boxes) == 4 * len(some) and len(set(boxes)) > 100
            sides = (boxes[0::4], boxes[2::4], boxes[3::4])  # left, right, bottom: what the reader uses
            assert page.loose_sides(some) == sides
            where = [i % 3 == 0 for i in range(n)]  # the same characters, as a bool each
            assert page.loose_sides(where=where) == sides
            monkeypatch.setattr(pdfium, "_CHUNK", 7)
            monkeypatch.setattr(pdfium, "_FREE_SLOTS", [])  # buffers of 7 boxes, given back to this list alone
            assert page.loose_boxes(some) == boxes
            assert page.loose_sides(some) == sides
            assert page.loose_sides(where=where) == sides
            monkeypatch.setattr(pdfium, "_MAX_INDEX", 10)
            assert page.loose_boxes(some) == boxes
            assert page.loose_sides(where=where) == sides
            assert page.char_objects(n) == objects
        finally:
            page.close()


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
def test_two_readers_at_once_each_read_their_own_boxes(monkeypatch):
    """Two pages' boxes read a buffer at a time, in turns (as two threads may read two PDFs at once): each
    reader writes into a buffer of its own, so each gets its page's boxes, as when read one after the other."""
    data = (REAL / "A-RES-73-6.en.pdf").read_bytes()
    with pdfium.Document(data) as doc:
        pages = [pdfium.Page(doc, 1), pdfium.Page(doc, 2)]
        try:
            some = list(range(0, min(len(page.codes()) for page in pages), 5))  # as many boxes each
            alone = [page.loose_sides(some) for page in pages]
            monkeypatch.setattr(pdfium, "_CHUNK", 16)
            monkeypatch.setattr(pdfium, "_FREE_SLOTS", [])
            views = [page._boxes(pdfium._index_args(some)) for page in pages]
            got: list[list[float]] = [[], []]
            for first, second in zip(*views, strict=True):  # a buffer of each, the second filled before the first is read
                got[0] += first[0::4].tolist()
                got[1] += second[0::4].tolist()
            assert got == [lefts for lefts, _, _ in alone]
        finally:
            for page in pages:
                page.close()


@pytest.mark.skipif(not REAL_PDFS, reason="the real corpus (../shared/corpus/real) is not here")
def test_reading_a_pdf_in_a_fresh_process_does_not_import_threading():
    """Each reader's box buffer is handed out without the threading module (half a millisecond of every reading
    child's start)."""
    import subprocess
    import sys

    code = ("import sys\nfrom resdiff import pdf\n"
            "lines = pdf._read(open(sys.argv[1], 'rb').read(), 'x').pages[0]\n"
            "print(len(lines) > 10, 'threading' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(REAL / "A-RES-73-6.en.pdf")], capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


_OWN_BYTES = """
import gc, io, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from resdiff import pdfium

out = io.BytesIO()
c = canvas.Canvas(out, pagesize=A4, invariant=1, pageCompression=0)  # uncompressed: over a MiB of bytes
for p in range(200):
    c.setFont("Helvetica", 8)
    for k in range(60):
        c.drawString(30, 800 - 13 * k, f"page {p} line {k} " + "abcdefghij" * 8)
    c.showPage()
c.save()
data = out.getvalue()

def texts(doc):
    with doc:
        pages = [pdfium.Page(doc, p) for p in range(doc.page_count())]
        out = ["".join(map(chr, page.codes())) for page in pages]
        for page in pages:
            page.close()
        return out

expected = texts(pdfium.Document(data))
doc = pdfium.Document(bytes(bytearray(data)))  # bytes no one but the document holds
gc.collect()
reused = [bytes([k]) * len(data) for k in range(1, 5)]  # memory a freed buffer would give back
print(len(data) > 1 << 20, texts(doc) == expected, "page 199 line 59" in expected[-1])
"""


def test_a_document_keeps_the_bytes_it_reads_alive():
    """Bytes of their own, over a MiB (so that, freed, they go back to the system), given to a document alone:
    every page reads as from bytes someone else holds, and the process lives (a freed buffer read by PDFium
    ends it with a segmentation fault, or reads other bytes)."""
    pytest.importorskip("reportlab")
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-c", _OWN_BYTES], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parent.parent)
    assert (r.returncode, r.stdout.split()) == (0, ["True", "True", "True"]), r.stderr[-2000:]


def test_a_document_reads_from_the_pdfs_own_bytes_for_as_long_as_it_is_open(tmp_path):
    """PDFium reads the bytes themselves, not a copy of them (a 64 MB PDF would be held twice), and they
    live as long as the document: opened from bytes no one else holds, every page reads as from the file's."""
    import gc
    import tracemalloc

    from layout import render, seed_spec, write_pdf

    data = write_pdf(render(seed_spec()), tmp_path / "p.pdf").read_bytes()
    pdfium.library()

    def texts(doc: pdfium.Document) -> list[str]:
        with doc:
            gc.collect()
            out = []
            for p in range(doc.page_count()):
                page = pdfium.Page(doc, p)
                out.append("".join(map(chr, page.codes())))
                page.close()
            return out

    own = bytes(bytearray(data))  # bytes of their own, which only the document holds once opened
    tracemalloc.start()
    try:
        doc = pdfium.Document(own)
        grew, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del own
    assert grew < len(data) // 2
    assert texts(doc) == texts(pdfium.Document(data)) and any(t.strip() for t in texts(pdfium.Document(data)))


def test_a_document_is_made_of_a_buffer_never_of_a_number_or_a_list():
    """bytes, or any buffer (bytearray, memoryview, mmap), read as the PDF it holds; a number is no PDF's bytes
    (bytes(1000) would be 1,000 zero bytes, bytes(2**34) 16 GiB), nor is a list."""
    for wrong in (1000, 2**34, [37, 80, 68, 70]):
        with pytest.raises(TypeError):
            pdfium.Document(wrong)
