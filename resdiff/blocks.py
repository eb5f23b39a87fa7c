"""The one boundary between the readers and the parser: a document as typed lines.

Every reader (a PDF read by its geometry, a DOCX, HTML, Markdown, the text of any PDF extractor) yields
the same sequence of `Line`s. A line says what the reader knows of it: where it stands (the line of the
file, or the page and the line on that page), whether it opens a paragraph, and its role where the
reader can tell (page furniture, a footnote, the rule above a footnote block). What a reader cannot
tell it leaves `UNKNOWN`, and the structure recogniser (`parse.py`) decides from the document's own
structure. Raised text (footnote references) is written in `text` as superscript digits: `¹`, `²`.
"""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "unknown"  # body text, or masthead, title and closing: the parser tells them apart
FURNITURE = "furniture"  # running heads and feet, page numbers, job numbers, barcodes: never content
SEPARATOR = "separator"  # the rule that opens a page's footnote block
FOOTNOTE = "footnote"  # a line of a footnote: `marker` set on its first line
ROLES = (UNKNOWN, FURNITURE, SEPARATOR, FOOTNOTE)


@dataclass(frozen=True, slots=True)
class Line:
    text: str  # without the indentation
    line: int  # 1-based: of the file, or of its page where `page` is set
    page: int | None = None  # 1-based page of a paged source
    starts: bool = False  # opens a paragraph (a block, an indented first line)
    role: str = UNKNOWN
    marker: str | None = None  # a footnote's first line: its marker ("1", "2")

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown line role {self.role!r}")
        if self.marker is not None and self.role != FOOTNOTE:
            raise ValueError("only a footnote line has a marker")
