"""A pool of worker processes that outlives any one task: a task whose worker dies (a signal such as SIGABRT
or SIGKILL, an exit) or runs past its time limit comes back as a `Failed` naming the cause, the worker
is replaced, and the other tasks run on. Unlike concurrent.futures' pool, where one dead worker breaks
every pending task.

Workers start from a fork server (a clean process, with `preload` imported once), so that starting one,
or replacing one, costs a fork; each takes the environment and working folder of the moment it starts.
Tasks are `fn(arg)` with `fn` a module-level function (it is sent by name).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import selectors
import signal
import time
from collections import deque, namedtuple
from collections.abc import Callable, Iterable, Iterator

_AHEAD = 4  # tasks sent to a worker at once: the one it runs and those next (2 towards the end, where a
# task queued behind another would wait for it while another worker may have nothing left to do)
_NAP = 0.02  # seconds at most between two looks at the workers while each has work queued


def _dumps(obj) -> bytes:
    """A message, pickled as Connection.send would, less the cost of building multiprocessing's own pickler
    (a copy of copyreg's whole dispatch table) for every message: a session sends two or three a document."""
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class Failed(namedtuple("Failed", "cause")):
    """A task that returned nothing: why (its worker died, or ran past the time limit, or it raised). (A
    tuple, not a @dataclass: see session.Unreadable.)"""

    __slots__ = ()


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _end_with_parent() -> None:
    """A worker ends when the fork server it came from does (which it does when the main process does),
    so that no worker outlives a session killed with SIGKILL: a thread watches for its parent to change.
    (The PDF reading, the one long C call, runs in a child of its own under CPU and wall deadlines.)"""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="resdiff-parent-watch", daemon=True).start()


def _serve(conn, env: dict[str, str], cwd: str) -> None:
    """A worker: the caller's environment and folder, then tasks until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle; it ends us
    _end_with_parent()
    os.environ.clear()
    os.environ.update(env)
    try:
        os.chdir(cwd)
    except OSError:
        pass
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, fn, arg = msg
        began = time.monotonic()
        try:
            ok, value = True, fn(arg)
        except Exception as e:  # a bug in the task: its caller reports it, the worker goes on
            ok, value = False, f"{type(e).__name__}: {e}"
        took = time.monotonic() - began  # how long the task ran: the caller's measure of the tasks' pace
        try:
            message = _dumps((key, ok, value, took))
        except Exception as e:  # a result that cannot be sent (unpicklable, too large)
            message = _dumps((key, False, f"{type(e).__name__}: {e}", took))
        try:
            conn.send_bytes(message)
        except OSError:  # the caller is gone (killed), or let this worker go (its pool was lost): no one to tell
            return


class _Worker:
    def __init__(self, ctx) -> None:
        # Where the fork server ended (killed) just before, its end may not be seen yet: asked for a worker,
        # it refuses or fails to answer. Asked again a moment later, multiprocessing starts a new one.
        for wait in (0.01, 0.03, 0.1, 0.3, 1.0, None):
            self.conn, child = ctx.Pipe()  # a new pipe each time: no half-started worker shares it
            self.process = ctx.Process(target=_serve, args=(child, dict(os.environ), os.getcwd()), daemon=True)
            try:
                self.process.start()
                break
            except (EOFError, OSError):
                self.conn.close()
                if wait is None:
                    raise
                time.sleep(wait)
            finally:
                child.close()
        self.tasks: deque[int] = deque()  # sent, in order: the first is running, the others wait their turn
        self.started = 0.0  # when the first began

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()

    def watch(self, selector: selectors.BaseSelector) -> None:
        """Its pipe, and its sentinel: readable once it has ended (the fork server writes its status there)."""
        selector.register(self.conn, selectors.EVENT_READ, (self, False))
        selector.register(self.process.sentinel, selectors.EVENT_READ, (self, True))

    def unwatch(self, selector: selectors.BaseSelector) -> None:
        for f in (self.conn, self.process.sentinel):
            with contextlib.suppress(KeyError):  # its pipe is let go once it has ended
                selector.unregister(f)

    def received(self, ended: bool, selector: selectors.BaseSelector) -> list:
        """What it sent: where it has ended, every message up to its end (a result sent before a death
        counts); else the one the select found ready (any other makes the next select return at once)."""
        got = []
        while ended and self.conn.poll():
            try:
                got.append(self.conn.recv())
            except (EOFError, OSError):
                break
        if not ended:
            try:
                got.append(self.conn.recv())
            except (EOFError, OSError):  # ending: its sentinel tells, soon
                selector.unregister(self.conn)
        return got

    def died(self) -> Failed:
        """Why it ended (a fork server killed under it ends it too: multiprocessing tells that as status 255)."""
        code = self.process.exitcode
        self.process.join()
        if code is not None and code < 0:
            return Failed(f"its worker process died ({_signal_name(-code)})")
        return Failed(f"its worker process exited with status {code}")


def _nap(workers: list[_Worker], took: deque[float]) -> None:
    """A pause while every busy worker has tasks queued behind the one it runs, no longer than those queued
    tasks take if each runs as briefly as the quickest of the last few (`took`, as the workers timed them):
    no worker runs out of work meanwhile, and the results that come in are taken at one wake-up of this
    process, where each would wake it (its CPU is a session's serial part, and a wake-up costs it more
    than the taking of a result). (A pace from the results' arrivals would count the pauses themselves.)"""
    queued = min((len(w.tasks) for w in workers if w.tasks), default=0) - 1
    if queued > 0 and took:
        time.sleep(min(_NAP, queued * min(took)))


def _ahead(left: int, workers: int, took: deque[float]) -> int:
    """How many tasks a worker may hold (the one it runs and those queued behind it): 4 while the last tasks
    ran quicker than a pause and enough wait to give each worker that many, else 2. A slow task holds the
    tasks queued behind it while another worker may run out of work: where tasks are slow, or few are left,
    one waits behind another at most. A worker is given more only as it hands in results (Pool.map_unordered),
    never while it is on a task; but no one knows a task is slow before it runs, so a slow one met among
    quick ones may hold three queued behind it (quick ones, by the pace so far: some 60 ms at most)."""
    return _AHEAD if took and max(took) < _NAP and left >= _AHEAD * workers else 2


class Pool:
    """`workers` processes running tasks; `time_limit` seconds of wall time at most per task (None: no
    limit). Use as a context: the workers are stopped on the way out, whatever happened."""

    def __init__(self, workers: int, *, time_limit: float | None = None, preload: Iterable[str] = ()) -> None:
        self.size = max(1, workers)
        self.time_limit = time_limit
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(list(preload))
        self._workers: list[_Worker] = []

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        for w in self._workers:
            w.stop(kill=kill or bool(w.tasks))
        self._workers = []

    def _deadline(self) -> float | None:
        """Seconds until the task running longest reaches the time limit (None: no limit)."""
        if self.time_limit is None:
            return None
        first = min(w.started for w in self._workers if w.tasks)
        return max(0.0, first + self.time_limit - time.monotonic())

    def _staffed(self, want: int) -> None:
        """`want` workers at least: those that ended while idle (their fork server killed between two maps)
        let go first."""
        for w in [w for w in self._workers if not w.process.is_alive()]:
            w.stop()
            self._workers.remove(w)
        while len(self._workers) < want:
            self._workers.append(_Worker(self._ctx))

    def _overdue(self, w: _Worker) -> bool:
        """Whether w's task has run past the time limit (a result sent since the select is taken by the next)."""
        return (bool(w.tasks) and self.time_limit is not None and time.monotonic() - w.started >= self.time_limit
                and not w.conn.poll())

    def map_unordered(self, fn: Callable, args: list) -> Iterator[tuple[int, object]]:
        """(index, fn(args[index]) or Failed) for every argument, as each finishes. A worker is sent its
        next tasks before it finishes the one it runs (no pause between two); a task waiting behind one that
        killed its worker is sent to another. While every busy worker has tasks queued, this process
        pauses (`_nap`) and takes the results that came in meanwhile together."""
        todo = deque(range(len(args)))
        self._staffed(min(self.size, len(args)))

        took: deque[float] = deque(maxlen=8)  # how long the last tasks ran, in their workers

        def give(w: _Worker) -> None:
            ahead = _ahead(len(todo), len(self._workers), took)
            while todo and len(w.tasks) < ahead:
                k = todo.popleft()
                if not w.tasks:
                    w.started = time.monotonic()
                w.tasks.append(k)
                try:
                    w.conn.send_bytes(_dumps((k, fn, args[k])))
                except OSError:  # the worker is gone already: its sentinel tells
                    return

        # One selector for the whole map, watching each worker's pipe and its sentinel (which the fork
        # server makes readable when the worker ends): a message costs one select and one receive, where
        # multiprocessing's wait() and poll() would each build a selector of their own.
        watching = selectors.DefaultSelector()

        def retire(w: _Worker, kill: bool) -> int:
            """The task w was running (the others go back to be given again); a fresh worker in its place."""
            culprit = w.tasks.popleft()
            todo.extendleft(reversed(w.tasks))
            w.tasks.clear()
            renew(w, kill)
            return culprit

        def renew(w: _Worker, kill: bool) -> None:
            """w stopped and let go; a fresh worker in its place while tasks remain."""
            w.unwatch(watching)
            w.stop(kill=kill)
            self._workers.remove(w)
            if todo:
                fresh = _Worker(self._ctx)
                self._workers.append(fresh)
                fresh.watch(watching)
                give(fresh)

        try:
            for w in list(self._workers):
                w.watch(watching)
                give(w)
            while any(w.tasks for w in self._workers):
                events = watching.select(0)  # what has come in already, taken without a wait
                if not events:
                    _nap(self._workers, took)
                    events = watching.select(self._deadline())
                ended = {key.data[0] for key, _ in events if key.data[1]}
                sent = {key.data[0] for key, _ in events if not key.data[1]}
                for w in list(self._workers):
                    got = w.received(w in ended, watching) if w in ended or w in sent else []
                    for key, ok, value, spent in got:
                        w.tasks.popleft()
                        took.append(spent)
                        w.started = time.monotonic()
                        yield key, value if ok else Failed(f"resdiff failed on it ({value})")
                    if w in ended:
                        cause = w.died()
                        if w.tasks:
                            yield retire(w, kill=False), cause
                        else:
                            renew(w, kill=False)
                    elif self._overdue(w):
                        yield retire(w, kill=True), Failed(f"it took longer than {self.time_limit:g} s (the time "
                                                           "limit); its worker was stopped")
                    elif got or not w.tasks:  # topped up as it hands in results: never behind a task it is on
                        give(w)
        finally:
            watching.close()
