"""Writing results: atomic, and never over an input file."""

from __future__ import annotations

import os
import tempfile

from .errors import UsageError


def write_atomic(path: str, text: str, *, inputs: tuple[str, ...] = ()) -> None:
    """Write `text` to `path` through a temporary file and a rename; refuse to replace an input."""
    target = os.path.realpath(path)
    for p in inputs:
        if p != "-" and os.path.exists(p) and os.path.realpath(p) == target:
            raise UsageError("refusing to overwrite an input file with the output", source=path)
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise UsageError("the output folder does not exist", source=path)
    fd, tmp = tempfile.mkstemp(prefix=".resdiff-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
