"""The carried draft for translators' tools (CAT: OmegaT, Trados, memoQ): XLIFF 2.0 and a TMX 1.4b memory.

render_xliff(result) gives an XLIFF 2.0 document (OASIS Standard, 5 August 2014; valid against its core
schema, xliff_core_2.0.xsd, with the Translation Candidates module, urn:oasis:names:tc:xliff:matches:2.0).
srcLang and trgLang are the BCP 47 tags as the user gave them (zh-CN, es-419), else the documents'
languages. One <unit> per line or paragraph of the new source, in document order: the masthead lines
(session, agenda item and its title, adoption, committee report) and the title line, each with
type="resdiff:<kind>"; the paragraphs; the closing (meeting, date); the footnotes (type="resdiff:footnote").
Each unit has one <segment id="s1">:
- carried (last year's translation word for word): state "final", subState "resdiff:carried", and the unit
  translate="no", the one lock XLIFF 2.0's core offers (the content is not for translation): tools show it
  done and protected;
- updated (a machine made routine updates: a person should look): state "translated", subState
  "resdiff:updated", each update in a note;
- translate: state "initial", subState "resdiff:translate", no <target>; where last year had a translation
  of the paragraph (reworded, an update that could not be made), it is offered as a translation candidate,
  <mtc:matches><mtc:match ref="#s1" type="tm" similarity="91.1" origin="A/RES/75/62 PP3"> with last year's
  source and target, which CAT tools offer as a fuzzy match; where last year's source is not one paragraph
  (split, merged), last year's translation is a note instead.
Notes (before the segment, as the schema orders them), each with a category: "resdiff-status" (the status
and the reason or origin), "resdiff-update" (each update: the target's old words → new words, and the
source change it follows), "resdiff-source-change" (the source's change, [-deleted-] {+inserted+}),
"resdiff-old-target" (last year's translation where no candidate could be given), "resdiff-number" (the
paragraph's number as the target writes it; the texts carry no numbers).

Unit ids are NMTOKENs (letters, digits, ".", "-", "_", ":"); a paragraph id is mapped by `xliff_id`:
each "(x)" becomes "_x" (OP3(a) → OP3_a, OP3(a)(ii) → OP3_a_ii), any other character outside
[A-Za-z0-9._:-] becomes "-" ("AN1.u1#2" → "AN1.u1-2"); should two ids map alike, the later gets ".2",
".3"... The exact id is always in the unit's `name` attribute, which tools show and which reads back.

Characters XML 1.0 cannot carry (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF)
are written in <source>/<target> as XLIFF's <cp hex="…"/>, so nothing is lost; in notes, which admit
no markup, as the text "[U+0001]". A carriage return is written as a newline (XML reads it so anyway).
xml:space="preserve" on <file> keeps the texts' spaces and line breaks.

render_tmx(result) gives a TMX 1.4b memory of last year's pair: one <tu> per pair of aligned paragraphs
(as carry paired them: the result's `pairs`) with text on both sides, tuid = the old source id, a prop
x-target-id = the old target id, a <tuv xml:lang> per side; segtype "paragraph". TMX has no escape
for characters XML cannot carry: they are dropped there.

Both are written with the standard library's xml.etree (no dependency): attributes in a fixed order,
no dates, so the same result gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .. import __version__
from ..model import DELETE, INSERT, unique_id
from ..results import CARRIED, TRANSLATE, UPDATED, Carried, CarryResult

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0"
SEGMENT_ID = "s1"  # each unit has one segment; a translation candidate points to it

STATE = {CARRIED: "final", UPDATED: "translated", TRANSLATE: "initial"}

# characters XML 1.0 does not allow (Char production): C0 controls but tab, LF and CR; surrogates; FFFE/FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NMTOKEN_BAD = re.compile(r"[^A-Za-z0-9._:\-]")


def xliff_id(pid: str) -> str:
    """A paragraph id as an XML NMTOKEN: "(x)" → "_x", any other character outside [A-Za-z0-9._:-] → "-"."""
    s = re.sub(r"\(([^()]*)\)", r"_\1", pid)
    return _NMTOKEN_BAD.sub("-", s) or "-"


def _unique_ids(pids) -> list[str]:
    seen: set[str] = set()
    return [unique_id(xliff_id(pid), seen, ".") for pid in pids]


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _note_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"[U+{ord(m.group()):04X}]", _clean(text))


def _set_inline(el: ET.Element, text: str) -> None:
    """`text` as the content of <source>/<target>: plain text, with <cp hex/> for what XML cannot carry."""
    text = _clean(text)
    parts = _NOT_XML.split(text)
    bad = _NOT_XML.findall(text)
    el.text = parts[0]
    for ch, after in zip(bad, parts[1:], strict=True):
        cp = ET.SubElement(el, "cp", {"hex": f"{ord(ch):04X}"})
        cp.tail = after


def _ops_text(ops) -> str:
    out = []
    for op, s in ops:
        out.append(f"[-{s}-]" if op == DELETE else f"{{+{s}+}}" if op == INSERT else s)
    return "".join(out)


def _status_note(p: Carried) -> str:
    what = "the source paragraph" if p.kind == "paragraph" else f"the source's {p.kind} line"
    origin = p.from_id if p.kind == "paragraph" else f"its {p.kind} line"
    if p.status == CARRIED:
        return f"carried: {what} did not change; last year's translation of {origin}, word for word"
    if p.status == UPDATED:
        n = len(p.updates)
        return (f"updated: last year's translation of {origin} with {n} routine update{'s' * (n != 1)} "
                f"made as the source's; check them")
    return f"translate: {p.reason or 'no translation could be carried'}"


def _update_note(u) -> str:
    src = (f"“{u.source_old}” → “{u.source_new}”" if u.source_old and u.source_new
           else f"adds “{u.source_new}”" if u.source_new else f"removes “{u.source_old}”" if u.source_old
           else "")
    return f"{u.kind}: “{u.old}” → “{u.new}”" + (f" (the source {src})" if src else "")


def _has_match(p: Carried) -> bool:
    """A paragraph to translate that last year's translation still serves: a translation candidate."""
    return p.status == TRANSLATE and bool(p.text) and bool(p.old_source_text)


def _notes(p: Carried) -> list[tuple[str, str, str | None]]:
    """(category, text, appliesTo) for each note of a unit, in a fixed order."""
    notes: list[tuple[str, str, str | None]] = [("resdiff-status", _status_note(p), None)]
    for u in p.updates:
        notes.append(("resdiff-update", _update_note(u), "target"))
    if p.source_ops and any(op != "equal" for op, _ in p.source_ops):
        notes.append(("resdiff-source-change", _ops_text(p.source_ops), "source"))
    if p.status == TRANSLATE and p.text and not _has_match(p):
        notes.append(("resdiff-old-target", p.text, "target"))
    if p.prefix:
        notes.append(("resdiff-number", p.prefix.strip(), "target"))
    return notes


def _indent(el: ET.Element, structural: frozenset[str], level: int = 0) -> None:
    """Line breaks and indentation between structural elements only (never inside texts)."""
    if el.tag not in structural or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for i, child in enumerate(el):
        _indent(child, structural, level + 1)
        child.tail = pad if i < len(el) - 1 else "\n" + "  " * level


def _footnote_units(result: CarryResult) -> list[Carried]:
    """The new source's footnotes as units: carried where the old source had the same footnote."""
    return [Carried(id=f"FN{f.marker}", status=f.status, text=f.text, source_text=f.source_text,
                    from_id=f"FN{f.from_marker}" if f.from_marker else None, kind="footnote",
                    reason=None if f.status == CARRIED else "a footnote not in the old source")
            for f in result.footnotes]


def units(result: CarryResult) -> list[Carried]:
    """Every unit of the draft in document order: the masthead and title lines, the paragraphs, the closing
    lines and the footnotes."""
    head = [m for m in result.masthead if m.kind not in ("meeting", "date")]
    closing = [m for m in result.masthead if m.kind in ("meeting", "date")]
    return head + list(result.paragraphs) + closing + _footnote_units(result)


def _tag(result: CarryResult, side: str) -> str:
    if side == "source":
        return result.source_tag or result.new_source.language
    return result.target_tag or result.old_target.language


def render_xliff(result: CarryResult) -> str:
    """The draft as XLIFF 2.0: srcLang and trgLang the tags as given (else the documents' languages); see the
    module for the units, states, matches and notes."""
    root = ET.Element("xliff", {"xmlns": XLIFF_NS, "xmlns:mtc": MTC_NS, "version": "2.0",
                                "srcLang": _tag(result, "source"), "trgLang": _tag(result, "target")})
    file_attrs = {"id": "f1"}
    if result.new_source.metadata.symbol:
        file_attrs["original"] = result.new_source.metadata.symbol
    file_attrs[XML_SPACE] = "preserve"
    file_el = ET.SubElement(root, "file", file_attrs)
    all_units = units(result)
    ids = _unique_ids(p.id for p in all_units)
    origin_symbol = result.old_target.metadata.symbol or result.old_target.source
    for uid, p in zip(ids, all_units, strict=True):
        attrs = {"id": uid, "name": p.id}
        if p.kind != "paragraph":
            attrs["type"] = f"resdiff:{p.kind}"
        if p.status == CARRIED:
            attrs["translate"] = "no"  # locked: last year's words stand
        unit = ET.SubElement(file_el, "unit", attrs)
        if _has_match(p):
            matches = ET.SubElement(unit, "mtc:matches")
            m_attrs = {"ref": f"#{SEGMENT_ID}", "type": "tm", "origin": f"{origin_symbol} {p.from_id}"}
            if p.similarity is not None:
                m_attrs["similarity"] = f"{100 * p.similarity:.1f}"
            match = ET.SubElement(matches, "mtc:match", m_attrs)
            _set_inline(ET.SubElement(match, "source"), p.old_source_text)
            _set_inline(ET.SubElement(match, "target"), p.text)
        notes_el = ET.SubElement(unit, "notes")
        for category, text, applies in _notes(p):
            n_attrs = {"category": category}
            if applies:
                n_attrs["appliesTo"] = applies
            ET.SubElement(notes_el, "note", n_attrs).text = _note_text(text)
        seg = ET.SubElement(unit, "segment", {"id": SEGMENT_ID, "state": STATE[p.status],
                                              "subState": f"resdiff:{p.status}"})
        _set_inline(ET.SubElement(seg, "source"), p.source_text)
        if p.status != TRANSLATE:
            _set_inline(ET.SubElement(seg, "target"), p.text)
    _indent(root, frozenset({"xliff", "file", "unit", "notes", "segment", "mtc:matches", "mtc:match"}))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_tmx(result: CarryResult) -> str:
    """Last year's pair as a TMX 1.4b memory: one <tu> per aligned pair with text on both sides."""
    src, tgt = result.old_source, result.old_target
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(root, "header", {
        "creationtool": "resdiff", "creationtoolversion": __version__, "segtype": "paragraph",
        "o-tmf": "resdiff", "adminlang": "en", "srclang": src.language, "datatype": "plaintext"})
    for kind, doc in (("x-source-symbol", src), ("x-target-symbol", tgt)):
        if doc.metadata.symbol:
            ET.SubElement(header, "prop", {"type": kind}).text = doc.metadata.symbol
    body = ET.SubElement(root, "body")
    src_text = {p.id: p.text for p in src.paragraphs}
    tgt_text = {p.id: p.text for p in tgt.paragraphs}
    for pair in result.pairs:
        if pair.source is None or pair.target is None:
            continue
        a, b = src_text[pair.source], tgt_text[pair.target]
        if not a.strip() or not b.strip():
            continue
        tu = ET.SubElement(body, "tu", {"tuid": pair.source})
        ET.SubElement(tu, "prop", {"type": "x-target-id"}).text = pair.target
        for lang, text in ((src.language, a), (tgt.language, b)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = _NOT_XML.sub("", _clean(text))
    _indent(root, frozenset({"tmx", "header", "body", "tu", "tuv"}))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + ET.tostring(root, encoding="unicode") + "\n")
