"""PDF bytes -> the text of a resolution, laid out from the geometry of its pages.

An official PDF says where each paragraph starts (the first line is indented: x = 147 pt against
123 pt for continuation lines), which digits are footnote references (6.5 pt, raised, on 10 pt
text), where the footnote block begins (a separator line) and what is page furniture (the running
head and foot in fixed bands at the top and bottom of every page). The characters are read with
their font, size and position through PDFium (pypdfium2), then written out in the layout the parser
reads: a paragraph's first line indented, footnote references as superscript digits attached to
the word they follow, each footnote on a line of its own after the separator, running heads and
feet left out.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from .blocks import FOOTNOTE, FURNITURE, SEPARATOR, Line
from .errors import InputError
from .layout import is_plain_furniture

SPACE_GAP = 0.18  # a gap wider than this (em) between two glyphs is a word space
SPLIT_GAP = 3.0  # a gap wider than this (em) starts a separate line (masthead columns)
SUP_RATIO = 0.85  # a superscript is smaller than this share of its line's size …
SUP_RISE = (0.15, 0.75)  # … and raised by this share of it (em)
BASE_TOL = 1.0  # glyphs whose baselines differ by less than this (pt) share a line
TOP_BAND, FOOT_BAND = 0.9, 0.06  # running heads above, feet below these shares of the page height
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BY_X0, _BY_X1, _BY_Y = attrgetter("x0"), attrgetter("x1"), attrgetter("y")  # sort keys read in C


@dataclass(slots=True)
class _Char:
    ch: str
    x0: float
    x1: float
    y: float  # baseline
    size: float  # effective size: font size x the text matrix's vertical scale
    italic: bool
    space: bool  # ch.isspace(), asked once


@dataclass
class _Line:
    text: str
    x0: float
    y: float
    size: float
    sups: list[tuple[int, str]] = field(default_factory=list)  # (offset in text, superscript text)

    def with_superscripts(self) -> str:
        """The text with each raised run written in place: digits as superscript digits (a footnote
        reference), anything else as it reads ('1er', '85e')."""
        out, last = [], 0
        for pos, sup in self.sups:
            out += [self.text[last:pos], sup.translate(_SUPERSCRIPT) if sup.isdigit() else sup]
            last = pos
        return "".join(out) + self.text[last:]


def pdf_text(data: bytes, name: str) -> str:
    """The text of a PDF in the indented layout (a paragraph's first line indented, footnotes after a
    rule, one a line, furniture left out); InputError for what cannot be read."""
    out: list[str] = []
    for x in pdf_lines(data, name):
        if x.role == FURNITURE:
            continue
        if x.role == FOOTNOTE:
            if x.marker is not None:
                out.append(f"{x.marker} {x.text}")
            elif out:
                out[-1] += ("" if out[-1].endswith("-") else " ") + x.text
            continue
        out.append((" " + x.text) if x.starts else x.text)
    return "\n".join(out) + "\n"


def pdf_lines(data: bytes, name: str) -> list[Line]:
    """The typed lines of a PDF, read by the geometry of its pages; InputError for what cannot be read."""
    if not data.lstrip().startswith(b"%PDF-"):
        raise InputError("not a PDF file (it has a .pdf name but no PDF header)", source=name)
    if b"/Encrypt" in data:
        raise InputError("the PDF is encrypted", hint="save an unencrypted copy first", source=name)
    pages, sizes = _read(data, name)
    if not any(pages):
        raise InputError("the PDF has no text layer (a scanned image)", hint="run OCR on it first, e.g. ocrmypdf",
                         source=name)
    return _layout(pages, sizes)


# --- characters and lines ---------------------------------------------------------------


_PDFIUM = None


class _FS_MATRIX(ctypes.Structure):  # noqa: N801 (PDFium's names)
    _fields_ = [(n, ctypes.c_float) for n in "abcdef"]


class _FS_RECTF(ctypes.Structure):  # noqa: N801
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float), ("right", ctypes.c_float),
                ("bottom", ctypes.c_float)]


class _FPDF_LIBRARY_CONFIG(ctypes.Structure):  # noqa: N801
    _fields_ = [("version", ctypes.c_int), ("m_pUserFontPaths", ctypes.POINTER(ctypes.c_char_p)),
                ("m_pIsolate", ctypes.c_void_p), ("m_v8EmbedderSlot", ctypes.c_uint)]


# The functions of PDFium's stable C API that the reader calls: name, result, arguments. Handles are
# plain addresses (c_void_p), so a page object serves as a cache key without a cast.
_P, _I, _F = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
_API = {
    "FPDF_InitLibraryWithConfig": (None, ctypes.POINTER(_FPDF_LIBRARY_CONFIG)),
    "FPDF_LoadMemDocument64": (_P, _P, ctypes.c_size_t, ctypes.c_char_p),
    "FPDF_GetLastError": (ctypes.c_ulong,),
    "FPDF_GetPageCount": (_I, _P),
    "FPDF_LoadPage": (_P, _P, _I),
    "FPDF_GetPageHeightF": (_F, _P),
    "FPDF_ClosePage": (None, _P),
    "FPDF_CloseDocument": (None, _P),
    "FPDFText_LoadPage": (_P, _P),
    "FPDFText_ClosePage": (None, _P),
    "FPDFText_CountChars": (_I, _P),
    "FPDFText_GetText": (_I, _P, _I, _I, _P),
    "FPDFText_GetUnicode": (ctypes.c_uint, _P, _I),
    "FPDFText_IsGenerated": (_I, _P, _I),
    "FPDFText_GetLooseCharBox": (_I, _P, _I, ctypes.POINTER(_FS_RECTF)),
    "FPDFText_GetTextObject": (_P, _P, _I),
    "FPDFTextObj_GetFont": (_P, _P),
    "FPDFTextObj_GetFontSize": (_I, _P, ctypes.POINTER(_F)),
    "FPDFPageObj_GetMatrix": (_I, _P, ctypes.POINTER(_FS_MATRIX)),
    "FPDFFont_GetBaseFontName": (ctypes.c_size_t, _P, ctypes.c_char_p, ctypes.c_size_t),
    "FPDFFont_GetDescent": (_I, _P, _F, ctypes.POINTER(_F)),
    "FPDFFont_GetFlags": (_I, _P),
}
_PER_CHARACTER = ("FPDFText_IsGenerated", "FPDFText_GetTextObject", "FPDFText_GetLooseCharBox")
_FPDF_ERR_PASSWORD = 4


def _pdfium():
    """PDFium's C API, the library that pypdfium2 ships (in its package pypdfium2_raw), with the
    functions above declared here: importing pypdfium2_raw's generated bindings declares all 450 of
    them and takes 25-50 ms, this 1 ms. The library is initialised once, as pypdfium2 itself does (a
    second initialisation, by pypdfium2 in the same process, is a no-op in PDFium)."""
    global _PDFIUM
    if _PDFIUM is None:
        import importlib.util
        import os
        import types

        spec = importlib.util.find_spec("pypdfium2_raw")
        if spec is None or not spec.submodule_search_locations:
            raise InputError("reading PDF needs pypdfium2, which is not installed", hint="pip install pypdfium2")
        folder = next(iter(spec.submodule_search_locations))
        name = next(f for f in sorted(os.listdir(folder))
                    if "pdfium" in f and f.rsplit(".", 1)[-1] in ("so", "dylib", "dll"))
        # PyDLL: a call keeps the interpreter lock instead of releasing and taking it again (nothing
        # here runs in threads)
        lib = ctypes.PyDLL(os.path.join(folder, name))
        api = types.SimpleNamespace(FS_RECTF=_FS_RECTF, FS_MATRIX=_FS_MATRIX)
        for fname, (result, *args) in _API.items():
            f = getattr(lib, fname)
            f.restype = result
            # The three functions called for every character keep their arguments undeclared (the
            # table above says what they are): ctypes then passes the handle (a c_void_p), the index
            # (an int) and the box pointer as they are, in half the time of checking each against a
            # declaration (1.1 against 2.0 us a character).
            if fname not in _PER_CHARACTER:
                f.argtypes = args
            setattr(api, fname, f)
        api.FPDF_InitLibraryWithConfig(ctypes.byref(_FPDF_LIBRARY_CONFIG(2, None, None, 0)))
        _PDFIUM = api
    return _PDFIUM


def _read(data: bytes, name: str) -> tuple[list[list[_Line]], list[float]]:
    pdfium = _pdfium()

    buf = ctypes.create_string_buffer(data, len(data))
    doc = pdfium.FPDF_LoadMemDocument64(buf, len(data), None)
    if not doc:
        err = pdfium.FPDF_GetLastError()
        if err == _FPDF_ERR_PASSWORD:
            raise InputError("the PDF is encrypted", hint="save an unencrypted copy first", source=name)
        what = "no end-of-file marker" if b"%%EOF" not in data[-2048:] else f"PDFium error {err}"
        raise InputError(f"damaged or truncated PDF ({what})", source=name)
    pages, heights = [], []
    try:
        for p in range(pdfium.FPDF_GetPageCount(doc)):
            page = pdfium.FPDF_LoadPage(doc, p)
            if not page:
                raise InputError(f"damaged or truncated PDF (page {p + 1} cannot be read)", source=name)
            heights.append(pdfium.FPDF_GetPageHeightF(page))
            textpage = pdfium.FPDFText_LoadPage(page)
            try:
                chars, scripts_rtl = _page_chars(pdfium, textpage)
            finally:
                pdfium.FPDFText_ClosePage(textpage)
                pdfium.FPDF_ClosePage(page)
            lines = []
            for base, sup in _attach_superscripts(_cluster(chars)):
                parts = _split(base, scripts_rtl)
                for part in parts:
                    lo, hi = part[0].x0 - part[0].size, part[-1].x1 + part[-1].size
                    mine = [c for c in sup if lo <= c.x0 <= hi] if len(parts) > 1 else sup
                    lines.append(_make_line(part, mine, scripts_rtl))
            pages.append(lines)
    finally:
        pdfium.FPDF_CloseDocument(doc)
    return pages, heights


def _page_chars(pdfium, textpage) -> tuple[list[_Char], bool]:
    """The page's glyphs, and whether any of them is a right-to-left letter (Hebrew to Arabic)."""
    n = pdfium.FPDFText_CountChars(textpage)
    if n <= 0:
        return [], False
    raw = ctypes.create_string_buffer(2 * n + 2)
    pdfium.FPDFText_GetText(textpage, 0, n, raw)
    codes = memoryview(raw.raw[: 2 * n]).cast("H").tolist()
    buf = ctypes.create_string_buffer(256)
    fsize, m = ctypes.c_float(), pdfium.FS_MATRIX()
    box = pdfium.FS_RECTF()
    pbox = ctypes.pointer(box)
    baselines: dict[float, float] = {}  # the glyphs of a line share their baseline, and round() is slow
    handle = ctypes.c_void_p(textpage)
    loose, generated = pdfium.FPDFText_GetLooseCharBox, pdfium.FPDFText_IsGenerated
    text_object = pdfium.FPDFText_GetTextObject
    descent = ctypes.c_float()
    fonts: dict[int, tuple[float, bool, float]] = {}
    chars = []
    append = chars.append
    for i, u in enumerate(codes):
        if u in (32, 13, 10) and generated(handle, i):
            continue  # PDFium's own spaces and line breaks: spaces are told from the gaps instead
        if 0xD800 <= u < 0xE000 or u == 0xFFFE:  # surrogates; 0xFFFE: a hyphen at a line end
            u = pdfium.FPDFText_GetUnicode(textpage, i)
        if u in (0xFFFE, 0xFFFF) or (u < 32 and u != 2):
            continue
        key = text_object(handle, i)
        if not key:
            continue
        info = fonts.get(key)
        if info is None:
            obj = key
            font = pdfium.FPDFTextObj_GetFont(obj)
            pdfium.FPDFFont_GetBaseFontName(font, buf, len(buf))
            low = buf.value.decode("latin-1").lower()
            pdfium.FPDFTextObj_GetFontSize(obj, fsize)
            pdfium.FPDFPageObj_GetMatrix(obj, m)
            # the font size operand may be 1 with the size in the matrix (Acrobat Distiller, 1994)
            size = fsize.value * math.hypot(m.c, m.d)
            # the loose box of a glyph runs from the font's descent to its ascent: its bottom less the
            # descent is the baseline, and its left the origin (one call a character instead of two)
            pdfium.FPDFFont_GetDescent(font, ctypes.c_float(size), descent)
            info = fonts[key] = (round(size, 2), "italic" in low or "oblique" in low
                                 or bool(pdfium.FPDFFont_GetFlags(font) & 64), descent.value)
        loose(handle, i, pbox)
        x, right = box.left, box.right
        y = box.bottom - info[2]
        base = baselines.get(y)
        if base is None:
            base = baselines[y] = round(y, 3)
        ch = "-" if u == 2 else chr(u)  # PDFium reports some hyphens at a line end as U+0002
        append(_Char(ch, x, right if right > x else x, base, info[0], info[1], ch.isspace()))
    return chars, any(0x590 <= u <= 0x8FF for u in set(codes))


def _cluster(chars: list[_Char]) -> list[list[_Char]]:
    """Glyphs grouped by baseline, top to bottom."""
    groups: list[list[_Char]] = []
    for c in sorted(chars, key=_BY_Y, reverse=True):  # top down; a stable sort keeps ties in order
        if groups and groups[-1][0].y - c.y < BASE_TOL:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _size(chars: list[_Char]) -> float:
    sizes = [c.size for c in chars if not c.space] or [chars[0].size]
    return Counter(sizes).most_common(1)[0][0]


def _attach_superscripts(groups: list[list[_Char]]) -> list[tuple[list[_Char], list[_Char]]]:
    """Small raised glyphs go to the line just below them, as its superscripts."""
    sizes = [_size(g) for g in groups]
    spans = [(min(map(_BY_X0, g)), max(map(_BY_X1, g))) for g in groups]
    sups: dict[int, list[_Char]] = {}
    keep = []
    for gi, g in enumerate(groups):
        for bi in range(gi + 1, min(gi + 3, len(groups))):
            bsize, rise = sizes[bi], g[0].y - groups[bi][0].y
            if (sizes[gi] < SUP_RATIO * bsize and SUP_RISE[0] * bsize <= rise <= SUP_RISE[1] * bsize
                    and spans[bi][0] - bsize <= spans[gi][0] and spans[gi][1] <= spans[bi][1] + bsize):
                sups.setdefault(bi, []).extend(g)
                break
        else:
            keep.append(gi)
    return [(groups[i], sups.get(i, [])) for i in keep]


def _rtl(chars: list[_Char]) -> bool:
    letters = [c for c in chars if c.ch.isalpha()]
    return sum("\u0590" <= c.ch <= "\u08ff" for c in letters) * 2 > len(letters)


def _split(chars: list[_Char], scripts_rtl: bool) -> list[list[_Char]]:
    """Glyphs in reading order; a horizontal gap wider than SPLIT_GAP em starts another line.
    `scripts_rtl`: whether the page has any right-to-left letter at all (if not, no line is asked)."""
    rtl = scripts_rtl and _rtl(chars)
    chars = sorted(chars, key=_BY_X1, reverse=True) if rtl else sorted(chars, key=_BY_X0)
    parts = [[chars[0]]]
    for c in chars[1:]:
        prev = parts[-1][-1]
        gap = prev.x0 - c.x1 if rtl else c.x0 - prev.x1
        if gap > SPLIT_GAP * (c.size if c.size > prev.size else prev.size):
            parts.append([c])
        else:
            parts[-1].append(c)
    return parts


def _make_line(base: list[_Char], sup: list[_Char], scripts_rtl: bool) -> _Line:
    rtl = scripts_rtl and _rtl(base)
    pieces, starts, length, prev = [], [], 0, None
    for c in base:
        starts.append(length)
        if prev is not None and not c.space and not prev.space:
            gap = prev.x0 - c.x1 if rtl else c.x0 - prev.x1
            if gap > SPACE_GAP * (c.size if c.size > prev.size else prev.size):
                pieces.append(" ")
                length += 1
        pieces.append(c.ch)
        length += 1
        prev = c
    text = "".join(pieces)
    sups: list[tuple[int, str]] = []
    last_x = None
    for c in sorted(sup, key=_BY_X0):
        pos = next((s for s, b in zip(starts, base, strict=True) if b.x0 >= c.x0), len(text))
        if sups and sups[-1][0] == pos and last_x is not None and c.x0 - last_x < 2 * c.size:
            sups[-1] = (pos, sups[-1][1] + c.ch)
        else:
            sups.append((pos, c.ch))
        last_x = c.x0
    x0 = min(c.x0 for c in base if not c.space) if text.strip() else base[0].x0
    return _Line(text.rstrip(), x0, base[0].y, _size(base), [(p, s) for p, s in sups if s.strip()])


# --- lines -> the parser's layout ------------------------------------------------------------


def _layout(pages: list[list[_Line]], heights: list[float]) -> list[Line]:
    lines = [ln for page in pages for ln in page if ln.text.strip() or ln.sups]
    body_size = Counter(round(ln.size) for ln in lines).most_common(1)[0][0]
    body = [ln for ln in lines if round(ln.size) == body_size]
    margin = Counter(round(ln.x0) for ln in body).most_common(1)[0][0]
    bands = _band_furniture(pages, heights, body_size)

    out: list[Line] = []
    for number, page in enumerate(pages, 1):
        in_notes = False
        row = 0
        for ln in page:
            if not (ln.text.strip() or ln.sups):
                continue
            row += 1
            text = ln.with_superscripts()
            stripped = text.strip()
            if id(ln) in bands:
                out.append(Line(stripped, row, number, role=FURNITURE))
                continue
            if set(stripped) <= set("_\u2014\u2015\u2500") and len(stripped) >= 5:
                in_notes = True  # the separator over a page's footnote block
                out.append(Line(stripped, row, number, role=SEPARATOR))
                continue
            if in_notes and is_plain_furniture(stripped):
                in_notes = False  # the page's foot (job number, barcode, '/...') ends its footnotes
            if in_notes:
                if ln.sups and ln.sups[0][0] == 0 and ln.sups[0][1].isdigit():
                    # a footnote: its marker raised at the start of the line
                    marker = ln.sups[0][1]
                    out.append(Line(text[len(marker):].strip(), row, number, starts=True, role=FOOTNOTE,
                                    marker=marker))
                elif m := _NOTE_ON_BASELINE.match(stripped):  # '1/ A/48/803.': the 1990s marker, on the baseline
                    out.append(Line(m.group(2), row, number, starts=True, role=FOOTNOTE, marker=m.group(1)))
                elif not any(x.role == FOOTNOTE for x in out):
                    out.append(Line(stripped, row, number))  # no footnote yet: text, not a note
                else:  # the footnote goes on, also from one page's block into the next one's
                    out.append(Line(stripped, row, number, role=FOOTNOTE))
                continue
            indented = ln.x0 >= margin + 0.8 * ln.size or text[:1].isspace()
            out.append(Line(stripped, row, number, starts=indented))
    return out


_NOTE_ON_BASELINE = re.compile(r"^(\d{1,3}/?)\s+(\S.*)$")


def _band_furniture(pages: list[list[_Line]], heights: list[float], body_size: int) -> set[int]:
    """Running heads and feet, from the second page on: lines in the top or bottom band of a page that
    are set smaller than the body, or repeat on other pages (digits aside: '2/5', 'Page 3')."""
    def shape(ln: _Line) -> str:
        return "".join("0" if c.isdigit() else c for c in ln.text.strip())

    band = [(ln, h) for page, h in zip(pages[1:], heights[1:], strict=True) for ln in page
            if ln.y > TOP_BAND * h or ln.y < FOOT_BAND * h]
    seen = Counter(shape(ln) for ln, _ in band)
    return {id(ln) for ln, _ in band if ln.size < 0.9 * body_size or seen[shape(ln)] >= 2}
