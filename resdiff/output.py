"""Writing results: atomic for files, in place for devices and pipes, and never over an input.

As cp, rsync and git do it: a regular file (or a new one) is written to a temporary file in its
folder and renamed over it, with the mode the old file had; a symbolic link's target is written,
the link is kept; a device, a FIFO or /dev/stdout is opened and written to, never replaced; an
input (the same file, a hard link to it, the files of an input folder, the cached PDF of an input
symbol) is never written. Temporary files are named `.resdiff-PID-XXXX.tmp`: those left by a
killed run are removed by the next run that writes into the same folder.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time

from .cache import DOCUMENT_SUFFIXES, cache_path, looks_like_symbol
from .errors import ResdiffError, UsageError

TEMP_PREFIX = ".resdiff-"
TEMP_SUFFIX = ".tmp"
_STALE_AFTER = 24 * 3600  # a temporary file this old is stale even if its pid is alive again
_FD_PATH = re.compile(r"^/(?:dev/(?:fd/(\d+)|std(out|err))|proc/self/fd/(\d+))$")


class OutputError(ResdiffError):
    """The output cannot be written where -o says."""


_REASONS = {errno.EACCES: "permission denied", errno.EPERM: "operation not permitted",
            errno.ENOSPC: "no space left on device", errno.EDQUOT: "disk quota exceeded",
            errno.EROFS: "read-only file system", errno.EISDIR: "is a directory",
            errno.ENOTDIR: "a component of the path is not a folder", errno.ELOOP: "a symbolic link loop",
            errno.ENAMETOOLONG: "file name too long", errno.ENXIO: "no reader on this socket or device",
            errno.ENOENT: "no such file or folder", errno.EFBIG: "file too large"}


def reason(e: OSError) -> str:
    """An OSError in a few words, without the path (the caller names it)."""
    return _REASONS.get(e.errno or 0) or (e.strerror or e.__class__.__name__).lower()


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def protected(inputs: tuple[str, ...] | list[str]) -> list[str]:
    """Every file the inputs stand for: the files themselves, those of a folder (as series reads
    them), and, for a document symbol that is not a file, its cached PDF in every language."""
    out: list[str] = []
    for p in inputs:
        if p == "-":
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                out += [os.path.join(root, f) for f in files]
                if root != p:
                    dirs[:] = []
        elif os.path.lexists(p):
            out.append(p)
        else:
            from .lang import JOB_LETTERS

            if looks_like_symbol(p):
                try:
                    out += [str(cache_path(p, lang)) for lang in sorted(set(JOB_LETTERS.values()))]
                except (ResdiffError, OSError):
                    pass
    return out


def check_not_input(path: str, inputs: tuple[str, ...] | list[str]) -> None:
    """Refuse an output that is an input file, a hard link to one, or a link pointing at one."""
    try:
        out = os.stat(path)
    except OSError:
        out = None  # a new file (or one that cannot be reached: the write will say why)
    if out is not None and stat.S_ISREG(out.st_mode):  # a device or a pipe is written, not replaced
        for p in protected(inputs):
            try:
                same = _same_file(out, os.stat(p))
            except OSError:
                continue
            if same:
                raise UsageError("refusing to overwrite an input file with the output", source=path)
    _not_into_an_input_folder(path, inputs)


def _not_into_an_input_folder(path: str, inputs: tuple[str, ...] | list[str]) -> None:
    """A document written into a folder series reads would be read as a version by the next run."""
    name = os.path.basename(path)
    if name.startswith(".") or not name.lower().endswith(DOCUMENT_SUFFIXES):
        return
    here = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    for p in inputs:
        if p != "-" and os.path.isdir(p):
            top = os.path.realpath(p)
            if here == top or os.path.dirname(here) == top:
                raise UsageError("refusing to write a document into an input folder (the next run would read "
                                 "it as a version)", hint="write it elsewhere, or as .json", source=path)


_LONE_SURROGATE = "[\ud800-\udfff]"  # compiled by re for a text UTF-8 refused, the rare one


def utf8(text: str) -> bytes:
    """Text as UTF-8 that any reader accepts: a lone surrogate (which UTF-8 cannot carry, and which a
    JSON writer would escape as \\ud800, which strict JSON readers refuse) becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub(_LONE_SURROGATE, "\ufffd", text).encode("utf-8")


def write_atomic(path: str, text: str, *, inputs: tuple[str, ...] | list[str] = ()) -> None:
    """Write `text` (UTF-8) to `path`; see the module's docstring for how."""
    write_bytes(path, utf8(text), inputs=inputs)


def batches(pieces, size: int = 1 << 14):
    """Pieces of text joined into strings of `size` characters or more (the last may be shorter): some tens
    of kilobytes a write, never the whole text at once."""
    buffer: list[str] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


def write_pieces(path: str, pieces, *, inputs: tuple[str, ...] | list[str] = ()) -> None:
    """write_atomic for text given in pieces, written as they come: the whole text is never held."""
    write_bytes(path, map(utf8, batches(pieces)), inputs=inputs)


def write_bytes(path: str, data, *, inputs: tuple[str, ...] | list[str] = ()) -> None:
    """`data`: bytes, or an iterable of them written one after the other."""
    check_not_input(path, inputs)
    fd_path = _FD_PATH.match(path)
    if fd_path:  # /dev/stdout, /dev/fd/N: the descriptor this process already has, as the shell set it up
        number, std, proc = fd_path.groups()
        fd = {"out": 1, "err": 2}[std] if std else int(number or proc)
        import sys

        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        _write_to(fd, data, path)
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(f"cannot write: {reason(e)}", source=path) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError("is a directory, not a file", hint="give a file name", source=path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_in_place(path, data)
        return
    if st is None and os.path.islink(path):  # a dangling link: create its target, as cp does
        target = os.path.join(os.path.dirname(path), os.readlink(path))
    else:
        target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        raise OutputError("the output folder does not exist", source=path)
    remove_stale(folder)
    try:
        import tempfile  # here: standard output (utf8 below) is written without it

        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as e:
        raise OutputError(f"cannot write: {reason(e)}", source=path) from None
    try:
        try:
            mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
            os.fchmod(fd, mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as e:
        _unlink(tmp)
        raise OutputError(f"cannot write: {reason(e)}", source=path) from None
    except BaseException:
        _unlink(tmp)
        raise


def _write_in_place(path: str, data) -> None:
    """A device, a FIFO: opened and written, as cp writes to one (a FIFO waits for its reader)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise OutputError(f"cannot write: {reason(e)}", source=path) from None
    try:
        _write_to(fd, data, path)
    finally:
        os.close(fd)


def _write_to(fd: int, data, path: str) -> None:
    """All of `data` to the open descriptor, an OSError told as an OutputError about `path`."""
    try:
        _write_all(fd, data)
    except OSError as e:
        raise OutputError(f"cannot write: {reason(e)}", source=path) from None


def _write_all(fd: int, data) -> None:
    for chunk in (data,) if isinstance(data, bytes) else data:
        view = memoryview(chunk)
        while view:
            n = os.write(fd, view[:1 << 20])
            view = view[n:]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def remove_stale(folder: str, prefix: str = TEMP_PREFIX, suffix: str = TEMP_SUFFIX, *, folders: bool = False) -> None:
    """What runs killed (SIGKILL, the OOM killer, a power cut) before they could clean up left in `folder`:
    the files named PREFIX + PID-XXXX + SUFFIX (as mkstemp names them, with the pid of the run that made
    them) whose pid is no running process, or that are a day old. With `folders`, the folders so named (as
    mkdtemp names them) that are this user's, whose pid is no running process (a session may run for days),
    and that no running process holds (`hold`)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
    except OSError:
        return
    named = re.compile(rf"^{re.escape(prefix)}(\d+)-[A-Za-z0-9_]+{re.escape(suffix)}$")
    now = time.time()
    for name in names:
        m = named.match(name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        full = os.path.join(folder, name)
        try:
            st = os.lstat(full)
        except OSError:
            continue
        if folders:
            if (stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not _alive(int(m.group(1)))
                    and not _held(full)):
                import shutil

                shutil.rmtree(full, ignore_errors=True)
        elif stat.S_ISREG(st.st_mode) and (not _alive(int(m.group(1))) or now - st.st_mtime > _STALE_AFTER):
            _unlink(full)


def hold(folder: str) -> int:
    """The folder held (an exclusive flock on it) for as long as the returned descriptor is open: remove_stale
    leaves a held folder alone, whatever its pid says (a run in another pid namespace, a container sharing
    this /tmp, or another host, has a pid this process cannot see). The kernel lets go when the holder ends,
    SIGKILL too."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _held(folder: str) -> bool:
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return True  # not ours to judge
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # (and the lock just taken with it)


def silence_stdout() -> None:
    """After the reader of stdout went away: point it at /dev/null so the final flush cannot fail."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


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
