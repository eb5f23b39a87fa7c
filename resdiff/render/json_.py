"""The JSON of every command (see docs/contract.md): parse, diff, series, blame, check (a pair or a
session) and carry. Fixed field order, a schema_version, no randomness."""

from __future__ import annotations

import json
from collections import namedtuple
from itertools import chain

from ..model import MODIFIED, UNCHANGED, Change, Document, DocumentDiff
from ..normalize import strip_controls

TYPE_CHECKING = False  # importing typing costs a start-up milliseconds
if TYPE_CHECKING:  # a parse or a diff prints its JSON without creating the other commands' result classes
    from ..results import BlameParagraph, CarryResult, CheckResult, Series, SessionResult

SCHEMA_VERSION = 1


def _dump(obj) -> str:
    try:
        return indented(obj) + "\n"
    except _Unusual:
        return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


class _Unusual(Exception):
    """A key that is not a string: the standard encoder's own rules for it apply (`indented` falls back)."""


_KEY = json.JSONEncoder(ensure_ascii=False).encode  # a string, written by the C encoder
_SCALARS = frozenset((str, int, float, bool, type(None)))
_ROWS: dict[int, object] = {}  # depth -> the encoder of a container of scalars whose items stand at that depth


def _row_encoder(depth: int):
    encode = _ROWS.get(depth)
    if encode is None:
        encode = _ROWS[depth] = json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * depth, ": ")).encode
    return encode


def indented(obj, depth: int = 0) -> str:
    """What `json.dumps(obj, ensure_ascii=False, indent=2)` writes, byte for byte, at a fraction of its cost:
    with an indent, the standard library writes every token from Python, while without one its C encoder
    runs. A container of scalars (and a list of such dicts: the rows of a report) is written by the C
    encoder at once, its separators carrying the line breaks and indentation of its depth (JSON strings
    hold no raw line break, so every one in its output is a separator's); the nesting above them is
    written here."""
    if obj.__class__ is _Drawn:
        return obj
    inner = "  " * (depth + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        if _SCALARS.issuperset(map(type, obj.values())):
            return "{\n" + inner + _row_encoder(depth + 1)(obj)[1:-1] + "\n" + "  " * depth + "}"
        if not all(isinstance(k, str) for k in obj):
            raise _Unusual
        items = [_KEY(k) + ": " + indented(v, depth + 1) for k, v in obj.items()]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + "  " * depth + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        kinds = set(map(type, obj))
        if _SCALARS.issuperset(kinds):
            return "[\n" + inner + _row_encoder(depth + 1)(obj)[1:-1] + "\n" + "  " * depth + "]"
        if kinds == {dict} and all(obj) and _SCALARS.issuperset(map(type, chain.from_iterable(map(dict.values, obj)))):
            # rows: between two of them, and only there, a '}' is followed by the separator and a '{'
            deeper = inner + "  "
            rows = _row_encoder(depth + 2)(obj)[2:-2].replace("},\n" + deeper + "{",
                                                               "\n" + inner + "},\n" + inner + "{\n" + deeper)
            return "[\n" + inner + "{\n" + deeper + rows + "\n" + inner + "}\n" + "  " * depth + "]"
        items = [indented(v, depth + 1) for v in obj]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + "  " * depth + "]"
    return json.dumps(obj, ensure_ascii=False)


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


class _Items:
    """A list written item by item, each made just before it is written: a 100,000-paragraph diff is
    never held whole as dictionaries nor as one string. `encode`: an item's JSON, as _ENCODER writes it."""

    def __init__(self, items, encode=_ENCODER.encode) -> None:
        self.items, self.encode = items, encode


def _pieces(obj: dict):
    """`_dump(obj)` in pieces, byte for byte (an _Items value written as the list of its items). A value
    nested n levels deep is its own JSON with every line break indented by n levels: JSON text has no
    line break but those of its layout (a string writes its own as \\n)."""
    sep = "{\n  "
    for key, value in obj.items():
        yield sep + _ENCODER.encode(key) + ": "
        sep = ",\n  "
        if isinstance(value, _Items):
            opening = "[\n    "
            for item in value.items:
                yield opening + value.encode(item).replace("\n", "\n    ")
                opening = ",\n    "
            yield "[]" if opening == "[\n    " else "\n  ]"
        else:
            yield _ENCODER.encode(value).replace("\n", "\n  ")
    yield "{}\n" if sep == "{\n  " else "\n}\n"


def document_dict(doc: Document) -> dict:
    data = _document(doc)
    data["paragraphs"] = list(data["paragraphs"].items)
    return data


def _document(doc: Document) -> dict:
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
        "paragraphs": _Items(
            {"id": p.id, "kind": p.kind, "number": p.number, "letter": p.letter, "text": p.text,
             "footnotes": list(p.footnotes), "line": p.line}
            for p in doc.paragraphs
        ),
        "footnotes": [{"marker": f.marker, "text": f.text, "line": f.line} for f in doc.footnotes],
        "warnings": _warnings(doc),
    }


def render_document(doc: Document) -> str:
    return _dump(document_dict(doc))


def stream_document(doc: Document):
    """render_document's text in pieces, for the command line to write as they come."""
    return _pieces(_document(doc))


def _warnings(doc: Document) -> list[dict]:
    """Where the parse of a document breaks its own structure (selfcheck), in every JSON that reads it."""
    return [{"code": w.code, "id": w.id, "message": w.message} for w in doc.warnings]


def _version(doc: Document) -> dict:
    m = doc.metadata
    return {"symbol": m.symbol, "language": m.language, "adopted": m.adopted, "source": doc.source,
            "warnings": _warnings(doc)}


def _change(c: Change) -> dict:
    entry = {"kind": c.kind, "old": list(c.old), "new": list(c.new), "moved": c.moved,
             "routine": c.routine, "editorial": c.editorial}
    if c.kind == MODIFIED:
        entry["similarity"] = c.similarity
        entry["ops"] = [list(op) for op in c.ops]
        entry["clauses"] = [{"kind": k, "old": list(a), "new": list(b)} for k, a, b in c.clauses]
        entry["op_kinds"] = [k or None for k in c.op_kinds]
        entry["markers_moved"] = [{"marker": m, "old": a, "new": b} for m, a, b in c.marker_moves]
    return entry


def _ids(ids: tuple[str, ...]) -> str:
    return "[\n    " + ",\n    ".join(map(_ENCODER.encode, ids)) + "\n  ]" if ids else "[]"


def _change_json(c: Change) -> str:
    """_ENCODER.encode(_change(c)); an unchanged paragraph (most of a diff, and of this one shape) is
    written straight from its fields, a few times faster."""
    if c.kind != UNCHANGED or c.routine or c.editorial:
        return _ENCODER.encode(_change(c))
    return (f'{{\n  "kind": "{UNCHANGED}",\n  "old": {_ids(c.old)},\n  "new": {_ids(c.new)},\n  "moved": '
            f'{"true" if c.moved else "false"},\n  "routine": false,\n  "editorial": false\n}}')


def _diff(result: DocumentDiff, changes) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "old": _version(result.old),
        "new": _version(result.new),
        "changes": changes,
        "stats": result.stats(),
        "substantive": result.has_substantive_changes,
    }


def diff_dict(result: DocumentDiff) -> dict:
    return _diff(result, [_change(c) for c in result.changes])


def render_diff(result: DocumentDiff) -> str:
    return _dump(diff_dict(result))


def stream_diff(result: DocumentDiff):
    """render_diff's text in pieces, for the command line to write as they come."""
    return _pieces(_diff(result, _Items(result.changes, _change_json)))


def series_dict(series: Series) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "versions": [{"symbol": v.metadata.symbol, "adopted": v.metadata.adopted, "language": v.metadata.language,
                      "session": v.metadata.session, "source": v.source, "warnings": _warnings(v)}
                     for v in series.versions],
        "notes": list(series.notes),
        "lineages": [{"ids": list(lin.ids), "states": list(lin.states), "routine": list(lin.routine),
                      "moved": list(lin.moved)} for lin in series.lineages],
        "steps": [{"old": s.old.metadata.symbol, "new": s.new.metadata.symbol, "stats": s.stats(),
                   "substantive": s.has_substantive_changes} for s in series.steps],
    }


def render_series(series: Series, *, steps: bool = False) -> str:
    data = series_dict(series)
    if steps:
        for entry, step in zip(data["steps"], series.steps, strict=True):
            entry["changes"] = diff_dict(step)["changes"]
    return _dump(data)


def blame_dict(series: Series, paragraphs: list[BlameParagraph]) -> dict:
    sym = [v.metadata.symbol for v in series.versions]
    return {
        "schema_version": SCHEMA_VERSION,
        "symbol": sym[-1],
        "versions": sym,
        "paragraphs": [{"id": p.id, "introduced": sym[p.introduced], "changed": sym[p.changed],
                        "routine": p.wording != p.changed, "wording": sym[p.wording],
                        "clauses": [{"text": c.text, "from": sym[c.origin]} for c in p.clauses]}
                       for p in paragraphs],
    }


def render_blame(series: Series, paragraphs: list[BlameParagraph]) -> str:
    return _dump(blame_dict(series, paragraphs))


def _file(doc: Document) -> dict:
    """A document as check and carry name it."""
    return {"symbol": doc.metadata.symbol, "language": doc.metadata.language, "file": doc.source}


def check_dict(result: CheckResult, fail_on: str) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "source": _file(result.source),
        "target": _file(result.target),
        "passed": not result.failed(fail_on),
        "findings": [{"rule": f.rule, "severity": f.severity, "source": f.source, "target": f.target,
                      "source_line": f.source_line, "target_line": f.target_line,
                      "source_page": f.source_page, "target_page": f.target_page,
                      "source_location": result.where(f, "source") if f.source else None,
                      "target_location": result.where(f, "target") if f.target else None,
                      "message": f.message,
                      "source_value": f.source_value, "target_value": f.target_value,
                      "source_excerpt": f.source_excerpt, "target_excerpt": f.target_excerpt,
                      "fingerprint": f.fingerprint} for f in result.findings],
        "pairs": [{"source": p.source, "target": p.target, "how": p.how} for p in result.pairs],
        "notes": [strip_controls(n) for n in result.notes],
    }


class _Drawn(str):
    """A part of the report written already (`indented` writes it as it is)."""


class SessionEntries(namedtuple("SessionEntries", "fail_on")):
    """What draws a pair's entry in a session's JSON report (`documents`), as session_dict and `indented`
    write it: given to check_session, so that each worker draws the entries of the pairs it checks, where
    the one process writing the report would draw them all in turn (session.check_session's `draw`)."""

    __slots__ = ()

    def __call__(self, result: CheckResult) -> str:
        # a _Drawn already (it pickles as one): the report holds the text as it came, not a copy of it
        return _Drawn(indented(check_dict(result, self.fail_on), 2))


def session_dict(session: SessionResult, fail_on: str) -> dict:
    """The session's report; each entry a worker drew (SessionEntries) with the same fail_on, of the very result
    the session holds, is kept as drawn (a session whose results were changed or replaced since draws them anew)."""
    drawn = {}
    if session.drawn and session.drawn[0] == SessionEntries(fail_on):
        drawn = {id(r): (r, text) for r, text in session.drawn[1]}  # each result held: no id is reused meanwhile

    def entry(r: CheckResult):
        got = drawn.get(id(r))
        return got[1] if got is not None and got[0] is r else check_dict(r, fail_on)

    return {
        "schema_version": SCHEMA_VERSION,
        "passed": not session.failed(fail_on),
        "documents": [entry(r) for r in session.results],
        "findings": [{"rule": f.rule, "severity": f.severity, "file": f.path, "symbol": f.symbol,
                      "message": strip_controls(f.message)} for f in session.findings],
    }


def render_check(result: SessionResult, fail_on: str) -> str:
    """Two files: the one pair's check object; two folders or a manifest: the session's (docs/contract.md)."""
    from ..results import PAIR

    return _dump(check_dict(result.pair, fail_on) if result.asked == PAIR else session_dict(result, fail_on))


def carry_dict(result: CarryResult) -> dict:
    from ..results import CARRIED, TRANSLATE, UPDATED

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
        "old_source": _file(result.old_source),
        "new_source": _file(result.new_source),
        "old_target": _file(result.old_target),
        "metadata": result.metadata,
        "paragraphs": paragraphs,
        "deleted": list(result.deleted),
        "footnotes": [{"marker": f.marker, "status": f.status, "from": f.from_marker, "text": f.text}
                      for f in result.footnotes],
        "stats": {CARRIED: result.count(CARRIED), UPDATED: result.count(UPDATED),
                  TRANSLATE: result.count(TRANSLATE), "deleted": len(result.deleted)},
    }


def render_carry(result: CarryResult) -> str:
    return _dump(carry_dict(result))
