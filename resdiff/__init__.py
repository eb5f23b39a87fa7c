"""resdiff: compare versions of United Nations resolutions, clause by clause.

The library needs neither typer nor rich::

    import resdiff
    old = resdiff.load_document("A-RES-74-62.zh.txt")
    new = resdiff.load_document("A-RES-75-62.zh.txt")
    result = resdiff.compare(old, new)

`import resdiff` itself imports nothing: each name below is imported on first use, through the
module's __getattr__ (PEP 562), so that `resdiff --version`, `--help` and `parse` do not load the diff
chain. No submodule has the name of one of these, so importing a submodule never hides a name.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing itself costs a CLI start-up several milliseconds
__version__ = "0.1.0"

_WHERE = {
    "compare": ".comparison",
    "InputError": ".errors", "NotAResolution": ".errors", "ResdiffError": ".errors", "UsageError": ".errors",
    "load_document": ".documents", "read_text": ".documents",
    "Change": ".model", "Document": ".model", "DocumentDiff": ".model", "Footnote": ".model",
    "Metadata": ".model", "Paragraph": ".model",
    "parse_text": ".parse",
}

__all__ = [
    "Change", "Document", "DocumentDiff", "Footnote", "InputError", "Metadata", "NotAResolution",
    "Paragraph", "ResdiffError", "UsageError", "compare", "load_document", "parse_text", "read_text",
]


def __getattr__(name: str):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'resdiff' has no attribute {name!r}")
    value = getattr(importlib.import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


if TYPE_CHECKING:
    from .comparison import compare
    from .documents import load_document, read_text
    from .errors import InputError, NotAResolution, ResdiffError, UsageError
    from .model import Change, Document, DocumentDiff, Footnote, Metadata, Paragraph
    from .parse import parse_text
