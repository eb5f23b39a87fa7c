"""`carry --format draft`: the translator's working copy of the new target, as a text in the layout resdiff
reads back."""

from __future__ import annotations

from ..lang import OPENING
from ..normalize import strip_controls
from ..results import CARRIED, TRANSLATE, CarryResult


def render_draft(result: CarryResult) -> str:
    """The translator's working copy, in the layout resdiff reads back (a paragraph's first line indented):
    the masthead's known values, the old target's opening, every paragraph of the new source in order,
    and ⟦…⟧ placeholders where a translator must write (the new source's text inside, to translate)."""
    m, old = result.metadata, result.old_target
    symbol = m.get("symbol") or "⟦symbol⟧"
    number = symbol.split("/RES/")[-1] if "/RES/" in symbol else symbol
    opening = next((s for s in old.other if OPENING.match(s.strip())), "⟦opening⟧")
    head = {m.kind: m for m in result.masthead}
    lines = ["⟦DRAFT by resdiff carry: not an official text⟧", "", f" {symbol}", ""]
    for kind in ("session", "agenda-item", "agenda-title"):  # as carried or updated; a line to translate marked
        if kind in head:
            lines += [f" {_line(head[kind])}", ""]
    title = head.get("title")
    title_line = _line(title) if title else f"{number}. {old.metadata.title or '⟦title⟧'}"
    lines += [f" {title_line}", "", f" {opening}", ""]
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


def _line(m) -> str:
    """A masthead or title line of the draft: carried or updated, or its source to translate, marked."""
    return strip_controls(m.text) if m.status != TRANSLATE else f"⟦translate: {strip_controls(m.source_text)}⟧"


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
