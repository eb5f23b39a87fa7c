"""Reading untrusted input in a child process, under a memory limit and deadlines.

A PDF is a program for a page: one that draws a form inside itself, nests forms 10 deep 12 times, or
inflates a 1 MB stream to 1 GB can make PDFium grow without bound or run for ever, and a process that
runs out of memory in C is killed, not told. So `call(fn, *args)` runs `fn` in a child of this process
(a fork: nothing is imported again), with its address space limited (`resource.RLIMIT_AS`: what the
reading adds, decoded streams included, may not pass `Limits.memory`; the PDF's own bytes, in the child
before the limit is set and given to PDFium as they are, are not counted) and its CPU time limited
(`RLIMIT_CPU`), while this process waits at most `Limits.wall` seconds for its answer. Past any of them
the child is gone, and the caller gets an InputError (exit 2, one line) naming the limit; the next call
starts another child. The child stays for the next document of the run: one fork a run, not one a
document. The call that starts it hands it its request through the fork (the child has fn and its
arguments, a PDF's bytes among them, in the memory it shares with this process: nothing is written or
copied); each later call sends it pickled. An answer comes back as marshal writes it where the caller
says the result is plain data (`plain=True`), else pickled: pickle is imported only where it is needed.

The limits come from RESDIFF_PDF_MEMORY (bytes, or with K, M, G: `512M`) and RESDIFF_PDF_TIMEOUT (CPU
seconds; the clock allows twice that, for a busy machine), or from `set_limits` (the CLI's
--pdf-memory and --pdf-timeout), which also exports them to the processes this one starts (a
session's workers). Where there is no fork (Windows), the work runs in this process, unbounded.
"""

from __future__ import annotations

import atexit
import gc
import marshal
import math
import os
import select
import signal
import struct
import sys
import time
from collections import namedtuple

from .errors import InputError

MEMORY_ENV, TIMEOUT_ENV = "RESDIFF_PDF_MEMORY", "RESDIFF_PDF_TIMEOUT"
DEFAULT_MEMORY = 1 << 30  # 1 GiB: the 2,000-page PDFs of the UN read in a tenth of it
DEFAULT_TIMEOUT = 120.0  # CPU seconds a document: a 5-page resolution takes 0.15 s
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
_LEN = struct.Struct("!Q")


# A reading's limits: `memory`, bytes the reading may add to the child's address space; `cpu`, CPU seconds a
# document; `wall`, seconds on the clock a document. (A tuple: @dataclass and typing.NamedTuple cost a tenth of
# a PDF's parse to import.)
Limits = namedtuple("Limits", "memory cpu wall", defaults=(DEFAULT_MEMORY, DEFAULT_TIMEOUT, 2 * DEFAULT_TIMEOUT))


def parse_size(text: str) -> int:
    """'1G', '512M', '1.5GiB', '1000000' -> bytes; ValueError for anything else or under 64 MiB."""
    t = text.strip().upper().removesuffix("IB").removesuffix("B")
    unit = t[-1:] if t[-1:] in _UNITS and t[-1:] else ""
    try:
        number = float(t[: len(t) - len(unit)])
    except ValueError:
        number = float("nan")
    if not 64 * _UNITS["M"] <= number * _UNITS[unit] < 1 << 62:  # too small to start PDFium; NaN
        raise ValueError(f"{text!r} is no memory size of at least 64M (e.g. 512M, 2G)")
    return int(number * _UNITS[unit])


def parse_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 1e6:
        raise ValueError(f"{text!r} is no number of seconds above 0")
    return value


def show_size(n: int) -> str:
    for unit in ("T", "G", "M", "K"):
        if n >= _UNITS[unit] and n % (_UNITS[unit] // 4) == 0:
            value = n / _UNITS[unit]
            return f"{value:g} {unit}iB"
    return f"{n} bytes"


def limits() -> Limits:
    """The limits set by set_limits, else by the environment, else the defaults."""
    try:
        memory = parse_size(os.environ[MEMORY_ENV]) if os.environ.get(MEMORY_ENV) else DEFAULT_MEMORY
        cpu = parse_seconds(os.environ[TIMEOUT_ENV]) if os.environ.get(TIMEOUT_ENV) else DEFAULT_TIMEOUT
    except ValueError as e:
        raise InputError(f"the environment's {MEMORY_ENV} or {TIMEOUT_ENV}: {e}") from None
    return Limits(memory, cpu, 2 * cpu)


def set_limits(memory: int | None = None, cpu: float | None = None) -> None:
    """Set the limits of this process and of those it starts (through the environment)."""
    if memory is not None:
        os.environ[MEMORY_ENV] = str(memory)
    if cpu is not None:
        os.environ[TIMEOUT_ENV] = repr(cpu)


# --- the child ------------------------------------------------------------------------------------


class _Child:
    def __init__(self, request: tuple):
        """A child, forked with `request` (fn, args, limits, plain), the first it answers, in its memory."""
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        self.owner = os.getpid()
        # the objects this process has made are out of the cyclic collector's reach in the child (they are this
        # process's to collect): a collection there would otherwise go over all of them, and copy every page
        # they are on, for nothing. This process has them back at once.
        # (A caller's own frozen objects stay frozen: only a freeze made here is undone.)
        threads = sys.modules.get("threading")  # not imported: this process has one thread, and imports it not
        forker_is_main = threads is None or threads.current_thread() is threads.main_thread()
        freezing = gc.get_freeze_count() == 0
        if freezing:
            gc.freeze()
        try:
            self.pid = os.fork()
        finally:
            if freezing and os.getpid() == self.owner:
                gc.unfreeze()
        if self.pid == 0:  # the child: never returns
            os.close(self.to_child)
            os.close(self.from_child)
            if forker_is_main:
                _end_with(self.owner)
            _serve(to_child_r, from_child_w, request)
        os.close(to_child_r)
        os.close(from_child_w)

    def close(self, *, kill: bool = True) -> tuple[int, object] | None:
        """Close the pipes; kill the child (unless it belongs to another process) and reap it:
        its wait status and resource usage."""
        for fd in (self.to_child, self.from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.owner != os.getpid():
            return None
        if kill:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            _, status, usage = os.wait4(self.pid, 0)
        except ChildProcessError:
            return None
        return status, usage


def _end_with(parent: int) -> None:
    """The child is killed when the process that forked it ends, however it ends: a session's worker killed past
    its time limit, a run killed with SIGKILL. Else it would read on, alone, to its CPU limit (120 s by default),
    holding a CPU and the pipes that keep a session's fork server alive. Linux kills it (PR_SET_PDEATHSIG,
    pdfium.die_with_parent: the package's foreign calls are that module's); the signal follows the forking
    thread, so this is asked only where the main thread forks (elsewhere, and on other systems, the child ends
    at its limits, as before)."""
    from .pdfium import die_with_parent

    if die_with_parent(signal.SIGKILL) and os.getppid() != parent:  # the parent ended before the call
        os._exit(1)


_CHILD: _Child | None = None


def _shutdown() -> None:
    global _CHILD
    if _CHILD is not None:
        _CHILD.close()
        _CHILD = None


atexit.register(_shutdown)


def _serve(requests: int, answers: int, request: tuple | None) -> None:
    """The child's loop: a request (fn, args, limits, plain), the first as forked, the others pickled; the
    limits set, fn run, its answer ('ok', result) or ('error', exception); end of input: exit."""
    import resource

    code = 0
    try:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE):
            signal.signal(sig, signal.SIG_DFL)
        import faulthandler

        faulthandler.disable()  # a crash is told by the parent, in one line: nothing of the child's reaches stderr
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        while request is not None:
            _send(answers, _answer(resource, *request))
            request = _receive(requests, None)
            if request is not None:
                import pickle

                request = pickle.loads(request)
    except BaseException:  # noqa: BLE001 (the child reports by its exit status; it has no terminal)
        code = 70
    finally:
        os._exit(code)


def _answer(resource, fn, args: tuple, limit: Limits, plain: bool) -> bytes:
    """fn(*args) under the limits, its answer encoded (_encode)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = math.ceil(used.ru_utime + used.ru_stime + limit.cpu)  # whole seconds, as the kernel counts
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu if hard == resource.RLIM_INFINITY else min(cpu, hard), hard))
    _limit_memory(resource, limit.memory)
    try:
        answer = ("ok", fn(*args))
    except MemoryError:
        answer = ("memory", None)
    except InputError as e:
        answer = ("error", e)
    _limit_memory(resource, None)  # room to write the answer, however large
    return _encode(answer, plain)


def _encode(answer: tuple, plain: bool) -> bytes:
    """An answer as marshal writes it (b"m" first), where the caller said its result is plain data, else
    pickled (b"p"; an exception, or anything marshal cannot write, is pickled)."""
    if plain and answer[0] != "error":
        try:
            return b"m" + marshal.dumps(answer)
        except ValueError:  # no plain data after all
            pass
    import pickle

    return b"p" + pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)


def _decode(data: bytes) -> tuple:
    if data[:1] == b"m":
        return marshal.loads(memoryview(data)[1:])
    import pickle

    return pickle.loads(memoryview(data)[1:])


def _limit_memory(resource, memory: int | None) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if memory is None:
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        return
    with open("/proc/self/statm", "rb") as f:  # noqa: PTH123 (the size of this process, in pages)
        size = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    soft = size + memory
    resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _send(fd: int, data: bytes) -> None:
    view = memoryview(_LEN.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int, deadline: float | None) -> bytes | None:
    """One message; None at end of input; TimeoutError past the deadline (time.monotonic())."""
    head = _read_exactly(fd, _LEN.size, deadline)
    if head is None:
        return None
    body = _read_exactly(fd, _LEN.unpack(head)[0], deadline)
    if body is None:
        raise EOFError
    return body


def _read_exactly(fd: int, n: int, deadline: float | None) -> bytes | None:
    parts, got = [], 0
    while got < n:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            if got:
                raise EOFError
            return None
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


# --- the caller -----------------------------------------------------------------------------------


def call(fn, *args, source: str, what: str = "reading", plain: bool = False):
    """fn(*args) (a module-level function, its arguments and result picklable) in the child, under the
    limits; an InputError it raises is raised here; past a limit, an InputError naming it. `plain`: the
    result is plain data (None, bools, ints, floats, strings, bytes, and tuples, lists, dicts and sets of
    them), which marshal writes and reads faster than pickle (a bytes-like result would come back as bytes)."""
    global _CHILD
    limit = limits()
    if not hasattr(os, "fork") or sys.platform == "win32":
        return fn(*args)
    if _CHILD is not None and _CHILD.owner != os.getpid():  # inherited through a fork: not ours to use
        _CHILD.close()
        _CHILD = None
    request = (fn, args, limit, plain)
    forked = _CHILD is None
    if forked:
        _CHILD = _Child(request)  # the request goes with the fork
    child = _CHILD
    done = False
    try:
        if not forked:
            import pickle

            _send(child.to_child, pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
        answer = _receive(child.from_child, time.monotonic() + limit.wall)
        if answer is None:
            raise EOFError
        kind, value = _decode(answer)
        done = True
    except TimeoutError:
        raise _past(source, what, f"took longer than {limit.wall:g} s") from None
    except (EOFError, BrokenPipeError):
        raise _died(child, limit, source, what) from None
    finally:
        if not done:
            child.close()
            if _CHILD is child:
                _CHILD = None
    if kind == "memory":
        _shutdown()  # a child that ran out of memory may have left its heap in any state
        raise _past(source, what, f"exceeded {show_size(limit.memory)}")
    if kind == "error":
        raise value
    return value


def _past(source: str, what: str, how: str) -> InputError:
    return InputError(f"{how} while {what}; it may be malformed or hostile", source=source,
                      hint=f"the limits are --pdf-memory and --pdf-timeout, or {MEMORY_ENV} and {TIMEOUT_ENV}")


_CRASHES = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, getattr(signal, "SIGTRAP", signal.SIGABRT)}


def _died(child: _Child, limit: Limits, source: str, what: str) -> InputError:
    """Why the child ended without an answer: its CPU time (SIGXCPU); its memory (PDFium aborts when an
    allocation fails: a crash after the child's resident size came near the limit); another crash."""
    reaped = child.close(kill=False)
    status, usage = reaped if reaped else (0, None)
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if sig == signal.SIGXCPU:
        return _past(source, what, f"took more than {limit.cpu:g} s of CPU time")
    if sig in _CRASHES:
        peak = usage.ru_maxrss * 1024 if usage is not None else 0  # kilobytes, on Linux
        if peak >= 0.75 * limit.memory:
            return _past(source, what, f"exceeded {show_size(limit.memory)}")
        return _past(source, what, f"crashed PDFium ({signal.Signals(sig).name})")
    if sig is not None:
        return InputError(f"the process {what} it was ended by {signal.Signals(sig).name}", source=source)
    return InputError(f"the process {what} it ended unexpectedly (exit status {os.WEXITSTATUS(status)})",
                      source=source)
