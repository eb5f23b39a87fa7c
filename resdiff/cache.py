"""Where resdiff keeps what it fetched and built (the user cache), and the names documents go by: the
document symbols that name cached files, the suffixes that mark a folder's documents. One home for
them, read by fetch (downloads), documents (symbols and folders on the command line), output (never to
overwrite an input) and segment (the Chinese word index)."""

from __future__ import annotations

import os

# what names a document (re, pathlib, the symbol grammar) is imported where a name is read: the folder
# alone is what a help printed from the cache asks, before anything else is imported
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


def cache_folder() -> str:
    """~/.cache/resdiff (XDG_CACHE_HOME honoured); RESDIFF_CACHE_DIR moves it."""
    return os.environ.get("RESDIFF_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "resdiff")


def key_name(key: bytes) -> str:
    """A name for a cache entry made of its key: zlib's CRC-32 and Adler-32 of it, 16 hex digits. Not hashlib:
    importing OpenSSL costs a command's start some milliseconds (a help answered from the cache, 18% more),
    and a cache entry's name needs no cryptography (two keys share one about once in 2**64)."""
    import zlib

    return f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def file_stamps(folder: str, under: str = "") -> list:
    """(path under `folder`, modification time, size) of every file under it but bytecode, in name order: what
    tells a kept answer that the files it was made from changed (help_cache: resdiff's own files; pdfium:
    pypdfium2's)."""
    found = []
    with os.scandir(folder) as entries:
        for e in sorted(entries, key=lambda e: e.name):
            if e.is_dir():
                if e.name != "__pycache__":
                    found += file_stamps(e.path, f"{under}{e.name}/")
            else:
                st = e.stat()
                found.append((under + e.name, st.st_mtime_ns, st.st_size))
    return found


def kept_file(path: str, limit: int = 1 << 20) -> bytes:
    """What keep_file wrote at `path`: a regular file of at most `limit` bytes, opened without following a link and
    without waiting (a FIFO or a device put there is never read); OSError for anything else, or none."""
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            raise OSError(f"not a kept file: {path}")
        data = os.read(fd, limit + 1)
        if len(data) > limit:
            raise OSError(f"not a kept file: {path}")
        return data
    finally:
        os.close(fd)


def _is_kept_name(name: str) -> bool:
    """A name keep_file gives: a key_name (16 hex digits), or one being written (the key_name, a process id, .tmp)."""
    key, _, rest = name.partition(".")
    return len(key) == 16 and all(c in "0123456789abcdef" for c in key) and (
        not rest or (rest.endswith(".tmp") and rest[:-4].isdigit()))


def kept_in(folder: str) -> list[tuple[str, os.stat_result]]:
    """The files keep_file wrote in `folder` (writes left half done by a killed run included), each (name, stat):
    only files named as it names them, and never through a symbolic link (`folder` itself being one included:
    whatever else is there, or a folder a link leads to, is not the cache's)."""
    fd = _open_folder(folder)
    if fd is None:
        return []
    try:
        return _kept_at(fd)
    finally:
        os.close(fd)


def forget(folder: str, names: set[str] | None = None) -> int:
    """The files keep_file wrote in `folder` (kept_in) removed: all of them, or those of `names`; how many were."""
    fd = _open_folder(folder)
    if fd is None:
        return 0
    gone = 0
    try:
        for name, _ in _kept_at(fd):
            if names is None or name in names:
                try:
                    os.unlink(name, dir_fd=fd)
                    gone += 1
                except OSError:  # removed meanwhile (another run's eviction)
                    pass
        return gone
    finally:
        os.close(fd)


def _open_folder(folder: str) -> int | None:
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None


def _kept_at(fd: int) -> list[tuple[str, os.stat_result]]:
    found = []
    with os.scandir(fd) as entries:
        for e in entries:
            if _is_kept_name(e.name) and e.is_file(follow_symlinks=False):
                try:
                    found.append((e.name, e.stat(follow_symlinks=False)))
                except OSError:  # removed meanwhile
                    pass
    return found


def keep_file(path: str, data: bytes) -> bool:
    """`data` written to `path` in the cache, atomically (a reader sees the whole of it or nothing; no tempfile,
    whose import costs more than this), its folder made where missing. False where the cache cannot be written,
    which is then left as it was: what is kept only saves work."""
    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "xb") as f:
            f.write(data)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def cache_root() -> Path:
    """cache_folder() as a Path."""
    from pathlib import Path

    return Path(cache_folder())


_PATTERNS: list = []  # a symbol's full and short patterns, compiled for a command that names a symbol


def _patterns():
    if not _PATTERNS:
        from .notation import CACHE_SYMBOL, SHORT_SYMBOL, lazy_pattern

        _PATTERNS[:] = lazy_pattern(rf"^{CACHE_SYMBOL}$"), lazy_pattern(rf"^{SHORT_SYMBOL}$")
    return _PATTERNS


DOCUMENT_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")  # a folder's documents (documents.py)
MAX_SYMBOL = 64  # A/C.1/75/L.12/Rev.1 is 19 characters; a file name must stay far below NAME_MAX


def normalize_symbol(text: str) -> str:
    """'75/62' -> 'A/RES/75/62'; anything that is not a document symbol is refused."""
    from .errors import UsageError

    if len(text) > MAX_SYMBOL:
        raise UsageError(f"not a document symbol: {len(text)} characters (a symbol has at most {MAX_SYMBOL})")
    s = text.strip().upper()
    symbol, short = _patterns()
    if short.match(s):
        s = f"A/RES/{s}"
    if not symbol.match(s) or ".." in s:
        raise UsageError(f"not a document symbol: {text!r} (expected e.g. 75/62 or A/RES/75/62)")
    return s


def looks_like_symbol(text: str) -> bool:
    from .errors import UsageError

    try:
        normalize_symbol(text)
    except UsageError:
        return False
    return True


def cache_dir() -> Path:
    """The folder of fetched documents."""
    return cache_root() / "documents"


def cache_path(symbol: str, lang: str, folder: Path | None = None) -> Path:
    """A file name made only of [A-Z0-9._-] from a validated symbol: it cannot leave the cache."""
    import re

    from .errors import UsageError

    sym = normalize_symbol(symbol)
    name = re.sub(r"[^A-Z0-9.]", "_", sym).strip("._") + f".{lang}.pdf"
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9._]*\.[a-z]{2}\.pdf", name):
        raise UsageError(f"not a document symbol: {symbol!r}")
    folder = folder or cache_dir()
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise UsageError(f"not a document symbol: {symbol!r}")
    return path
