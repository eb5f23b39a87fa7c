"""Terminal views built from rich renderables (never markup: drafts contain [brackets])."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text
from rich.theme import Theme

from ..model import DELETE, DELETED, EQUAL, INSERT, INSERTED, MODIFIED, Change, Document, DocumentDiff
from ..normalize import is_wide, strip_controls
from .common import (
    ELIDED,
    LEGEND_TEXT,
    collapsed,
    cut_points,
    display_ops,
    excerpt_items,
    fit_items,
    heading_bits,
    ids,
    legend_keys,
    shown,
    space_edges,
    totals,
)

THEME = Theme({
    "resdiff.delete": "red strike",
    "resdiff.insert": "green underline",
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


def _clean(text: str) -> str:
    return strip_controls(text)


_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)]}%")
_NO_LINE_END = set("（《「『“‘([{")


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
    """Greedy wrap in display cells, wide characters counted as two."""
    plain = text.plain
    ok = break_points(plain)
    lines: list[Text] = []
    start, used, last_ok = 0, 0, None
    i = 0
    while i < len(plain):
        ch = plain[i]
        if ch == "\n":
            lines.append(text[start:i])
            start, used, last_ok = i + 1, 0, None
            i += 1
            continue
        w = cell_len(ch)
        if used + w > width and i > start:
            cut = last_ok if last_ok is not None and last_ok > start else i
            line = text[start:cut]
            line.rstrip()
            lines.append(line)
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
    lines.append(text[start:])
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


def _mark(t: Text, op: str, s: str, markers: bool) -> None:
    if op == DELETE:
        t.append(f"[-{s}-]" if markers else s, style="resdiff.delete")
    elif op == INSERT:
        t.append(f"{{+{s}+}}" if markers else s, style="resdiff.insert")
    else:
        t.append(s)


def redline(ops, *, markers: bool, old_ids=(), new_ids=()) -> Text:
    """Deletions struck through, insertions underlined; with markers [-…-] {+…+} where colour is off.
    A paragraph break inserted by a split starts a line with `¶ PP6`; one deleted by a merge shows
    `¶ OP3` where the old paragraph began."""
    t = Text()
    breaks = {DELETE: iter(old_ids[1:]), INSERT: iter(new_ids[1:]), EQUAL: iter(())}
    for op, s in display_ops(ops):
        parts = _clean(s).split("\n")
        for k, part in enumerate(parts):
            if k:
                pid = next(breaks[op], "")
                if op == DELETE:
                    _mark(t, op, f"¶ {pid}".rstrip(), markers)
                    t.append(" ")
                else:
                    t.append("\n")
                    if op == INSERT:
                        _mark(t, op, f"¶ {pid}".rstrip(), markers)
                        t.append(" ")
            if part:
                _mark(t, op, part, markers)
    return t


def _ids(c: Change) -> Text:
    return Text(ids(c), style="resdiff.id")


def _heading(c: Change) -> Text:
    t = _ids(c)
    for bit in heading_bits(c):
        t.append("  ")
        if bit == c.kind or bit.startswith(c.kind + ","):
            t.append(bit, style="resdiff.dim" if c.routine else f"resdiff.kind.{c.kind}")
        else:
            t.append(bit, style="resdiff.moved" if bit == "moved" else "resdiff.dim")
    return t


def _body(c: Change, markers: bool) -> Text:
    if c.kind == MODIFIED:
        return redline(c.ops, markers=markers, old_ids=c.old, new_ids=c.new)
    if c.kind == INSERTED:
        return redline([(INSERT, c.new_text)], markers=markers)
    if c.kind == DELETED:
        return redline([(DELETE, c.old_text)], markers=markers)
    return Text(_clean(c.new_text), style="resdiff.dim")


def _side(doc: Document) -> Text:
    m = doc.metadata
    t = Text(m.symbol or "(no symbol)", style="resdiff.title")
    bits = [b for b in (m.language, f"adopted {m.adopted}" if m.adopted else None) if b]
    t.append(f" ({', '.join(bits)})" if bits else "")
    t.append(f"  {_clean(doc.source)}", style="resdiff.dim")
    return t


def legend(markers: bool, keys: list[str]) -> Text | None:
    """Only what the output contains; None where it shows no change at all."""
    if not keys:
        return None
    t = Text("legend:", style="resdiff.dim")
    for k, key in enumerate(keys):
        t.append("  " if k else " ")
        if key == "deleted":
            t.append("[-deleted-]" if markers else "deleted", style="resdiff.delete")
        elif key == "inserted":
            t.append("{+inserted+}" if markers else "inserted", style="resdiff.insert")
        elif key == "moved":
            t.append(LEGEND_TEXT[key], style="resdiff.moved")
        elif key.startswith("renumbered:"):
            t.append(f"{key.split(':', 1)[1]} = renumbered", style="resdiff.dim")
        else:
            t.append(LEGEND_TEXT[key], style="resdiff.dim")
    return t


def _collapsed(run: list[Change]) -> Text:
    return Text(collapsed(run), style="resdiff.dim")


def header(result: DocumentDiff, markers: bool, *, show_routine: bool = True) -> list[RenderableType]:
    """Metadata of both versions and the legend of what follows: on top of every view."""
    key = legend(markers, legend_keys(result, show_routine=show_routine))
    return [
        Wrapped(Text.assemble(("old  ", "resdiff.dim"), _side(result.old)), indent=5, hang=True),
        Wrapped(Text.assemble(("new  ", "resdiff.dim"), _side(result.new)), indent=5, hang=True),
        *([Wrapped(key, indent=8, hang=True)] if key is not None else []),
        Text(""),
    ]


def _routine_line(c: Change, markers: bool) -> Wrapped:
    """A routine update collapsed to one dimmed line (--show-routine shows it in full)."""
    t = excerpt(c, markers, 10_000, around=12)
    return Wrapped(t, indent=2, hang=True)


def _changes_view(result: DocumentDiff, body, *, markers: bool, context: int, show_routine: bool) -> Group:
    """The views' common frame: header, each shown change (routine ones collapsed), unchanged runs
    counted, footnotes, totals; `body(change)` draws one change."""
    parts = header(result, markers, show_routine=show_routine)
    for item in shown(result, context):
        if isinstance(item, list):
            parts.append(_collapsed(item))
        elif item.routine and not show_routine:
            parts += [_heading(item), _routine_line(item, markers), Text("")]
        else:
            parts += [_heading(item), body(item), Text("")]
    notes = [c for c in result.changes if c.is_footnote]
    if notes:
        parts += [Text(""), Text("Footnotes", style="resdiff.title")]
        for c in notes:
            parts += [_heading(c), body(c), Text("")]
    parts += [Text(""), summary_line(result)]
    return Group(*parts)


def diff_view(result: DocumentDiff, *, markers: bool, context: int = 0,
              show_routine: bool = False) -> RenderableType:
    """The inline redline: changed paragraphs in full, unchanged runs collapsed with a count."""
    return _changes_view(result, lambda c: Wrapped(_body(c, markers), indent=2), markers=markers,
                         context=context, show_routine=show_routine)


def _sides(c: Change, markers: bool) -> tuple[Text, Text]:
    if c.kind == MODIFIED:
        shown = display_ops(c.ops)
        left = redline([(op, t) for op, t in shown if op != INSERT], markers=markers, old_ids=c.old)
        right = redline([(op, t) for op, t in shown if op != DELETE], markers=markers, new_ids=c.new)
        return left, right
    if c.kind == INSERTED:
        return Text(""), redline([(INSERT, c.new_text)], markers=markers)
    if c.kind == DELETED:
        return redline([(DELETE, c.old_text)], markers=markers), Text("")
    return Text(_clean(c.old_text), style="resdiff.dim"), Text(_clean(c.new_text), style="resdiff.dim")


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


def side_by_side_view(result: DocumentDiff, *, markers: bool, context: int = 0,
                      show_routine: bool = False) -> RenderableType:
    """Two columns, old on the left, new on the right."""
    return _changes_view(result, lambda c: SideBySide(*_sides(c, markers)), markers=markers,
                         context=context, show_routine=show_routine)


def draw_items(items, markers: bool) -> Text:
    """Excerpt items as text: unchanged text dimmed, changes marked, `…` where text was left out."""
    ops = space_edges(items)
    t = Text()
    for k, (op, s) in enumerate(ops):
        s = _clean(s).replace("\n", " ¶ ")
        if op == ELIDED:
            t.append(("" if k == 0 else " ") + "…" + ("" if k == len(ops) - 1 else " "), style="resdiff.dim")
        elif op == EQUAL:
            if k > 0 and ops[k - 1][0] == ELIDED:
                s = s.lstrip()
            if k + 1 < len(ops) and ops[k + 1][0] == ELIDED:
                s = s.rstrip()
            t.append(s, style="resdiff.dim")
        else:
            _mark(t, op, s, markers)
    return t


def excerpt(c: Change, markers: bool, cells: int = 48, around: int = 0) -> Text:
    """A short line saying what changed: the changed pieces of a modified paragraph with about `around`
    cells of unchanged text on either side, at most `cells` wide; cut only between tokens."""
    if c.kind == MODIFIED:
        items = excerpt_items(c, around)
    elif c.kind == INSERTED:
        items = [(INSERT, c.new_text, 0)]
    elif c.kind == DELETED:
        items = [(DELETE, c.old_text, 0)]
    else:
        items = [(EQUAL, c.new_text, 0)]
    for room in (around, around // 2, 0):  # the changes first: less context where they would not fit
        if c.kind == MODIFIED:
            items = excerpt_items(c, room)
        fitted = fit_items(items, c.old_text, c.new_text, cells, markers=markers)
        if fitted == items:
            break
    return draw_items(fitted, markers)


class _Summary:
    """One row per changed paragraph, its excerpt as wide as the screen allows (never a trailing space)."""

    def __init__(self, result: DocumentDiff, markers: bool):
        self.result, self.markers = result, markers

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = []
        for c in self.result.changes:
            if not c.is_change:
                continue
            if c.routine and not c.moved:
                kind = Text("routine", style="resdiff.dim")
            else:
                kind = Text(c.kind, style=f"resdiff.kind.{c.kind}")
            if c.moved:
                kind.append(" moved", style="resdiff.moved")
            if len(c.old) != len(c.new) and c.old and c.new:
                kind.append(" split" if len(c.old) < len(c.new) else " merged", style="resdiff.dim")
            sim = f"{c.similarity:.2f}" if c.similarity is not None else ""
            rows.append((" + ".join(c.old) or "—", " + ".join(c.new) or "—", kind, sim, c))
        heads = ("old", "new", "change", "sim.")
        widths = [max([len(heads[i])] + [Text(r[i]).cell_len if isinstance(r[i], str) else r[i].cell_len
                                         for r in rows]) for i in range(4)]
        room = max(16, options.max_width - sum(widths) - 4 * 2)
        yield Text("  ".join(h.ljust(w) if i < 3 else h.rjust(w) for i, (h, w) in enumerate(zip(heads, widths,
                                                                                                strict=True)))
                   + "  what changed", style="resdiff.title")
        for old, new, kind, sim, c in rows:
            line = Text(old.ljust(widths[0]) + "  ", style="resdiff.id")
            line.append(new.ljust(widths[1]) + "  ", style="resdiff.id")
            kind = kind.copy()
            kind.pad_right(widths[2] - kind.cell_len)
            line.append_text(kind)
            line.append("  " + sim.rjust(widths[3]) + "  ")
            line.append_text(excerpt(c, self.markers, room, around=8))
            line.rstrip()
            yield Text.assemble(line, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 40), options.max_width)


def summary_view(result: DocumentDiff, *, markers: bool, width: int | None = None) -> RenderableType:
    """One row per changed paragraph: ids, kind, similarity, what changed; the renumbering; then totals."""
    from .common import renumbering

    parts: list[RenderableType] = [*header(result, markers)]
    if any(c.is_change for c in result.changes):
        parts.append(_Summary(result, markers))
    renum = [c for c in result.changes if c.renumbered and len(c.old) == len(c.new)]
    if renum:
        parts += [Text(""), Wrapped(Text("renumbered: " + ", ".join(renumbering(renum)), style="resdiff.dim"),
                                    indent=2)]
    return Group(*parts, Text(""), summary_line(result))


_TOTAL_STYLES = (("^[^:]*:", "resdiff.title"), (r"\d+ unchanged", "resdiff.dim"),
                 (r"\d+ modified", "resdiff.kind.modified"), (r"\d+ inserted", "resdiff.kind.inserted"),
                 (r"\d+ deleted", "resdiff.kind.deleted"), (r"\d+ moved", "resdiff.moved"),
                 (r"\d+ routine", "resdiff.dim"), (r"\d+ renumbered", "resdiff.dim"),
                 (r" \(of which .*\)", "resdiff.dim"))


def summary_line(result: DocumentDiff) -> Wrapped:
    """The totals sentence of every format (render.common.totals), coloured by kind."""
    t = Text(totals(result))
    for pattern, style in _TOTAL_STYLES:
        t.highlight_regex(pattern, style)
    return Wrapped(t, indent=2, hang=True)


def document_view(doc: Document) -> RenderableType:
    from rich.table import Table  # (rich.table only for the views that draw tables)

    m = doc.metadata
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="resdiff.dim")
    meta.add_column()
    rows = [("symbol", m.symbol), ("session", m.session), ("language", m.language), ("title", m.title),
            ("adopted", m.adopted), ("distributed", m.distributed), ("agenda item", m.agenda_item),
            ("report", m.report and f"{m.report}" + (f", para. {m.report_paragraph}" if m.report_paragraph
                                                      else "")),
            ("meeting", m.meeting), ("source", doc.source)]
    for k, v in rows:
        if v is not None:
            meta.add_row(k, Text(_clean(str(v))))
    parts: list[RenderableType] = [meta, Text("")]
    for p in doc.paragraphs:
        t = Text(_clean(p.text))
        for mk in p.footnotes:
            t.append(f" [{mk}]", style="resdiff.footnote")
        parts.append(Wrapped(t, indent=8, label=Text(p.id, style="resdiff.id")))
    if doc.footnotes:
        parts += [Text(""), Text("Footnotes", style="resdiff.title")]
        for f in doc.footnotes:
            label = Text(f.marker, style="resdiff.footnote")
            parts.append(Wrapped(Text(_clean(f.text)), indent=8, label=label))
    pp = sum(p.kind == "preambular" for p in doc.paragraphs)
    parts += [Text(""), Text(f"{pp} preambular, {len(doc.paragraphs) - pp} operative paragraphs, "
                             f"{len(doc.footnotes)} footnotes", style="resdiff.dim")]
    return Group(*parts)


# --- series and blame -----------------------------------------------------------------------

_STATE_STYLE = {"new": "resdiff.kind.inserted", "same": "resdiff.dim", "changed": "resdiff.kind.modified",
                "gone": "resdiff.kind.deleted"}


def series_view(series, *, markers: bool, steps: bool = False, show_routine: bool = False,
                width: int | None = None) -> RenderableType:
    """A timeline: one row per lineage, one column per version, then per-version totals. Where the
    words do not fit the width, the cells keep their symbol and colour only."""
    from rich.table import Table

    from .series_views import TOTAL_KEYS, cell, first_gone, legend_items, lineage_label, short, step_totals

    parts: list[RenderableType] = [Text(f"{len(series.versions)} versions of "
                                        f"{_clean(series.versions[-1].metadata.title or '?')}", style="resdiff.title")]
    for note in series.notes:
        parts.append(Wrapped(Text(f"note: {_clean(note)}", style="resdiff.dim"), indent=6, hang=True))
    key = Text("legend:", style="resdiff.dim")
    for word, state in legend_items(series):
        key.append("  " if key.plain != "legend:" else " ")
        key.append(word, style=_STATE_STYLE.get(state, "resdiff.dim"))
    parts += [Wrapped(key, indent=8, hang=True), Text("")]
    compact = width is not None and 16 + 12 * len(series.versions) > width
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="resdiff.title")
    table.add_column("paragraph", style="resdiff.id", no_wrap=True, min_width=12)
    for v in series.versions:
        table.add_column(Text(f"{short(v.metadata.symbol)}\n{(v.metadata.adopted or '')[:4]}"), no_wrap=True)
    for lin in series.lineages:
        cells = []
        for k, (s, r) in enumerate(zip(lin.states, lin.routine, strict=True)):
            style = "resdiff.dim" if (s == "changed" and r) or (s == "gone" and not first_gone(lin, k)) \
                else _STATE_STYLE.get(s or "", "")
            text = cell(s, r, first_gone(lin, k))
            cells.append(Text(text.split(" ")[0] if compact else text, style=style))
        table.add_row(lineage_label(lin), *cells)
    totals = step_totals(series)
    for word in TOTAL_KEYS:
        table.add_row(Text(word, style="resdiff.dim"), *[Text(str(t[word]), style="resdiff.dim") for t in totals])
    parts.append(table)
    if steps:
        for step in series.steps:
            parts += [Text(""), Text(f"── {step.old.metadata.symbol} → {step.new.metadata.symbol} ──",
                                     style="resdiff.title"),
                      diff_view(step, markers=markers, show_routine=show_routine)]
    return Group(*parts)


def blame_view(series, paragraphs) -> RenderableType:
    """The newest text, each clause behind the resolution whose wording it still carries."""
    from .series_views import short

    sym = [short(v.metadata.symbol) for v in series.versions]
    width = max(len(s) for s in sym) + 2
    parts: list[RenderableType] = [Text(f"{series.versions[-1].metadata.symbol}: each clause with the "
                                        "resolution whose wording it carries", style="resdiff.title"), Text("")]
    for p in paragraphs:
        head = Text(p.id, style="resdiff.id")
        head.append(f"  introduced {sym[p.introduced]}, last changed {sym[p.changed]}", style="resdiff.dim")
        if p.wording != p.changed:
            head.append(f" (routine; wording from {sym[p.wording]})", style="resdiff.dim")
        parts.append(head)
        for c in p.clauses:
            style = "resdiff.kind.inserted" if c.origin == len(sym) - 1 else "resdiff.dim"
            parts.append(Wrapped(Text(_clean(c.text)), indent=width + 2, label=Text(sym[c.origin], style=style)))
        parts.append(Text(""))
    return Group(*parts)


# --- translation checks ----------------------------------------------------------------------

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


_PAIRED = {"number": "paired by number (one text kept the gap where its paragraph is missing)",
           "alignment": "paired by length, punctuation and facts (the counts differ)",
           "unpaired": "no counterpart"}


def check_view(result, *, fail_on: str = "error") -> RenderableType:
    """Findings grouped by paragraph pair, then a verdict."""
    s, t = result.source, result.target
    parts: list[RenderableType] = [
        Text.assemble(("source  ", "resdiff.dim"), _side(s)),
        Text.assemble(("target  ", "resdiff.dim"), _side(t)),
        Text(""),
    ]
    uneven = result.uneven_pairs
    if uneven:  # the pairing, where it is not simply the n-th paragraph with the n-th
        parts.append(Text("pairing (where not one to one, in order)", style="resdiff.id"))
        for p in uneven:
            line = Text.assemble((f"{p.source or '—'} ↔ {p.target or '—'}", "resdiff.id"),
                                 (f"  {_PAIRED[p.how]}", "resdiff.dim"))
            parts.append(Wrapped(line, indent=2))
        parts.append(Text(""))
    groups: dict[str, list] = {}
    for f in result.findings:
        groups.setdefault(f"{f.source or '—'} ↔ {f.target or '—'}", []).append(f)
    for key, fs in groups.items():
        parts.append(Text(key, style="resdiff.id"))
        for f in fs:
            line = Text.assemble((f"{f.severity:<8}", _SEVERITY_STYLE[f.severity]), (f"{f.rule}  ", "resdiff.dim"),
                                 _clean(f.message))
            where = f"  (lines {f.source_line or '—'} / {f.target_line or '—'})"
            line.append(where, style="resdiff.dim")
            parts.append(Wrapped(line, indent=2))
            for side, ex in (("source", f.source_excerpt), ("target", f.target_excerpt)):
                if ex:
                    parts.append(Wrapped(Text.assemble((f"{side}  ", "resdiff.dim"), _clean(ex)), indent=4))
        parts.append(Text(""))
    counts = {sev: sum(f.severity == sev for f in result.findings) for sev in ("error", "warning", "note")}
    verdict = "FAILED" if result.failed(fail_on) else "PASSED"
    summary = Text(f"{verdict}: ", style="bold red" if verdict == "FAILED" else "bold green")
    def n(k: str) -> str:
        return f"{counts[k]} {k}{'' if counts[k] == 1 else 's'}"

    summary.append(f"{n('error')}, {n('warning')}, {n('note')} (failing on {fail_on} and above)")
    parts.append(summary)
    return Group(*parts)


def session_view(session, *, fail_on: str = "error") -> RenderableType:
    """A whole session: one line per document pair, then the documents that could not be paired or read."""
    from ..model import SEVERITY_ORDER

    parts: list[RenderableType] = []
    for r in session.results:
        counts = {sev: sum(f.severity == sev for f in r.findings) for sev in ("error", "warning", "note")}
        failed = r.failed(fail_on)
        label = Text("FAILED  " if failed else "passed  ", style="bold red" if failed else "green")
        line = Text.assemble((f"{r.source.metadata.symbol or '?'}  ", "resdiff.id"),
                             f"{r.source.language} → {r.target.language}  ",
                             (", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in counts.items() if n)
                              or "no finding", "" if failed else "resdiff.dim"),
                             (f"  {_clean(r.source.source)} ↔ {_clean(r.target.source)}", "resdiff.dim"))
        parts.append(Wrapped(line, indent=8, label=label))
    for f in session.findings:
        bad = SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on]
        label = Text("FAILED  " if bad else f"{f.severity:<8}", style="bold red" if bad else "")
        line = Text.assemble((f"{f.rule}  ", "resdiff.dim"), _clean(f.message))
        parts.append(Wrapped(line, indent=8, label=label))
    n_failed = sum(r.failed(fail_on) for r in session.results)
    verdict = "FAILED" if session.failed(fail_on) else "PASSED"
    summary = Text(f"{verdict}: ", style="bold red" if verdict == "FAILED" else "bold green")
    pairs = len(session.results)
    summary.append(f"{pairs} pair{'' if pairs == 1 else 's'} checked, {n_failed} failed; {len(session.findings)} "
                   f"document finding{'' if len(session.findings) == 1 else 's'} (failing on {fail_on} and above)")
    parts += [Text(""), summary]
    return Group(*parts)
