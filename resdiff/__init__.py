"""resdiff: compare versions of United Nations resolutions, clause by clause.

The library needs neither typer nor rich::

    import resdiff
    old = resdiff.load_document("A-RES-74-62.zh.txt")
    new = resdiff.load_document("A-RES-75-62.zh.txt")
    result = resdiff.compare(old, new)
"""

from .compare import compare
from .errors import InputError, NotAResolution, ResdiffError, UsageError
from .load import load_document, read_text
from .model import Change, Document, DocumentDiff, Footnote, Metadata, Paragraph
from .parse import parse_text

__all__ = [
    "Change", "Document", "DocumentDiff", "Footnote", "InputError", "Metadata", "NotAResolution",
    "Paragraph", "ResdiffError", "UsageError", "compare", "load_document", "parse_text", "read_text",
]
__version__ = "0.1.0"
