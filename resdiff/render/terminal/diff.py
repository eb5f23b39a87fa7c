"""The terminal views of `diff`: the inline redline, two columns side by side, and the summary table."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ...model import DELETE, DELETED, EDITORIAL, EQUAL, INSERT, INSERTED, MODIFIED, Change, DocumentDiff
from ...normalize import strip_controls
from ..common import (
    LEGEND_TEXT,
    collapsed,
    heading_bits,
    ids,
    legend_keys,
    marked_ops,
    renumbering,
    shown,
    space_edges,
    totals,
)
from .layout import ELIDED, SideBySide, Wrapped, document_label, excerpt_items, fit_items


def _mark(t: Text, op: str, s: str, markers: bool, kind: str = "") -> None:
    if kind == EDITORIAL and op in (DELETE, INSERT):  # dimmed, [~…~] {~…~} where colour is off
        shown = (f"[~{s}~]" if op == DELETE else f"{{~{s}~}}") if markers else s
        t.append(shown, style=f"resdiff.editorial.{op}")
    elif op == DELETE:
        t.append(f"[-{s}-]" if markers else s, style="resdiff.delete")
    elif op == INSERT:
        t.append(f"{{+{s}+}}" if markers else s, style="resdiff.insert")
    else:
        t.append(s)


def redline(ops, *, markers: bool, old_ids=(), new_ids=()) -> Text:
    """Deletions struck through, insertions underlined; with markers [-…-] {+…+} where colour is off.
    A paragraph break inserted by a split starts a line with `¶ PP6`; one deleted by a merge shows
    `¶ OP3` where the old paragraph began. Ops are (op, text) or (op, text, kind): an editorial part is
    dimmed ([~…~] {~…~} without colour)."""
    t = Text()
    breaks = {DELETE: iter(old_ids[1:]), INSERT: iter(new_ids[1:]), EQUAL: iter(())}
    for item in ops:
        op, s, kind = item if len(item) == 3 else (*item, "")
        parts = strip_controls(s).split("\n")
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
                _mark(t, op, part, markers, kind)
    return t


def _ids(c: Change) -> Text:
    return Text(ids(c), style="resdiff.id")


def _heading(c: Change) -> Text:
    t = _ids(c)
    for bit in heading_bits(c):
        t.append("  ")
        if bit == c.kind or bit.startswith(c.kind + ","):
            t.append(bit, style="resdiff.dim" if c.routine else f"resdiff.kind.{c.kind}")
        elif bit.startswith("editorial"):
            t.append(bit, style="resdiff.dim")
        else:
            t.append(bit, style="resdiff.moved" if bit == "moved" else "resdiff.dim")
    return t


def _body(c: Change, markers: bool, hide_editorial: bool = False) -> Text:
    if c.kind == MODIFIED:
        return redline(marked_ops(c, hide_editorial=hide_editorial), markers=markers, old_ids=c.old, new_ids=c.new)
    if c.kind == INSERTED:
        return redline([(INSERT, c.new_text)], markers=markers)
    if c.kind == DELETED:
        return redline([(DELETE, c.old_text)], markers=markers)
    return Text(strip_controls(c.new_text), style="resdiff.dim")


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
        elif key == "editorial":
            if markers:
                t.append("[~…~]{~…~} ", style="resdiff.dim")
            t.append(LEGEND_TEXT[key], style="resdiff.editorial.insert")
        else:
            t.append(LEGEND_TEXT[key], style="resdiff.dim")
    return t


def _collapsed(run: list[Change]) -> Text:
    return Text(collapsed(run), style="resdiff.dim")


def header(result: DocumentDiff, markers: bool, *, show_routine: bool = True,
           hide_editorial: bool = False) -> list[RenderableType]:
    """Metadata of both versions and the legend of what follows: on top of every view."""
    key = legend(markers, legend_keys(result, show_routine=show_routine, hide_editorial=hide_editorial))
    return [
        Wrapped(Text.assemble(("old  ", "resdiff.dim"), document_label(result.old)), indent=5, hang=True),
        Wrapped(Text.assemble(("new  ", "resdiff.dim"), document_label(result.new)), indent=5, hang=True),
        *([Wrapped(key, indent=8, hang=True)] if key is not None else []),
        Text(""),
    ]


def _routine_line(c: Change, markers: bool) -> Wrapped:
    """A routine update collapsed to one dimmed line (--show-routine shows it in full)."""
    t = excerpt(c, markers, 10_000, around=12)
    return Wrapped(t, indent=2, hang=True)


def _changes_view(result: DocumentDiff, body, *, markers: bool, context: int, show_routine: bool,
                  hide_editorial: bool = False) -> Group:
    """The views' common frame: header, each shown change (routine ones collapsed), unchanged runs
    counted, footnotes, totals; `body(change)` draws one change."""
    parts = header(result, markers, show_routine=show_routine, hide_editorial=hide_editorial)
    for item in shown(result, context, hide_editorial=hide_editorial):
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
            if not (hide_editorial and c.counts_as_editorial):
                parts += [_heading(c), body(c), Text("")]
    parts += [Text(""), summary_line(result)]
    return Group(*parts)


def diff_view(result: DocumentDiff, *, markers: bool, context: int = 0,
              show_routine: bool = False, hide_editorial: bool = False) -> RenderableType:
    """The inline redline: changed paragraphs in full, unchanged runs collapsed with a count."""
    return _changes_view(result, lambda c: Wrapped(_body(c, markers, hide_editorial), indent=2), markers=markers,
                         context=context, show_routine=show_routine, hide_editorial=hide_editorial)


def _sides(c: Change, markers: bool, hide_editorial: bool = False) -> tuple[Text, Text]:
    if c.kind == MODIFIED:
        shown = marked_ops(c, hide_editorial=hide_editorial)
        left = redline([x for x in shown if x[0] != INSERT], markers=markers, old_ids=c.old)
        right = redline([x for x in shown if x[0] != DELETE], markers=markers, new_ids=c.new)
        return left, right
    if c.kind == INSERTED:
        return Text(""), redline([(INSERT, c.new_text)], markers=markers)
    if c.kind == DELETED:
        return redline([(DELETE, c.old_text)], markers=markers), Text("")
    return Text(strip_controls(c.old_text), style="resdiff.dim"), Text(strip_controls(c.new_text), style="resdiff.dim")


def side_by_side_view(result: DocumentDiff, *, markers: bool, context: int = 0,
                      show_routine: bool = False, hide_editorial: bool = False) -> RenderableType:
    """Two columns, old on the left, new on the right."""
    return _changes_view(result, lambda c: SideBySide(*_sides(c, markers, hide_editorial)), markers=markers,
                         context=context, show_routine=show_routine, hide_editorial=hide_editorial)


def draw_items(items, markers: bool) -> Text:
    """Excerpt items as text: unchanged text dimmed, changes marked, `…` where text was left out."""
    ops = space_edges(items)
    t = Text()
    for k, (op, s) in enumerate(ops):
        s = strip_controls(s).replace("\n", " ¶ ")
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

    def __init__(self, result: DocumentDiff, markers: bool, hide_editorial: bool = False):
        self.result, self.markers, self.hide_editorial = result, markers, hide_editorial

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = []
        for c in self.result.changes:
            if not c.is_change or (self.hide_editorial and c.counts_as_editorial):
                continue
            if c.counts_as_routine:
                kind = Text("routine", style="resdiff.dim")
            elif c.counts_as_editorial:
                kind = Text("editorial", style="resdiff.dim")
            else:
                kind = Text(c.kind, style=f"resdiff.kind.{c.kind}")
            if c.moved:
                kind.append(" moved", style="resdiff.moved")
            if c.is_split or c.is_merged:
                kind.append(" split" if c.is_split else " merged", style="resdiff.dim")
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


def summary_view(result: DocumentDiff, *, markers: bool, hide_editorial: bool = False) -> RenderableType:
    """One row per changed paragraph: ids, kind, similarity, what changed; the renumbering; then totals."""
    parts: list[RenderableType] = [*header(result, markers, hide_editorial=hide_editorial)]
    if any(c.is_change and not (hide_editorial and c.counts_as_editorial) for c in result.changes):
        parts.append(_Summary(result, markers, hide_editorial))
    renum = [c for c in result.changes if c.renumbered_one_to_one]
    if renum:
        parts += [Text(""), Wrapped(Text("renumbered: " + ", ".join(renumbering(renum)), style="resdiff.dim"),
                                    indent=2)]
    return Group(*parts, Text(""), summary_line(result))


_TOTAL_STYLES = (("^[^:]*:", "resdiff.title"), (r"\d+ unchanged", "resdiff.dim"),
                 (r"\d+ modified", "resdiff.kind.modified"), (r"\d+ inserted", "resdiff.kind.inserted"),
                 (r"\d+ deleted", "resdiff.kind.deleted"), (r"\d+ moved", "resdiff.moved"),
                 (r"\d+ routine", "resdiff.dim"), (r"\d+ editorial", "resdiff.dim"), (r"\d+ renumbered", "resdiff.dim"),
                 (r" \(of which .*\)", "resdiff.dim"))


def summary_line(result: DocumentDiff) -> Wrapped:
    """The totals sentence of every format (render.common.totals), coloured by kind."""
    t = Text(totals(result))
    for pattern, style in _TOTAL_STYLES:
        t.highlight_regex(pattern, style)
    return Wrapped(t, indent=2, hang=True)
