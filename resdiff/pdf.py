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
from bisect import bisect_left
from collections import Counter, namedtuple
from itertools import accumulate, chain, compress, count, groupby, pairwise, repeat
from math import isfinite
from operator import itemgetter, le, not_, sub

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
# A glyph is a plain tuple (character, x0, x1, baseline y, effective size: font size x the text matrix's
# vertical scale, whether the character is a space): a page has thousands, and a tuple is the
# Python object made (by zip, in C) and read (unpacked, or by index) the fastest.
_Char = tuple[str, float, float, float, float, bool]
CH, X0, X1, Y, SIZE, SPACE = range(6)
_BY_CH, _BY_X0, _BY_X1, _BY_Y = itemgetter(CH), itemgetter(X0), itemgetter(X1), itemgetter(Y)  # sort keys read in C
_BY_SIZE, _BY_SPACE, _COUNT = itemgetter(SIZE), itemgetter(SPACE), itemgetter(1)


class _Line(namedtuple("_Line", "text x0 y size sups")):
    """A line as read off a page: its text, left edge, baseline and size, and its raised runs, each (offset in
    text, superscript text). A tuple, made by the thousand and sent back from the reading child, never
    changed (neither @dataclass nor typing.NamedTuple: their imports cost a tenth of a PDF's parse)."""

    __slots__ = ()

    def with_superscripts(self) -> str:
        """The text with each raised run written in place: digits as superscript digits (a footnote
        reference), anything else as it reads ('1er', '85e')."""
        if not self.sups:  # most lines
            return self.text
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
    """The typed lines of a PDF, and what the reader left out or replaced, as parse warnings. The cycle collector
    rests meanwhile in this process too (normalize.collection_paused), as it does while the reading child reads
    and while a text's lines are read: the reading's lines come back as tens of thousands of new objects and no
    cycle."""
    from .normalize import collection_paused

    with collection_paused():
        return _typed_lines(read_pdf(data, name))


def _typed_lines(reading: Reading) -> tuple[list[Line], tuple[ParseWarning, ...]]:
    said = []
    if reading.invisible:
        said.append(ParseWarning("invisible-text", None, f"{reading.invisible:,} characters no reader sees "
                                 "(invisible render mode, white or transparent text) were left out"))
    if reading.replaced:
        said.append(ParseWarning("replaced-characters", None, f"{reading.replaced:,} characters the PDF's fonts "
                                 "map to no character were read as U+FFFD"))
    return _layout(reading.pages, reading.heights), tuple(said)


# What PDFium read: each page's lines and height, and the characters left out: `invisible`, those no reader
# sees (render mode 3 or 7, white, transparent) among visible text; `unusable`, characters or text objects set
# at a font size that cannot be laid out (0, huge, not a number); `replaced`, lone surrogates (from a font's
# map) read as U+FFFD, the replacement character.
Reading = namedtuple("Reading", "pages heights invisible unusable replaced", defaults=(0, 0, 0))


def read_pdf(data: bytes, name: str) -> Reading:
    """The lines of a PDF's pages; InputError for what cannot be read. Invisible text on a page that
    also has visible text is left out and counted (`Reading.invisible`: the parser's `invisible-text`
    warning); a page whose text is all invisible is an OCR layer over a scanned image, and is read."""
    if not data.lstrip().startswith(b"%PDF-"):
        raise InputError("not a PDF file (it has a .pdf name but no PDF header)", source=name)
    pages, *counts = isolate.call(_read_to_send, data, name, source=name, plain=True)
    reading = Reading([list(map(_Line._make, page)) for page in pages], *counts)
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
# the code units that need a look of their own: controls and spaces, surrogates, 0xFFFE and 0xFFFF
_ODD = frozenset([*range(33), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF])
_ODD_NOT_SPACE = _ODD - {32}


def _read(data: bytes, name: str) -> Reading:
    # a page makes thousands of glyph tuples and no reference cycle: the cyclic collector, run every 700
    # new objects, would look at them all for nothing (a tenth of the reading time), so it rests meanwhile
    # (one pause shared with the threads that parse at once)
    from .normalize import collection_paused

    with collection_paused():
        return _read_pages(data, name)


def _read_to_send(data: bytes, name: str) -> tuple:
    """_read as plain data, a tuple of lists, tuples, strings and numbers (the reading child's answer, which
    marshal writes and reads, and read_pdf makes a Reading of _Lines again): a named tuple is no plain data
    (pickle would write it through a call of Python each, eight times what the tuple costs). The collector rests
    through the copy too (a tuple a line: as many new objects as the reading made)."""
    from .normalize import collection_paused

    with collection_paused():
        reading = _read(data, name)
        return tuple(reading._replace(pages=[list(map(tuple, page)) for page in reading.pages]))


def _read_pages(data: bytes, name: str) -> Reading:
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
                columns, scripts_rtl, hidden, bad, odd = _page_columns(page, objects)
                if not columns.chs and not bad:  # PDFium's text page leaves out text of size 0: count it here
                    bad = sum(not 0 < s < MAX_SIZE for s in objects.describe(page.text_objects(), {})[0])
            finally:
                page.close()
            invisible += hidden
            unusable += bad
            replaced += odd
            pages.append(_column_lines(columns, scripts_rtl))
    return Reading(pages, heights, invisible, unusable, replaced)


def _column_lines(columns: _Columns, scripts_rtl: bool) -> list[_Line]:
    """_page_lines of a page's columns, a glyph tuple made only for a line that needs one.

    PDFium gives a page's glyphs nearly in order: a line's as a run of one baseline (or a few runs, one after the
    other), left to right. The runs (_runs) are grouped into lines as _cluster groups the glyphs; a line that is one
    stretch of the columns, set in one size and read left to right (nearly all) is split, given its word spaces
    and made from the columns (_split_gaps, _column_line); any other line (several sizes, its glyphs out of
    order, superscripts over it) from glyph tuples, as _page_lines makes it. A page with a right-to-left letter,
    or a baseline at 0 (which no run can stand for: -0.0 == 0.0) or none a number can place (NaN equals no other
    baseline, inf less inf is NaN: the glyph route tells them apart glyph by glyph), goes to _page_lines whole."""
    runs = _runs(columns)
    ys = list(map(_BY_RUN_Y, runs))
    if scripts_rtl or not all(ys) or not isfinite(sum(ys)):  # a sum too large for a float is as good as inf
        return _page_lines(_glyphs(columns), scripts_rtl)
    groups = _cluster_runs(runs)
    chs, lefts, rights = columns.chs, columns.lefts, columns.rights
    glyphs, split, ones, shared = [None] * len(groups), [], [], []
    for i, g in enumerate(groups):
        a, one = g[0][1], g[0][3]
        parts = None
        if one is not None and not chs[a].isspace() and (len(g) == 1 or _stretch_of_one_size(g)):
            parts = _split_gaps(chs, lefts, rights, a, g[-1][2], one)  # its parts (start, end, words)
        if parts is None:  # the route of glyph tuples
            glyphs[i] = chars = _group_glyphs(columns, g)
            parts = None if chars[0][SPACE] else _split_one_size(chars, chars[0][SIZE])
            one, same = (chars[0][SIZE], True) if parts is not None else _line_size(chars)
        else:
            same = True
        split.append(parts)
        ones.append(one)
        shared.append(same)

    def glyphs_of(i: int) -> list[_Char]:
        if glyphs[i] is None:
            glyphs[i] = _group_glyphs(columns, groups[i])
        return glyphs[i]

    def span(i: int) -> tuple[float, float]:
        a, b = groups[i][0][1], groups[i][-1][2]  # a stretch, where it has no glyph tuples
        return (min(lefts[a:b]), max(rights[a:b])) if glyphs[i] is None else _span(glyphs[i])

    sized = [_size(glyphs[i]) if one is None else one for i, one in enumerate(ones)]
    lines = []
    for i, sup in _attach_superscripts([g[0][0] for g in groups], sized, span, glyphs_of):
        parts = split[i]
        if glyphs[i] is None and not sup:  # a stretch of the columns, its parts found: nearly every line
            lines += [_column_line(columns, a, b, words, groups[i], ones[i]) for a, b, words in parts]
            continue
        if glyphs[i] is None:  # superscripts over a stretch: its parts as glyph tuples
            start = groups[i][0][1]
            parts = [(glyphs_of(i)[a - start:b - start], words) for a, b, words in parts]
        lines += _lines_of_glyphs(glyphs[i], sup, parts, scripts_rtl, ones[i], shared[i])
    return lines


_BY_RUN_Y, _GROUP = itemgetter(0), itemgetter(1)  # a run's baseline; the run of a groupby item


def _runs(columns: _Columns) -> list[tuple[float, int, int, float | None]]:
    """The runs of glyphs of one baseline in a page's columns, each (baseline rounded, start, end, the size of its
    glyphs, None where they have several): where its glyphs' text objects have one descent, a run is a run of one
    bottom (found in C, a pass over the page), else its stretches of one bottom less descent."""
    bottoms, keys, descent, size = columns.bottoms, columns.keys, columns.descent, columns.size
    ends = accumulate(map(len, map(list, map(_GROUP, groupby(bottoms)))))  # of the runs of one bottom
    if len(set(descent.values())) == 1 and len(set(size.values())) == 1:  # one font at one size (a page in five)
        (d,), (one,) = set(descent.values()), set(size.values())  # (its glyphs may all be left out: no keys[0])
        return [(round(bottoms[a] - d, 3), a, b, one) for a, b in pairwise(chain([0], ends))]
    runs, a = [], 0
    for b in ends:
        line = keys[a:b]
        if line.count(line[0]) == b - a:  # one text object (found in C, by identity): most runs
            runs.append((round(bottoms[a] - descent[line[0]], 3), a, b, size[line[0]]))
        elif len({descent[k] for k in set(line)}) == 1:
            sizes = {size[k] for k in set(line)}
            runs.append((round(bottoms[a] - descent[line[0]], 3), a, b, sizes.pop() if len(sizes) == 1 else None))
        else:  # its glyphs' baselines, glyph by glyph
            lows = list(map(sub, bottoms[a:b], map(descent.__getitem__, line)))
            start = a
            for low, run in groupby(lows):
                end = start + len(list(run))
                sizes = {size[k] for k in keys[start:end]}
                runs.append((round(low, 3), start, end, sizes.pop() if len(sizes) == 1 else None))
                start = end
        a = b
    return runs


def _cluster_runs(runs: list[tuple]) -> list[list[tuple]]:
    """Runs of glyphs of one baseline (each a tuple, its baseline first) grouped into lines, top to bottom: a line
    takes each run whose baseline is less than BASE_TOL under its first (highest) one; runs of one baseline keep
    their order (a line of one stretch of the columns is runs each of which starts where the one before ends)."""
    groups: list[list[tuple]] = []
    top = 0.0
    for run in sorted(runs, key=_BY_RUN_Y, reverse=True):
        if groups and top - run[0] < BASE_TOL:
            groups[-1].append(run)
        else:
            groups.append([run])
            top = run[0]
    return groups


def _stretch_of_one_size(group: list[tuple]) -> bool:
    """Whether a line's runs make one stretch of the columns, each run starting where the one before ends, all in
    the size of the first."""
    return (all(r[3] == group[0][3] for r in group)
            and all(q[2] == r[1] for q, r in zip(group, group[1:], strict=False)))


def _group_glyphs(columns: _Columns, group: list[tuple]) -> list[_Char]:
    """The glyph tuples of a line's runs."""
    chs, lefts, rights, _, keys, _, size = columns
    out: list[_Char] = []
    for y, a, b, _ in group:
        line = chs[a:b]
        out += zip(line, lefts[a:b], rights[a:b], repeat(y, b - a), map(size.__getitem__, keys[a:b]),
                   map(str.isspace, line), strict=True)
    return out


def _split_gaps(chs: list[str], lefts: list[float], rights: list[float], a: int, b: int,
                size: float) -> list[tuple[int, int, list[int]]] | None:
    """The glyphs a to b (characters, left and right edges: a page's columns, or a line's) of a line all in this
    size (a number above 0), split at its gaps wider than SPLIT_GAP em, each part as its start, end and word spaces
    (the glyphs a word space goes before, counted from the part's start: a gap wider than SPACE_GAP em between
    two glyphs that are no space). The em is the same throughout, so each gap is held against two bounds made
    once, and only a gap wider than a word space's (a few a line) is looked at further. None where a glyph lies
    left of the one before (see _split_ltr)."""
    split_at, space_at = SPLIT_GAP * size, SPACE_GAP * size
    parts, words, start, k = [], [], a, a
    px0, px1 = -_INF, _INF  # no gap before the first glyph
    for x0, x1 in zip(lefts[a:b], rights[a:b], strict=True):
        if x0 < px0:
            return None
        if x0 - px1 > space_at:
            if x0 - px1 > split_at:
                parts.append((start, k, words))
                words, start = [], k
            elif not (chs[k].isspace() or chs[k - 1].isspace()):
                words.append(k - start)
        px0, px1 = x0, x1
        k += 1
    parts.append((start, b, words))
    return parts


def _column_line(columns: _Columns, a: int, b: int, words: list[int], group: list, size: float) -> _Line:
    """_make_line of glyphs a to b of a page's columns, read left to right in one size, with no superscript:
    `words`, where its word spaces go; `group`, the runs of its line (for its first glyph's baseline)."""
    chs, lefts = columns.chs, columns.lefts
    glyphs = "".join(chs[a:b])
    text = " ".join([glyphs[i:j] for i, j in zip([0, *words], [*words, b - a], strict=True)]) if words else glyphs
    x0 = lefts[a]
    if text and not text.isspace() and chs[a].isspace():  # the leftmost is the first glyph that is no space
        x0 = next(lefts[k] for k in range(a, b) if not chs[k].isspace())
    y = group[0][0] if len(group) == 1 else next(run[0] for run in reversed(group) if run[1] <= a)
    return _Line(text.rstrip(), x0, y, size, [])


def _lines_of_glyphs(g: list[_Char], sup: list[_Char], parts, scripts_rtl: bool, one, shared: bool) -> list[_Line]:
    """The lines of a group of glyph tuples (_page_lines' for each group): `parts`, its parts where found already."""
    parts = parts or _split(g, scripts_rtl, one if shared else None)
    if len(parts) == 1:  # most lines: the line's superscripts and size are its one part's
        return [_make_line(parts[0][0], sup, scripts_rtl, parts[0][1], one)]
    lines = []
    for part, words in parts:  # each part takes the superscripts over it, and has a size of its own
        lo, hi = part[0][X0] - part[0][SIZE], part[-1][X1] + part[-1][SIZE]
        lines.append(_make_line(part, [c for c in sup if lo <= c[X0] <= hi], scripts_rtl, words))
    return lines


def _page_lines(chars: list[_Char], scripts_rtl: bool) -> list[_Line]:
    """A page's lines, top down, from its glyphs: grouped by baseline, the superscripts attached, each group split
    at its wide gaps (a part a line), each part given its word spaces.

    On a page with no right-to-left letter, each group is first split as if its glyphs came left to right in the
    size of its first glyph, no space (_split_one_size; most lines): where they do, that pass has also found the
    line's size (_line_size) for the superscripts' test."""
    groups = _cluster(chars)
    split = [None] * len(groups) if scripts_rtl else [
        None if g[0][SPACE] else _split_one_size(g, g[0][SIZE]) for g in groups]
    ones, shared = [], []
    for g, parts in zip(groups, split, strict=True):
        one, same = (g[0][SIZE], True) if parts is not None else _line_size(g)
        ones.append(one)
        shared.append(same)
    sizes = [_size(g) if one is None else one for g, one in zip(groups, ones, strict=True)]
    lines = []
    for i, sup in _attach_superscripts([g[0][Y] for g in groups], sizes, lambda i: _span(groups[i]),
                                       groups.__getitem__):
        lines += _lines_of_glyphs(groups[i], sup, split[i], scripts_rtl, ones[i], shared[i])
    return lines


def _page_chars(page, objects) -> tuple[list[_Char], bool, int, int, int]:
    """_page_columns with the glyphs as tuples (_glyphs): what the tests and bench/pdf_read.py hold the reading of
    a page's characters to."""
    columns, *rest = _page_columns(page, objects)
    return _glyphs(columns), *rest


def _glyphs(columns: _Columns) -> list[_Char]:
    """The glyph tuples of a page's columns."""
    chs, lefts, rights, bottoms, keys, descent, size = columns
    lows = list(map(sub, bottoms, map(descent.__getitem__, keys)))
    rounded = {y: round(y, 3) for y in set(lows)}  # the glyphs of a line share their baseline, and round() is slow
    return list(zip(chs, lefts, rights, map(rounded.__getitem__, lows), map(size.__getitem__, keys),
                    map(str.isspace, chs), strict=True))


# A page's glyphs as columns, a list each, one item a glyph: characters, left and right edges, bottoms of their
# loose boxes (the baseline less the descent) and text objects; and by text object, the descent and the size (a
# glyph's baseline is its bottom less its object's descent, rounded: see _runs)
_Columns = namedtuple("_Columns", "chs lefts rights bottoms keys descent size")


def _page_columns(page, objects) -> tuple[_Columns, bool, int, int, int]:
    """The page's glyphs, as columns; whether any of them is a right-to-left letter (Hebrew to Arabic); how many
    invisible characters were left out (see read_pdf), how many of an unusable size, and how many lone
    surrogates were read as U+FFFD.

    PDFium is asked one thing at a time for all the page's characters (their text, their text objects,
    which spaces and breaks it made itself, their boxes), and the glyphs' columns are read from those: a
    page has thousands of characters, and Python work a character is what reading costs."""
    codes = page.codes()
    if not codes:
        return _Columns([], [], [], [], [], {}, {}), False, 0, 0, 0
    present = set(codes)  # each code unit of the page once
    keys = page.char_objects(len(codes), present)
    # kept: a character of a text object (its key, true) that reads as something; one left out is no key (None)
    odd = list(compress(count(), map(_ODD.__contains__, codes)))  # tested in C: thousands a page
    spaces = [i for i in odd if codes[i] == 32 and keys[i]]  # one of no text object is left out anyway
    for i in compress(spaces, page.generated(spaces)):
        keys[i] = None  # PDFium's own spaces: spaces are told from the gaps instead
    replaced = 0  # codes become what each character reads as: the other odd ones (breaks, controls, ...) looked at
    if not present.isdisjoint(_ODD_NOT_SPACE):
        replaced = _odd_reads(page, codes, keys, [i for i in odd if codes[i] != 32])
    ks = list(compress(keys, keys))  # the keys pick themselves, and the rest (in C: a true key is kept)
    chs = list(map(chr, compress(codes, keys)))
    used = list(set(ks))
    sizes, descents, unseen = objects.describe(used, {})  # by text object, on this page
    size_of = dict(zip(used, [round(s, 2) for s in sizes], strict=True))
    unusable = 0
    if all(0 < s < MAX_SIZE for s in size_of.values()):
        # the loose box of a glyph runs from the font's descent to its ascent: its bottom less the
        # descent is the baseline, and its left the origin (one call a character instead of two)
        lefts, rights, bottoms = page.loose_sides(where=keys)
    else:
        usable = [0 < size_of[k] < MAX_SIZE for k in ks]
        unusable = len(ks) - sum(usable)
        ks, chs = list(compress(ks, usable)), list(compress(chs, usable))
        lefts, rights, bottoms = page.loose_sides(list(compress(compress(count(), keys), usable)))
    if not all(map(le, lefts, rights)):  # max(left, right): the right, where it is right of the left
        rights = list(map(max, lefts, rights))
    columns = _Columns(chs, lefts, rights, bottoms, ks, dict(zip(used, descents, strict=True)), size_of)
    hidden = 0
    if any(unseen):
        seen = list(map(not_, map(dict(zip(used, unseen, strict=True)).__getitem__, ks)))
        if any(seen):  # else all the page's text is invisible: an OCR layer over a scanned image, read as it is
            hidden = len(seen) - sum(seen) - sum(map(str.isspace, compress(chs, map(not_, seen))))
            columns = columns._replace(**{name: list(compress(getattr(columns, name), seen))
                                          for name in ("chs", "lefts", "rights", "bottoms", "keys")})
    rtl = any(ord(_RTL_FIRST) <= u <= ord(_RTL_LAST) for u in present)
    return columns, rtl, hidden, unusable, replaced


def _odd_reads(page, codes: list[int], keys: list[int | None], odd: list[int]) -> int:
    """What these characters (line breaks, controls, surrogates, U+FFFE and U+FFFF) read as, written over their
    codes, and left out (their `keys` None) where they read as nothing; how many lone surrogates were read as
    U+FFFD."""
    replaced = 0
    for i in odd:
        u = codes[i]
        if 0xD800 <= u < 0xE000 or u == 0xFFFE:  # surrogates; 0xFFFE: a hyphen at a line end
            u = page.unicode(i)
        if u in (0xFFFE, 0xFFFF) or (u < 32 and u != 2):  # line breaks (PDFium's or a text object's) too
            u = -1
        elif 0xD800 <= u < 0xE000:  # a lone surrogate (a font's map may say anything): no character of any text
            u = 0xFFFD
            replaced += 1
        elif u == 2:  # PDFium reports some hyphens at a line end as U+0002
            u = 0x2D
        codes[i] = u
        if u < 0:
            keys[i] = None
    return replaced


def _cluster(chars: list[_Char]) -> list[list[_Char]]:
    """Glyphs grouped by baseline, top to bottom: their runs of one baseline (top down; a stable sort keeps ties
    in order) grouped as _cluster_runs groups a page's runs."""
    runs = [(y, list(run)) for y, run in groupby(sorted(chars, key=_BY_Y, reverse=True), _BY_Y)]
    return [list(chain.from_iterable(map(_GROUP, group))) for group in _cluster_runs(runs)]


def _one_size(chars: list[_Char]) -> float | None:
    """The size of the glyphs that are no space, where they all have one (most lines are set in one size):
    what _size gives for these glyphs in any order. None where they have several, or are all spaces."""
    return _line_size(chars)[0]


def _line_size(chars: list[_Char]) -> tuple[float | None, bool]:
    """_one_size, and whether every glyph, spaces too, has that size (_split_ltr's shortcut)."""
    if chars and list(map(_BY_SIZE, chars)).count(chars[0][SIZE]) == len(chars):  # spaces too: most lines, in C
        return (None, False) if all(map(_BY_SPACE, chars)) else (chars[0][SIZE], True)
    sizes = [c[SIZE] for c in chars if not c[SPACE]]
    return (sizes[0] if sizes and sizes.count(sizes[0]) == len(sizes) else None), False


def _size(chars: list[_Char]) -> float:
    one = _one_size(chars)
    if one is not None:
        return one
    sizes = [c[SIZE] for c in chars if not c[SPACE]] or [chars[0][SIZE]]
    return _commonest(sizes)


def _commonest(values: list):
    """The value met most often, the first met of a tie: Counter.most_common(1)'s, without the heapq module it
    imports for it (a millisecond, in the reading child and again in this process)."""
    return max(Counter(values).items(), key=_COUNT)[0]


def _attach_superscripts(tops: list[float], sizes: list[float], span, glyphs) -> list[tuple[int, list[_Char]]]:
    """Small raised glyphs go to the line just below them, as its superscripts: each line kept (its index), with
    the glyphs raised over it. Of each group of glyphs (a line before this): `tops`, its first glyph's baseline;
    `sizes`, its size (_size); `span(i)`, its left and right ends (_span); `glyphs(i)`, its glyph tuples (asked
    only of a group that goes over another line, a few a page)."""
    sups: dict[int, list[_Char]] = {}
    keep = []
    for gi in range(len(tops)):
        for bi in range(gi + 1, min(gi + 3, len(tops))):
            bsize, rise = sizes[bi], tops[gi] - tops[bi]
            # the lines' ends are read only of a line small and raised enough (a few a page): a pass each
            if sizes[gi] < SUP_RATIO * bsize and SUP_RISE[0] * bsize <= rise <= SUP_RISE[1] * bsize:
                (lo, hi), (blo, bhi) = span(gi), span(bi)
                if blo - bsize <= lo and hi <= bhi + bsize:
                    sups.setdefault(bi, []).extend(glyphs(gi))
                    break
        else:
            keep.append(gi)
    return [(i, sups.get(i, [])) for i in keep]


def _span(chars: list[_Char]) -> tuple[float, float]:
    """The left end and the right end of these glyphs."""
    return min(map(_BY_X0, chars)), max(map(_BY_X1, chars))


_RTL_FIRST, _RTL_LAST = L.RIGHT_TO_LEFT_SCRIPTS[::2]  # the letters of the scripts written right to left


def _rtl(chars: list[_Char]) -> bool:
    letters = [c[CH] for c in chars if c[CH].isalpha()]
    return sum(_RTL_FIRST <= ch <= _RTL_LAST for ch in letters) * 2 > len(letters)


def _split(chars: list[_Char], scripts_rtl: bool, size: float | None = None) -> list[tuple[list[_Char],
                                                                                      list[int] | None]]:
    """Glyphs in reading order; a horizontal gap wider than SPLIT_GAP em starts another line.
    `scripts_rtl`: whether the page has any right-to-left letter at all (if not, no line is asked).
    With each part, where its word spaces go (see _make_line), found in the same pass on a page with no
    right-to-left letter (None on one with: a part's direction is its own). `size`: the size of every glyph,
    spaces too, where the caller knows they share one."""
    if not scripts_rtl:
        return _split_ltr(chars, size)
    rtl = _rtl(chars)
    chars = sorted(chars, key=_BY_X1, reverse=True) if rtl else sorted(chars, key=_BY_X0)
    parts = [[chars[0]]]
    _, px0, px1, _, psize, _ = chars[0]  # the glyph before
    for c in chars[1:]:
        _, x0, x1, _, size, _ = c
        gap = px0 - x1 if rtl else x0 - px1
        if gap > SPLIT_GAP * (size if size > psize else psize):
            parts.append([c])
        else:
            parts[-1].append(c)
        px0, px1, psize = x0, x1, size
    return [(part, None) for part in parts]


def _split_ltr(chars: list[_Char], size: float | None = None) -> list[tuple[list[_Char], list[int]]]:
    """_split of glyphs read left to right, with the word spaces of each part: one pass over the glyphs for both
    (a page has thousands). `size`: the size of every glyph, spaces too (most lines), or None.

    A line's glyphs nearly always come from PDFium left to right already: the pass reads them as they come and
    finds out on the way (a glyph left of the one before); only a line that does not come in order is sorted
    (a stable sort by x0: the order the pass read) and read again."""
    parts = (size is not None and _split_one_size(chars, size)) or _split_any_size(chars)
    if parts is None:
        chars = sorted(chars, key=_BY_X0)
        parts = (size is not None and _split_one_size(chars, size)) or _split_any_size(chars)
    return parts


def _split_any_size(chars: list[_Char]) -> list[tuple[list[_Char], list[int]]] | None:
    """_split_ltr glyph by glyph, each gap against the larger size of its two glyphs; None where a glyph lies left
    of the one before (the glyphs are not sorted by x0)."""
    parts, words, start, k = [], [], 0, 0
    px0 = -_INF
    px1 = psize = 0.0
    pspace = True  # the glyph before is a space, or there is none
    for _, x0, x1, _, size, space in chars:
        if x0 < px0:
            return None
        if k:
            em = size if size > psize else psize
            gap = x0 - px1
            if gap > SPLIT_GAP * em:
                parts.append((chars[start:k], words))
                words, start = [], k
            elif not (space or pspace) and gap > SPACE_GAP * em:
                words.append(k - start)
        px0, px1, psize, pspace = x0, x1, size, space
        k += 1
    parts.append((chars[start:] if start else chars, words))
    return parts


def _split_one_size(chars: list[_Char], size: float) -> list[tuple[list[_Char], list[int]]] | None:
    """_split_any_size of glyphs that all have this size (a number above 0), by _split_gaps; None where a glyph has
    another size (the line is no line of one size), or lies left of the one before (see _split_ltr)."""
    if list(map(_BY_SIZE, chars)).count(size) != len(chars):
        return None
    n = len(chars)
    parts = _split_gaps(list(map(_BY_CH, chars)), list(map(_BY_X0, chars)), list(map(_BY_X1, chars)), 0, n, size)
    return None if parts is None else [(chars if b - a == n else chars[a:b], words) for a, b, words in parts]


_INF = float("inf")


def _make_line(base: list[_Char], sup: list[_Char], scripts_rtl: bool, words: list[int] | None = None,
               line_size: float | None = None) -> _Line:
    """`words`: the glyphs a word space goes before, where _split found them already (its parts come sorted
    left to right). `line_size`: the line's size (_size) where the caller knows it already."""
    given = words is not None
    if words is None:
        rtl = scripts_rtl and _rtl(base)
        # the glyphs a word space goes before: neither they nor the glyph before are spaces, and the gap is wide
        words = []
        prev, k = None, 0
        for c in base:
            if prev is not None and not c[SPACE] and not prev[SPACE]:
                gap = prev[X0] - c[X1] if rtl else c[X0] - prev[X1]
                if gap > SPACE_GAP * (c[SIZE] if c[SIZE] > prev[SIZE] else prev[SIZE]):
                    words.append(k)
            prev = c
            k += 1
    glyphs = "".join(map(_BY_CH, base))  # one character a glyph
    text = " ".join([glyphs[a:b] for a, b in zip([0, *words], [*words, len(base)], strict=True)]) if words else glyphs
    if not text or text.isspace():
        x0 = base[0][X0]
    elif given:  # sorted by x0 (_split_ltr's parts): the leftmost is the first glyph that is no space
        x0 = base[0][X0] if not base[0][SPACE] else next(c[X0] for c in base if not c[SPACE])
    else:
        x0 = min([c[X0] for c in base if not c[SPACE]])
    return _Line(text.rstrip(), x0, base[0][Y], _size(base) if line_size is None else line_size,
                 _raised_runs(base, sup, words, len(text)) if sup else [])


def _raised_runs(base: list[_Char], sup: list[_Char], words: list[int], end: int) -> list[tuple[int, str]]:
    """A line's raised runs (its superscripts), each (offset in its text, the run's text): glyphs close enough
    together at one place are one run. `words`: where the line's word spaces go; `end`: its text's length."""
    starts = [k + bisect_left(words, k) for k in range(len(base))]  # where a glyph (its space) starts in the text
    sups: list[tuple[int, str]] = []
    last_x = None
    for ch, x0, _, _, size, _ in sorted(sup, key=_BY_X0):
        pos = next((s for s, b in zip(starts, base, strict=True) if b[X0] >= x0), end)
        if sups and sups[-1][0] == pos and last_x is not None and x0 - last_x < 2 * size:
            sups[-1] = (pos, sups[-1][1] + ch)
        else:
            sups.append((pos, ch))
        last_x = x0
    return [(p, s) for p, s in sups if s.strip()]


# --- lines -> the parser's layout ------------------------------------------------------------


def _layout(pages: list[list[_Line]], heights: list[float]) -> list[Line]:
    lines = [ln for page in pages for ln in page if ln.text.strip() or ln.sups]
    body_size = _commonest([round(ln.size) for ln in lines])
    body = [ln for ln in lines if round(ln.size) == body_size]
    margin = _commonest([round(ln.x0) for ln in body])
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
            if len(stripped) >= 5 and not stripped.strip("_\u2014\u2015\u2500"):  # rules alone: no set a line
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
