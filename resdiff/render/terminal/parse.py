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
    parts: list[RenderableType] = [meta, Text("")]
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
