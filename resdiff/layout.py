"""Text layouts told apart and brought to the one the parser reads.

The parser reads the layout of a PDF text extractor that keeps indentation (the bundled Chinese
75/62): a paragraph starts on an indented line, the footnote block of a page follows a separator
line, page furniture stands on lines of its own. Text from anywhere else marks no paragraph by
indenting: pdfminer's text of an official PDF (boxes that split and merge paragraphs, scrambled
justified lines, running heads mid-paragraph), a viewer's or a library's hard-wrapped copy, web
text (a paragraph a line), typed or mailed text. `to_indented` finds where each paragraph starts
from what the text itself says (operative numbers, the words that open a preambular paragraph,
punctuation that closes one) and indents that line; nothing is dropped, nothing invented.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from operator import add

from . import lang as L
from .blocks import FOOTNOTE, FURNITURE, SEPARATOR, UNKNOWN, Line
from .markdown_reader import is_markdown, read_markdown

CONTENT, BLANK, ZONE = "content", "blank", "zone"  # kinds of a body row besides the roles of blocks

# --- page furniture: never content -------------------------------------------------
JOB = re.compile(rf"^{L.JOB_NUMBER}\s*(?:\(([A-Z])\))?(?:\s+\d+(?:/\d+)?)*$")
JOB_PAGE = re.compile(rf"^\d+/\d+\s+{L.JOB_NUMBER}(?:\s*\([A-Z]\))?$")
BARCODE = re.compile(r"^\*\d{5,}\*$")
URL = re.compile(r"^(?:https?://|www\.)\S+$")
SEPARATOR_RULE = re.compile(r"^[_\u2014\u2015\u2500-]{5,}$")
_RULE_FIRST = "_\u2014\u2015\u2500-"  # what a rule opens with: most lines are told from one without the pattern
PAGE_NO = re.compile(rf"^(?:\d{{1,3}}/\d{{1,3}}|-\s*\d{{1,3}}\s*-|{L.PAGE}|/\.\.\.|/…)$", re.IGNORECASE)
# A line that is only a document symbol: the running head of every page after the first.
SYMBOL_LINE = re.compile(rf"^{L.UN_SYMBOL}$")
# The note on a draft's list of sponsors ("* Any changes to the list of sponsors …"): not a footnote.
SPONSOR_NOTE = re.compile(r"^\*\s+\S")

OP_NUMBER = re.compile(rf"^(\d{{1,5}})\s*(?:[{L.NUMBER_POINTS}]|\s[-–](?=\s))\s*")  # "1. " and, in Arabic, "1 - "
_OP_ALONE = re.compile(rf"^\d{{1,5}}\s*[{L.NUMBER_POINTS}]$")
SUB_LETTER = re.compile(rf"^[{L.ROUND_OPENERS}]([a-z]{{1,2}}|[ivx]{{1,5}})[{L.ROUND_CLOSERS}]\s*")
# A paragraph ends with a comma, semicolon, colon or full stop, perhaps followed by a closing quote
# and a footnote marker ("Development,2", "Bodies, 5", "Questions, 2/").
PARAGRAPH_END = L.lazy_pattern(rf"[{L.CLAUSE_ENDS}][\"”’»)]?\s*(?:\d{{1,3}}/?|[¹²³⁰-⁹]+)?\s*$")
_TAG = re.compile(r"</?[ib]>")


# a Chinese text: a character in the span of the ideographs (HAN_SPAN), looked for in its UTF-8 (a class of
# the span's 27,000 characters costs 4 ms to compile)
_HAN_UTF8 = L.utf8_span(L.HAN_SPAN[0], L.HAN_SPAN[-1])


def _has_han(text: str) -> bool:
    return _HAN_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


# A line made of furniture alone, several pieces run together by an extractor: "18-17962 (E) 021118
# *1817962*", "18-17962 2/5", "*2321227*A/C.3/78/L.41", "8/9 23-21227"
_PIECE = (rf"(?:{L.JOB_NUMBER}|\([A-Z]\)|\d{{6}}|\*\d{{5,}}\*|\d{{1,3}}/\d{{1,3}}|{L.UN_SYMBOL}|"
          rf"{L.PAGE}|/\.\.\.|/…)")
# (pieces each after optional spaces, the first at the line's start: the pieces written once, which halves
# what the pattern costs to compile; no piece opens with a space)
_FURNITURE_RUN = L.lazy_pattern(rf"^(?!\s)(?:\s*(?:{_PIECE}))+$", re.IGNORECASE)
_PRINT_DATE = re.compile(r"^\d{6}$")  # the print date beside the job number: 021118


# What a line of furniture can open with: a digit (\d: any decimal digit), a barcode's star, a page number's
# dash or slash ("- 2 -", "/..."), a series letter's bracket "(C)", or a letter: of a link (http, www), of a
# page word ("Page 2", "Página 2"), of a symbol's organ (A/, S/, E/). The letters are taken from the
# tables the furniture patterns are built from, and matched as those patterns match them (in any case,
# the long s taken for an s), so that a page word or organ added there is looked for here too. Most lines
# of a text open with none of them: they are told apart without a pattern.
_FURNITURE_MARKS = frozenset("*-/(")
_FURNITURE_LETTER = re.compile(
    "[" + re.escape("hw" + L.ORGAN_LETTERS + "".join(w[0] for w in L.PAGE_WORD.values())) + "]", re.IGNORECASE)
_first_may_be_furniture: dict[str, bool] = {}  # by first character: a handful of them in any text


def may_open_furniture(head: str) -> bool:
    """Whether a line opening with the character `head` may be plain furniture (is_plain_furniture is
    False for any other)."""
    known = _first_may_be_furniture.get(head)
    if known is None:
        known = _first_may_be_furniture[head] = (head in _FURNITURE_MARKS or head.isdecimal()
                                                 or _FURNITURE_LETTER.match(head) is not None)
    return known


def is_plain_furniture(s: str) -> bool:
    """Job numbers, barcodes, link targets, page numbers, '/...', a running head that is a symbol, and
    several of them on one line; never a line with words of the text."""
    known = _first_may_be_furniture.get(s[:1])  # (the first character's answer read here: a call less a line)
    if known is None:
        known = may_open_furniture(s[:1])
    return known and _plain_furniture(s)


@lru_cache(maxsize=8192)  # the readers and the parser ask of each line several times; page furniture recurs
def _plain_furniture(s: str) -> bool:
    if (JOB.match(s) or JOB_PAGE.match(s) or BARCODE.match(s) or URL.match(s) or PAGE_NO.match(s)
            or SYMBOL_LINE.match(s) or _PRINT_DATE.match(s)):
        return True
    # the anchored match fails at a line's first word; the search would scan the whole line
    return bool(_FURNITURE_RUN.match(s) and _JOB_OR_BARCODE.search(s))


# what makes a run furniture rather than text: a job number, a barcode or a document symbol with its
# series letter (a page fraction "2/5" beside it); short symbols alone ("70/1 71/2") are cited text
_JOB_OR_BARCODE = L.lazy_pattern(rf"{L.JOB_NUMBER}|\*\d{{5,}}\*|{L.UN_SYMBOL}")


def is_indented(lines: list[str], first: int, stripped: list[str] | None = None,
                furniture: list[bool] | None = None) -> bool:
    """True for the extractor layout that indents each paragraph's first line against the others (two
    such lines at least from `first`, the line after the opening 'The General Assembly,'); the margin
    itself may be indented (pdftotext -layout). `stripped` and `furniture`, where the caller has them: each
    line stripped, and whether it is plain furniture (read_text asks that of every line once)."""
    if stripped is None:
        stripped = [s.strip() for s in lines]
    if furniture is None:
        furniture = [bool(t) and is_plain_furniture(t) for t in stripped]
    indents = [len(s) - len(s.lstrip()) for s, t, f in zip(lines[first:], stripped[first:], furniture[first:],
                                                              strict=True) if t and not f]
    margin = _margin(indents)
    return sum(1 for n in indents if n > margin) >= 2


def _margin(indents: list[int]) -> int:
    """The indentation most lines of the body have (their indentations given): the left margin."""
    counts = Counter(indents)
    if not counts or 0 in counts or len(counts) == 1:
        return 0  # continuation lines at the left edge (or none at all): any indented line opens a paragraph
    total = sum(counts.values())  # every line indented (pdftotext -layout): the margin is the usual indent
    return min((k for k, c in counts.items() if c >= 0.15 * total), default=0)


def read_text(text: str, *, markdown: bool | None = None) -> list[Line]:
    """The typed lines of a text, whatever wrote it (see the module's docstring); blank lines left out.
    Form feeds (pdftotext's page breaks) bound the footnote blocks."""
    if is_markdown(text) if markdown is None else markdown:
        return mend_page_breaks([Line(x.text, x.line, x.page, role=FURNITURE)
                                 if x.role == UNKNOWN and (is_plain_furniture(x.text) or SPONSOR_NOTE.match(x.text))
                                 else x
                                 for x in read_markdown(text)])
    rows: list[tuple[int, str, int]] = []
    page = 1
    lines = text.split("\n")
    if "\f" in text:
        for n, raw in enumerate(lines, 1):
            if "\f" in raw:
                page += raw.count("\f")
                raw = raw.replace("\f", "")
            rows.append((n, raw, page))
        lines = [raw for _, raw, _ in rows]
    else:
        rows = list(zip(range(1, len(lines) + 1), lines, [page] * len(lines), strict=True))
    # each line stripped, and whether it is furniture, once: the passes below all ask
    stripped = list(map(str.strip, lines))
    opening = next((k for k, s in enumerate(stripped) if L.OPENING.match(s)), None)
    start = 0 if opening is None else opening + 1
    out = [x for n, raw, _ in rows[:start] for x in _head_lines(n, raw)]
    body_rows = rows[start:]
    body_stripped = stripped[start:]
    furniture = [bool(s) and is_plain_furniture(s) for s in stripped]
    kinds, notes = footnote_zones(body_rows, paged=page > 1, stripped=body_stripped, furniture=furniture[start:])
    if is_indented(lines, 1 if opening is None else start, stripped, furniture):
        # (the raw line of a row read only where its text is given: that of a content row, the text's own)
        content = _indent_by_margin(lines[start:], body_rows, [s if kind == CONTENT else "" for s, kind in zip(
            body_stripped, kinds, strict=True)])
    else:
        body = [raw if kind == CONTENT else "" for (_, raw, _), kind in zip(body_rows, kinds, strict=True)]
        if not _has_han(text):
            body = _mend_words(body, text)
        every = [raw for _, raw, _ in body_rows]
        content = _indent_blocks(body) if _blocks_are_paragraphs(every) else _indent_by_grammar(body)
    # content in its mended order, at the places where content stood; the rest where it stands
    pending = iter(content)
    for k in _rows_with_text(body_stripped):  # (a row's number read only where a line is made of it)
        kind = kinds[k]
        if kind == CONTENT:
            entry = next(pending, None)
            if entry is not None:
                c, s = entry
                out.append(Line(s.strip(), body_rows[c][0], None, s[:1].isspace()))
        elif kind in (FURNITURE, SEPARATOR):
            out.append(Line(stripped[start + k], body_rows[k][0], role=kind))
        elif kind != BLANK and k in notes:  # (notes are read from footnote blocks only)
            out.append(notes[k])
    out += [Line(s.strip(), body_rows[c][0], starts=s[:1].isspace()) for c, s in pending]
    return out


def _indent_by_margin(body: list[str], body_rows: list[tuple[int, str, int]],
                      stripped: list[str]) -> list[tuple[int, str]]:
    """The content lines of an indented layout, each paragraph's first indented by one space: a line set
    in from the margin of its page (pdftotext -layout sets each page's text against its own), or numbered
    (an operative number or a sub-paragraph's letter opens a paragraph however it is indented: a page of
    one-line paragraphs has no continuation line to set its margin by). `stripped`: each of `body` stripped."""
    pages: dict[int, list[int]] = {}
    kept = []  # each line with text: its row, its text stripped, its indentation and its page
    page, indents = None, []  # the page of the line before, and its page's indentations
    for k, s in enumerate(stripped):  # (a blank line, half the lines of some extractors' text, read no further)
        if s:
            raw, p = body[k], body_rows[k][2]
            indent = len(raw) - len(raw.lstrip())
            if p != page:
                page, indents = p, pages.setdefault(p, [])
            indents.append(indent)
            kept.append((k, s, indent, p))
    margins = {pg: _margin(indents) for pg, indents in pages.items()}
    content = []
    for k, s, indent, p in kept:
        if indent > margins[p] or may_be_numbered(s) and (OP_NUMBER.match(s) or SUB_LETTER.match(s)):
            s = " " + s
        content.append((k, s))
    return content


def may_be_numbered(s: str) -> bool:
    """False for a line neither OP_NUMBER nor SUB_LETTER can match: one that opens with neither a decimal
    digit (str.isdecimal: what their digit class matches) nor a round opener (most lines: two patterns spared)."""
    head = s[:1]
    return head.isdecimal() or head in L.ROUND_OPENERS  # (an empty line, "" in any text, left to the patterns)


def mend_page_breaks(lines: list[Line]) -> list[Line]:
    """A block that opens in lower case after page furniture or footnotes, where the text before did
    not end a paragraph, carries that paragraph on across the page: it opens none."""
    out: list[Line] = []
    last: Line | None = None  # the last line of text
    broken = False  # furniture or footnotes since
    for x in lines:
        if x.role != UNKNOWN:
            broken = broken or last is not None
        elif x.starts and broken and last is not None and not PARAGRAPH_END.search(last.text) and \
                _carries_on(x.text):
            x = Line(x.text, x.line, x.page, starts=False)
        if x.role == UNKNOWN:
            last, broken = x, False
        out.append(x)
    return out


def _carries_on(s: str) -> bool:
    head = s[:1]
    return head.islower() or (head and L.is_ideograph(head))


# --- footnote blocks: one recogniser for every text ---------------------------------------------

_NOTE_START = re.compile(r"^(\d{1,3})(/?)(?:\s+(\S.*))?$")  # "1 text", "1/ text", and a marker alone
_SENTENCE_END = L.lazy_pattern(rf"[{L.FULL_STOPS}]\W{{0,2}}$")


class _Zone:
    """A footnote block being read, on a text without page breaks: what decides whether the next row is
    still part of it, kept as it grows (the block is never rescanned)."""

    def __init__(self, page: int, carried_open: bool):
        self.rows: list[int] = []
        self.page = page
        self.carried_open = carried_open  # the last footnote before the rule did not end: it may run on here
        self.highest = 0  # the highest marker read
        self.alone = self.unmarked = 0  # markers on lines of their own; lines with no marker
        self.has_text = False
        self.last = ""

    def add(self, k: int, s: str) -> None:
        m = _NOTE_START.match(s)
        if m:
            self.highest = max(self.highest, int(m.group(1)))
            self.alone += not m.group(3)
        else:
            self.unmarked += 1
        self.has_text = self.has_text or not m or bool(m.group(3))
        self.rows.append(k)
        self.last = s

    def takes(self, raw: str) -> bool:
        """A footnote's first line or marker, a line that carries on a footnote left open (never an
        indented one, which opens a paragraph), or a text for a marker that stood alone. Right after the
        rule, a line with no marker only where the footnote before the rule was left open."""
        s = raw.strip()
        m = _NOTE_START.match(s)
        if m and (not self.highest or 0 < int(m.group(1)) - self.highest <= (1 if m.group(3) else 20)):
            return True
        if not self.rows:
            return self.carried_open and not raw[:1].isspace()
        if self.alone > self.unmarked:
            return True
        return not _SENTENCE_END.search(self.last) and not raw[:1].isspace() and \
            not (s[:1].isupper() and L.opens_preamble(s))


def _rows_with_text(stripped: list[str]) -> Iterable[int]:
    """The index of each row with text (its text stripped given), the others left out in C: a blank row, half
    the rows of some extractors' text, makes no line and changes nothing the passes over rows keep."""
    return compress(range(len(stripped)), stripped)


def footnote_zones(rows: list[tuple[int, str, int]], *, paged: bool, stripped: list[str] | None = None,
                   furniture: list[bool] | None = None) -> tuple[list[str], dict[int, Line]]:
    """Each body row's kind (BLANK, CONTENT, FURNITURE, SEPARATOR or ZONE, a row of a footnote block),
    and the footnote lines read from the zones, by row. A block opens at the rule above it and ends with
    its page: at a form feed where the text has them, else at the page foot (furniture after its text),
    or at a line that can be no part of it (after a footnote that ended, a line that is no footnote).
    `stripped` and `furniture`, where the caller has them: each row's text stripped, and whether it is plain
    furniture."""
    if stripped is None:
        stripped = [raw.strip() for _, raw, _ in rows]
    if len(stripped) != len(rows):
        raise ValueError("a stripped text for each row")
    kinds: list[str] = [BLANK] * len(rows)
    zones: list[list[int]] = []
    zone: _Zone | None = None
    last_note = ""  # the last line read into a block: is the footnote it belongs to left open?
    for k in _rows_with_text(stripped):  # (a row's page and raw line read only where a block may be read)
        s = stripped[k]
        if not s:  # (a blank row, which changes nothing below: _rows_with_text leaves them out)
            kinds[k] = BLANK
            continue
        if zone is not None and paged and rows[k][2] != zone.page:
            zone = None
        if s[0] in _RULE_FIRST and SEPARATOR_RULE.match(s):
            kinds[k] = SEPARATOR
            zone = _Zone(rows[k][2], bool(last_note) and not _SENTENCE_END.search(last_note))
            zones.append(zone.rows)
            continue
        if (is_plain_furniture(s) if furniture is None else furniture[k]) or (s[0] == "*" and SPONSOR_NOTE.match(s)):
            kinds[k] = FURNITURE
            if zone is not None and not paged and zone.has_text:
                zone = None
            continue
        if zone is not None and (paged or zone.takes(rows[k][1])):
            kinds[k] = ZONE
            zone.add(k, s)
            last_note = s
            continue
        zone = None
        kinds[k] = CONTENT
    notes: dict[int, Line] = {}
    expected: int | None = None
    for z in zones:
        expected = _read_zone(rows, z, expected, notes)
    return kinds, notes


def _read_zone(rows: list[tuple[int, str, int]], zone: list[int], expected: int | None,
               notes: dict[int, Line]) -> int | None:
    """The footnotes of one block. A footnote opens with its marker ("1 See …", "1/ A/48/803."), or its
    marker stands on a line of its own, before, after or among the texts (pdftotext, PyMuPDF): then
    the texts, one a sentence, take the markers in order; a text before them all carries on the last
    footnote of the page before."""
    units: list[list] = []  # [marker or None, rows]
    alone: list[tuple[str, int]] = []
    lone = [k for k in zone if (m := _NOTE_START.match(rows[k][1].strip())) and not m.group(3) and
            (expected is None or expected <= int(m.group(1)) < expected + 20)]
    for k in zone:
        s = rows[k][1].strip()
        m = _NOTE_START.match(s)
        number = int(m.group(1)) if m else -1
        if k in lone:
            alone.append((m.group(1) + m.group(2), k))
        elif m and m.group(3) and (expected is None or number == expected or (not units and expected <= number)):
            units.append([m.group(1) + m.group(2), [k]])
            expected = number + 1
        elif units and (not lone or not _SENTENCE_END.search(rows[units[-1][1][-1]][1].strip())):
            units[-1][1].append(k)
        else:
            units.append([None, [k]])
    if alone:
        alone.sort(key=lambda x: int(x[0].rstrip("/")))
        free = [u for u in units if u[0] is None]
        if free and units[0] is free[0] and len(free) > len(alone):
            free = free[1:]  # the first carries on the page before
        for u, (marker, _) in zip(free, alone, strict=False):
            u[0] = marker
        for marker, k in alone[len(free):]:
            units.append([marker, []])  # a marker whose text is not there
            notes[k] = Line("", rows[k][0], role=FOOTNOTE, starts=True, marker=marker)
        for _marker, k in alone[: len(free)]:
            notes[k] = Line(rows[k][1].strip(), rows[k][0], role=FURNITURE)
        expected = int(alone[-1][0].rstrip("/")) + 1 if expected is None else max(
            expected, int(alone[-1][0].rstrip("/")) + 1)
    for marker, ks in units:
        for j, k in enumerate(ks):
            s = rows[k][1].strip()
            if j == 0 and marker is not None and (m := _NOTE_START.match(s)) and m.group(3) and \
                    m.group(1) + m.group(2) == marker:
                s = m.group(3)
            if j == 0 and marker is not None:
                notes[k] = Line(s, rows[k][0], role=FOOTNOTE, starts=True, marker=marker)
            else:
                notes[k] = Line(s, rows[k][0], role=FOOTNOTE)
    return expected


_COLUMN_GAP = L.lazy_pattern(r"\s{3,}")  # between two columns set side by side


def _head_lines(n: int, raw: str) -> list[Line]:
    """A masthead line; two columns set side by side (pdftotext -layout) are two lines."""
    s = raw.strip()
    # a printable line holds no white space but the space: without two spaces together, one column
    columns = _COLUMN_GAP.split(s) if "  " in s or not s.isprintable() else [s]
    parts = [p.strip() for p in columns if p.strip()]
    if len(parts) > 1 and (L.OPENING.match(s) or is_plain_furniture(s)):
        parts = [s]
    return [Line(p, n, role=FURNITURE if is_plain_furniture(p) else UNKNOWN) for p in parts if p]


# --- pdfminer artefacts in Latin script ------------------------------------------------------

_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_]) -(?=[^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD_SPLIT = re.compile(r"([^\W\d_]+)")
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")


def _mend_words(body: list[str], text: str) -> list[str]:
    """Undo what justification does to extracted Latin text: runs of spaces, 'seventy -fifth', a
    hyphen spaced off at a line end ('post -'), and a word split by a space ('Confere nce') where the
    document writes the whole word elsewhere and one of the halves is no word of it."""
    words = Counter(_LETTERS.findall(text))
    known = words.keys()
    # the words of one letter that may be joined: 'a', 'A' and 'I' never are (see _letter_alone; 'A' opens
    # in upper case), and most lines that hold a letter alone hold one of these
    lone = {w for w in known if len(w) == 1} - {"a", "A", "I"}
    language: list[str | None] = []  # told only for a letter alone that would be joined (it costs milliseconds)

    def english() -> bool:
        if not language:
            language.append(L.detect_language(text))
        return language[0] == "en"

    def no_word(a: str, b: str) -> bool:  # every occurrence of `a` is this split one
        return words[a] <= _count_split(a, b, text)

    def mend(line: str) -> str:
        parts = _WORD_SPLIT.split(line)  # words at odd indices
        firsts = parts[1::2]
        if known.isdisjoint(map(add, firsts, parts[3::2])) and lone.isdisjoint(firsts):
            return line  # no two neighbours make a word, no letter alone that may be joined (most lines)
        if not any(gap == " " and not b[0].isupper() and (
                words.get(a + b) or ((len(a) == 1 or len(b) == 1) and _letter_alone(a, b)))
                for a, gap, b in zip(parts[1::2], parts[2::2], parts[3::2], strict=False)):
            return line  # no pair of words that could be one (most lines): the test below, in one sweep
        k = 1
        while k + 2 < len(parts):
            a, gap, b = parts[k], parts[k + 1], parts[k + 2]
            if gap == " " and not b[0].isupper() and (
                    (words.get(a + b) and (no_word(a, b) or no_word(b, a)))
                    or ((len(a) == 1 or len(b) == 1) and _letter_alone(a, b)
                        and (no_word(a, b) if len(b) == 1 else no_word(b, a)) and english())):
                parts[k : k + 3] = [a + b]
                continue
            k += 2
        return "".join(parts)

    out = []
    for raw in body:
        s = raw.strip()
        if "  " in s:
            s = _SPACE_RUN.sub(" ", s)
        if " -" in s:
            s = _SPACED_HYPHEN.sub("-", s)
        if s.endswith(" -") and s[-3:-2].isalpha():
            s = s[:-2] + "-"
        out.append(mend(s))
    return out


def _count_split(a: str, b: str, text: str) -> int:
    r"""How often the text writes the word `a`, white space, then the word `b` (the matches, none
    overlapping, of the pattern (?<![^\W\d_])a\s+b(?![^\W\d_])), looked for where `a` stands: a pattern
    compiled for each pair and searched from every position cost a millisecond a pair."""
    if a != b and text.count(b) < text.count(a):
        return _count_split_back(a, b, text)
    n, at, end = 0, text.find(a), len(text)
    while at >= 0:
        j = at + len(a)
        if at == 0 or not _LETTER.match(text, at - 1):
            k = j
            while k < end and text[k].isspace():  # what \s matches
                k += 1
            if k > j and text.startswith(b, k) and not _LETTER.match(text, k + len(b)):
                n += 1
                at = text.find(a, k + len(b))
                continue
        at = text.find(a, at + 1)
    return n


def _count_split_back(a: str, b: str, text: str) -> int:
    """_count_split looked for where `b` stands, for a `b` rarer than `a` ('h umankind', 'for h'): the
    same count, as matches of two different words cannot overlap (the second would start inside `b`)."""
    n, at, size = 0, text.find(b), len(a)
    while at >= 0:
        end = at + len(b)
        if at > 0 and text[at - 1].isspace() and not _LETTER.match(text, end):
            k = at - 1
            while k > 0 and text[k - 1].isspace():
                k -= 1
            if k >= size and text.startswith(a, k - size) and (k == size or not _LETTER.match(text, k - size - 1)):
                n += 1
        at = text.find(b, end)
    return n


def _letter_alone(a: str, b: str) -> bool:
    """'peopl e', 'h umankind': in English no word is one letter but 'a' and 'I'."""
    return (len(b) == 1 and b not in "aI" and a.isalpha() and len(a) > 2) or \
        (len(a) == 1 and a not in "aAI" and a.islower() and len(b) > 2)


# --- where paragraphs start ------------------------------------------------------------------


def _blocks(body: list[str]) -> list[list[int]]:
    blocks: list[list[int]] = [[]]
    for k, s in enumerate(body):
        if s.strip():
            blocks[-1].append(k)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _blocks_are_paragraphs(body: list[str]) -> bool:
    """Web text, typed or mailed text: blank lines between paragraphs and nowhere else, and no page
    furniture (a PDF extractor's text has both furniture and blank lines inside paragraphs)."""
    blocks = _blocks(body)
    if len(blocks) < 2 or any(is_plain_furniture(s.strip()) for s in body):
        return False
    # headings (a short line of its own: an adopted text's title) and the closing end no paragraph
    blocks = [b for b in blocks if not (len(b) == 1 and len(body[b[0]].split()) <= 12 and
                                        not PARAGRAPH_END.search(body[b[0]])) and
              not L.MEETING_LINE.match(body[b[0]].strip())]
    ends = sum(bool(PARAGRAPH_END.search(_TAG.sub("", body[b[-1]]))) for b in blocks)
    return len(blocks) >= 2 and ends >= 0.9 * len(blocks)


def _indent_blocks(body: list[str]) -> list[tuple[int, str]]:
    out = []
    for b in _blocks(body):
        for k in b:
            s = body[k].strip()
            first = k == b[0] or OP_NUMBER.match(s) or SUB_LETTER.match(s)
            out.append((k, (" " + s) if first else s))
    return out


def _is_opener(s: str, op_seen: bool, prev_end: bool = True, wide: bool = False) -> bool:
    """An operative number, a lettered sub-paragraph, or a preambular opening after a paragraph's end
    (in Chinese, whose openers are not told by their form, any line after a paragraph's end)."""
    return bool(OP_NUMBER.match(s) or (op_seen and SUB_LETTER.match(s)) or L.opens_chapeau(s)
                or (not op_seen and prev_end and (wide or L.opens_preamble(s))))


def _short(s: str) -> bool:
    return len(s.split()) <= 4 and not PARAGRAPH_END.search(s)


def _indent_by_grammar(body: list[str]) -> list[tuple[int, str]]:
    """Hard-wrapped text (pdfminer's text of a PDF, a library export, a viewer's copy): a paragraph
    starts at an operative number, at a lettered sub-paragraph, or, before the operative part, at a
    line that opens with a preambular word ('Recalling', 'Deeply concerned', 'Teniendo presente')
    after a line that ends as a paragraph does. `body` holds the content lines only (furniture and
    footnotes blanked by the caller). The lines come back in reading order, each paragraph's first
    indented; "2." on a line of its own is joined to the line of its text."""
    content = [k for k, s in enumerate(body) if s.strip()]
    order, starts, joined_op = _paragraph_starts(body, content)
    out: list[tuple[int, str]] = []
    it = iter(order)
    for c in it:
        s = body[c].strip()
        if c in joined_op:
            out.append((c, f" {s} {body[next(it)].strip()}"))
        else:
            out.append((c, (" " + s) if c in starts else s))
    return out


def _paragraph_starts(body: list[str], content: list[int]) -> tuple[list[int], set[int], set[int]]:
    """The content lines in reading order, the ones that open a paragraph, and the operative numbers
    standing alone. pdfminer sometimes emits the words of one justified line as separate short boxes
    in another order ('the' / 'that' / 'Convinced'): the box that opens the paragraph is then moved
    before them."""
    order: list[int] = []
    starts: set[int] = set()
    joined_op: set[int] = set()  # "2." on its own line, joined to the line of its text
    prev_end, op_seen = True, False
    wide = _has_han("\n".join(body))  # one search, not one a line
    quotes = 0
    i = 0
    while i < len(content):
        k = content[i]
        s = body[k].strip()
        if _OP_ALONE.match(s) and i + 1 < len(content):
            # "2." on a line of its own: its text follows, perhaps after a scrambled fragment
            op_seen = True
            j = _scrambled_opener(body, content, i + 1, op_seen, capital_only=True)
            if j is not None:
                content.insert(i + 1, content.pop(j))
            starts.add(k)
            joined_op.add(k)
            order += [k, content[i + 1]]
            prev_end = bool(PARAGRAPH_END.search(body[content[i + 1]]))
            i += 2
            continue
        if (_is_opener(s, op_seen, prev_end, wide) and (quotes <= 0 or OP_NUMBER.match(s))) or not order:
            op_seen = op_seen or bool(OP_NUMBER.match(s))
            starts.add(k)
            quotes = 0
        elif prev_end and quotes <= 0:
            j = _scrambled_opener(body, content, i, op_seen)
            if j is not None:
                content.insert(i, content.pop(j))
                continue
        order.append(k)
        # a stray box of a scrambled line after a paragraph's end ("the 2030 Agenda") keeps it ended
        prev_end = bool(PARAGRAPH_END.search(s)) or (prev_end and _short(s) and _alone(body, k))
        quotes += s.count("“") - s.count("”")  # a quoted title may hold a comma and a capital word
        i += 1
    return order, starts, joined_op


def _scrambled_opener(body: list[str], content: list[int], i: int, op_seen: bool,
                      capital_only: bool = False) -> int | None:
    """Index in `content` of a line within the next few that opens a paragraph, where every line
    before it is a short fragment of its own (pdfminer's boxes of one justified line)."""
    for j in range(i, min(i + 7, len(content))):
        s = body[content[j]].strip()
        if j > i and capital_only and s[:1].isupper():
            return j
        if j > i and not capital_only and _is_opener(s, op_seen):
            return j if len(s.split()) <= 4 and _alone(body, content[j]) else None
        if not _short(s) and not (capital_only and j == i and s[:1].islower()):
            return None
        if not capital_only and not _alone(body, content[j]):
            return None
    return None


def _alone(body: list[str], k: int) -> bool:
    return (k == 0 or not body[k - 1].strip()) and (k + 1 >= len(body) or not body[k + 1].strip())
