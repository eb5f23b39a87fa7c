"""Word (.docx) of `diff`: the new text with real tracked changes, as a reviser forwards a comparison.

Word's or LibreOffice's "Accept all" gives the new text, "Reject all" the old one. Each change is made
under the reviewer of its kind, `resdiff: routine`, `resdiff: editorial` or `resdiff: substantive`, so
that "accept all changes by this reviewer" clears the routine updates (or the editorial corrections) in
one go. Each paragraph carries its id as a bookmark (PP3, OP2; `old_OP7` for a deleted one), and where
it came from (renumbered, moved, split, merged) as a second bookmark (OP8_from_OP9_renumbered): never in
the text, and never as a Word comment (LibreOffice 7.4 fails to open a document with comments through
its UNO API, as a reviser's automation does). Footnotes
are Word footnotes; every run says its language (w:lang), Arabic runs and paragraphs are right to left.

python-docx makes the package (the default template, styles, document properties); what it lacks (w:ins, w:del,
footnotes, bookmarks, languages) is written with lxml through python-docx's public oxml helpers. This
module is imported only for `--format docx`."""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape as _xml_escape

from docx import Document as _new_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ..lang import RIGHT_TO_LEFT
from ..model import DELETE, EDITORIAL, EQUAL, INSERT, ROUTINE, SUBSTANTIVE, Change, Document, DocumentDiff
from ..normalize import strip_controls
from .common import totals

AUTHORS = {ROUTINE: "resdiff: routine", EDITORIAL: "resdiff: editorial", SUBSTANTIVE: "resdiff: substantive"}
# the language tags a word processor knows (spelling, fonts, line breaking)
_TAGS = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = nsdecls("w")
_SUPER = '<w:vertAlign w:val="superscript"/>'


def _text(s: str) -> str:
    return _xml_escape(strip_controls(s))  # no control character XML refuses is left


class _Writer:
    def __init__(self, result: DocumentDiff, hide_editorial: bool):
        self.result, self.hide_editorial = result, hide_editorial
        self.lang = result.new.language
        self.rtl = self.lang in RIGHT_TO_LEFT
        self.next_id = 1  # w:id of changes and bookmarks, one sequence
        self.notes: list[str] = []  # footnote bodies (w:footnote XML), ids from 1
        self.old_notes = {f.marker: f for f in result.old.footnotes}
        self.new_notes = {f.marker: f for f in result.new.footnotes}
        self.cited: dict[str, set[str]] = {"old": set(), "new": set()}  # footnote markers cited so far
        self.note_changes = {c.new[0] if c.new else c.old[0]: c for c in result.changes if c.is_footnote}

    def id(self) -> int:
        self.next_id += 1
        return self.next_id

    # --- runs ------------------------------------------------------------------------------------

    def rpr(self, extra: str = "") -> str:
        tag = _TAGS.get(self.lang, self.lang)
        lang = f'<w:lang w:val="{tag}" w:eastAsia="{tag}" w:bidi="{tag}"/>'
        return f"<w:rPr>{extra}{'<w:rtl/>' if self.rtl else ''}{lang}</w:rPr>"

    def run(self, s: str, deleted: bool = False) -> str:
        if not s:
            return ""
        tag = "w:delText" if deleted else "w:t"
        return f'<w:r>{self.rpr()}<{tag} xml:space="preserve">{_text(s)}</{tag}></w:r>'

    def change(self, op: str, inner: str, kind: str) -> str:
        if op == EQUAL or not inner:
            return inner
        tag = "w:ins" if op == INSERT else "w:del"
        return f'<{tag} w:id="{self.id()}" w:author="{AUTHORS[kind]}">{inner}</{tag}>'

    def piece(self, op: str, s: str, kind: str) -> str:
        return self.change(op, self.run(s, deleted=op == DELETE), kind)

    def note_ref(self, marker: str, doc: Document, op: str, kind: str) -> str:
        """A footnote reference (Word numbers it, as UN texts do: in the order of first citation) whose
        footnote holds the footnote's text, its changes tracked where the footnote changed; a footnote
        cited again (1 in OP2 after 1 in PP2) is its marker in superscript, as the printed text has it."""
        sides = {EQUAL: ("old", "new"), DELETE: ("old",), INSERT: ("new",)}[op]
        if all(marker in self.cited[side] for side in sides):
            tag = "w:delText" if op == DELETE else "w:t"
            return self.change(op, f"<w:r>{self.rpr(_SUPER)}<{tag}>{_text(marker)}</{tag}></w:r>", kind)
        for side in sides:
            self.cited[side].add(marker)
        nid = len(self.notes) + 1
        self.notes.append(self.footnote_body(nid, marker, doc))
        ref = f'<w:r>{self.rpr(_SUPER)}<w:footnoteReference w:id="{nid}"/></w:r>'
        return self.change(op, ref, kind)

    def footnote_body(self, nid: int, marker: str, doc: Document) -> str:
        note = (self.new_notes if doc is self.result.new else self.old_notes).get(marker)
        change = self.note_changes.get(f"FN{marker}") if doc is self.result.new else None
        if change is not None and change.ops:
            kinds = change.op_kinds or ("",) * len(change.ops)
            body = "".join(self.piece(op, s, k or SUBSTANTIVE) for (op, s), k in zip(change.ops, kinds, strict=True))
        else:
            body = self.run(note.text if note else "")
        ref = f'<w:r>{self.rpr(_SUPER)}<w:footnoteRef/></w:r>{self.run(" ")}'
        return f'<w:footnote w:id="{nid}"><w:p>{self.ppr()}{ref}{body}</w:p></w:footnote>'

    def ppr(self, mark: str = "", mark_kind: str = SUBSTANTIVE) -> str:
        """Paragraph properties: right to left for Arabic; the paragraph mark inserted or deleted."""
        tracked = ""
        if mark:
            tag = "w:ins" if mark == INSERT else "w:del"
            tracked = f'<{tag} w:id="{self.id()}" w:author="{AUTHORS[mark_kind]}"/>'
        bidi = "<w:bidi/>" if self.rtl else ""
        return f"<w:pPr>{bidi}<w:spacing w:after=\"160\"/><w:rPr>{tracked}</w:rPr></w:pPr>"

    # --- paragraphs ------------------------------------------------------------------------------

    def paragraphs(self, c: Change) -> list[tuple[str, str, str | None]]:
        """(w:p XML, bookmark name, provenance bookmark or None) for each Word paragraph this change becomes."""
        old = [self.result.old.paragraph(i) for i in c.old]
        new = [self.result.new.paragraph(i) for i in c.new]
        if not c.new:  # deleted: its runs and its paragraph mark deleted
            return [self.whole(p, DELETE, f"old_{p.id}", self.result.old) for p in old]
        if not c.old:
            return [self.whole(p, INSERT, p.id, self.result.new) for p in new]
        return self.modified(c, old, new)

    def whole(self, p, op: str, name: str, doc: Document) -> tuple[str, str, str | None]:
        body = self.piece(op, p.prefix, SUBSTANTIVE) + self.with_marks(p, doc, [(op, p.text, SUBSTANTIVE)])
        return f"<w:p>{self.ppr(op)}{body}</w:p>", name, None

    def with_marks(self, p, doc: Document, items: list[tuple[str, str, str]]) -> str:
        """Runs of `items` (one side's text) with the footnote references of paragraph `p` at its marks."""
        marks = sorted(zip(p.marks, p.footnotes, strict=False))
        out, pos = [], 0
        for op, s, kind in items:
            start = pos
            cut = 0
            while marks and marks[0][0] <= start + len(s):
                at, marker = marks.pop(0)
                out.append(self.piece(op, s[cut:at - start], kind))
                out.append(self.note_ref(marker, doc, op, kind))
                cut = at - start
            out.append(self.piece(op, s[cut:], kind))
            pos += len(s)
        return "".join(out)

    def modified(self, c: Change, old, new) -> list[tuple[str, str, str | None]]:
        """Unchanged or modified (one to one, split or merged): the ops as tracked changes; a paragraph
        break inserted or deleted (a split or a merge) as an inserted or deleted paragraph mark."""
        ops, kinds = self.ops_and_kinds(c)
        olds, news = iter(old), iter(new)
        o, n = next(olds), next(news)
        out: list[tuple[str, str, str | None]] = []
        body: list[str] = [self.prefix(o.prefix, n.prefix)]
        moves = {m for m, _, _ in c.marker_moves}
        # footnote references: at the new marks in equal and inserted text, at the old ones in deleted text;
        # a moved one deleted where it stood and inserted where it stands
        a = b = 0  # offsets in the old and the new paragraph text
        pending_old = sorted((at, m) for m, at in zip(o.footnotes, o.marks, strict=False) if m in moves)
        pending_new = sorted((at, m) for m, at in zip(n.footnotes, n.marks, strict=False))

        def flush_paragraph(next_mark: str, kind: str) -> None:
            nonlocal body
            name = n.id if n is not None else f"old_{o.id}"
            out.append((f"<w:p>{self.ppr(next_mark, kind)}{''.join(body)}</w:p>", name, None))
            body = []

        for (op, s), kind in zip(ops, kinds, strict=True):
            kind = kind or SUBSTANTIVE
            parts = s.split("\n")
            for k, part in enumerate(parts):
                if k:  # a paragraph break: an equal one ends both sides' paragraphs
                    flush_paragraph(op if op != EQUAL else "", kind)
                    if op in (EQUAL, DELETE):
                        o, a = next(olds, o), 0
                        pending_old = sorted((at, m) for m, at in zip(o.footnotes, o.marks, strict=False)
                                             if m in moves)
                    if op in (EQUAL, INSERT):
                        n, b = next(news, n), 0
                        pending_new = sorted((at, m) for m, at in zip(n.footnotes, n.marks, strict=False))
                    if op == EQUAL:
                        body.append(self.prefix(o.prefix, n.prefix))
                    elif op == INSERT:
                        body.append(self.piece(INSERT, n.prefix, SUBSTANTIVE))
                    else:
                        body.append(self.piece(DELETE, o.prefix, SUBSTANTIVE))
                cut = 0
                while True:
                    refs = []
                    if op in (EQUAL, INSERT) and pending_new and pending_new[0][0] <= b + len(part) - cut:
                        refs.append(("new", pending_new[0][0] - b))
                    if op in (EQUAL, DELETE) and pending_old and pending_old[0][0] <= a + len(part) - cut:
                        refs.append(("old", pending_old[0][0] - a))
                    if not refs:
                        break
                    side, at = min(refs, key=lambda r: r[1])
                    body.append(self.piece(op, part[cut:cut + at], kind))
                    a += at if op != INSERT else 0
                    b += at if op != DELETE else 0
                    cut += at
                    if side == "new":
                        marker = pending_new.pop(0)[1]
                        if marker in moves:
                            body.append(self.note_ref(marker, self.result.new, INSERT, EDITORIAL))
                        else:
                            body.append(self.note_ref(marker, self.result.new, op if op == INSERT else EQUAL, kind))
                    else:
                        marker = pending_old.pop(0)[1]
                        body.append(self.note_ref(marker, self.result.old, DELETE, EDITORIAL))
                rest = part[cut:]
                body.append(self.piece(op, rest, kind))
                a += len(rest) if op != INSERT else 0
                b += len(rest) if op != DELETE else 0
        # markers left at the very end (after the last character)
        for _, marker in pending_new:
            body.append(self.note_ref(marker, self.result.new, INSERT if marker in moves else EQUAL, EDITORIAL))
        for _, marker in pending_old:
            body.append(self.note_ref(marker, self.result.old, DELETE, EDITORIAL))
        flush_paragraph("", SUBSTANTIVE)
        provenance = _provenance(c)
        if provenance and out:
            out[0] = (out[0][0], out[0][1], provenance)
        return out

    def ops_and_kinds(self, c: Change) -> tuple[list, list]:
        """A change's ops and the kind of each (routine, editorial, substantive, "" for equal text)."""
        ops = list(c.ops) or [(EQUAL, c.new_text)]
        kinds = list(c.op_kinds) or ["" if op == EQUAL else (ROUTINE if c.routine else SUBSTANTIVE) for op, _ in ops]
        if not c.ops and c.old_text != c.new_text:
            # unchanged but for spacing (an extractor's "impa ct"): no change to a reader, yet Reject All
            # must give the old text exactly, so the spaces are editorial changes
            ops = _spacing_ops(c.old_text, c.new_text)
            kinds = ["" if op == EQUAL else EDITORIAL for op, _ in ops]
        if self.hide_editorial:
            ops, kinds = _accept(ops, kinds, EDITORIAL)
        return ops, kinds

    def prefix(self, old: str, new: str) -> str:
        """The printed number: a renumbering is a routine change."""
        if old == new:
            return self.run(new)
        return self.piece(DELETE, old, ROUTINE) + self.piece(INSERT, new, ROUTINE)


def _spacing_ops(old: str, new: str) -> list[tuple[str, str]]:
    """Character ops between two texts that differ only in spacing (or other small layout differences)."""
    from difflib import SequenceMatcher

    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append((EQUAL, old[i1:i2]))
            continue
        if i2 > i1:
            out.append((DELETE, old[i1:i2]))
        if j2 > j1:
            out.append((INSERT, new[j1:j2]))
    return out


def _accept(ops, kinds, accepted: str):
    """The ops with the changes of one kind accepted: their deletions gone, their insertions plain text."""
    out_ops, out_kinds = [], []
    for (op, s), k in zip(ops, kinds, strict=True):
        if k == accepted and op == DELETE:
            continue
        if k == accepted:
            op, k = EQUAL, ""
        out_ops.append((op, s))
        out_kinds.append(k)
    return out_ops, out_kinds


def _provenance(c: Change) -> str | None:
    """Where a paragraph came from, as a bookmark name (letters, digits and _, at most 40 characters):
    OP8_from_OP9_renumbered, PP6_moved, OP9_from_OP8_split."""
    if not (c.renumbered or c.moved or c.is_split or c.is_merged):
        return None
    bits = [b for b, on in (("renumbered", c.renumbered_one_to_one), ("moved", c.moved), ("split", c.is_split),
                            ("merged", c.is_merged)) if on]
    source = f"_from_{'_'.join(c.old)}" if c.old != c.new[: len(c.old)] or c.is_merged else ""
    return re.sub(r"\W", "_", f"{c.new[0]}{source}_{'_'.join(bits)}")[:40]


def _bookmark(p, name: str, bid: int) -> None:
    """A bookmark around the whole paragraph, after its properties."""
    start = parse_xml(f'<w:bookmarkStart {_W} w:id="{bid}" w:name="{name}"/>')
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(parse_xml(f'<w:bookmarkEnd {_W} w:id="{bid}"/>'))


def _ordered(result: DocumentDiff) -> list[Change]:
    """The paragraph entries in the order of the new text, each deleted paragraph where it stood; a moved
    paragraph as a deletion where it stood and an insertion where it stands (Reject all puts it back)."""
    paras = [c for c in result.changes if not c.is_footnote]
    index = {p.id: k for k, p in enumerate(result.old.paragraphs)}
    out: list[Change] = []
    ghosts: list[tuple[int, Change]] = []
    for c in paras:
        if c.moved and c.old and c.new:
            ghosts.append((index[c.old[0]], Change("deleted", c.old, (), old_text=c.old_text)))
            out.append(Change("inserted", (), c.new, new_text=c.new_text))
        else:
            out.append(c)
    for at, ghost in ghosts:
        k = next((k for k, c in enumerate(out) if c.old and index[c.old[0]] > at), len(out))
        out.insert(k, ghost)
    return out


def render_diff(result: DocumentDiff, *, hide_editorial: bool = False) -> bytes:
    """The .docx bytes."""
    w = _Writer(result, hide_editorial)
    doc = _new_docx()
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    pieces: list[tuple[str, str, str | None]] = []
    for c in _ordered(result):
        pieces += w.paragraphs(c)
    bookmarks: set[str] = set()
    for xml, name, provenance in pieces:
        p = parse_xml(xml.replace("<w:p>", f"<w:p {_W}>", 1))
        for mark in (name, provenance):
            if mark and mark not in bookmarks:
                bookmarks.add(mark)
                _bookmark(p, mark, w.id())
        sect.addprevious(p)
    if w.notes:
        _add_footnotes(doc, w.notes)
    props = doc.core_properties
    props.title = f"resdiff: {result.old.metadata.symbol or '?'} → {result.new.metadata.symbol or '?'}"
    props.subject = totals(result)[:255]
    props.comments = _LEGEND
    props.author = "resdiff"
    props.language = _TAGS.get(w.lang, w.lang)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# Word's document properties hold at most 255 characters each
_LEGEND = ("Tracked changes by reviewer: resdiff: routine (numbers, dates, symbols), resdiff: editorial (case, "
           "hyphens, dashes, quotes, spacing, marker places), resdiff: substantive. Bookmarks: paragraph ids "
           "(OP2, old_OP7) and origins (OP8_from_OP9_renumbered).")


def _add_footnotes(doc, notes: list[str]) -> None:
    """The footnotes part (python-docx has none): the two separators Word expects, then ours."""
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           "</w:p></w:footnote>")
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_W}>{sep}{"".join(notes)}'
           "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_TYPE, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
