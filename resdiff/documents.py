"""The documents a command names, found and loaded: a path is a file, `-` is standard input (read once),
a folder stands for the resolutions in it, and a document symbol (75/62, A/RES/75/62) that is no file
is the official text in the user cache, fetched first if need be (RESDIFF_OFFLINE=1: never). load.py
turns the bytes of each into a Document."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from . import load
from .cache import DOCUMENT_SUFFIXES, looks_like_symbol
from .errors import InputError, ResdiffError
from .load import STDIN, display_name
from .model import Document

Warn = Callable[[str], None] | None  # hears what the parser doubts about a document (a warning, not an error)


# --- which files -----------------------------------------------------------------------------

NO_DOCUMENTS = f"no resolution files ({' '.join(DOCUMENT_SUFFIXES)})"  # what a folder without any is told


def is_document_name(name: str) -> bool:
    """The file name of a resolution in a folder: .txt .pdf .docx .html .htm, not hidden."""
    return name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith(".")


def _says(test: Callable[[], bool]) -> bool:
    """What Path.is_file (or is_dir) says of a folder's entry: a link that loops or leads nowhere is neither,
    not an error."""
    try:
        return test()
    except OSError:
        return False


def files_in(folder: str) -> tuple[list[str], list[InputError]]:
    """The documents of a folder (not its subfolders), in name order, hidden files left out; and why each
    other entry named as one (not a folder) is no file to read: a link that leads nowhere or loops, a FIFO,
    a device, a socket. The folder's listing says what each entry is: no stat of each, only of the links."""
    base = str(Path(folder))  # each file named as a Path names it ("./en/" is "en")
    files, other = [], []
    with os.scandir(folder) as entries:
        for e in entries:
            if is_document_name(e.name):
                if _says(e.is_file):
                    files.append(e.name)
                elif not _says(e.is_dir):
                    other.append(e.name)

    def named(name: str) -> str:
        return name if base == "." else os.path.join(base, name)

    return sorted(map(named, files)), [_no_file(named(name)) for name in sorted(other)]


def _no_file(path: str) -> InputError:
    if os.path.islink(path) and not os.path.exists(path):
        return load.broken_link(path)
    return InputError("not a regular file (a FIFO, device or socket)", source=path)


def expand(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the resolutions in it and in its subfolders, sorted."""
    out: list[str] = []
    for p in paths:
        if p != STDIN and os.path.isdir(p):
            found = sorted(os.path.join(p, f) for f in os.listdir(p) if is_document_name(f))
            found += sorted(os.path.join(p, d, f) for d in os.listdir(p) if os.path.isdir(os.path.join(p, d))
                            for f in os.listdir(os.path.join(p, d)) if is_document_name(f))
            if not found:
                raise ResdiffError(f"{NO_DOCUMENTS} in this folder", source=p)
            out += found
        else:
            out.append(p)
    return out


def resolve(path: str, language: str | None = None) -> str:
    """The file a path names: itself, or for a document symbol that is no file, its cached official text in
    `language` (fetched first if need be)."""
    if path == STDIN or os.path.lexists(path) or not looks_like_symbol(path):
        return path
    if not language:
        raise InputError("no such file; to use it as a document symbol, give --lang", source=path)
    from . import fetch

    return str(fetch.fetch(path, language, offline=bool(os.environ.get("RESDIFF_OFFLINE"))))


def stdin_once(*paths: str) -> None:
    """Standard input can stand for one document of a command, not two."""
    if sum(p == STDIN for p in paths) > 1:
        raise ResdiffError("standard input can be read only once", source=STDIN)


# --- loading ------------------------------------------------------------------------------

def read_bytes(path: str, *, language: str | None = None) -> bytes:
    return load.read_bytes(resolve(path, language))


def read_text(path: str, *, language: str | None = None) -> str:
    """The text of a document in any supported format, decoded."""
    return load.decode(read_bytes(path, language=language), display_name(path))


def strict_warnings(warn: Warn) -> Warn:
    """--strict: a parse warning is an error (exit 2)."""
    def fail(message: str) -> None:
        raise InputError(f"{message} (a parse warning is an error under --strict)")

    return fail


def load_document(path: str, *, language: str | None = None, warn: Warn = None) -> Document:
    """Read and parse one resolution."""
    doc = load.parse_bytes(read_bytes(path, language=language), display_name(path), language=language)
    if warn:
        for w in doc.warnings:
            warn(f"{doc.source}: {w}")
    return doc


def load_versions(old: str, new: str, *, language: str | None = None, warn: Warn = None
                  ) -> tuple[Document, Document]:
    """Two versions of one resolution, in one language (a translation is checked, not diffed)."""
    a, b = load_document(old, language=language, warn=warn), load_document(new, language=language, warn=warn)
    if a.language != b.language:
        raise ResdiffError(f"the versions are in different languages ({a.language}, {b.language})",
                           hint="to compare a translation with its source, use resdiff check", source=new)
    return a, b


def load_all(paths: list[str], *, language: str | None = None, warn: Warn = None,
             progress: Callable | None = None) -> list[Document]:
    """The documents of files and folders (see expand), in that order; `progress(total)` may give a
    step(description) callback (a progress bar)."""
    paths = expand(paths)
    docs = []
    with steps(progress, len(paths)) as step:
        for p in paths:
            step(f"loading {os.path.basename(p)}")
            docs.append(load_document(p, language=language, warn=warn))
    return docs


def steps(progress: Callable | None, total: int):
    """progress(total), a context giving step(description); without progress, one whose step does nothing."""
    return contextlib.nullcontext(lambda description: None) if progress is None else progress(total)
