"""JSON renderings (see docs/contract.md): fixed field order, a schema_version, no randomness."""

from __future__ import annotations

import json

from ..model import MODIFIED, Document, DocumentDiff

SCHEMA_VERSION = 1


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def document_dict(doc: Document) -> dict:
    m = doc.metadata
    return {
        "schema_version": SCHEMA_VERSION,
        "symbol": m.symbol,
        "session": m.session,
        "language": m.language,
        "title": m.title,
        "adopted": m.adopted,
        "distributed": m.distributed,
        "agenda_item": m.agenda_item,
        "report": m.report,
        "meeting": m.meeting,
        "sponsors": m.sponsors,
        "source": doc.source,
        "paragraphs": [
            {"id": p.id, "kind": p.kind, "number": p.number, "letter": p.letter, "text": p.text,
             "footnotes": list(p.footnotes), "line": p.line}
            for p in doc.paragraphs
        ],
        "footnotes": [{"marker": f.marker, "text": f.text, "line": f.line} for f in doc.footnotes],
        "warnings": list(doc.warnings),
    }


def render_document(doc: Document) -> str:
    return _dump(document_dict(doc))


def _side(doc: Document) -> dict:
    m = doc.metadata
    return {"symbol": m.symbol, "language": m.language, "adopted": m.adopted, "source": doc.source}


def diff_dict(result: DocumentDiff) -> dict:
    changes = []
    for c in result.changes:
        entry = {"kind": c.kind, "old": list(c.old), "new": list(c.new), "moved": c.moved,
                 "routine": c.routine}
        if c.kind == MODIFIED:
            entry["similarity"] = c.similarity
            entry["ops"] = [list(op) for op in c.ops]
            entry["clauses"] = [{"kind": k, "old": list(a), "new": list(b)} for k, a, b in c.clauses]
        changes.append(entry)
    return {
        "schema_version": SCHEMA_VERSION,
        "old": _side(result.old),
        "new": _side(result.new),
        "changes": changes,
        "stats": result.stats(),
        "substantive": result.has_substantive_changes,
    }


def render_diff(result: DocumentDiff) -> str:
    return _dump(diff_dict(result))
