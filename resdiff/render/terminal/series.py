"""The terminal views of `series` (a timeline of lineages, and each step's diff) and `blame` (each clause
with the resolution whose wording it carries)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from ...normalize import strip_controls
from ...results import BlameParagraph, Series
from ..timeline import TOTAL_KEYS, cell, first_gone, legend_items, lineage_label, short, step_totals
from .diff import diff_view
from .layout import Wrapped
from .parse import warnings_view

_STATE_STYLE = {"new": "resdiff.kind.inserted", "same": "resdiff.dim", "changed": "resdiff.kind.modified",
                "gone": "resdiff.kind.deleted"}


def series_view(series: Series, *, markers: bool, steps: bool = False, show_routine: bool = False) -> RenderableType:
    """A timeline: one row per lineage, one column per version, then per-version totals."""
    parts: list[RenderableType] = [Text(f"{len(series.versions)} versions of "
                                        f"{strip_controls(series.versions[-1].metadata.title or '?')}",
                                        style="resdiff.title")]
    for note in series.notes:
        parts.append(Wrapped(Text(f"note: {strip_controls(note)}", style="resdiff.dim"), indent=6, hang=True))
    for version in series.versions:
        parts += warnings_view(version)
    key = Text("legend:", style="resdiff.dim")
    for word, state in legend_items(series):
        key.append("  " if key.plain != "legend:" else " ")
        key.append(word, style=_STATE_STYLE.get(state, "resdiff.dim"))
    parts += [Wrapped(key, indent=8, hang=True), Text(""), _Timeline(series)]
    if steps:
        for step in series.steps:
            parts += [Text(""), Text(f"── {step.old.metadata.symbol} → {step.new.metadata.symbol} ──",
                                     style="resdiff.title"),
                      diff_view(step, markers=markers, show_routine=show_routine)]
    return Group(*parts)


class _Timeline:
    """The table of lineages and totals. Where the words do not fit the width (rich's, at render time),
    the cells keep their symbol and colour only."""

    def __init__(self, series: Series):
        self.series = series

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table  # (rich.table only for the views that draw tables)

        series = self.series
        compact = 16 + 12 * len(series.versions) > options.max_width
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
        yield table


def blame_view(series: Series, paragraphs: list[BlameParagraph]) -> RenderableType:
    """The newest text, each clause behind the resolution whose wording it still carries."""
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
            parts.append(Wrapped(Text(strip_controls(c.text)), indent=width + 2,
                                 label=Text(sym[c.origin], style=style)))
        parts.append(Text(""))
    return Group(*parts)
