"""The terminal view of `parse`: a document's metadata, paragraphs and footnotes."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from ...model import Document
from ...normalize import strip_controls
from .layout import Wrapped


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
            meta.add_row(k, Text(strip_controls(str(v))))
    parts: list[RenderableType] = [meta, Text("")] + warnings_view(doc)
    for p in doc.paragraphs:
        t = Text(strip_controls(p.text))
        for mk in p.footnotes:
            t.append(f" [{mk}]", style="resdiff.footnote")
        parts.append(Wrapped(t, indent=8, label=Text(p.id, style="resdiff.id")))
    if doc.footnotes:
        parts += [Text(""), Text("Footnotes", style="resdiff.title")]
        for f in doc.footnotes:
            label = Text(f.marker, style="resdiff.footnote")
            parts.append(Wrapped(Text(strip_controls(f.text)), indent=8, label=label))
    pp = sum(p.kind == "preambular" for p in doc.paragraphs)
    parts += [Text(""), Text(f"{pp} preambular, {len(doc.paragraphs) - pp} operative paragraphs, "
                             f"{len(doc.footnotes)} footnotes", style="resdiff.dim")]
    return Group(*parts)


def warnings_view(doc: Document) -> list[RenderableType]:
    """Where the parse breaks the document's own structure (its self-checks), above what it concerns."""
    if not doc.warnings:
        return []
    parts: list[RenderableType] = [Text(f"{len(doc.warnings)} warning{'s' if len(doc.warnings) > 1 else ''} "
                                        f"about {strip_controls(doc.source)}:", style="resdiff.kind.modified")]
    for w in doc.warnings:
        line = Text(f"{w.code}: ", style="resdiff.kind.modified")
        line.append(strip_controls(w.message))
        parts.append(Wrapped(line, indent=8, label=Text(w.id or "", style="resdiff.id")))
    return parts + [Text("")]
