"""Terminal views built from rich renderables (never markup: drafts contain [brackets])."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from ..model import DELETE, DELETED, EQUAL, INSERT, INSERTED, MODIFIED, Change, Document, DocumentDiff
from ..normalize import is_wide, strip_controls
from .common import collapsed, display_ops, heading_bits, ids, shown, totals

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
    elif color is True:
        kw.update(color_system="truecolor", force_terminal=True)
    return _Console(**kw)


def _clean(text: str) -> str:
    return strip_controls(text)


_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)]}%")
_NO_LINE_END = set("（《「『“‘([{")


def break_points(plain: str) -> list[bool]:
    """ok[i]: a line may break before plain[i]. Between ideographs anywhere (never before closing
    or after opening punctuation), after spaces, never inside a Latin word or a number."""
    ok = [False] * (len(plain) + 1)
    for i in range(1, len(plain)):
        a, b = plain[i - 1], plain[i]
        if b in _NO_LINE_START or a in _NO_LINE_END:
            continue
        if a.isspace() and not b.isspace():
            ok[i] = True
        elif (is_wide(a) or is_wide(b)) and not a.isspace() and not b.isspace():
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

    def __init__(self, text: Text, *, indent: int = 0, label: Text | None = None):
        self.text, self.indent, self.label = text, indent, label

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(8, options.max_width - self.indent)
        for k, line in enumerate(wrap_lines(self.text, width)):
            head = Text(" " * self.indent)
            if k == 0 and self.label is not None:
                head = self.label.copy()
                head.pad_right(self.indent - head.cell_len)
            yield Text.assemble(head, line, no_wrap=True, overflow="ignore")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(options.max_width, 8), options.max_width)


def redline(ops, *, markers: bool) -> Text:
    """Deletions struck through, insertions underlined; with markers [-…-] {+…+} where colour is off."""
    t = Text()
    for op, s in display_ops(ops):
        s = _clean(s)
        if op == EQUAL:
            t.append(s)
        elif op == DELETE:
            t.append(f"[-{s}-]" if markers else s, style="resdiff.delete")
        else:
            t.append(f"{{+{s}+}}" if markers else s, style="resdiff.insert")
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
        return redline(c.ops, markers=markers)
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


def legend(markers: bool) -> Text:
    t = Text("legend: ", style="resdiff.dim")
    t.append("[-deleted-]" if markers else "deleted", style="resdiff.delete")
    t.append(" ")
    t.append("{+inserted+}" if markers else "inserted", style="resdiff.insert")
    t.append("  moved", style="resdiff.moved")
    t.append("  OP9 → OP8 = renumbered", style="resdiff.dim")
    return t


def _collapsed(run: list[Change]) -> Text:
    return Text(collapsed(run), style="resdiff.dim")


def header(result: DocumentDiff, markers: bool) -> list[RenderableType]:
    """Metadata of both versions and the legend: on top of every view."""
    return [
        Text.assemble(("old  ", "resdiff.dim"), _side(result.old)),
        Text.assemble(("new  ", "resdiff.dim"), _side(result.new)),
        legend(markers),
        Text(""),
    ]


def _routine_line(c: Change, markers: bool) -> Wrapped:
    """A routine update collapsed to one dimmed line (--show-routine shows it in full)."""
    t = excerpt(c, markers, 10_000, around=6)
    return Wrapped(t, indent=2)


def _changes_view(result: DocumentDiff, body, *, markers: bool, context: int, show_routine: bool) -> Group:
    """The views' common frame: header, each shown change (routine ones collapsed), unchanged runs
    counted, footnotes, totals; `body(change)` draws one change."""
    parts = header(result, markers)
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
        left = redline([(op, t) for op, t in shown if op != INSERT], markers=markers)
        right = redline([(op, t) for op, t in shown if op != DELETE], markers=markers)
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


def excerpt(c: Change, markers: bool, cells: int = 48, around: int = 0) -> Text:
    """A short line saying what changed: the changed pieces of a modified paragraph, with `around`
    characters of unchanged text on either side of each."""
    if c.kind == MODIFIED:
        t = Text()
        shown_ops = display_ops(c.ops)
        last = len(shown_ops) - 1
        for k, (op, s) in enumerate(shown_ops):
            s = _clean(s).replace("\n", " ¶ ")
            if op == EQUAL:
                if k == 0:
                    piece = s if len(s) <= around else ("… " + s[-around:] if around else "")
                elif k == last:
                    piece = s if len(s) <= around else (s[:around] + " …" if around else " …")
                else:
                    piece = s if len(s) <= 2 * around else (s[:around] + " … " + s[-around:] if around else " … ")
                t.append(piece, style="resdiff.dim")
                continue
            if op == DELETE:
                t.append(f"[-{s}-]" if markers else s, style="resdiff.delete")
            else:
                t.append(f"{{+{s}+}}" if markers else s, style="resdiff.insert")
    else:
        t = Text(_clean(c.new_text or c.old_text).replace("\n", " ¶ "), style="resdiff.dim")
    return truncate(t, cells)


def truncate(t: Text, cells: int) -> Text:
    """At most `cells` display cells, an ellipsis where it was cut (styles kept)."""
    if t.cell_len <= cells:
        return t
    used, cut = 0, 0
    while cut < len(t.plain) and used + cell_len(t.plain[cut]) <= cells - 1:
        used += cell_len(t.plain[cut])
        cut += 1
    out = t[:cut]
    out.append("…", style="resdiff.dim")
    return out


def summary_view(result: DocumentDiff, *, markers: bool, width: int | None = None) -> RenderableType:
    """One row per changed paragraph: ids, kind, similarity, what changed; then totals."""
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="resdiff.title", expand=False)
    table.add_column("old", style="resdiff.id", no_wrap=True)
    table.add_column("new", style="resdiff.id", no_wrap=True)
    table.add_column("change", no_wrap=True)
    table.add_column("sim.", justify="right", no_wrap=True)
    table.add_column("what changed", overflow="fold")
    room = max(16, (width or 100) - 44)
    for c in result.changes:
        if not c.is_change:
            continue
        kind = Text(c.kind, style=f"resdiff.kind.{c.kind}")
        if c.routine:
            kind = Text("routine", style="resdiff.dim")
        if c.moved:
            kind.append(" moved", style="resdiff.moved")
        table.add_row(" + ".join(c.old) or "—", " + ".join(c.new) or "—", kind,
                      f"{c.similarity:.2f}" if c.similarity is not None else "",
                      excerpt(c, markers, room))
    return Group(*header(result, markers), table, Text(""), summary_line(result))


_TOTAL_STYLES = (("^[^:]*:", "resdiff.title"), (r"\d+ unchanged", "resdiff.dim"),
                 (r"\d+ modified", "resdiff.kind.modified"), (r"\d+ inserted", "resdiff.kind.inserted"),
                 (r"\d+ deleted", "resdiff.kind.deleted"), (r"\d+ moved", "resdiff.moved"),
                 (r"; \d+ routine", "resdiff.dim"), (r" \(of which .*\)", "resdiff.dim"))


def summary_line(result: DocumentDiff) -> Text:
    """The totals sentence of every format (render.common.totals), coloured by kind."""
    t = Text(totals(result))
    for pattern, style in _TOTAL_STYLES:
        t.highlight_regex(pattern, style)
    return t


def document_view(doc: Document) -> RenderableType:
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
    from .series_views import cell, first_gone, lineage_label, short, step_totals

    parts: list[RenderableType] = [Text(f"{len(series.versions)} versions of "
                                        f"{_clean(series.versions[-1].metadata.title or '?')}", style="resdiff.title")]
    for note in series.notes:
        parts.append(Text(f"note: {_clean(note)}", style="resdiff.dim"))
    parts += [Text.assemble(("legend: ", "resdiff.dim"), ("● new", _STATE_STYLE["new"]), "  ",
                            ("· same", _STATE_STYLE["same"]), "  ", ("✎ changed", _STATE_STYLE["changed"]), "  ",
                            ("~ routine", "resdiff.dim"), "  ", ("✕ gone", _STATE_STYLE["gone"])), Text("")]
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
    for key in ("new", "changed", "routine", "gone"):
        table.add_row(Text(key, style="resdiff.dim"), *[Text(str(t[key]), style="resdiff.dim") for t in totals])
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
        parts.append(head)
        for c in p.clauses:
            style = "resdiff.kind.inserted" if c.origin == len(sym) - 1 else "resdiff.dim"
            parts.append(Wrapped(Text(_clean(c.text)), indent=width + 2, label=Text(sym[c.origin], style=style)))
        parts.append(Text(""))
    return Group(*parts)


# --- translation checks ----------------------------------------------------------------------

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def check_view(result, *, fail_on: str = "error") -> RenderableType:
    """Findings grouped by paragraph pair, then a verdict."""
    s, t = result.source, result.target
    parts: list[RenderableType] = [
        Text.assemble(("source  ", "resdiff.dim"), _side(s)),
        Text.assemble(("target  ", "resdiff.dim"), _side(t)),
        Text(""),
    ]
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
        parts.append(Text(""))
    counts = {sev: sum(f.severity == sev for f in result.findings) for sev in ("error", "warning", "note")}
    verdict = "FAILED" if result.failed(fail_on) else "PASSED"
    summary = Text(f"{verdict}: ", style="bold red" if verdict == "FAILED" else "bold green")
    def n(k: str) -> str:
        return f"{counts[k]} {k}{'' if counts[k] == 1 else 's'}"

    summary.append(f"{n('error')}, {n('warning')}, {n('note')} (failing on {fail_on} and above)")
    parts.append(summary)
    return Group(*parts)
