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

render_tmx(result) gives a TMX 1.4b memory (valid against LISA's tmx14.dtd) of what a translator's tool
should know next year. First the draft: one <tu> per unit of the new source with a carried or updated
translation (masthead, title, paragraphs, closing, footnotes): the new source ↔ the draft, which a CAT tool
applies as exact matches (OmegaT's tm/auto inserts them). Then last year's pairs that the draft did not
carry (reworded, deleted, not updated with certainty): fuzzy matches; but not a pair whose source is word
for word a paragraph left to translate (its footnote references changed, say), which a tool would apply as
an exact match that resdiff refused. Each <tu> has a tuid ("A/RES/76/99
PP12"), creationdate (the day last year's translation was published: the old target's adoption date, else
its distribution date), creationid "resdiff" (the tool that made the unit; the translator is not known),
changedate and changeid "resdiff" where resdiff updated the translation, and props: x-document (the
symbol: memoQ's Document field), x-paragraph (the paragraph id), x-resdiff-status (carried, updated,
last-year), x-origin or x-target-id (where the translation comes from), and the same symbol and id in
Trados Studio's custom-field form (x-Document:SingleString, x-Paragraph:SingleString). The source <tuv>
carries the previous and next source segment of the same document as memoQ writes and reads its context
(<prop type="x-context-pre">, x-context-post, holding "<seg>…</seg>"): a memoQ memory with context gives
a 101% (ContexTM) match where both neighbours match too. Trados Studio's own context is a pair of hashes
(x-Context) that only Studio computes; it is not written. By sentence (segmentation="sentence"): each unit
whose source and target split into as many sentences (lang.split_sentences) becomes one <tu> a sentence
(tuid "… PP12.s2", prop x-sentence), else it stays whole with segtype="paragraph"; the context is then the
neighbouring sentences. TMX has no escape for characters XML cannot carry: they are dropped there.

Both are written with the standard library's xml.etree (no dependency): attributes in a fixed order, the
only date not read from the documents (an update's changedate) given by the caller, so the same result and
day give the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .. import __version__
from ..lang import split_sentences
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


def _tmx_date(iso: str | None) -> str | None:
    """'2020-12-07' -> '20201207T000000Z' (TMX's ISO 8601 basic form, UTC)."""
    return f"{iso.replace('-', '')}T000000Z" if iso else None


def _doc_date(doc) -> str | None:
    """When a document's translation was published: its adoption date, else its distribution date."""
    return _tmx_date(doc.metadata.adopted or doc.metadata.distributed)


def _same(text: str) -> str:
    """A text as a CAT tool compares segments: spaces folded."""
    return " ".join(text.split())


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", _clean(text)).strip()


class _Tu:
    """One translation unit before it is written: texts, ids, dates, and the source's neighbours."""

    def __init__(self, tuid, source, target, attrs, props, segtype=None):
        self.tuid, self.source, self.target, self.attrs, self.props = tuid, source, target, attrs, props
        self.segtype = segtype
        self.pre = self.post = None


def _by_sentence(tus: list[_Tu], ls: str, lt: str) -> list[_Tu]:
    """Each unit split into sentences where both sides have as many; else kept whole, segtype paragraph (a
    unit without a target, kept only as its neighbours' context, is split by its source alone)."""
    out = []
    for tu in tus:
        a = split_sentences(tu.source, ls)
        b = split_sentences(tu.target, lt) if tu.target is not None else [None] * len(a)
        if len(a) < 2 or len(a) != len(b):
            out.append(_Tu(tu.tuid, tu.source, tu.target, tu.attrs, tu.props, None if len(a) < 2 else "paragraph"))
            continue
        for k, (x, y) in enumerate(zip(a, b, strict=True), 1):
            out.append(_Tu(f"{tu.tuid}.s{k}", x, y, tu.attrs, tu.props + [("x-sentence", str(k))]))
    return out


def _with_context(tus: list[_Tu]) -> list[_Tu]:
    """Each unit's previous and next source segment in its document, as memoQ stores context."""
    def doc(o):
        return None if o is None else dict(o.props).get("x-document")

    for prev, tu, nxt in zip([None, *tus[:-1]], tus, [*tus[1:], None], strict=True):
        tu.pre = _xml_text(prev.source) if prev is not None and doc(prev) == doc(tu) else None
        tu.post = _xml_text(nxt.source) if nxt is not None and doc(nxt) == doc(tu) else None
    return tus


def tmx_units(result: CarryResult, today: str) -> list[_Tu]:
    """The memory's units: the draft's (the new source with every carried and updated translation, which a
    CAT tool applies as exact matches), then last year's pairs that the draft did not carry (reworded,
    deleted, or not updated with certainty: fuzzy matches for the translator)."""
    new, old_s, old_t = result.new_source, result.old_source, result.old_target
    new_symbol = new.metadata.symbol or new.source
    old_symbol = old_t.metadata.symbol or old_t.source
    published = _doc_date(old_t)
    draft, used = [], set()
    for p in units(result):
        if p.status == TRANSLATE or not p.text.strip():  # no translation: its source is context only
            draft.append(_Tu(p.id, p.source_text, None, {}, [("x-document", new_symbol)]))
            continue
        attrs = {"creationid": "resdiff"}
        if published:
            attrs["creationdate"] = published
        if p.status == UPDATED:
            attrs.update(changedate=_tmx_date(today), changeid="resdiff")
        if p.from_id:
            used.add(p.from_id)
        draft.append(_Tu(f"{new_symbol} {p.id}", p.source_text, p.text, attrs, [
            ("x-document", new_symbol), ("x-paragraph", p.id), ("x-resdiff-status", p.status),
            ("x-origin", f"{old_symbol} {p.from_id}" if p.kind in ("paragraph", "footnote") else old_symbol)]))
    src_text = {p.id: p.text for p in old_s.paragraphs}
    tgt_text = {p.id: p.text for p in old_t.paragraphs}
    last = []
    target_of = {pair.source: pair.target for pair in result.pairs if pair.source and pair.target}
    # last year's pair of a paragraph that did not change but was left to translate (its footnote references
    # differ, say): a tool would apply it as an exact match, which resdiff refused; left out
    refused = {_same(p.source_text) for p in units(result) if p.status == TRANSLATE}
    for pid, a in src_text.items():
        t = target_of.get(pid)
        if t is None or t in used or not tgt_text[t].strip() or _same(a) in refused:  # context only
            last.append(_Tu(pid, a, None, {}, [("x-document", old_symbol)]))
            continue
        b = tgt_text[t]
        attrs = {"creationid": "resdiff"}
        if published:
            attrs["creationdate"] = published
        last.append(_Tu(f"{old_symbol} {pid}", a, b, attrs, [
            ("x-document", old_symbol), ("x-paragraph", pid), ("x-resdiff-status", "last-year"),
            ("x-target-id", t)]))
    return draft + last


def render_tmx(result: CarryResult, segmentation: str = "paragraph", today: str | None = None) -> str:
    """The draft and last year's pair as a TMX 1.4b memory (see the module): by paragraph, or by sentence
    where both sides of a unit have as many sentences. `today` (ISO date) is the change date of the units
    resdiff updated; the run's date (UTC) where not given."""
    import datetime

    if segmentation not in ("paragraph", "sentence"):
        raise ValueError(f"unknown segmentation {segmentation!r}")
    today = today or datetime.datetime.now(datetime.UTC).date().isoformat()
    ls, lt = _tag(result, "source"), _tag(result, "target")
    tus = tmx_units(result, today)
    if segmentation == "sentence":
        tus = _by_sentence(tus, result.new_source.language, result.old_target.language)
    tus = _with_context(tus)
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(root, "header", {
        "creationtool": "resdiff", "creationtoolversion": __version__, "segtype": segmentation,
        "o-tmf": "resdiff", "adminlang": "en", "srclang": ls, "datatype": "plaintext"})
    for kind, doc in (("x-source-symbol", result.old_source), ("x-target-symbol", result.old_target)):
        if doc.metadata.symbol:
            ET.SubElement(header, "prop", {"type": kind}).text = doc.metadata.symbol
    body = ET.SubElement(root, "body")
    for tu in tus:
        if tu.target is None:
            continue
        source, target = _xml_text(tu.source), _xml_text(tu.target)
        if not source or not target:
            continue
        attrs = {"tuid": tu.tuid, **tu.attrs}
        if tu.segtype:
            attrs["segtype"] = tu.segtype
        el = ET.SubElement(body, "tu", attrs)
        props = dict(tu.props)
        for kind, value in tu.props:
            ET.SubElement(el, "prop", {"type": kind}).text = value
        # Trados Studio's custom-field form (x-Name:Type): imported as the TM's text fields
        ET.SubElement(el, "prop", {"type": "x-Document:SingleString"}).text = props["x-document"]
        ET.SubElement(el, "prop", {"type": "x-Paragraph:SingleString"}).text = props["x-paragraph"]
        tuv = ET.SubElement(el, "tuv", {XML_LANG: ls})
        # memoQ's context (ContexTM): the neighbouring source segments, each as "<seg>…</seg>" text
        if tu.pre:
            ET.SubElement(tuv, "prop", {"type": "x-context-pre"}).text = f"<seg>{_escape(tu.pre)}</seg>"
        if tu.post:
            ET.SubElement(tuv, "prop", {"type": "x-context-post"}).text = f"<seg>{_escape(tu.post)}</seg>"
        ET.SubElement(tuv, "seg").text = source
        ET.SubElement(ET.SubElement(el, "tuv", {XML_LANG: lt}), "seg").text = target
    _indent(root, frozenset({"tmx", "header", "body", "tu", "tuv"}))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def _escape(text: str) -> str:
    """A segment's text as the markup inside a context prop (which the XML writer escapes once more)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
