"""The neutral data model every stage produces or reads, and the result of every command: documents, a
diff, a check's findings (with the rules and severities they use), a series and its blame, a carried draft.
Frozen dataclasses, but for a session's result, which the session fills in as its pairs are checked."""

from __future__ import annotations

from dataclasses import dataclass, field

PREAMBULAR = "preambular"
OPERATIVE = "operative"
ANNEX = "annex"  # a paragraph of an annexed declaration or programme of action

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class Metadata:
    symbol: str | None = None
    session: int | None = None
    language: str | None = None
    title: str | None = None
    adopted: str | None = None  # ISO date
    distributed: str | None = None  # ISO date
    agenda_item: str | None = None
    agenda_title: str | None = None
    report: str | None = None  # committee report symbol, e.g. A/75/399
    report_paragraph: str | None = None
    meeting: int | None = None  # plenary meeting number
    job_number: str | None = None
    sponsors: str | None = None  # a draft's list of sponsors


@dataclass(frozen=True)
class Footnote:
    marker: str
    text: str
    line: int = 0  # 1-based line of the source where the footnote starts

    @property
    def id(self) -> str:
        return f"FN{self.marker}"


@dataclass(frozen=True)
class Paragraph:
    id: str
    kind: str  # PREAMBULAR, OPERATIVE or ANNEX
    text: str
    number: str | None = None  # printed operative number, "3"
    letter: str | None = None  # sub-paragraph letter, "a"
    footnotes: tuple[str, ...] = ()  # markers cited, in order
    line: int = 0  # 1-based line of the source where the paragraph starts
    marks: tuple[int, ...] = ()  # offset in `text` where each cited marker stood
    prefix: str = ""  # the printed numbering taken off the text: "1. ", "(a) "

    def __post_init__(self) -> None:
        if self.kind not in (PREAMBULAR, OPERATIVE, ANNEX):
            raise ValueError(f"unknown paragraph kind {self.kind!r}")


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    source: str = "<text>"
    other: tuple[str, ...] = ()  # masthead, title, closing and page-furniture lines: read, not content
    warnings: tuple[str, ...] = ()  # what the parser doubts: "no operative paragraph found …"

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


@dataclass(frozen=True)
class Change:
    """One entry of a document diff: paragraphs (or footnotes) of each side that belong together."""

    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False
    similarity: float | None = None
    ops: tuple[tuple[str, str], ...] = ()
    old_text: str = ""
    new_text: str = ""
    routine: bool = False  # only numbers, symbols, dates, ordinals and list glue changed
    clauses: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()  # changed clause regions

    def __post_init__(self) -> None:
        if self.routine and self.kind != MODIFIED:
            raise ValueError("only a modification can be routine")
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


@dataclass(frozen=True)
class DocumentDiff:
    old: Document
    new: Document
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def has_changes(self) -> bool:
        return any(c.is_change for c in self.changes)

    @property
    def has_substantive_changes(self) -> bool:
        """Changes other than routine updates (a routine paragraph that also moved counts)."""
        return any(c.is_change and not (c.routine and not c.moved) for c in self.changes)

    def stats(self) -> dict[str, int]:
        out = {k: 0 for k in CHANGE_KINDS}
        out["moved"] = 0
        out["routine"] = 0
        out["renumbered"] = out["split"] = out["merged"] = 0
        for c in self.changes:
            out[c.kind] += 1
            out["moved"] += c.moved
            out["routine"] += c.routine
            out["renumbered"] += c.renumbered and len(c.old) == len(c.new)
            out["split"] += bool(c.old and c.new and len(c.old) < len(c.new))
            out["merged"] += bool(c.old and c.new and len(c.old) > len(c.new))
        return out


# --- check: two language versions of one resolution ---------------------------------------------

ERROR, WARNING, NOTE = "error", "warning", "note"
SEVERITY_ORDER = {NOTE: 0, WARNING: 1, ERROR: 2}

# rule id -> (default severity, what it checks). Ids are stable: configs, baselines and SARIF use them.
RULES: dict[str, tuple[str, str]] = {
    "paragraph-missing": (ERROR, "a paragraph of the source has no counterpart in the target"),
    "paragraph-extra": (ERROR, "a paragraph of the target has no counterpart in the source"),
    "operative-number-mismatch": (ERROR, "paired operative paragraphs carry different numbers"),
    "subparagraph-mismatch": (ERROR, "paired sub-paragraphs carry different letters"),
    "numbering-error": (ERROR, "operative numbering has a gap or a duplicate in both versions"),
    "number-mismatch": (ERROR, "numbers differ between paired paragraphs"),
    "date-mismatch": (ERROR, "dates or date ranges differ between paired paragraphs"),
    "symbol-mismatch": (ERROR, "document symbols differ between paired paragraphs"),
    "ordinal-mismatch": (ERROR, "ordinals (sessions, meetings, anniversaries, sections, annexes) differ"),
    "footnote-marker-mismatch": (ERROR, "paired paragraphs cite different footnotes"),
    "footnote-mismatch": (ERROR, "a footnote is missing, or its numbers, dates or symbols differ"),
    "metadata-mismatch": (ERROR, "symbol, session, adoption date, report or meeting differ"),
    "change-parity": (ERROR, "a paragraph changed in one language but not in the other"),
    "change-fact-mismatch": (ERROR, "a change's numbers, dates or symbols differ between the languages"),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    source: str | None
    target: str | None
    message: str
    source_line: int = 0
    target_line: int = 0
    source_value: str | None = None
    target_value: str | None = None
    source_excerpt: str | None = None  # a few words around the mismatched value, as each text writes them
    target_excerpt: str | None = None

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise ValueError(f"unknown rule {self.rule!r}")
        if self.severity not in SEVERITY_ORDER:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def fingerprint(self) -> str:
        """Stable across runs and line moves: what a baseline records."""
        import hashlib  # (here: a diff or a parse never needs it)

        key = f"{self.rule}|{self.source}|{self.target}|{self.source_value}|{self.target_value}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]


# How two paragraphs were paired: the n-th with the n-th of the same kind (the counts agree), by their
# printed number (one text kept the gap where its paragraph is missing), by a length, punctuation and
# facts alignment (the counts differ), or not at all.
STRUCTURE, NUMBER, ALIGNMENT, UNPAIRED = "structure", "number", "alignment", "unpaired"


@dataclass(frozen=True)
class Pair:
    source: str | None
    target: str | None
    how: str


@dataclass(frozen=True)
class CheckResult:
    source: Document
    target: Document
    findings: tuple[Finding, ...]
    pairs: tuple[Pair, ...] = ()  # how the paragraphs were paired

    @property
    def uneven_pairs(self) -> tuple[Pair, ...]:
        """The pairs a reviewer should see: not simply the n-th with the n-th."""
        return tuple(p for p in self.pairs if p.how != STRUCTURE)

    def failed(self, fail_on: str = ERROR) -> bool:
        return any(SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on] for f in self.findings)


# --- a session: the documents of two folders, checked pair by pair ---------------------------------

# Findings about documents rather than paragraphs (rule id -> what it says)
DOCUMENT_RULES = {
    "document-missing": "a document of the source folder has no counterpart (same symbol) in the target folder",
    "document-extra": "a document of the target folder has no counterpart in the source folder",
    "document-unreadable": "a document could not be read or is not a resolution",
    "document-duplicate": "two documents of one folder carry the same symbol",
}


@dataclass(frozen=True)
class DocumentFinding:
    rule: str
    severity: str
    path: str
    message: str
    symbol: str | None = None


@dataclass
class SessionResult:
    results: list[CheckResult] = field(default_factory=list)
    findings: list[DocumentFinding] = field(default_factory=list)

    def failed(self, fail_on: str = ERROR) -> bool:
        level = SEVERITY_ORDER[fail_on]
        return any(r.failed(fail_on) for r in self.results) or any(
            SEVERITY_ORDER[f.severity] >= level for f in self.findings)


# --- series and blame: several versions of one resolution ------------------------------------------

NEW, SAME, CHANGED, GONE = "new", "same", "changed", "gone"


@dataclass(frozen=True)
class Lineage:
    """One paragraph followed through every version: its id, state, and whether a change was routine."""

    ids: tuple[str | None, ...]
    states: tuple[str | None, ...]
    routine: tuple[bool, ...]
    moved: tuple[bool, ...]

    def __post_init__(self) -> None:
        if not (len(self.ids) == len(self.states) == len(self.routine) == len(self.moved)):
            raise ValueError("a lineage has one entry per version")


@dataclass(frozen=True)
class Series:
    versions: tuple[Document, ...]
    steps: tuple[DocumentDiff, ...]
    lineages: tuple[Lineage, ...]
    notes: tuple[str, ...] = ()

    @property
    def has_changes(self) -> bool:
        return any(s.has_changes for s in self.steps)

    @property
    def has_substantive_changes(self) -> bool:
        return any(s.has_substantive_changes for s in self.steps)


@dataclass(frozen=True)
class BlameClause:
    text: str
    origin: int  # index of the version whose wording the clause still carries


@dataclass(frozen=True)
class BlameParagraph:
    id: str
    introduced: int
    changed: int  # the last version that changed it, routinely or not
    clauses: tuple[BlameClause, ...]
    wording: int = -1  # the last version that changed it substantively (else where it was introduced)


# --- carry: next year's translation from last year's ---------------------------------------------

CARRIED, UPDATED, TRANSLATE = "carried", "updated", "translate"


@dataclass(frozen=True)
class Update:
    old: str  # the old target's words
    new: str  # what the draft writes instead
    kind: str  # "number", "date", "symbol", "ordinal", "recalled"
    source_old: str = ""  # the source's change that this update follows
    source_new: str = ""


@dataclass(frozen=True)
class Carried:
    id: str  # the new source's id
    status: str
    text: str  # the draft's text without its number ("" where nothing could be carried)
    source_text: str  # the new source paragraph
    from_id: str | None = None  # the old target paragraph it comes from
    updates: tuple[Update, ...] = ()
    reason: str | None = None
    prefix: str = ""  # the number as the target writes it: "3. ", "3 - "
    source_ops: tuple[tuple[str, str], ...] = ()  # the source's change, for a reworded paragraph
    footnotes: tuple[str, ...] = ()  # markers cited, as the new source numbers them
    marks: tuple[int, ...] = ()  # where each stands in `text`


@dataclass(frozen=True)
class CarriedNote:
    marker: str  # the new source's marker
    status: str  # carried or translate
    text: str  # the old target's footnote, or "" where there is none to carry
    source_text: str
    from_marker: str | None = None


@dataclass(frozen=True)
class CarryResult:
    old_source: Document
    new_source: Document
    old_target: Document
    paragraphs: tuple[Carried, ...]
    deleted: tuple[str, ...]  # old target ids whose source paragraph is gone
    metadata: dict = field(default_factory=dict)  # the new target's metadata: known values, None where not
    footnotes: tuple[CarriedNote, ...] = ()
    pairs: tuple[Pair, ...] = ()  # the old source's paragraphs paired with the old target's (a TMX memory)
    closing: tuple[str, ...] = ()  # the new target's meeting and date lines, in the old target's order

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.paragraphs)
