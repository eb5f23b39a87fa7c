"""The neutral data model every stage produces or reads: documents and their paragraphs and footnotes, and
the diff of two documents. Frozen records that check their own invariants (a changed copy is `record.replace(...)`; its
fields, in order, `fields(record)`). The results of the other commands (check, session, series and blame,
carry) are in results.py, the other half of the model layer, so that a parse or a diff does not pay for
creating their classes."""

from __future__ import annotations

from .records import _Record, _record, _set
from .records import fields as fields  # a record's fields, named: part of the model's API
from .status import ExitStatus, changes_status

PREAMBULAR = "preambular"
OPERATIVE = "operative"
ANNEX = "annex"  # a paragraph of an annexed declaration or programme of action

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
@_record
class Metadata(_Record):
    """What a resolution says of itself: its symbol, session, language, title, dates, agenda item, report."""

    symbol: str | None = None
    session: int | None = None
    language: str | None = None
    title: str | None = None
    adopted: str | None = None  # ISO date
    distributed: str | None = None  # ISO date
    agenda_item: str | None = None
    report: str | None = None  # committee report symbol, e.g. A/75/399
    report_paragraph: str | None = None
    meeting: int | None = None  # plenary meeting number
    sponsors: str | None = None  # a draft's list of sponsors

    def __init__(self, symbol: str | None = None, session: int | None = None, language: str | None = None,
                 title: str | None = None, adopted: str | None = None, distributed: str | None = None,
                 agenda_item: str | None = None, report: str | None = None, report_paragraph: str | None = None,
                 meeting: int | None = None, sponsors: str | None = None) -> None:
        _set(self, "symbol", symbol)
        _set(self, "session", session)
        _set(self, "language", language)
        _set(self, "title", title)
        _set(self, "adopted", adopted)
        _set(self, "distributed", distributed)
        _set(self, "agenda_item", agenda_item)
        _set(self, "report", report)
        _set(self, "report_paragraph", report_paragraph)
        _set(self, "meeting", meeting)
        _set(self, "sponsors", sponsors)


@_record
class Footnote(_Record):
    """A footnote of the document: its marker and text, and where it starts."""

    # a long document holds 100,000s of these: no dictionary each (so the defaults are __init__'s only)
    __slots__ = ("marker", "text", "line", "page")
    marker: str
    text: str
    line: int  # 1-based line where the footnote starts: of the file, or of its page where `page` is set
    page: int | None  # 1-based page of a paged source (a PDF, or text with form feeds)

    def __init__(self, marker: str, text: str, line: int = 0, page: int | None = None) -> None:
        _set(self, "marker", marker)
        _set(self, "text", text)
        _set(self, "line", line)
        _set(self, "page", page)

    @property
    def id(self) -> str:
        return f"FN{self.marker}"


@_record
class Paragraph(_Record):
    """A preambular, operative or annex paragraph: its id (PP1, OP3(a)), text and footnote markers."""

    # a long document holds 100,000s of these: no dictionary each (so the defaults are __init__'s only)
    __slots__ = ("id", "kind", "text", "number", "letter", "footnotes", "line", "page", "marks", "prefix")
    id: str
    kind: str  # PREAMBULAR, OPERATIVE or ANNEX
    text: str
    number: str | None  # printed operative number, "3"
    letter: str | None  # sub-paragraph letter, "a"
    footnotes: tuple[str, ...]  # markers cited, in order
    line: int  # 1-based line where the paragraph starts: of the file, or of its page where `page` is set
    page: int | None  # 1-based page of a paged source (a PDF, or text with form feeds)
    marks: tuple[int, ...]  # offset in `text` where each cited marker stood
    prefix: str  # the printed numbering taken off the text: "1. ", "(a) "

    def __init__(self, id: str, kind: str, text: str, number: str | None = None, letter: str | None = None,
                 footnotes: tuple[str, ...] = (), line: int = 0, page: int | None = None, marks: tuple[int, ...] = (),
                 prefix: str = "") -> None:
        _set(self, "id", id)
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "number", number)
        _set(self, "letter", letter)
        _set(self, "footnotes", footnotes)
        _set(self, "line", line)
        _set(self, "page", page)
        _set(self, "marks", marks)
        _set(self, "prefix", prefix)
        self.__post_init__()

    def __post_init__(self) -> None:
        if self.kind not in (PREAMBULAR, OPERATIVE, ANNEX):
            raise ValueError(f"unknown paragraph kind {self.kind!r}")


@_record
class ParseWarning(_Record):
    """A parse that breaks the document's own structure says so: a stable code, the paragraph (or
    footnote) it concerns, and a sentence for the reader."""

    code: str
    id: str | None
    message: str

    def __init__(self, code: str, id: str | None, message: str) -> None:
        _set(self, "code", code)
        _set(self, "id", id)
        _set(self, "message", message)

    def __str__(self) -> str:
        return f"{self.id}: {self.message} [{self.code}]" if self.id else f"{self.message} [{self.code}]"


def unique_id(base: str, seen: set[str], sep: str) -> str:
    """`base`, or where `seen` has it already, the first of base + sep + 2, 3 … it has not; added to `seen`."""
    uid, k = base, 2
    while uid in seen:
        uid, k = f"{base}{sep}{k}", k + 1
    seen.add(uid)
    return uid


@_record
class Document(_Record):
    """A parsed resolution: its metadata, paragraphs and footnotes, and what the parse read besides."""

    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    source: str = "<text>"
    other: tuple[str, ...] = ()  # masthead, title, closing and page-furniture lines: read, not content
    warnings: tuple[ParseWarning, ...] = ()  # where the parse breaks the document's own structure
    source_kind: str = "text"  # "text", "pdf", "docx", "html", "markdown": what `line` and `page` count in

    def __init__(self, metadata: Metadata, paragraphs: tuple[Paragraph, ...], footnotes: tuple[Footnote, ...] = (),
                 source: str = "<text>", other: tuple[str, ...] = (), warnings: tuple[ParseWarning, ...] = (),
                 source_kind: str = "text") -> None:
        _set(self, "metadata", metadata)
        _set(self, "paragraphs", paragraphs)
        _set(self, "footnotes", footnotes)
        _set(self, "source", source)
        _set(self, "other", other)
        _set(self, "warnings", warnings)
        _set(self, "source_kind", source_kind)

    @property
    def language(self) -> str:
        return self.metadata.language or "en"

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)


EQUAL, DELETE, INSERT = "equal", "delete", "insert"
UNCHANGED, MODIFIED, INSERTED, DELETED = "unchanged", "modified", "inserted", "deleted"
CHANGE_KINDS = (UNCHANGED, MODIFIED, INSERTED, DELETED)
# what a changed region of a modified paragraph is (Change.op_kinds)
ROUTINE, EDITORIAL, SUBSTANTIVE = "routine", "editorial", "substantive"
REGION_KINDS = ("", ROUTINE, EDITORIAL, SUBSTANTIVE)


@_record
class Change(_Record):
    """One entry of a document diff: paragraphs (or footnotes) of each side that belong together."""

    # a long document holds 100,000s of these: no dictionary each (so the defaults are __init__'s only)
    __slots__ = ("kind", "old", "new", "moved", "similarity", "ops", "old_text", "new_text", "routine", "clauses",
                 "editorial", "op_kinds", "marker_moves")
    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool
    similarity: float | None
    ops: tuple[tuple[str, str], ...]
    old_text: str
    new_text: str
    routine: bool  # only numbers, symbols, dates, ordinals and list glue changed
    clauses: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # changed clause regions
    editorial: bool  # only letter case, hyphen, dash, quote forms, spacing, width, marker places
    # for a modification, one entry an op: "" for equal text, else ROUTINE, EDITORIAL or SUBSTANTIVE (the
    # kind of the changed region the op belongs to: a substantive paragraph still tells its editorial parts)
    op_kinds: tuple[str, ...]
    # footnote markers that stand elsewhere in the new text: (marker, offset in old_text, offset in new_text)
    marker_moves: tuple[tuple[str, int, int], ...]

    def __init__(self, kind: str, old: tuple[str, ...], new: tuple[str, ...], moved: bool = False,
                 similarity: float | None = None, ops: tuple[tuple[str, str], ...] = (), old_text: str = "",
                 new_text: str = "", routine: bool = False,
                 clauses: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (), editorial: bool = False,
                 op_kinds: tuple[str, ...] = (), marker_moves: tuple[tuple[str, int, int], ...] = ()) -> None:
        _set(self, "kind", kind)
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "moved", moved)
        _set(self, "similarity", similarity)
        _set(self, "ops", ops)
        _set(self, "old_text", old_text)
        _set(self, "new_text", new_text)
        _set(self, "routine", routine)
        _set(self, "clauses", clauses)
        _set(self, "editorial", editorial)
        _set(self, "op_kinds", op_kinds)
        _set(self, "marker_moves", marker_moves)
        self.__post_init__()

    def __post_init__(self) -> None:
        if self.routine and self.kind != MODIFIED:
            raise ValueError("only a modification can be routine")
        if self.editorial and (self.kind != MODIFIED or self.routine):
            raise ValueError("only a modification that is not routine can be editorial")
        if self.op_kinds and (len(self.op_kinds) != len(self.ops)
                              or any(bool(k) != (op != EQUAL) or k not in REGION_KINDS[1:] + ("",)
                                     for (op, _), k in zip(self.ops, self.op_kinds, strict=True))):
            raise ValueError("op_kinds: one kind for each changed op, none for equal text")
        if self.kind not in CHANGE_KINDS:
            raise ValueError(f"unknown change kind {self.kind!r}")
        if self.kind == INSERTED and (self.old or not self.new):
            raise ValueError("an insertion has new ids only")
        if self.kind == DELETED and (self.new or not self.old):
            raise ValueError("a deletion has old ids only")
        if self.kind in (UNCHANGED, MODIFIED) and not (self.old and self.new):
            raise ValueError(f"a {self.kind} entry needs ids on both sides")
        if self.ops:
            old = "".join(t for op, t in self.ops if op != INSERT)
            new = "".join(t for op, t in self.ops if op != DELETE)
            if old != self.old_text or new != self.new_text:
                raise ValueError("ops do not rebuild both texts")

    @property
    def is_footnote(self) -> bool:
        return (self.old or self.new)[0].startswith("FN")

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new) and self.old != self.new

    @property
    def is_change(self) -> bool:
        return self.kind != UNCHANGED or self.moved

    @property
    def counts_as_routine(self) -> bool:
        """A routine update left in place: a routine paragraph that also moved is substantive."""
        return self.routine and not self.moved

    @property
    def counts_as_editorial(self) -> bool:
        """An editorial correction left in place: one that also moved is substantive."""
        return self.editorial and not self.moved

    @property
    def is_substantive(self) -> bool:
        """A change other than a routine update or an editorial correction in place."""
        return self.is_change and not self.counts_as_routine and not self.counts_as_editorial

    @property
    def is_split(self) -> bool:
        return bool(self.old and self.new and len(self.old) < len(self.new))

    @property
    def is_merged(self) -> bool:
        return bool(self.old and self.new and len(self.old) > len(self.new))

    @property
    def renumbered_one_to_one(self) -> bool:
        """Renumbered, neither split nor merged."""
        return self.renumbered and len(self.old) == len(self.new)


@_record
class DocumentDiff(_Record):
    """Two versions of a document and the changes from the old to the new, paragraph by paragraph."""

    old: Document
    new: Document
    changes: tuple[Change, ...] = ()

    def __init__(self, old: Document, new: Document, changes: tuple[Change, ...] = ()) -> None:
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "changes", changes)

    @property
    def has_changes(self) -> bool:
        return any(c.is_change for c in self.changes)

    @property
    def has_substantive_changes(self) -> bool:
        """Changes other than routine updates and editorial corrections (one that also moved counts)."""
        return any(c.is_substantive for c in self.changes)

    def exit_status(self, fail_on: str = "any") -> ExitStatus:
        """`resdiff diff`'s status: 1 where there are differences, any change (--fail-on any) or substantive
        ones only (--fail-on substantive: routine updates and editorial corrections alone exit 0)."""
        return changes_status(self, fail_on, "diff")

    def stats(self) -> dict[str, int]:
        out = {k: 0 for k in CHANGE_KINDS}
        out["moved"] = 0
        out["routine"] = 0
        out["editorial"] = 0
        out["renumbered"] = out["split"] = out["merged"] = 0
        for c in self.changes:
            out[c.kind] += 1
            out["moved"] += c.moved
            out["routine"] += c.routine
            out["editorial"] += c.editorial
            out["renumbered"] += c.renumbered_one_to_one
            out["split"] += c.is_split
            out["merged"] += c.is_merged
        return out
