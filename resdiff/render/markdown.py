"""Markdown (CommonMark, renders on GitHub) of `diff` and `series`: deletions <del>, insertions <ins>,
visible without colour.

Every piece of document text is escaped: ASCII punctuation backslash-escaped, so `<script>`,
`[x](javascript:…)` or `**` in a resolution show as typed."""

from __future__ import annotations

import re

from ..model import DELETE, DELETED, EDITORIAL, EQUAL, INSERTED, MODIFIED, Change, Document, DocumentDiff
from ..normalize import strip_controls
from ..results import Series
from .common import LEGEND_TEXT, collapsed, heading_bits, ids, label, legend_keys, marked_ops, shown, totals
from .timeline import TOTAL_KEYS, cell, first_gone, legend_line, lineage_label, short, step_totals

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!#{}])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Backslash-escape what CommonMark (and GitHub's tables and strikethrough) would interpret."""
    text = _SPECIAL.sub(r"\\\1", strip_controls(text))
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("\n", "<br>")


def _redline(c: Change, hide_editorial: bool = False) -> str:
    """The redline of a modification; an editorial part in italics (<i><del>…</del></i>)."""
    out = []
    for op, s, kind in marked_ops(c, hide_editorial=hide_editorial):
        if op == EQUAL:
            out.append(escape(s))
            continue
        tag = "del" if op == DELETE else "ins"
        piece = f"<{tag}>{escape(s)}</{tag}>"
        out.append(f"<i>{piece}</i>" if kind == EDITORIAL else piece)
    return "".join(out)


def _body(c: Change, hide_editorial: bool = False) -> str:
    if c.kind == MODIFIED:
        return _redline(c, hide_editorial)
    if c.kind == INSERTED:
        return f"<ins>{escape(c.new_text)}</ins>"
    if c.kind == DELETED:
        return f"<del>{escape(c.old_text)}</del>"
    return escape(c.new_text)


def _heading(c: Change, level: int = 3) -> str:
    return f"{'#' * level} {escape(ids(c))} — {', '.join(heading_bits(c))}"


def _meta(doc: Document) -> list[str]:
    m = doc.metadata
    return [m.symbol or "", m.language or "", m.adopted or "", doc.source]


def render_diff(result: DocumentDiff, *, context: int = 0, hide_editorial: bool = False) -> str:
    old, new = _meta(result.old), _meta(result.new)
    lines = [f"# resdiff: {escape(old[0] or '?')} → {escape(new[0] or '?')}", "",
             "| | old | new |", "| --- | --- | --- |"]
    for k, name in enumerate(("symbol", "language", "adopted", "source")):
        lines.append(f"| {name} | {escape(old[k])} | {escape(new[k])} |")
    keys = legend_keys(result, hide_editorial=hide_editorial)
    if keys:
        lines += ["", "Legend: " + ", ".join(_legend(k) for k in keys) + "."]
    lines += ["", "## Summary", "", "| old | new | change | similarity |", "| --- | --- | --- | ---: |"]
    for c in result.changes:
        if c.is_change and not (hide_editorial and c.counts_as_editorial):
            kind = label(c) + (", moved" if c.moved else "")
            sim = f"{c.similarity:.2f}" if c.similarity is not None else ""
            lines.append(f"| {escape(' + '.join(c.old)) or '—'} | {escape(' + '.join(c.new)) or '—'} | "
                         f"{kind} | {sim} |")
    lines += ["", escape(totals(result)), "", "## Changes", "",
              *changes_markdown(result, context, hide_editorial=hide_editorial)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _legend(key: str) -> str:
    if key == "deleted":
        return "<del>deleted</del>"
    if key == "inserted":
        return "<ins>inserted</ins>"
    if key.startswith("renumbered:"):
        return f"{escape(key.split(':', 1)[1])}: renumbered"
    if key == "editorial":
        return f"<i><del>editorial</del> <ins>editorial</ins></i> ({escape(LEGEND_TEXT[key])})"
    return escape(LEGEND_TEXT[key])


def changes_markdown(result: DocumentDiff, context: int = 0, level: int = 3, *,
                     hide_editorial: bool = False) -> list[str]:
    """The changes of one diff, each under a heading of `level`; footnotes after them."""
    lines: list[str] = []
    for item in shown(result, context, hide_editorial=hide_editorial):
        if isinstance(item, list):
            lines += [f"*{escape(collapsed(item))}*", ""]
        else:
            lines += [_heading(item, level), "", _body(item, hide_editorial), ""]
    notes = [c for c in result.changes if c.is_footnote and not (hide_editorial and c.counts_as_editorial)]
    if notes:
        lines += ["#" * (level - 1) + " Footnotes", ""]
        for c in notes:
            lines += [_heading(c, level), "", _body(c, hide_editorial), ""]
    return lines


def render_series(series: Series, *, steps: bool = False) -> str:
    heads = [short(v.metadata.symbol) for v in series.versions]
    lines = [f"# resdiff series: {escape(short(series.versions[0].metadata.symbol))} → "
             f"{escape(short(series.versions[-1].metadata.symbol))} ({len(series.versions)} versions)", ""]
    for note in series.notes:
        lines += [f"> {escape(note)}", ""]
    lines += [legend_line(series), "",
              "| paragraph | " + " | ".join(escape(h) for h in heads) + " |",
              "| --- | " + " | ".join("---" for _ in heads) + " |"]
    for lin in series.lineages:
        cells = [cell(s, r, first_gone(lin, k)) for k, (s, r) in enumerate(zip(lin.states, lin.routine, strict=True))]
        lines.append(f"| {escape(lineage_label(lin))} | " + " | ".join(cells) + " |")
    version_totals = step_totals(series)
    for key in TOTAL_KEYS:
        lines.append(f"| *{key}* | " + " | ".join(str(t[key]) for t in version_totals) + " |")
    if steps:
        for step in series.steps:
            lines += ["", f"## {escape(short(step.old.metadata.symbol))} → "
                          f"{escape(short(step.new.metadata.symbol))}", "",
                      escape(totals(step)), "", *changes_markdown(step, level=3)]
    return "\n".join(lines).rstrip("\n") + "\n"
