"""The terminal view of `carry`: what was carried, updated and left to translate, one line a paragraph."""

from __future__ import annotations

from rich.text import Text

from ...normalize import strip_controls
from ...results import CARRIED, TRANSLATE, UPDATED, CarryResult


def carry_view(result: CarryResult) -> Text:
    """The report as one text, which rich wraps at the console's width."""
    return Text(_report(result))


def _report(result: CarryResult) -> str:
    """Plain text: one line a paragraph, each update with its source change."""
    out = [f"carry: {result.old_source.source} → {result.new_source.source}, over {result.old_target.source}",
           f"{result.count(CARRIED)} carried, {result.count(UPDATED)} updated, {result.count(TRANSLATE)} to "
           f"translate, {len(result.deleted)} deleted", ""]
    head = [m for m in result.masthead if m.kind not in ("meeting", "date")]
    closing = [m for m in result.masthead if m.kind in ("meeting", "date")]
    for p in [*head, *result.paragraphs, *closing]:
        where = f" (from {p.from_id})" if p.from_id and p.from_id != p.id else ""
        name = p.id if p.kind == "paragraph" else f"{p.kind} line"
        if p.status == CARRIED:
            out.append(f"{name:<8} carried{where}")
        elif p.status == UPDATED:
            out.append(f"{name:<8} updated{where}")
            for u in p.updates:
                src = f"{u.source_old} → {u.source_new}" if u.source_old else f"+ {u.source_new}"
                out.append(f"         {u.kind}: {strip_controls(u.old).strip()} → {strip_controls(u.new).strip()}"
                           f"   (source: {strip_controls(src)})")
        else:
            out.append(f"{name:<8} translate{where}: {p.reason}")
    for pid in result.deleted:
        out.append(f"{pid:<8} deleted (gone from the source)")
    return "\n".join(out) + "\n"
