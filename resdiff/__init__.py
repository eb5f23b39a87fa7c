"""resdiff: compare versions of United Nations resolutions, clause by clause.

The library needs neither typer nor rich::

    import resdiff
    old = resdiff.load_document("A-RES-74-62.zh.txt")
    new = resdiff.load_document("A-RES-75-62.zh.txt")
    result = resdiff.compare(old, new)

`import resdiff` itself imports nothing: each name below is imported on first use (PEP 562), so
that `resdiff --version`, `--help` and `parse` do not load the diff chain.
"""

from __future__ import annotations

import importlib
import sys
import types

TYPE_CHECKING = False  # typing itself costs a CLI start-up several milliseconds
__version__ = "0.1.0"

_WHERE = {
    "compare": ".compare",
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


class _Package(types.ModuleType):
    """Importing the submodule resdiff.compare binds the package attribute `compare` to that module;
    here, as it always was, `resdiff.compare` stays the function."""

    def __setattr__(self, name: str, value) -> None:
        if name in _WHERE and isinstance(value, types.ModuleType) and hasattr(value, name):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:
    from .compare import compare
    from .documents import load_document, read_text
    from .errors import InputError, NotAResolution, ResdiffError, UsageError
    from .model import Change, Document, DocumentDiff, Footnote, Metadata, Paragraph
    from .parse import parse_text
