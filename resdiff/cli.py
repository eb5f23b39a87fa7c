"""The command line: arguments -> library call -> renderer -> exit code."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from . import __version__
from .errors import ResdiffError
from .lang import check_language

app = typer.Typer(
    name="resdiff",
    help="Compare versions of United Nations General Assembly resolutions, clause by clause.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _choices(name: str, *values: str) -> type[StrEnum]:
    """An option's allowed values, as the enum typer wants."""
    return StrEnum(name, {v.replace("-", "_"): v for v in values})


Color = _choices("Color", "auto", "always", "never")
ParseFormat = _choices("ParseFormat", "terminal", "json")
DiffFormat = _choices("DiffFormat", "terminal", "json", "markdown", "html")
SeriesFormat = _choices("SeriesFormat", "terminal", "json", "markdown", "html")
BlameFormat = _choices("BlameFormat", "terminal", "json")
CheckFormat = _choices("CheckFormat", "terminal", "json", "junit", "github", "sarif")
FailOn = _choices("FailOn", "any", "substantive")
Severity = _choices("Severity", "error", "warning", "note")
View = _choices("View", "inline", "side-by-side", "summary")


class _State:
    debug = False


def _version(value: bool) -> None:
    if value:
        print(f"resdiff {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version.")] = False,
) -> None:
    _State.debug = debug


LangOpt = Annotated[str | None, typer.Option("--lang", help="Language of the text (ar zh en fr ru es); "
                                             "detected when omitted.")]
ColorOpt = Annotated[Color, typer.Option("--color", help="Colour in the terminal view.")]
OutOpt = Annotated[str | None, typer.Option("-o", "--output", help="Write the output to this file.")]
WidthOpt = Annotated[int | None, typer.Option("--width", min=20, help="Width of the terminal view.")]


def _fail(err: ResdiffError) -> None:
    if _State.debug:
        raise err
    print(f"resdiff: error: {err}", file=sys.stderr)  # str(err) is printable: one line, no escapes
    raise typer.Exit(2)


def _write_stdout(text: str) -> None:
    """Text formats (JSON, SARIF, JUnit, Markdown, HTML) are UTF-8 whatever the locale says."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8", "backslashreplace"))
    buffer.flush()


def _language(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return check_language(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--lang") from None


def _use_color(color: Color, output: str | None) -> bool | None:
    if color is Color.always:
        return True
    if color is Color.never or output or os.environ.get("NO_COLOR"):
        return False
    return None


class StdoutClosed(Exception):
    """The reader of standard output went away (`| head`). Not an OSError: click would make it exit 1."""


def _emit(text_or_renderable, *, output: str | None, inputs: tuple[str, ...], color: Color = Color.auto,
          width: int | None = None, pager: bool | None = None) -> None:
    try:
        _emit_to(text_or_renderable, output=output, inputs=inputs, color=color, width=width, pager=pager)
    except BrokenPipeError:
        raise StdoutClosed() from None


def _emit_to(text_or_renderable, *, output: str | None, inputs: tuple[str, ...], color: Color,
             width: int | None, pager: bool | None) -> None:
    from .output import write_atomic

    if isinstance(text_or_renderable, str):
        if output:
            write_atomic(output, text_or_renderable, inputs=inputs)
        else:
            _write_stdout(text_or_renderable)
        return
    from .render.terminal import make_console

    if output:
        buf = io.StringIO()
        make_console(buf, width=width or 100, color=False).print(text_or_renderable)
        write_atomic(output, buf.getvalue(), inputs=inputs)
        return
    console = make_console(width=width, color=_use_color(color, None))
    tty = sys.stdout.isatty()
    if pager is False or (pager is None and not tty):
        console.print(text_or_renderable)
        return
    with console.capture() as cap:
        console.print(text_or_renderable)
    text = cap.get()
    if pager or text.count("\n") >= console.height:
        from .output import page

        page(text)
    else:
        sys.stdout.write(text)


def _busy(label: str, *paths: str):
    """A spinner on a terminal while large inputs (PDFs, or texts over 200 kB) are read and compared."""
    def size(p: str) -> int:
        try:
            return os.path.getsize(p) * (20 if p.lower().endswith((".pdf", ".docx")) else 1)
        except OSError:
            return 0

    if not sys.stderr.isatty() or sum(size(p) for p in paths) < 200_000:
        return contextlib.nullcontext()
    from .render.terminal import make_console

    return make_console(sys.stderr).status(label)


def _markers(color: Color, output: str | None) -> bool:
    """Text markers for insertions and deletions wherever colour will not show them."""
    use = _use_color(color, output)
    if use is None:
        return not sys.stdout.isatty()
    return not use


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="The resolution: text, PDF, DOCX or HTML; - for stdin.")],
    format: Annotated[ParseFormat, typer.Option("--format", "-f")] = ParseFormat.terminal,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    output: OutOpt = None,
) -> None:
    """Read one resolution and show its structure: metadata, paragraphs, footnotes."""
    from .load import load_document

    try:
        doc = load_document(file, language=_language(lang))
        if format is ParseFormat.json:
            from .render.json_ import render_document

            _emit(render_document(doc), output=output, inputs=(file,))
        else:
            from .render.terminal import document_view

            _emit(document_view(doc), output=output, inputs=(file,), color=color, width=width)
    except ResdiffError as e:
        _fail(e)


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The older version.")],
    new: Annotated[str, typer.Argument(help="The newer version.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.terminal,
    view: Annotated[View, typer.Option("--view", help="Terminal view: a redline, two columns, or a "
                                                        "table of the changed paragraphs.")] = View.inline,
    context: Annotated[int, typer.Option("--context", "-C", min=0,
                                         help="Unchanged paragraphs shown around each change.")] = 0,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: Annotated[bool | None, typer.Option("--pager/--no-pager", help="Page long output (default: "
                                               "on a terminal, when it is longer than the screen).")] = None,
    show_routine: Annotated[bool, typer.Option("--show-routine", help="Show routine updates (numbers, "
                                               "dates, recalled resolutions) in full.")] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 on any change, or on substantive "
                                            "changes only (routine updates exit 0).")] = FailOn.any,
    output: OutOpt = None,
) -> None:
    """Align the paragraphs of two versions and show what changed, clause by clause.

    Exit status: 0 no differences, 1 differences, 2 bad input.
    """
    from .compare import compare
    from .load import load_document

    if old == "-" and new == "-":
        _fail(ResdiffError("standard input can be read only once", source="-"))
    try:
        language = _language(lang)
        with _busy(f"comparing {os.path.basename(old)} and {os.path.basename(new)}", old, new):
            a, b = load_document(old, language=language), load_document(new, language=language)
            if a.language != b.language:
                raise ResdiffError(f"the versions are in different languages ({a.language}, {b.language})",
                                   hint="to compare a translation with its source, use resdiff check", source=new)
            result = compare(a, b)
        if format is DiffFormat.json:
            from .render.json_ import render_diff

            _emit(render_diff(result), output=output, inputs=(old, new))
        elif format is DiffFormat.markdown:
            from .render.markdown import render_diff as markdown

            _emit(markdown(result, context=context), output=output, inputs=(old, new))
        elif format is DiffFormat.html:
            from .render.html import render_diff as html

            _emit(html(result, context=context), output=output, inputs=(old, new))
        else:
            from .render import terminal

            markers = _markers(color, output)
            if view is View.side_by_side:
                shown = terminal.side_by_side_view(result, markers=markers, context=context,
                                                   show_routine=show_routine)
            elif view is View.summary:
                shown = terminal.summary_view(result, markers=markers, width=width)
            else:
                shown = terminal.diff_view(result, markers=markers, context=context,
                                           show_routine=show_routine)
            _emit(shown, output=output, inputs=(old, new), color=color, width=width, pager=pager)
    except ResdiffError as e:
        _fail(e)
    changed = result.has_substantive_changes if fail_on is FailOn.substantive else result.has_changes
    raise typer.Exit(1 if changed else 0)


DOCUMENT_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")


def _expand(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the resolutions in it (.txt .pdf .docx .html), sorted."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(os.path.join(p, f) for f in os.listdir(p)
                           if f.lower().endswith(DOCUMENT_SUFFIXES) and not f.startswith("."))
            found += sorted(os.path.join(p, d, f) for d in os.listdir(p) if os.path.isdir(os.path.join(p, d))
                            for f in os.listdir(os.path.join(p, d))
                            if f.lower().endswith(DOCUMENT_SUFFIXES) and not f.startswith("."))
            if not found:
                raise ResdiffError("no resolution files (.txt .pdf .docx .html) in this folder", source=p)
            out += found
        else:
            out.append(p)
    return out


@contextlib.contextmanager
def _progress(total: int, label: str):
    """Yields step(description), called before each item: a transient progress bar on stderr when it is
    a terminal and there are three items or more; nothing otherwise."""
    if total < 3 or not sys.stderr.isatty():
        yield lambda description: None
        return
    from rich.progress import Progress

    from .render.terminal import make_console

    done = 0
    with Progress(console=make_console(sys.stderr), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def step(description: str) -> None:
            nonlocal done
            bar.update(task, description=description, completed=done)
            done += 1

        yield step


def _build_series(files: list[str], language: str | None):
    from .load import load_document
    from .series import build_series

    paths = _expand(files)
    docs = []
    with _progress(len(paths), "loading") as step:
        for p in paths:
            step(f"loading {os.path.basename(p)}")
            docs.append(load_document(p, language=language))
    with _progress(len(docs) - 1, "comparing") as step:
        return build_series(docs, progress=step)


FilesArg = Annotated[list[str], typer.Argument(help="Versions (files in any order, or a folder of them).")]


@app.command()
def series(
    files: FilesArg,
    format: Annotated[SeriesFormat, typer.Option("--format", "-f")] = SeriesFormat.terminal,
    steps: Annotated[bool, typer.Option("--steps", help="Add the clause-level diff of each step.")] = False,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: Annotated[bool | None, typer.Option("--pager/--no-pager", help="Page long output.")] = None,
    show_routine: Annotated[bool, typer.Option("--show-routine", help="Show routine updates in full.")] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 on any change, or on substantive "
                                            "changes only.")] = FailOn.any,
    output: OutOpt = None,
) -> None:
    """Order several versions by session and show how each paragraph evolved, version by version.

    Exit status: 0 no differences, 1 differences, 2 bad input.
    """
    try:
        result = _build_series(files, _language(lang))
        inputs = tuple(files)
        if format is SeriesFormat.json:
            from .render.series_views import render_series_json

            _emit(render_series_json(result, steps=steps), output=output, inputs=inputs)
        elif format is SeriesFormat.markdown:
            from .render.series_views import render_series_markdown

            _emit(render_series_markdown(result), output=output, inputs=inputs)
        elif format is SeriesFormat.html:
            from .render.series_views import render_series_html

            _emit(render_series_html(result), output=output, inputs=inputs)
        else:
            from .render.terminal import make_console, series_view

            room = width or (100 if output else make_console(color=False).width)
            view = series_view(result, markers=_markers(color, output), steps=steps, show_routine=show_routine,
                               width=room)
            _emit(view, output=output, inputs=inputs, color=color, width=width, pager=pager)
    except ResdiffError as e:
        _fail(e)
    changed = result.has_substantive_changes if fail_on is FailOn.substantive else result.has_changes
    raise typer.Exit(1 if changed else 0)


@app.command()
def blame(
    files: FilesArg,
    format: Annotated[BlameFormat, typer.Option("--format", "-f")] = BlameFormat.terminal,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: Annotated[bool | None, typer.Option("--pager/--no-pager", help="Page long output.")] = None,
    output: OutOpt = None,
) -> None:
    """The newest version, each paragraph and clause with the resolution whose wording it carries."""
    from .series import blame as blame_series

    try:
        result = _build_series(files, _language(lang))
        paragraphs = blame_series(result)
        if format is BlameFormat.json:
            from .render.series_views import render_blame_json

            _emit(render_blame_json(result, paragraphs), output=output, inputs=tuple(files))
        else:
            from .render.terminal import blame_view

            _emit(blame_view(result, paragraphs), output=output, inputs=tuple(files), color=color, width=width,
                  pager=pager)
    except ResdiffError as e:
        _fail(e)


@app.command()
def fetch(
    symbols: Annotated[list[str], typer.Argument(help="Document symbols: 75/62 or A/RES/75/62.")],
    lang: Annotated[str, typer.Option("--lang", help="Language: ar zh en fr ru es.")],
    offline: Annotated[bool, typer.Option("--offline", help="Use the cache only; never download.")] = False,
    url_template: Annotated[str | None, typer.Option("--url-template", help="Where to download from; "
                                                     "{symbol} and {lang} are filled in (default: the ODS "
                                                     "access endpoint, or RESDIFF_FETCH_URL).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds before a silent server "
                                           "counts as failed.")] = 20.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Attempts after the first one, with "
                                         "back-off.")] = 3,
) -> None:
    """Download official texts into the user cache (or find them there), and print their paths.

    A symbol can then stand for a FILE in every command: resdiff diff 74/62 75/62 --lang zh
    """
    from . import fetch as fetching

    language = _language(lang)
    failed = False
    with _progress(len(symbols), "fetching") as step:
        for sym in symbols:
            step(f"fetching {sym}")
            try:
                path = fetching.fetch(sym, language, url_template=url_template, offline=offline, timeout=timeout,
                                      retries=retries, log=lambda m: print(f"resdiff: {m}", file=sys.stderr))
                try:
                    print(path, flush=True)
                except BrokenPipeError:
                    raise StdoutClosed() from None
            except ResdiffError as e:
                if _State.debug:
                    raise
                print(f"resdiff: error: {e}", file=sys.stderr)
                failed = True
    raise typer.Exit(2 if failed else 0)


@app.command()
def check(
    source: Annotated[str, typer.Argument(help="The source-language version.")],
    target: Annotated[str, typer.Argument(help="The target-language version of the same resolution.")],
    previous: Annotated[tuple[str, str] | None, typer.Option(
        "--previous", help="The previous source and target versions: also check that every change was made "
        "in both languages (change parity).")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f")] = CheckFormat.terminal,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="Exit 1 on findings of this severity "
                                                     "or above (default: error, or the config's).")] = None,
    disable: Annotated[list[str] | None, typer.Option("--disable", help="Switch a rule off (repeatable).")] = None,
    config: Annotated[str | None, typer.Option("--config", help="A TOML file with [tool.resdiff] (default: "
                                               ".resdiff.toml or pyproject.toml here).")] = None,
    baseline: Annotated[str | None, typer.Option("--baseline", help="Accept the findings recorded in this "
                                                 "file.")] = None,
    write_baseline: Annotated[str | None, typer.Option("--write-baseline", help="Record the findings of this "
                                                       "run as accepted, in this file.")] = None,
    source_lang: Annotated[str | None, typer.Option("--source-lang", help="Language of SOURCE.")] = None,
    target_lang: Annotated[str | None, typer.Option("--target-lang", help="Language of TARGET.")] = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    output: OutOpt = None,
) -> None:
    """Check two language versions of one resolution: structure, numbers, dates, symbols, footnotes.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 bad input.
    """
    from .check import check_pair, check_parity, make_config
    from .load import load_document, read_baseline, read_config

    try:
        table, where = read_config(config)
        accepted = read_baseline(baseline) if baseline else []
        cfg = make_config(table, baseline=accepted, disable=disable, where=where or "--disable")
        sl, tl = _language(source_lang), _language(target_lang)
        src, tgt = load_document(source, language=sl), load_document(target, language=tl)
        if previous:
            result = check_parity(load_document(previous[0], language=sl), load_document(previous[1], language=tl),
                                  src, tgt, cfg)
        else:
            result = check_pair(src, tgt, cfg)
        level = (fail_on.value if fail_on else None) or cfg.fail_on or "error"
        inputs = (source, target, *(previous or ()))
        if write_baseline:
            import json

            from .output import write_atomic

            fps = sorted({f.fingerprint for f in result.findings})
            write_atomic(write_baseline, json.dumps({"resdiff_baseline": 1, "fingerprints": fps}, indent=2) + "\n",
                         inputs=inputs)
        if format is CheckFormat.terminal:
            from .render.terminal import check_view

            _emit(check_view(result, fail_on=level), output=output, inputs=inputs, color=color, width=width)
        else:
            from .render import check_views

            render = {CheckFormat.json: check_views.render_json, CheckFormat.junit: check_views.render_junit,
                      CheckFormat.github: check_views.render_github, CheckFormat.sarif: check_views.render_sarif}
            _emit(render[format](result, level), output=output, inputs=inputs)
    except ResdiffError as e:
        _fail(e)
    raise typer.Exit(1 if result.failed(level) else 0)


EX_SOFTWARE = 70  # an unexpected error in resdiff itself (sysexits.h): never 1, which means "differences"


def _terminated(signum, frame):
    """SIGTERM (and SIGHUP) unwind like an exception, so temporary files are removed on the way out."""
    raise SystemExit(128 + signum)


def _say(message: str) -> None:
    from .errors import printable

    try:
        print(f"resdiff: error: {printable(message)}", file=sys.stderr)
    except (OSError, ValueError, UnicodeError):
        pass


def _silence_stdout() -> None:
    from .output import silence_stdout

    silence_stdout()


def main() -> None:
    """The console script: usage errors, like input errors, are one line on stderr and exit 2; an
    unexpected error is one line too, with exit status 70, and a traceback only with --debug."""
    import signal

    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, _terminated)
    # click's UsageError, whether typer vendors click (0.29) or depends on it: found through typer's export
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    try:
        code = app(standalone_mode=False)
        sys.stdout.flush()
    except usage_error as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # plain `resdiff`: the help, as click prints it
            print(e.format_message(), file=sys.stderr)
            sys.exit(2)
        where = f"resdiff {e.ctx.command_path.split(' ', 1)[1]}" if e.ctx and " " in e.ctx.command_path else "resdiff"
        _say(f"{e.format_message()} (see '{where} --help')")
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except (BrokenPipeError, StdoutClosed):  # `resdiff diff … | head`: the output is cut short; say so, as cp does
        _silence_stdout()
        _say("standard output: the reader closed the pipe before the end (output cut short)")
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as e:
        if _State.debug:
            import traceback

            traceback.print_exc()
            sys.exit(2 if isinstance(e, (ResdiffError, OSError, UnicodeEncodeError)) else EX_SOFTWARE)
        _silence_stdout_if_broken(e)
        if isinstance(e, ResdiffError):
            _say(str(e))
        elif isinstance(e, UnicodeEncodeError):
            enc = getattr(sys.stdout, "encoding", "?")
            _say(f"standard output cannot show this text (its encoding is {enc}; set PYTHONIOENCODING=utf-8, "
                 "or write to a file with -o)")
        elif isinstance(e, OSError):
            from .output import reason

            where = f"{os.fsdecode(e.filename)}: " if e.filename else ""
            _say(f"{where}{reason(e)}")
        else:
            detail = str(e).splitlines()[0][:200] if str(e) else ""
            _say(f"unexpected {type(e).__name__}{': ' + detail if detail else ''} (a bug in resdiff: run it again "
                 "with --debug for the traceback, and please report it)")
            sys.exit(EX_SOFTWARE)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _silence_stdout_if_broken(e: Exception) -> None:
    if isinstance(e, OSError) and e.errno == 32:
        _silence_stdout()
