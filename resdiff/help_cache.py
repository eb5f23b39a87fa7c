"""The help typer printed before, printed again without typer (whose import is most of a help's start-up).

A help request (`resdiff --help`, `resdiff CMD --help`, a bare `resdiff`) looks up what typer wrote for
exactly the same situation and writes it again; on a miss typer answers as always and what it wrote is
kept in the user cache (cache.py) for next time. The situation is everything the rendering reads: the
command line and the program's name, resdiff's code (its version and every file's stamp: an editable
install changes the code without a new version), where typer, click and rich are and their versions, the
Python running them, the terminal (its size, which standard streams are terminals, their encodings), the
environment (less what changes from one shell to the next and that no rendering reads: PWD, OLDPWD, SHLVL,
_) and the message catalogues click's gettext could read. A cache that cannot be read or written changes
nothing the user sees: typer answers. typer, click and rich are known by their installs' names and their
__init__.py (their every file would cost a third of a kept help): a hand edit of another of their files is
not seen until `resdiff cache --clear`."""

from __future__ import annotations

import os
import sys

from . import __version__

_FORMAT = 1  # what a kept answer holds; a new layout of it is a new situation
_VOLATILE = frozenset({"PWD", "OLDPWD", "SHLVL", "_"})
_LIBRARIES = ("typer", "click", "rich")
_KEEP = 64  # answers kept; past it, the oldest go


def completing(environ=os.environ) -> bool:
    """Whether a shell is asking for completions (click reads the line then, not as a command)."""
    return any(k.endswith("_COMPLETE") for k in environ)


def is_help(args: list[str], environ=os.environ) -> bool:
    """Whether `resdiff ARGS` is a help request whose answer depends on the situation alone: no argument
    (the help, as a usage error), or --help among --debug and at most one name (a command's help, the
    whole app's, or a usage error), none of which can take --help as its value or run a command. A shell
    asking for completions is not one."""
    if completing(environ):
        return False
    if not args:
        return True
    names = [a for a in args if not a.startswith("-")]
    return "--help" in args and len(names) <= 1 and all(a in ("--help", "--debug") for a in args if a not in names)


def _libraries() -> list:
    """Where each library is, its installed versions (the names of its .dist-info folders) and the stamps of
    those and of its __init__.py (every file of theirs: some 300 stats, a third of a help's time)."""
    from importlib.machinery import PathFinder

    found, sites = [], {}
    for name in _LIBRARIES:
        spec = PathFinder.find_spec(name)
        folders = list(spec.submodule_search_locations or []) if spec else []
        for site in sorted({os.path.dirname(f) for f in folders}):
            if site not in sites:  # the three libraries mostly share one folder: listed once
                sites[site] = sorted(os.listdir(site))
            for entry in sites[site]:
                if entry.startswith(f"{name}-") and entry.endswith(".dist-info"):
                    found.append((entry, os.stat(os.path.join(site, entry)).st_mtime_ns))
        for folder in folders:
            st = os.stat(os.path.join(folder, "__init__.py"))
            found.append((folder, st.st_mtime_ns, st.st_size))
    return found


def _terminal() -> list | None:
    """Whether each standard stream is a terminal, and of what size; the encodings text is written in.
    None where standard output or error is closed or not UTF-8 (click then writes around the stream)."""
    import codecs

    found = []
    for fd in (0, 1, 2):
        try:
            size = tuple(os.get_terminal_size(fd))
        except (OSError, ValueError):
            size = None
        found.append((os.isatty(fd), size))
    for stream in (sys.stdout, sys.stderr):
        if stream is None or codecs.lookup(stream.encoding).name != "utf-8":
            return None
        found.append((type(stream).__name__, stream.isatty(), stream.encoding, stream.errors))
    return found


def _catalogues() -> list:
    """The message catalogues gettext reads click's words from, where the environment names a language."""
    folder = os.path.join(sys.base_prefix, "share", "locale")  # gettext's own default
    found = []
    for lang in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
        path = os.path.join(folder, lang, "LC_MESSAGES", "messages.mo")
        if os.path.exists(path):
            st = os.stat(path)
            found.append((lang, st.st_mtime_ns, st.st_size))
    return found


def situation(args: list[str]) -> str | None:
    """Everything typer's answer to `resdiff ARGS` depends on, as text (None: an answer not to keep)."""
    from .cache import file_stamps

    terminal = _terminal()
    if terminal is None:
        return None
    main = sys.modules.get("__main__")  # click names the program after it: `resdiff` or `python -m resdiff`
    program = (sys.argv[0], getattr(main, "__package__", None), getattr(getattr(main, "__spec__", None), "name", None))
    environ = sorted((k, v) for k, v in os.environ.items() if k not in _VOLATILE)
    here = os.path.dirname(os.path.abspath(__file__))
    return repr((_FORMAT, list(args), program, sys.version, sys.executable, __version__, here, file_stamps(here),
                 _libraries(), terminal, environ, _catalogues()))


def _digest(key: str) -> str:
    """What names and checks a kept answer (cache.key_name): the situation itself holds the environment, which
    is never written anywhere."""
    from .cache import key_name

    return key_name(key.encode("utf-8", "surrogatepass"))


def _path(digest: str) -> str:
    from .cache import cache_folder

    return os.path.join(cache_folder(), "help", digest)


def answer(args: list[str]) -> tuple[int | None, str | None]:
    """`resdiff ARGS` answered from what typer wrote before in the same situation: (its exit status, the
    situation); the status None where nothing was kept (or what was kept cannot be read), for typer to answer
    and `rendered` to keep under that situation (None: not to be kept)."""
    import marshal

    from .cache import kept_file

    key = None
    try:
        key = situation(args)
        if key is None:
            return None, None
        digest = _digest(key)
        kept, status, chunks = marshal.loads(kept_file(_path(digest)))
        if kept != digest or type(status) is not int or not all(
                type(fd) is int and fd in (1, 2) and type(text) is str for fd, text in chunks):
            return None, key
    except Exception:
        return None, key
    try:
        for fd, text in chunks:
            stream = sys.stdout if fd == 1 else sys.stderr
            stream.write(text)
            stream.flush()
    except OSError:  # (a closed pipe) typer writes it again, and what it does of the failure is what is seen
        return None, None
    return status, key


class _Copied:
    """A standard stream that keeps a copy of the text written through it (no `buffer`: click writes text)."""

    def __init__(self, stream, fd: int, chunks: list) -> None:
        self._stream, self._fd, self._chunks = stream, fd, chunks
        self.failed = False

    def write(self, text):
        try:
            written = self._stream.write(text)
        except BaseException:
            self.failed = self.failed or type(text) is str  # (click tries bytes first, to learn what the stream takes)
            raise
        if type(text) is str and text:
            self._chunks.append((self._fd, text))
        return written

    def flush(self):
        try:
            self._stream.flush()
        except BaseException:
            self.failed = True
            raise

    def __getattr__(self, name: str):
        if name == "buffer":
            raise AttributeError(name)
        return getattr(self._stream, name)


def rendered(args: list[str], key: str | None, run) -> int:
    """`run()`, typer's answer to `resdiff ARGS` in the situation `key` (answer's), with what it writes kept for
    `answer` to give next time: a help (status 0), or the bare line's (the help as a usage error, status 2).
    Nothing else is kept: an interrupted help (130), a failure (70), a usage error, which may name anything
    typed (a misspelt command) and is cheap to render again."""
    if key is None:
        return run()
    chunks: list = []
    out, err = _Copied(sys.stdout, 1, chunks), _Copied(sys.stderr, 2, chunks)
    sys.stdout, sys.stderr = out, err
    try:
        status = run()
    finally:
        if sys.stdout is out:
            sys.stdout = out._stream
        if sys.stderr is err:
            sys.stderr = err._stream
    if (status == 0 or (status == 2 and not args)) and chunks and not (out.failed or err.failed):
        _keep(key, int(status), chunks)
    return status


def _keep(key: str, status: int, chunks: list) -> None:
    """The answer written atomically (cache.keep_file); the oldest files past _KEEP removed. A cache that cannot
    be written is left as it is."""
    import marshal

    from .cache import forget, keep_file, kept_in

    try:
        digest = _digest(key)
        path = _path(digest)
        if keep_file(path, marshal.dumps((digest, status, chunks))):
            folder = os.path.dirname(path)
            kept = sorted(kept_in(folder), key=lambda f: f[1].st_mtime_ns)
            forget(folder, {name for name, _ in kept[:-_KEEP]})
    except Exception:
        pass


def listing() -> str:
    """`resdiff cache`'s line on the kept helps (a write left half done is not one, but its size counts)."""
    from .cache import kept_in

    found = kept_in(os.path.dirname(_path("")))
    kept = [name for name, _ in found if not name.endswith(".tmp")]
    size = sum(st.st_size for _, st in found)
    return f"  help/  {len(kept)} help{'s' if len(kept) != 1 else ''} kept, {size / 1024:.1f} KB"


def clear() -> str:
    """`resdiff cache --clear`: the kept helps removed (typer renders each again when it is next asked)."""
    from .cache import forget

    gone = forget(os.path.dirname(_path("")))
    return f"removed {gone} file{'s' if gone != 1 else ''} of kept helps from {os.path.dirname(_path(''))}"
