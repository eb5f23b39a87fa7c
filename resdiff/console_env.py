"""The terminal a command runs in: its standard output and error and whether each is a terminal, the
environment variables it reads (NO_COLOR), colour, the pager, the terminal's width, and the progress
shown while it works. Each command asks one ConsoleEnv (cli.py passes it), never sys or os, so that a
test can hand it StringIO streams that say they are terminals instead of starting a pseudo-terminal.

`ConsoleEnv()` is the process's own: sys.stdout, sys.stderr and os.environ, looked up when used (a
test runner that swaps sys.stdout is honoured), the terminal's own size, $PAGER (output.page).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys

from .errors import ResdiffError
from .status import ExitStatus, killed_by


class StdoutClosed(Exception):
    """The reader of standard output went away (`| head`). Not an OSError: click would make it exit 1."""


def is_usage_error(e: Exception) -> bool:
    """click's usage errors (a missing argument, a bad value, an unknown command or option), known by what
    click documents of them: exit code 2, the context they arose in, format_message(). typer exports no
    base class of them (BadParameter alone), and click is typer's own copy."""
    return getattr(e, "exit_code", None) == 2 and hasattr(e, "ctx") and callable(getattr(e, "format_message", None))


class _Terminal:
    """A stream that answers isatty() as its environment says (a test's StringIO standing for a terminal)."""

    def __init__(self, stream, tty: bool) -> None:
        self._stream, self._tty = stream, tty

    def isatty(self) -> bool:
        return self._tty

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class ConsoleEnv:
    """Everything a command asks of the terminal it runs in.

    stdout, stderr: the streams (None: sys.stdout and sys.stderr when used); stdout_tty, stderr_tty:
    whether each is a terminal (None: ask the stream); environ: the variables resdiff reads itself,
    NO_COLOR (None: os.environ; rich reads TERM and COLUMNS there); size: (columns, lines) of the
    terminal (None: the terminal's own); pager: what pages a long view (None: $PAGER, else less -FRX)."""

    def __init__(self, stdout=None, stderr=None, *, stdout_tty: bool | None = None, stderr_tty: bool | None = None,
                 environ=None, size: tuple[int, int] | None = None, pager=None) -> None:
        self._stdout, self._stderr = stdout, stderr
        self._stdout_tty, self._stderr_tty = stdout_tty, stderr_tty
        self.environ = os.environ if environ is None else environ
        self.size = size
        self._pager = pager
        self.debug = False  # --debug: a library error raised again, for its traceback

    # --- the streams -------------------------------------------------------------------

    @property
    def stdout(self):
        stream = sys.stdout if self._stdout is None else self._stdout
        if stream is None:  # started with standard output closed (`>&-`): nothing can be written there
            raise StdoutClosed()
        return stream

    @property
    def stderr(self):
        return sys.stderr if self._stderr is None else self._stderr

    def flush(self) -> None:
        """Standard output flushed at the end of a command; a closed one had nothing written to it."""
        if self._stdout is not None or sys.stdout is not None:
            self.stdout.flush()

    def stdout_is_tty(self) -> bool:
        if self._stdout_tty is not None:
            return self._stdout_tty
        stream = sys.stdout if self._stdout is None else self._stdout
        return stream is not None and stream.isatty()

    def stderr_is_tty(self) -> bool:
        return self.stderr.isatty() if self._stderr_tty is None else self._stderr_tty

    def _console(self, to: str = "stdout", *, width: int | None = None, color: bool | None = None):
        """A rich console on standard output (or error) as this environment's terminal."""
        from .render.terminal.layout import make_console

        if to == "stdout":
            self.stdout  # noqa: B018 (a closed standard output raises StdoutClosed here, not in rich)
            stream, tty = self._stdout, self._stdout_tty  # None: rich's own sys.stdout, as it finds it
        else:
            stream, tty = self.stderr, self._stderr_tty
        if tty is not None:
            stream = _Terminal(sys.stdout if stream is None else stream, tty)
        console = make_console(stream, width=width or (self.size[0] if self.size else None), color=color)
        if self.size:
            console.height = self.size[1]
        return console

    # --- colour and width --------------------------------------------------------------------

    def use_color(self, color: str, output: str | None) -> bool | None:
        """--color always, never or auto (None: the console decides, on a terminal; never with NO_COLOR
        or into a file)."""
        if color == "always":
            return True
        if color == "never" or output or self.environ.get("NO_COLOR"):
            return False
        return None

    def markers(self, color: str, output: str | None) -> bool:
        """Text markers for insertions and deletions wherever colour will not show them (also on a terminal
        that has no colour, such as TERM=dumb)."""
        use = self.use_color(color, output)
        if use is None:
            if not self.stdout_is_tty():
                return True
            return self._console().color_system is None
        return not use

    def report_width(self, width: int | None, output: str | None, shown) -> int | None:
        """The width a check or carry report is shown at: never wrapped in a file or a pipe (render.terminal.
        layout decides). A text format (JSON, SARIF, XLIFF...) is written as it is: for it the terminal's
        width, and rich, which tells it, are never asked for."""
        if isinstance(shown, str):
            return width
        from .render.terminal.layout import view_width

        return view_width(width, file=bool(output), tty=self.stdout_is_tty(), report=True)

    # --- what a command writes ---------------------------------------------------------------

    def emit(self, shown, *, output: str | None = None, inputs: tuple[str, ...] = (), color: str = "auto",
             width: int | None = None, pager: bool | None = None) -> None:
        """Text (JSON, Markdown, HTML...), whole or as an iterator of its pieces, or a rich renderable (a
        terminal view) into -o's file, atomically
        and never over an input, or onto standard output, paged when asked or when it is longer than the
        terminal's screen."""
        try:
            self._emit(shown, output=output, inputs=inputs, color=color, width=width, pager=pager)
        except BrokenPipeError:
            raise StdoutClosed() from None

    def _emit(self, shown, *, output, inputs, color, width, pager) -> None:
        if isinstance(shown, bytes):  # a binary format (DOCX, PDF): to -o's file or a pipe, never paged
            if output:
                from .output import write_bytes

                write_bytes(output, shown, inputs=inputs)
            else:
                self.stdout.flush()
                buffer = getattr(self.stdout, "buffer", None)
                (buffer or self.stdout).write(shown)
                (buffer or self.stdout).flush()
            return
        if isinstance(shown, str):
            if output:
                from .output import write_atomic  # (tempfile, only when writing a file)

                write_atomic(output, shown, inputs=inputs)
            else:
                self.write(shown)
            return
        if hasattr(shown, "__next__"):  # text in pieces (a long JSON), written as they are made
            from .output import batches, write_pieces

            if output:
                write_pieces(output, shown, inputs=inputs)
            else:
                for text in batches(shown):
                    self.write(text)
            return
        if output:
            from .output import write_atomic
            from .render.terminal.layout import make_console, view_width

            buf = io.StringIO()
            make_console(buf, width=view_width(width, file=True), color=False).print(shown)
            write_atomic(output, buf.getvalue(), inputs=inputs)
            return
        console = self._console(width=width, color=self.use_color(color, None))
        if pager is False or (pager is None and not self.stdout_is_tty()):
            console.print(shown)
            return
        with console.capture() as cap:
            console.print(shown)
        text = cap.get()
        if pager or text.count("\n") >= console.height:
            self.page(text)
        else:
            self.stdout.write(text)

    def write(self, text: str) -> None:
        """Text formats (JSON, SARIF, JUnit, Markdown, HTML) are UTF-8 whatever the locale says."""
        stdout = self.stdout
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            stdout.write(text)
            return
        from .output import utf8

        stdout.flush()
        buffer.write(utf8(text))
        buffer.flush()

    def page(self, text: str) -> None:
        if self._pager is not None:
            self._pager(text)
            return
        from .output import page

        page(text)

    def print(self, text: str) -> None:
        print(text, file=self.stdout)

    def print_now(self, text: str) -> None:
        """A line out at once (fetch prints each path as it is stored); a closed pipe ends the run."""
        try:
            print(text, file=self.stdout, flush=True)
        except BrokenPipeError:
            raise StdoutClosed() from None

    # --- what it says on standard error ------------------------------------------------------

    def note(self, message: str) -> None:
        print(f"resdiff: {message}", file=self.stderr)

    def warning(self, message: str) -> None:
        print(f"resdiff: warning: {message}", file=self.stderr)

    def error(self, message: str) -> None:
        print(f"resdiff: error: {message}", file=self.stderr)

    def report(self, err: Exception) -> None:
        """A library error as one line (str(err) is printable: one line, no escapes); with --debug, the
        error raised again, for its traceback."""
        if self.debug:
            raise err
        self.error(str(err))

    def status_of(self, command, /, *args, **kwargs) -> int | None:
        """A command's exit status (None: OK); a library error it raises is one line on stderr and exit status
        2 (with --debug, the traceback): the one place both ways in (typer's and the plain line's) turn a
        ResdiffError into what the user sees."""
        try:
            return command(*args, **kwargs)
        except ResdiffError as e:
            self.report(e)
            return ExitStatus.BAD_INPUT

    def say(self, message: str) -> None:
        """The one line a run ends with, shown safely (escapes for control characters), and never itself
        an error: standard error may be closed or unable to encode it."""
        from .errors import printable

        try:
            self.error(printable(message))
        except (OSError, ValueError, UnicodeError):
            pass

    def run(self, command, args: list[str]) -> int:
        """`command()` run as the command line `args` asked: its exit status (None: 0), standard output
        flushed; an interruption, a closed pipe, a usage error or a failure each said in one line, with its
        own status. The one ending of every command line, whether typer or entry.plain_line read it."""
        try:
            status = command()
            self.flush()
        except KeyboardInterrupt:
            return ExitStatus.INTERRUPTED
        except (BrokenPipeError, StdoutClosed):  # `resdiff diff … | head`: the output is cut short; say so, as cp does
            return self.pipe_closed()
        except Exception as e:
            return self.usage_error(e, args) if is_usage_error(e) else self.failure(e)
        return status if isinstance(status, int) else ExitStatus.OK

    def usage_error(self, e: Exception, args: list[str]) -> ExitStatus:
        """A usage error (is_usage_error) in one line naming the help to read; plain `resdiff`, the help
        itself, as click prints it."""
        if not args:
            print(e.format_message(), file=self.stderr)
            return ExitStatus.BAD_INPUT
        names, ctx = [], e.ctx  # `resdiff diff`, however the program was started (python -m, python -c)
        while ctx is not None and ctx.parent is not None:
            names.insert(0, ctx.info_name)
            ctx = ctx.parent
        message = e.format_message().replace("Value error, ", "")  # the validator's prefix says nothing
        self.say(f"{message} (see '{' '.join(['resdiff', *names])} --help')")
        return ExitStatus.BAD_INPUT

    def pipe_closed(self) -> ExitStatus:
        """The reader of standard output went away (`resdiff diff … | head`): the output is cut short;
        said, as cp says it, and no flush fails on the way out."""
        from .output import silence_stdout

        if self._stdout is None and sys.stdout is None:
            self.say("standard output: closed when resdiff started (nothing written; give -o FILE instead)")
            return ExitStatus.BAD_INPUT
        silence_stdout()
        self.say("standard output: the reader closed the pipe before the end (output cut short)")
        return ExitStatus.BAD_INPUT

    def failure(self, e: Exception) -> ExitStatus:
        """An error that ended the run: one line naming it and the exit status, 2 where the input, the
        output or the terminal failed, 70 for a bug in resdiff; with --debug, the traceback instead."""
        bad_input = isinstance(e, (ResdiffError, OSError, UnicodeEncodeError))
        if self.debug:
            import traceback

            traceback.print_exc(file=self.stderr)
            return ExitStatus.BAD_INPUT if bad_input else ExitStatus.INTERNAL_ERROR
        if isinstance(e, OSError) and e.errno == errno.EPIPE:
            from .output import silence_stdout

            silence_stdout()
        if isinstance(e, ResdiffError):
            self.say(str(e))
        elif isinstance(e, UnicodeEncodeError):
            self.say(f"standard output cannot show this text (its encoding is {getattr(self.stdout, 'encoding', '?')}; "
                     "set PYTHONIOENCODING=utf-8, or write to a file with -o)")
        elif isinstance(e, OSError):
            from .output import reason

            self.say(f"{os.fsdecode(e.filename)}: {reason(e)}" if e.filename else reason(e))
        else:
            detail = str(e).splitlines()[0][:200] if str(e) else ""
            self.say(f"unexpected {type(e).__name__}{': ' + detail if detail else ''} (a bug in resdiff: run it "
                     "again with --debug for the traceback, and please report it)")
        return ExitStatus.BAD_INPUT if bad_input else ExitStatus.INTERNAL_ERROR

    @staticmethod
    def unwind_on_termination() -> None:
        """SIGTERM and SIGHUP unwind like an exception (exit status 128 + N), so that temporary files are
        removed on the way out."""
        import signal

        def unwind(signum, frame):
            raise SystemExit(killed_by(signum))

        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(ValueError, OSError):
                signal.signal(sig, unwind)

    # --- while it works ----------------------------------------------------------------------

    def busy(self, label: str, *paths: str):
        """A spinner on a terminal while large inputs (PDFs, or texts over 200 kB) are read and compared."""
        def size(p: str) -> int:
            try:
                return os.path.getsize(p) * (20 if p.lower().endswith((".pdf", ".docx")) else 1)
            except OSError:
                return 0

        if not self.stderr_is_tty() or sum(size(p) for p in paths) < 200_000:
            return contextlib.nullcontext()
        return self._console("stderr").status(label)

    @contextlib.contextmanager
    def progress(self, total: int, label: str):
        """Yields step(description), called before each item: a transient progress bar on stderr when it
        is a terminal and there are three items or more; nothing otherwise."""
        if total < 3 or not self.stderr_is_tty():
            yield lambda description: None
            return
        from rich.progress import Progress

        done = 0
        with Progress(console=self._console("stderr"), transient=True) as bar:
            task = bar.add_task(label, total=total)

            def step(description: str) -> None:
                nonlocal done
                bar.update(task, description=description, completed=done)
                done += 1

            yield step
