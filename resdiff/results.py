"""The results of the commands that read several documents: a check's findings (with the rules and
severities they use), a session's, a series and its blame, a carried draft. The other half of the model
layer (model.py holds documents and diffs): renderers read these without importing the stage that
computed them. Frozen records as model.py writes them (`replace()` for a changed copy), but for a
session's result, which the session fills in as its pairs are checked. Each command's result answers its
own exit status (`exit_status`)."""

from __future__ import annotations

from .model import Document, DocumentDiff
from .records import _Record, _record, _set
from .status import ExitStatus, changes_status

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
    "term-mismatch": (WARNING, "a glossary term of the source is not rendered by its glossary translation"),
    "inconsistent-translation": (WARNING, "the same source sentence is translated two ways"),
    "punctuation-spacing": (WARNING, "spaces around punctuation as the target language does not write them"),
    "punctuation-form": (WARNING, "punctuation in a form the target language does not use"),
    "ideograph-spacing": (WARNING, "a space between two Chinese characters"),
    "inverted-mark": (WARNING, "a Spanish question or exclamation without its opening ¿ or ¡"),
    "double-space": (WARNING, "two spaces in a row"),
    "doubled-word": (WARNING, "the same word twice in a row"),
    "user-rule": (WARNING, "a rule of the configuration ([[tool.resdiff.rules]]) matched"),
}


@_record
class Finding(_Record):
    """One finding of a check, built from named fields. `source` and `target` are paragraph (or footnote)
    ids; `*_line` the line where it starts (of the file, or of its page where `*_page` is set: see
    `location`)."""

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
    source_page: int | None = None  # 1-based page of a paged source (PDF)
    target_page: int | None = None
    source_mark: str | None = None  # the words of each excerpt the finding is about, as the text writes them
    target_mark: str | None = None

    def __init__(self, *, rule: str, severity: str, source: str | None, target: str | None, message: str,
                 source_line: int = 0, target_line: int = 0, source_value: str | None = None,
                 target_value: str | None = None, source_excerpt: str | None = None, target_excerpt: str | None = None,
                 source_page: int | None = None, target_page: int | None = None, source_mark: str | None = None,
                 target_mark: str | None = None) -> None:
        _set(self, "rule", rule)
        _set(self, "severity", severity)
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "message", message)
        _set(self, "source_line", source_line)
        _set(self, "target_line", target_line)
        _set(self, "source_value", source_value)
        _set(self, "target_value", target_value)
        _set(self, "source_excerpt", source_excerpt)
        _set(self, "target_excerpt", target_excerpt)
        _set(self, "source_page", source_page)
        _set(self, "target_page", target_page)
        _set(self, "source_mark", source_mark)
        _set(self, "target_mark", target_mark)
        self.__post_init__()

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


def location(kind: str, line: int, page: int | None) -> str:
    """Where a reviewer finds a paragraph in the file as given: the line of a text file, the page and the
    line on that page of a PDF, the paragraph number of a DOCX (never a line of resdiff's own extraction);
    "" where nothing better than the paragraph id is known."""
    if page is not None:
        return f"page {page}, line {line}" if line else f"page {page}"
    if not line or kind in ("pdf", "html"):  # a PDF without pages, or HTML: only its own extraction's lines
        return ""
    return f"paragraph {line}" if kind == "docx" else f"line {line}"


# How two paragraphs were paired: the n-th with the n-th of the same kind (the counts agree), by their
# printed number (one text kept the gap where its paragraph is missing), by a length, punctuation and
# facts alignment (the counts differ), or not at all.
STRUCTURE, NUMBER, ALIGNMENT, UNPAIRED = "structure", "number", "alignment", "unpaired"


@_record
class Pair(_Record):
    source: str | None
    target: str | None
    how: str

    def __init__(self, source: str | None, target: str | None, how: str) -> None:
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "how", how)


@_record
class CheckResult(_Record):
    source: Document
    target: Document
    findings: tuple[Finding, ...]
    pairs: tuple[Pair, ...] = ()  # how the paragraphs were paired
    notes: tuple[str, ...] = ()  # warnings on the run itself (a language option the text contradicts)

    def __init__(self, source: Document, target: Document, findings: tuple[Finding, ...], pairs: tuple[Pair, ...] = (),
                 notes: tuple[str, ...] = ()) -> None:
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "findings", findings)
        _set(self, "pairs", pairs)
        _set(self, "notes", notes)

    def where(self, f: Finding, side: str) -> str:
        """The location of a finding on one side ("source" or "target"), as `location` writes it."""
        doc = self.source if side == "source" else self.target
        return location(doc.source_kind, getattr(f, f"{side}_line"), getattr(f, f"{side}_page"))

    @property
    def uneven_pairs(self) -> tuple[Pair, ...]:
        """The pairs a reviewer should see: not simply the n-th with the n-th."""
        return tuple(p for p in self.pairs if p.how != STRUCTURE)

    def failed(self, fail_on: str = ERROR) -> bool:
        return any(SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on] for f in self.findings)


# --- what check gives: a session, the documents of two folders checked pair by pair (two files: one pair) -

# Findings about documents rather than paragraphs (rule id -> what it says)
DOCUMENT_RULES = {
    "document-missing": "a document of the source folder has no counterpart (same symbol) in the target folder",
    "document-extra": "a document of the target folder has no counterpart in the source folder",
    "document-unreadable": "a document could not be read or is not a resolution",
    "document-duplicate": "two documents of one folder carry the same symbol",
    "document-self-pair": "a document is paired with itself, or with a text in its own language",
    "document-mismatch": "a pair of the manifest holds two different resolutions",
    "document-language": "a document's text contradicts the language given for its side",
}


@_record
class DocumentFinding(_Record):
    rule: str
    severity: str
    path: str
    message: str
    symbol: str | None = None

    def __init__(self, *, rule: str, severity: str, path: str, message: str, symbol: str | None = None) -> None:
        _set(self, "rule", rule)
        _set(self, "severity", severity)
        _set(self, "path", path)
        _set(self, "message", message)
        _set(self, "symbol", symbol)


# What `check` was asked: two files (one pair), or two folders or a manifest (a session of pairs)
PAIR, SESSION = "pair", "session"


@_record
class SessionResult(_Record):
    """What `check` gives: the pairs checked, a CheckResult each, and the findings on whole documents
    (missing, unreadable, ...). A check of two files is a session of one pair, `asked` PAIR (its one result,
    no document finding); `asked` says how it is shown, never the number of pairs."""

    results: list[CheckResult]
    findings: list[DocumentFinding]
    asked: str = SESSION
    # not a field (out of equality, repr and replace): each result's part of a report, as the worker that
    # checked it drew it: (how it was drawn, ((the result, its text), ...)), a text held to the very result it
    # was drawn of (session_dict draws a result anew where it is not that one); () where none was drawn
    drawn = ()

    # filled in as the session checks its pairs: the one record that is not frozen (and so has no hash)
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__
    __hash__ = None

    def __init__(self, results: list[CheckResult] | None = None, findings: list[DocumentFinding] | None = None,
                 asked: str = SESSION) -> None:
        self.results = [] if results is None else results
        self.findings = [] if findings is None else findings
        self.asked = asked
        self.__post_init__()

    def __post_init__(self) -> None:
        if self.asked not in (PAIR, SESSION):
            raise ValueError(f"a check is asked of a pair or a session, not {self.asked!r}")

    @property
    def pair(self) -> CheckResult:
        """The one pair of a check asked of two files."""
        if self.asked != PAIR:
            raise ValueError("a session has no one pair")
        (result,) = self.results
        return result

    @property
    def paragraph_findings(self) -> list[Finding]:
        """The findings of every pair, in order: what a baseline records."""
        return [f for r in self.results for f in r.findings]

    def failed(self, fail_on: str = ERROR) -> bool:
        level = SEVERITY_ORDER[fail_on]
        return any(r.failed(fail_on) for r in self.results) or any(
            SEVERITY_ORDER[f.severity] >= level for f in self.findings)

    def exit_status(self, fail_on: str = ERROR, *, baseline_written: bool = False) -> ExitStatus:
        """`resdiff check`'s status: 1 where a finding is at or above the severity `fail_on` (error, warning,
        note); 0 where this run recorded its findings as accepted (--write-baseline)."""
        if fail_on not in SEVERITY_ORDER:
            raise ValueError(f"a check fails on a severity (error, warning, note), not {fail_on!r}")
        if baseline_written:
            return ExitStatus.OK
        return ExitStatus.DIFFERENCES if self.failed(fail_on) else ExitStatus.OK


# --- series and blame: several versions of one resolution ------------------------------------------

NEW, SAME, CHANGED, GONE = "new", "same", "changed", "gone"


@_record
class Lineage(_Record):
    """One paragraph followed through every version: its id, state, and whether a change was routine."""

    ids: tuple[str | None, ...]
    states: tuple[str | None, ...]
    routine: tuple[bool, ...]
    moved: tuple[bool, ...]

    def __init__(self, ids: tuple[str | None, ...], states: tuple[str | None, ...], routine: tuple[bool, ...],
                 moved: tuple[bool, ...]) -> None:
        _set(self, "ids", ids)
        _set(self, "states", states)
        _set(self, "routine", routine)
        _set(self, "moved", moved)
        self.__post_init__()

    def __post_init__(self) -> None:
        if not (len(self.ids) == len(self.states) == len(self.routine) == len(self.moved)):
            raise ValueError("a lineage has one entry per version")


@_record
class Series(_Record):
    versions: tuple[Document, ...]
    steps: tuple[DocumentDiff, ...]
    lineages: tuple[Lineage, ...]
    notes: tuple[str, ...] = ()

    def __init__(self, versions: tuple[Document, ...], steps: tuple[DocumentDiff, ...], lineages: tuple[Lineage, ...],
                 notes: tuple[str, ...] = ()) -> None:
        _set(self, "versions", versions)
        _set(self, "steps", steps)
        _set(self, "lineages", lineages)
        _set(self, "notes", notes)

    @property
    def has_changes(self) -> bool:
        return any(s.has_changes for s in self.steps)

    @property
    def has_substantive_changes(self) -> bool:
        return any(s.has_substantive_changes for s in self.steps)

    def exit_status(self, fail_on: str = "any") -> ExitStatus:
        """`resdiff series`'s status: 1 where a step changed anything (--fail-on any), or anything substantive
        (--fail-on substantive)."""
        return changes_status(self, fail_on, "series")


@_record
class BlameClause(_Record):
    text: str
    origin: int  # index of the version whose wording the clause still carries

    def __init__(self, text: str, origin: int) -> None:
        _set(self, "text", text)
        _set(self, "origin", origin)


@_record
class BlameParagraph(_Record):
    id: str
    introduced: int
    changed: int  # the last version that changed it, routinely or not
    clauses: tuple[BlameClause, ...]
    wording: int = -1  # the last version that changed it substantively (else where it was introduced)

    def __init__(self, id: str, introduced: int, changed: int, clauses: tuple[BlameClause, ...],
                 wording: int = -1) -> None:
        _set(self, "id", id)
        _set(self, "introduced", introduced)
        _set(self, "changed", changed)
        _set(self, "clauses", clauses)
        _set(self, "wording", wording)


# --- carry: next year's translation from last year's ---------------------------------------------

CARRIED, UPDATED, TRANSLATE = "carried", "updated", "translate"


@_record
class Update(_Record):
    old: str  # the old target's words
    new: str  # what the draft writes instead
    kind: str  # "number", "date", "symbol", "ordinal", "recalled"
    source_old: str = ""  # the source's change that this update follows
    source_new: str = ""

    def __init__(self, old: str, new: str, kind: str, source_old: str = "", source_new: str = "") -> None:
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "kind", kind)
        _set(self, "source_old", source_old)
        _set(self, "source_new", source_new)


@_record
class Carried(_Record):
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
    kind: str = "paragraph"  # or a masthead line's kind: "title", "session", "agenda-item", "meeting", ...
    similarity: float | None = None  # of the old source's paragraph to the new (0-1), where it changed
    old_source_text: str = ""  # the old source's paragraph (a translation candidate's source)

    def __init__(self, id: str, status: str, text: str, source_text: str, from_id: str | None = None,
                 updates: tuple[Update, ...] = (), reason: str | None = None, prefix: str = "",
                 source_ops: tuple[tuple[str, str], ...] = (), footnotes: tuple[str, ...] = (),
                 marks: tuple[int, ...] = (), kind: str = "paragraph", similarity: float | None = None,
                 old_source_text: str = "") -> None:
        _set(self, "id", id)
        _set(self, "status", status)
        _set(self, "text", text)
        _set(self, "source_text", source_text)
        _set(self, "from_id", from_id)
        _set(self, "updates", updates)
        _set(self, "reason", reason)
        _set(self, "prefix", prefix)
        _set(self, "source_ops", source_ops)
        _set(self, "footnotes", footnotes)
        _set(self, "marks", marks)
        _set(self, "kind", kind)
        _set(self, "similarity", similarity)
        _set(self, "old_source_text", old_source_text)


@_record
class CarriedNote(_Record):
    marker: str  # the new source's marker
    status: str  # carried or translate
    text: str  # the old target's footnote, or "" where there is none to carry
    source_text: str
    from_marker: str | None = None

    def __init__(self, marker: str, status: str, text: str, source_text: str, from_marker: str | None = None) -> None:
        _set(self, "marker", marker)
        _set(self, "status", status)
        _set(self, "text", text)
        _set(self, "source_text", source_text)
        _set(self, "from_marker", from_marker)


@_record
class CarryResult(_Record):
    old_source: Document
    new_source: Document
    old_target: Document
    paragraphs: tuple[Carried, ...]
    deleted: tuple[str, ...]  # old target ids whose source paragraph is gone
    metadata: dict  # the new target's metadata: known values, None where not
    footnotes: tuple[CarriedNote, ...] = ()
    pairs: tuple[Pair, ...] = ()  # the old source's paragraphs paired with the old target's (a TMX memory)
    closing: tuple[str, ...] = ()  # the new target's meeting and date lines, in the old target's order
    masthead: tuple[Carried, ...] = ()  # title, masthead and closing lines, each carried, updated or to translate
    source_tag: str | None = None  # BCP 47 tags as given (zh-CN, es-419); None: the documents' languages
    target_tag: str | None = None

    def __init__(self, old_source: Document, new_source: Document, old_target: Document,
                 paragraphs: tuple[Carried, ...], deleted: tuple[str, ...], metadata: dict | None = None,
                 footnotes: tuple[CarriedNote, ...] = (), pairs: tuple[Pair, ...] = (), closing: tuple[str, ...] = (),
                 masthead: tuple[Carried, ...] = (), source_tag: str | None = None,
                 target_tag: str | None = None) -> None:
        _set(self, "old_source", old_source)
        _set(self, "new_source", new_source)
        _set(self, "old_target", old_target)
        _set(self, "paragraphs", paragraphs)
        _set(self, "deleted", deleted)
        _set(self, "metadata", {} if metadata is None else metadata)
        _set(self, "footnotes", footnotes)
        _set(self, "pairs", pairs)
        _set(self, "closing", closing)
        _set(self, "masthead", masthead)
        _set(self, "source_tag", source_tag)
        _set(self, "target_tag", target_tag)

    def count(self, status: str) -> int:
        return sum(p.status == status for p in self.paragraphs)
