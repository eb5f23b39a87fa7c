"""The one boundary between the readers and the parser: a document as typed lines.

Every reader (a PDF read by its geometry, a DOCX, HTML, Markdown, the text of any PDF extractor) yields
the same sequence of `Line`s. A line says what the reader knows of it: where it stands (the line of the
file, or the page and the line on that page), whether it opens a paragraph, and its role where the
reader can tell (page furniture, a footnote, the rule above a footnote block). What a reader cannot
tell it leaves `UNKNOWN`, and the structure recogniser (`parse.py`) decides from the document's own
structure. Raised text (footnote references) is written in `text` as superscript digits: `¹`, `²`.
"""

from __future__ import annotations

from .records import _Record, _record, slot_setters

UNKNOWN = "unknown"  # body text, or masthead, title and closing: the parser tells them apart
FURNITURE = "furniture"  # running heads and feet, page numbers, job numbers, barcodes: never content
SEPARATOR = "separator"  # the rule that opens a page's footnote block
FOOTNOTE = "footnote"  # a line of a footnote: `marker` set on its first line
ROLES = (UNKNOWN, FURNITURE, SEPARATOR, FOOTNOTE)


@_record
class Line(_Record):
    """A typed line of a reader, a frozen record (records.py: ==, hash, repr and pickling by its fields)."""

    __slots__ = ("text", "line", "page", "starts", "role", "marker")

    text: str  # without the indentation
    line: int  # 1-based: of the file, or of its page where `page` is set
    page: int | None  # 1-based page of a paged source
    starts: bool  # opens a paragraph (a block, an indented first line)
    role: str
    marker: str | None  # a footnote's first line: its marker ("1", "2")

    def __init__(self, text: str, line: int, page: int | None = None, starts: bool = False, role: str = UNKNOWN,
                 marker: str | None = None) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown line role {role!r}")
        if marker is not None and role != FOOTNOTE:
            raise ValueError("only a footnote line has a marker")
        _set_text(self, text)
        _set_line(self, line)
        _set_page(self, page)
        _set_starts(self, starts)
        _set_role(self, role)
        _set_marker(self, marker)


# each field set by its slot's own descriptor (records.slot_setters): a reader makes a Line of every line
_set_text, _set_line, _set_page, _set_starts, _set_role, _set_marker = slot_setters(Line)
