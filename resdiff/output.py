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


def page(text: str) -> None:
    """Show text through the user's pager ($PAGER, else less -FRX, as git does), or print it."""
    import shlex
    import shutil
    import subprocess
    import sys

    cmd = os.environ.get("RESDIFF_PAGER") or os.environ.get("PAGER") or "less"
    argv = shlex.split(cmd)
    if argv and os.path.basename(argv[0]) == "less" and len(argv) == 1:
        argv += ["-FRX"]
    if not argv or shutil.which(argv[0]) is None:
        sys.stdout.write(text)
        return
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE)
        proc.communicate(text.encode("utf-8"))
    except (OSError, BrokenPipeError):
        sys.stdout.write(text)
