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

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from . import isolate
from . import lang as L
from .blocks import FOOTNOTE, FURNITURE, SEPARATOR, Line
from .errors import InputError
from .layout import is_plain_furniture
from .model import ParseWarning

SPACE_GAP = 0.18  # a gap wider than this (em) between two glyphs is a word space
SPLIT_GAP = 3.0  # a gap wider than this (em) starts a separate line (masthead columns)
SUP_RATIO = 0.85  # a superscript is smaller than this share of its line's size …
SUP_RISE = (0.15, 0.75)  # … and raised by this share of it (em)
BASE_TOL = 1.0  # glyphs whose baselines differ by less than this (pt) share a line
TOP_BAND, FOOT_BAND = 0.9, 0.06  # running heads above, feet below these shares of the page height
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
            out += [self.text[last:pos], sup.translate(L.TO_SUPERSCRIPT) if sup.isdigit() else sup]
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
    return read_lines(data, name)[0]


def read_lines(data: bytes, name: str) -> tuple[list[Line], tuple[ParseWarning, ...]]:
    """The typed lines of a PDF, and what the reader left out or replaced, as parse warnings."""
    reading = read_pdf(data, name)
    said = []
    if reading.invisible:
        said.append(ParseWarning("invisible-text", None, f"{reading.invisible:,} characters no reader sees "
                                 "(invisible render mode, white or transparent text) were left out"))
    if reading.replaced:
        said.append(ParseWarning("replaced-characters", None, f"{reading.replaced:,} characters the PDF's fonts "
                                 "map to no character were read as U+FFFD"))
    return _layout(reading.pages, reading.heights), tuple(said)


class Reading(NamedTuple):
    """What PDFium read: each page's lines and height, and the characters left out."""

    pages: list[list[_Line]]
    heights: list[float]
    invisible: int = 0  # characters no reader sees (render mode 3 or 7, white, transparent) among visible text
    unusable: int = 0  # characters or text objects set at a font size that cannot be laid out (0, huge, not a number)
    replaced: int = 0  # lone surrogates (from a font's map) read as U+FFFD, the replacement character


def read_pdf(data: bytes, name: str) -> Reading:
    """The lines of a PDF's pages; InputError for what cannot be read. Invisible text on a page that
    also has visible text is left out and counted (`Reading.invisible`: the parser's `invisible-text`
    warning); a page whose text is all invisible is an OCR layer over a scanned image, and is read."""
    if not data.lstrip().startswith(b"%PDF-"):
        raise InputError("not a PDF file (it has a .pdf name but no PDF header)", source=name)
    reading = isolate.call(_read, data, name, source=name)
    if not any(reading.pages):
        if not reading.heights:
            raise InputError("the PDF has no pages", source=name)
        if reading.unusable:
            raise InputError(f"the PDF's text is set at a font size that cannot be laid out (0, or not a number: "
                             f"{reading.unusable} text objects)", source=name)
        raise InputError("the PDF has no text layer (a scanned image)", hint="run OCR on it first, e.g. ocrmypdf",
                         source=name)
    return reading


# --- characters and lines ---------------------------------------------------------------


MAX_SIZE = 5000.0  # pt: a glyph larger than this (a 70-inch letter) is no text to lay out


def _read(data: bytes, name: str) -> Reading:
    from . import pdfium

    with pdfium.Document(data) as doc:
        if not doc.handle:
            if doc.needs_password:
                raise InputError("the PDF is encrypted (it needs a password to open)",
                                 hint="save an unencrypted copy first", source=name)
            what = "no end-of-file marker" if b"%%EOF" not in data[-2048:] else f"PDFium error {doc.error}"
            raise InputError(f"damaged or truncated PDF ({what})", source=name)
        objects = pdfium.TextObject(doc.lib)
        pages, heights, invisible, unusable, replaced = [], [], 0, 0, 0
        for p in range(doc.page_count()):
            page = pdfium.Page(doc, p)
            try:
                if not page.handle:
                    raise InputError(f"damaged or truncated PDF (page {p + 1} cannot be read)", source=name)
                heights.append(page.height())
                chars, scripts_rtl, hidden, bad, odd = _page_chars(page, objects)
                if not chars and not bad:  # PDFium's text page leaves out text of size 0: count it here
                    bad = sum(not 0 < objects.font(o)[0] < MAX_SIZE for o in page.text_objects())
            finally:
                page.close()
            invisible += hidden
            unusable += bad
            replaced += odd
            lines = []
            for base, sup in _attach_superscripts(_cluster(chars)):
                parts = _split(base, scripts_rtl)
                for part in parts:
                    lo, hi = part[0].x0 - part[0].size, part[-1].x1 + part[-1].size
                    mine = [c for c in sup if lo <= c.x0 <= hi] if len(parts) > 1 else sup
                    lines.append(_make_line(part, mine, scripts_rtl))
            pages.append(lines)
    return Reading(pages, heights, invisible, unusable, replaced)


def _page_chars(page, objects) -> tuple[list[_Char], bool, int, int, int]:
    """The page's glyphs; whether any of them is a right-to-left letter (Hebrew to Arabic); how many
    invisible characters were left out (see read_pdf), how many of an unusable size, and how many lone
    surrogates were read as U+FFFD."""
    from .pdfium import CharBoxes

    codes = page.codes()
    if not codes:
        return [], False, 0, 0, 0
    calls = CharBoxes(page)
    handle, box = calls.handle, calls.box
    loose, generated, text_object = calls.loose_box, calls.is_generated, calls.text_object
    baselines: dict[float, float] = {}  # the glyphs of a line share their baseline, and round() is slow
    fonts: dict[int, tuple[float, bool, float, bool]] = {}
    chars, hidden, unusable, replaced = [], [], 0, 0
    for i, u in enumerate(codes):
        if u in (32, 13, 10) and generated(handle, i):
            continue  # PDFium's own spaces and line breaks: spaces are told from the gaps instead
        if 0xD800 <= u < 0xE000 or u == 0xFFFE:  # surrogates; 0xFFFE: a hyphen at a line end
            u = page.unicode(i)
        if u in (0xFFFE, 0xFFFF) or (u < 32 and u != 2):
            continue
        if 0xD800 <= u < 0xE000:  # a lone surrogate (a font's map may say anything): no character of any text
            u = 0xFFFD
            replaced += 1
        key = text_object(handle, i)
        if not key:
            continue
        info = fonts.get(key)
        if info is None:
            size, italic, descent = objects.font(key)
            info = fonts[key] = (round(size, 2), italic, descent, objects.invisible(key))
        if not 0 < info[0] < MAX_SIZE:
            unusable += 1
            continue
        # the loose box of a glyph runs from the font's descent to its ascent: its bottom less the
        # descent is the baseline, and its left the origin (one call a character instead of two)
        loose(handle, i, box)
        x, right = box.left, box.right
        y = box.bottom - info[2]
        base = baselines.get(y)
        if base is None:
            base = baselines[y] = round(y, 3)
        ch = "-" if u == 2 else chr(u)  # PDFium reports some hyphens at a line end as U+0002
        (hidden if info[3] else chars).append(_Char(ch, x, right if right > x else x, base, info[0], info[1],
                                                    ch.isspace()))
    if not chars:  # all the page's text is invisible: an OCR layer over a scanned image, read as it is
        chars, hidden = hidden, []
    rtl = any(ord(_RTL_FIRST) <= u <= ord(_RTL_LAST) for u in set(codes))
    return chars, rtl, sum(not c.space for c in hidden), unusable, replaced


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


_RTL_FIRST, _RTL_LAST = L.RIGHT_TO_LEFT_SCRIPTS[::2]  # the letters of the scripts written right to left


def _rtl(chars: list[_Char]) -> bool:
    letters = [c for c in chars if c.ch.isalpha()]
    return sum(_RTL_FIRST <= c.ch <= _RTL_LAST for c in letters) * 2 > len(letters)


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
