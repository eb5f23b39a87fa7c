"""The terminal's layout, for every terminal view: the console (theme, colour, width), wrapping that
counts wide characters as two cells and breaks between the document's own words, and truncation that
cuts an excerpt only between tokens. The width a view is drawn at is decided here (`view_width`);
the views read it from rich at render time (`options.max_width`), never as an argument."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from rich.theme import Theme

from ...lang import NO_LINE_END, NO_LINE_START, QUOTED_TITLE
from ...model import DELETE, EQUAL, INSERT, Change, Document
from ...normalize import is_wide, strip_controls
from ..common import fold_ops

THEME = Theme({
    "resdiff.delete": "red strike",
    "resdiff.insert": "green underline",
    "resdiff.editorial.delete": "dim red strike",  # an editorial correction: dimmed
    "resdiff.editorial.insert": "dim green underline",
    "resdiff.id": "bold cyan",
    "resdiff.kind.modified": "yellow",
    "resdiff.kind.inserted": "green",
    "resdiff.kind.deleted": "red",
    "resdiff.kind.unchanged": "dim",
    "resdiff.moved": "magenta",
    "resdiff.dim": "dim",
    "resdiff.title": "bold",
    "resdiff.footnote": "cyan",
})


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 here, which means "differences" to CI: let the command line say what happened."""
        self.quiet = True
        raise BrokenPipeError(32, "Broken pipe")


def make_console(file=None, *, width: int | None = None, color: bool | None = None) -> Console:
    """A console for our views; color None means: decide from the terminal and NO_COLOR."""
    kw: dict = {"theme": THEME, "file": file, "width": width, "highlight": False, "emoji": False,
                "soft_wrap": False}
    if color is False:
        kw.update(color_system=None, no_color=True)
    elif color is True:  # --color always wins over NO_COLOR, as the flag is the later, explicit word
        kw.update(color_system="truecolor", force_terminal=True, no_color=False)
    return _Console(**kw)


FILE_WIDTH = 100  # a terminal view written to a file (-o) without --width
UNWRAPPED = 100_000  # a report (check, carry) in a file or a pipe: one finding a line, never wrapped


def view_width(width: int | None, *, file: bool = False, tty: bool = True, report: bool = False) -> int | None:
    """The width a terminal view is drawn at, the one place it is decided: --width when given; for a
    report written to a file or a pipe, no wrapping; for a file, FILE_WIDTH; on a terminal, None (rich
    asks the terminal)."""
    if width is not None:
        return width
    if report and (file or not tty):
        return UNWRAPPED
    return FILE_WIDTH if file else None


def document_label(doc: Document) -> Text:
    """A document on one line: symbol, language and adoption date, file."""
    m = doc.metadata
    t = Text(m.symbol or "(no symbol)", style="resdiff.title")
    bits = [b for b in (m.language, f"adopted {m.adopted}" if m.adopted else None) if b]
    t.append(f" ({', '.join(bits)})" if bits else "")
    t.append(f"  {strip_controls(doc.source)}", style="resdiff.dim")
    return t


_NO_LINE_START = set(NO_LINE_START)
_NO_LINE_END = set(NO_LINE_END)


def break_points(plain: str) -> list[bool]:
    """ok[i]: a line may break before plain[i]. Between Chinese words of the document's tokenizer
    (never before closing or after opening punctuation), after spaces, never inside a Latin word,
    a number or a symbol."""
    ok = [False] * (len(plain) + 1)
    words = set(cut_points(plain, 0, len(plain))) if any(is_wide(ch) for ch in plain) else set()
    for i in range(1, len(plain)):
        a, b = plain[i - 1], plain[i]
        if b in _NO_LINE_START or a in _NO_LINE_END:
            continue
        if a.isspace() and not b.isspace():
            ok[i] = True
        elif (is_wide(a) or is_wide(b)) and not a.isspace() and not b.isspace() and i in words:
            ok[i] = True
    return ok


def wrap_lines(text: Text, width: int) -> list[Text]:
    """Greedy wrap in display cells, wide characters counted as two. The lines are cut from the text
    in one pass at the end (rich's slice of a Text copies the whole of it: a slice a line made a
    paragraph of 20,000 lines quadratic)."""
    plain = text.plain
    ok = break_points(plain)
    ranges: list[tuple[int, int, bool]] = []  # (start, end, strip the end's spaces)
    start, used, last_ok = 0, 0, None
    i = 0
    while i < len(plain):
        ch = plain[i]
        if ch == "\n":
            ranges.append((start, i, False))
            start, used, last_ok = i + 1, 0, None
            i += 1
            continue
        w = cell_len(ch)
        if used + w > width and i > start:
            cut = last_ok if last_ok is not None and last_ok > start else i
            ranges.append((start, cut, True))
            start = cut
            while start < len(plain) and plain[start] == " ":
                start += 1
            used = cell_len(plain[start:i])
            last_ok = None
            i = max(i, start)
            continue
        if ok[i]:
            last_ok = i
        used += w
        i += 1
    ranges.append((start, len(plain), False))
    offsets = sorted({x for a, b, _ in ranges for x in (a, b)})
    pieces = text.divide(offsets)  # pieces[k + 1] runs from offsets[k] to offsets[k + 1]
    piece = {x: k + 1 for k, x in enumerate(offsets)}
    lines: list[Text] = []
    for a, b, strip in ranges:
        line = pieces[piece[a]] if b > a else text.blank_copy()
        if strip:
            line.rstrip()
        lines.append(line)
    return lines


class Wrapped:
    """Text wrapped for CJK and Latin alike, with an optional first-line label and hanging indent."""

    def __init__(self, text: Text, *, indent: int = 0, label: Text | None = None, hang: bool = False):
        self.text, self.indent, self.label, self.hang = text, indent, label, hang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(8, options.max_width - self.indent)
        for k, line in enumerate(wrap_lines(self.text, width)):
            head = Text(" " * self.indent if k or not self.hang else "")
            if k == 0 and self.label is not None:
                head = self.label.copy()
                head.pad_right(self.indent - head.cell_len)
            yield Text.assemble(head, line, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 8), options.max_width)


class SideBySide:
    """Old and new in two columns, wrapped for wide characters, aligned paragraph by paragraph."""

    def __init__(self, left: Text, right: Text):
        self.left, self.right = left, right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        col = max(8, (options.max_width - 3) // 2)
        lines_l = wrap_lines(self.left, col) if self.left.plain else []
        lines_r = wrap_lines(self.right, col) if self.right.plain else []
        for k in range(max(len(lines_l), len(lines_r), 1)):
            a = lines_l[k] if k < len(lines_l) else Text("")
            b = lines_r[k] if k < len(lines_r) else Text("")
            a = a.copy()
            a.pad_right(col - a.cell_len)
            yield Text.assemble(a, (" │ ", "resdiff.dim"), b, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 20), options.max_width)


# --- excerpts: cut only between tokens of the document's own tokenizer ------------------------

ELIDED = "elided"
_TITLE = re.compile(QUOTED_TITLE)


def cells(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


@lru_cache(maxsize=1024)
def _clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    from ...tokenize import clauses

    out, pos = [], 0
    for cl in clauses(text):
        out.append((pos, pos + len(cl)))
        pos += len(cl)
    return tuple(out)


@lru_cache(maxsize=4096)
def _clause_cuts(clause: str) -> frozenset[int]:
    from ...tokenize import tokens

    pts, pos = {0}, 0
    for t in tokens(clause):
        pos += len(t)
        pts.add(pos)
    for m in _TITLE.finditer(clause):  # never inside a quoted title (lang's QUOTED_TITLE)
        pts -= set(range(m.start() + 1, m.end()))
    return frozenset(pts)


def cut_points(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in [lo, hi] of `text` where an excerpt may be cut: token boundaries of the document's own
    tokenizer (jieba's words, whole numbers and symbols), outside titles, sorted."""
    out: set[int] = set()
    for a, b in _clause_spans(text):
        if b < lo or a > hi:
            continue
        out |= {a + p for p in _clause_cuts(text[a:b]) if lo <= a + p <= hi}
    return sorted(out)


def clause_starts(text: str) -> set[int]:
    return {a for a, _ in _clause_spans(text)}


def _keep_tail(text: str, lo: int, hi: int, room: int) -> int:
    """Where to start keeping text[lo:hi] so that its end shows: a whole short clause, else whole tokens."""
    pts = [p for p in cut_points(text, lo, hi) if p > lo] or [hi]
    starts = clause_starts(text)
    for p in pts:
        if p in starts and cells(text[p:hi]) <= 2 * room:
            return p
    for p in pts:
        if cells(text[p:hi].strip()) <= room:
            return p
    return hi


def _keep_head(text: str, lo: int, hi: int, room: int) -> int:
    """Where to stop keeping text[lo:hi] so that its start shows: to a clause end if short, else whole tokens."""
    pts = [p for p in cut_points(text, lo, hi) if p < hi] or [lo]
    starts = clause_starts(text)
    for p in reversed(pts):
        if p in starts and cells(text[lo:p]) <= 2 * room:
            return p
    for p in reversed(pts):
        if cells(text[lo:p].strip()) <= room:
            return p
    return lo


def excerpt_items(c: Change, around: int) -> list[tuple[str, str, int]]:
    """A modified paragraph reduced to its changes with about `around` cells of unchanged text on either
    side, cut only at token (or clause) boundaries; (ELIDED, "…", offset) stands for what was left out."""
    items = fold_ops(c.ops)
    text = c.new_text
    out: list[tuple[str, str, int]] = []
    last = len(items) - 1
    for k, (op, s, pos) in enumerate(items):
        if op != EQUAL:
            out.append((op, s, pos))
            continue
        end = pos + len(s)
        if last == 0:
            out.append((op, s, pos))
        elif k == 0:
            x = _keep_tail(text, pos, end, around) if cells(s) > around else pos
            if x > pos:
                out.append((ELIDED, "…", pos))
            if x < end:
                out.append((EQUAL, text[x:end], x))
        elif k == last:
            y = _keep_head(text, pos, end, around) if cells(s) > around else end
            if y > pos:
                out.append((EQUAL, text[pos:y], pos))
            if y < end:
                out.append((ELIDED, "…", y))
        elif cells(s) <= 2 * around + 6:
            out.append((op, s, pos))
        else:
            y = _keep_head(text, pos, end, around)
            x = max(y, _keep_tail(text, pos, end, around))
            if y > pos:
                out.append((EQUAL, text[pos:y], pos))
            out.append((ELIDED, "…", y))
            if x < end:
                out.append((EQUAL, text[x:end], x))
    return out


def fit_items(items, old_text: str, new_text: str, room: int, *, markers: bool) -> list[tuple[str, str, int]]:
    """The items that fit in `room` display cells; a piece that does not fit is cut at a token boundary
    and an elision follows (a change's markers stay whole: `{+…+}` is closed before the `…`)."""
    out: list[tuple[str, str, int]] = []
    used = 0
    for k, (op, s, pos) in enumerate(items):
        shown = s.replace("\n", " ¶ ")
        extra = 4 if markers and op in (DELETE, INSERT) else 0
        need = cells(shown) + extra + (2 if op == ELIDED else 0)
        if used + need + (0 if k == len(items) - 1 else 2) <= room:  # room kept for a closing " …"
            out.append((op, s, pos))
            used += need
            continue
        if op != ELIDED:
            text = old_text if op == DELETE else new_text
            budget = room - used - extra - 2
            cut = pos
            for p in cut_points(text, pos, pos + len(s)):
                if p > pos and cells(text[pos:p].replace("\n", " ¶ ")) <= budget:
                    cut = p
            if op == INSERT and out and out[-1][0] == DELETE and cut < pos + len(s):
                out.pop()  # a replacement is shown whole or not at all: [-108-] alone would mislead
                cut = pos
            if cut > pos:
                out.append((op, text[pos:cut], pos))
            while out and out[-1][0] == EQUAL and not out[-1][1].strip():
                out.pop()
            if out and out[-1][0] == ELIDED:
                break
            out.append((ELIDED, "…", cut))
        elif not out or out[-1][0] != ELIDED:
            out.append((op, s, pos))
        break
    return out
