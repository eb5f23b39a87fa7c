"""`resdiff carry`: the draft of the new target as JSON (docs/contract.md), as a translator's working
copy in the target's layout, and as a report of what was carried, updated and left to translate."""

from __future__ import annotations

import json

from ..model import CARRIED, TRANSLATE, UPDATED, CarryResult
from ..normalize import strip_controls
from .json_ import SCHEMA_VERSION


def _side(doc) -> dict:
    return {"symbol": doc.metadata.symbol, "language": doc.metadata.language, "file": doc.source}


def carry_dict(result: CarryResult) -> dict:
    paragraphs = []
    for p in result.paragraphs:
        entry = {"id": p.id, "status": p.status, "from": p.from_id, "text": p.text}
        if p.status == UPDATED:
            entry["updates"] = [{"old": u.old, "new": u.new, "kind": u.kind, "source_old": u.source_old,
                                 "source_new": u.source_new} for u in p.updates]
        if p.status == TRANSLATE:
            entry["reason"] = p.reason
            entry["source"] = p.source_text
            if p.source_ops:
                entry["source_diff"] = [list(op) for op in p.source_ops]
        paragraphs.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "old_source": _side(result.old_source),
        "new_source": _side(result.new_source),
        "old_target": _side(result.old_target),
        "metadata": result.metadata,
        "paragraphs": paragraphs,
        "deleted": list(result.deleted),
        "footnotes": [{"marker": f.marker, "status": f.status, "from": f.from_marker, "text": f.text}
                      for f in result.footnotes],
        "stats": {CARRIED: result.count(CARRIED), UPDATED: result.count(UPDATED),
                  TRANSLATE: result.count(TRANSLATE), "deleted": len(result.deleted)},
    }


def render_json(result: CarryResult) -> str:
    return json.dumps(carry_dict(result), ensure_ascii=False, indent=2) + "\n"


def render_draft(result: CarryResult) -> str:
    """The translator's working copy, in the layout resdiff reads back (a paragraph's first line indented):
    the masthead's known values, the old target's opening, every paragraph of the new source in order,
    and ⟦…⟧ placeholders where a translator must write (the new source's text inside, to translate)."""
    m, old = result.metadata, result.old_target
    symbol = m.get("symbol") or "⟦symbol⟧"
    number = symbol.split("/RES/")[-1] if "/RES/" in symbol else symbol
    opening = next((s for s in old.other if s.strip() in _OPENINGS), "⟦opening⟧")
    lines = ["⟦DRAFT by resdiff carry: not an official text⟧", "", f" {symbol}", "",
             f" {number}. {old.metadata.title or '⟦title⟧'}", "", f" {opening}", ""]
    for p in result.paragraphs:
        if p.status == TRANSLATE:
            body = f"⟦translate: {p.reason}: {p.source_text}⟧"
            if p.text:
                body += f" ⟦old: {p.text}⟧"
        else:
            body = p.text
            for mark, marker in sorted(zip(p.marks, p.footnotes, strict=True), reverse=True):
                body = body[:mark] + marker.translate(_SUPERSCRIPT) + body[mark:]  # a raised reference
        lines += [f" {p.prefix}{strip_controls(body)}", ""]
    for line in result.closing:
        lines += [line, ""]
    if result.footnotes:
        lines += ["__________________", ""]
        for f in result.footnotes:
            text = f.text if f.status == CARRIED else f"⟦translate footnote: {f.source_text}⟧"
            lines += [f" {f.marker} {strip_controls(text)}", ""]
    return "\n".join(lines)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


_OPENINGS = {"大会，", "大会,", "The General Assembly,", "L’Assemblée générale,", "L'Assemblée générale,",
             "La Asamblea General,", "Генеральная Ассамблея,", "إن الجمعية العامة،"}


def render_report(result: CarryResult) -> str:
    """Plain text (the terminal view wraps it): one line a paragraph, each update with its source change."""
    out = [f"carry: {result.old_source.source} → {result.new_source.source}, over {result.old_target.source}",
           f"{result.count(CARRIED)} carried, {result.count(UPDATED)} updated, {result.count(TRANSLATE)} to "
           f"translate, {len(result.deleted)} deleted", ""]
    for p in result.paragraphs:
        where = f" (from {p.from_id})" if p.from_id and p.from_id != p.id else ""
        if p.status == CARRIED:
            out.append(f"{p.id:<8} carried{where}")
        elif p.status == UPDATED:
            out.append(f"{p.id:<8} updated{where}")
            for u in p.updates:
                src = f"{u.source_old} → {u.source_new}" if u.source_old else f"+ {u.source_new}"
                out.append(f"         {u.kind}: {strip_controls(u.old).strip()} → {strip_controls(u.new).strip()}"
                           f"   (source: {strip_controls(src)})")
        else:
            out.append(f"{p.id:<8} translate{where}: {p.reason}")
    for pid in result.deleted:
        out.append(f"{pid:<8} deleted (gone from the source)")
    return "\n".join(out) + "\n"
