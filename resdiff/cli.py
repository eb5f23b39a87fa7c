"""The command line: arguments -> one library call -> one renderer -> one exit status.

Each command is registered with @_command: it returns its ExitStatus (status.py), and reads and writes
through the ConsoleEnv of the run (console_env.py: streams, terminal, colour, pager, progress), the one
main() passes to the app or a test's. Documents are found and loaded by documents.py, a check's
configuration is config.py's."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from . import __version__
from .console_env import ConsoleEnv, StdoutClosed
from .errors import ResdiffError
from .status import ExitStatus, exit_status, killed_by


def _plain_argument_help() -> None:
    """Arguments named by their metavar alone in help (OLD NEW, FILE...), never with a type (<str>)."""
    from typer.core import TyperArgument

    if not hasattr(TyperArgument, "display_type_rich"):  # typer before 0.29: only the usage line's {OLD}
        metavar = TyperArgument.make_metavar

        def usage_metavar(self, ctx, *, usage: bool = False) -> str:
            if self.metavar is not None and usage:
                return self.metavar if self.required else f"[{self.metavar}]"
            return metavar(self, ctx, usage=usage)

        TyperArgument.make_metavar = usage_metavar
        return
    shown = TyperArgument.display_type_rich
    TyperArgument.display_type_rich = lambda self, ctx: None if self.metavar else shown(self, ctx)

    def usage_name(self) -> str:  # `resdiff diff [OPTIONS] OLD NEW`, as git and gh write it
        name = self.display_name_raw
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    TyperArgument._usage_display_name = usage_name


_plain_argument_help()
if "_RESDIFF_COMPLETE" in os.environ:  # a shell asking for completions (see `resdiff completion`)
    from typer._completion_classes import completion_init

    completion_init()

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
DiffFormat = _choices("DiffFormat", "terminal", "json", "markdown", "html", "docx", "pdf")
SeriesFormat = _choices("SeriesFormat", "terminal", "json", "markdown", "html")
BlameFormat = _choices("BlameFormat", "terminal", "json")
CheckFormat = _choices("CheckFormat", "terminal", "json", "junit", "github", "sarif", "html")
Executor = _choices("Executor", "processes", "dask")
CarryFormat = _choices("CarryFormat", "terminal", "json", "draft", "xliff", "tmx")
TmxSegmentation = _choices("TmxSegmentation", "paragraph", "sentence")
FailOn = _choices("FailOn", "any", "substantive")
Severity = _choices("Severity", "error", "warning", "note")
View = _choices("View", "inline", "side-by-side", "summary")
Shell = _choices("Shell", "bash", "zsh", "fish")


class _Run:
    """The environment of the command running: the one main() passes to the app (a test's, through
    CliRunner's obj=), else the process's own (sys streams, os.environ)."""
    env = ConsoleEnv()


def _env() -> ConsoleEnv:
    return _Run.env


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        ctx.ensure_object(ConsoleEnv).print(f"resdiff {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def _main(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version.")] = False,
) -> None:
    _Run.env = ctx.ensure_object(ConsoleEnv)
    _Run.env.debug = debug


def _command(short_help: str, *, reads_pdf: bool = False):
    """A command of the app: what it returns is its exit status (None: OK); a library error it raises is
    one line on stderr and exit status 2 (with --debug, the traceback). `reads_pdf`: the command also
    takes --pdf-memory and --pdf-timeout, the limits a PDF is read under (isolate.py)."""
    def register(command):
        @functools.wraps(command)
        def run(**arguments) -> None:
            try:
                if reads_pdf:
                    from .isolate import set_limits

                    set_limits(arguments.pop("pdf_memory"), arguments.pop("pdf_timeout"))
                status = command(**arguments)
            except ResdiffError as e:
                _env().report(e)
                status = ExitStatus.BAD_INPUT
            raise typer.Exit(status or ExitStatus.OK)

        if reads_pdf:
            import inspect

            sig = inspect.signature(command, eval_str=True)
            run.__signature__ = sig.replace(parameters=[*sig.parameters.values(), *_PDF_LIMITS])
        return app.command(short_help=short_help)(run)

    return register


def _pdf_size(value: str | None) -> int | None:
    from .isolate import parse_size

    try:
        return None if value is None else parse_size(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--pdf-memory") from None


def _pdf_parameters() -> list:
    import inspect

    memory = Annotated[str | None, typer.Option(
        "--pdf-memory", metavar="SIZE", envvar="RESDIFF_PDF_MEMORY", callback=_pdf_size, show_default=False,
        help="Memory a PDF may take while it is read, in a child process (e.g. 512M, 2G; default 1G); past "
             "it, the PDF is refused.")]
    timeout = Annotated[float | None, typer.Option(
        "--pdf-timeout", metavar="SECONDS", envvar="RESDIFF_PDF_TIMEOUT", min=0.01, show_default=False,
        help="CPU seconds a PDF may take to read (default 120; twice that on the clock); past it, the PDF is "
             "refused.")]
    kind = inspect.Parameter.KEYWORD_ONLY
    return [inspect.Parameter("pdf_memory", kind, default=None, annotation=memory),
            inspect.Parameter("pdf_timeout", kind, default=None, annotation=timeout)]


_PDF_LIMITS = _pdf_parameters()
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 2 when a document breaks its own structure "
                                         "(a parse warning: docs/inputs.md).")]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="LANG", help="Language of the text (ar zh en fr ru "
                                             "es); detected when omitted.")]
SourceLangOpt = Annotated[str | None, typer.Option("--source-lang", metavar="LANG", help="Language of the source "
                                                  "text(s) (ar zh en fr ru es); detected when omitted.")]
TargetLangOpt = Annotated[str | None, typer.Option("--target-lang", metavar="LANG", help="Language of the target "
                                                  "text(s); detected when omitted.")]
ColorOpt = Annotated[Color, typer.Option("--color", metavar="WHEN", help="Colour: auto (on a terminal, unless "
                                         "NO_COLOR is set), always (also over NO_COLOR) or never; without colour, "
                                         "[-deleted-] and {+inserted+} are marked.")]
OutOpt = Annotated[str | None, typer.Option("-o", "--output", metavar="FILE", help="Write the output to FILE "
                                            "(atomically; never over an input) instead of standard output.")]
WidthOpt = Annotated[int | None, typer.Option("--width", min=20, metavar="N", help="Width of the terminal view in "
                                              "columns (default: the terminal's; at least 20).")]
PagerOpt = Annotated[bool | None, typer.Option("--pager/--no-pager", help="Page the output through $PAGER or "
                                               "'less -FRX' (default: on a terminal, when longer than the "
                                               "screen).")]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", metavar="WHAT", help="Exit 1 on any change (any), or on "
                                           "substantive changes only (substantive; routine updates exit 0).")]
FilesArg = Annotated[list[str], typer.Argument(metavar="FILE...", help="Versions: files in any order, or a folder "
                                               "of them (.txt .pdf .docx .html); a symbol such as 75/62 is "
                                               "taken from the cache.", show_default=False)]
StepsRoutineOpt = Annotated[bool, typer.Option("--show-routine", help="With --steps, show routine updates in "
                                               "full.")]  # series' --show-routine
_FORMAT_HELP = "Output format: "
WHOLE_TEXT = 1 << 30  # --context that shows every paragraph


def _warn(env: ConsoleEnv, strict: bool):
    """Parse warnings go to stderr; under --strict the first is an error (exit 2)."""
    from .documents import strict_warnings

    return strict_warnings(env.warning) if strict else env.warning


def _language(value: str | None) -> str | None:
    if value is None:
        return None
    from .lang import check_language

    try:
        return check_language(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--lang") from None


def _language_tag(value: str | None, option: str) -> tuple[str | None, str | None]:
    """(a BCP 47 tag as given, its UN language), or (None, None) where the option is not given."""
    if value is None:
        return None, None
    from .lang import language_tag

    try:
        return language_tag(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint=option) from None


@_command("Show the structure of one resolution: metadata, paragraphs, footnotes.", reads_pdf=True)
def parse(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The resolution: text, PDF, DOCX or HTML; - for "
                                        "standard input.", show_default=False)],
    format: Annotated[ParseFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=_FORMAT_HELP + "terminal (a readable outline) or json (docs/contract.md).")] = ParseFormat.terminal,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    output: OutOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Read one resolution and show its structure: metadata, preambular (PP) and operative (OP)
    paragraphs, footnotes.

    \b
    Examples:
      resdiff parse A-RES-75-62.zh.txt
      resdiff parse A-RES-75-62.en.pdf --format json -o 75-62.json
    """
    from .documents import load_document

    env = _env()
    doc = load_document(file, language=_language(lang), warn=_warn(env, strict))
    env.emit(_document_view(doc, format), output=output, inputs=(file,), color=color, width=width, pager=pager)


def _document_view(doc, format: ParseFormat):
    if format is ParseFormat.json:
        from .render.json_ import render_document

        return render_document(doc)
    from .render.terminal.parse import document_view

    return document_view(doc)


@_command("Show what changed between two versions, clause by clause.", reads_pdf=True)
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The older version (a file, - for standard input, "
                                       "or a symbol such as 74/62).", show_default=False)],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The newer version.", show_default=False)],
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help=_FORMAT_HELP + "terminal, json (docs/contract.md), markdown "
        "(renders on GitHub), html (one self-contained page), docx (Word with tracked changes, a reviewer for "
        "each kind) or pdf (a printable redline); docx and pdf need -o FILE or a pipe.")] = DiffFormat.terminal,
    view: Annotated[View, typer.Option(
        "--view", metavar="VIEW", help="Terminal view: inline (a redline), side-by-side (old and new in two "
        "columns) or summary (one row per changed paragraph).")] = View.inline,
    context: Annotated[int | None, typer.Option("--context", "-C", min=0, metavar="N",
                                                help="Unchanged paragraphs shown around each change (default "
                                                "0; a PDF redline shows the whole text).")] = None,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    show_routine: Annotated[bool, typer.Option("--show-routine", help="Show routine updates (numbers, "
                                               "dates, recalled resolutions) in full.")] = False,
    hide_editorial: Annotated[bool, typer.Option("--hide-editorial", help="Hide editorial corrections (letter "
                                                 "case, hyphens, dashes, quotes, spacing, footnote-marker "
                                                 "places): shown as the new text; still counted.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Compare two versions even where their titles differ "
                                        "and little aligns (two different resolutions).")] = False,
    fail_on: FailOnOpt = FailOn.any,
    output: OutOpt = None,
    strict: StrictOpt = False,
) -> ExitStatus:
    """Align the paragraphs of two versions and show what changed, clause by clause. A re-wrapped
    line, a re-spaced number or a renumbered paragraph is not a change; a change is substantive
    (reworded, inserted, deleted, moved), routine (only numbers, dates, symbols, ordinals) or editorial
    (only letter case, hyphens, dashes, quotes, spacing, footnote-marker places).

    Exit status: 0 no differences, 1 differences, 2 bad input.

    \b
    Examples:
      resdiff diff A-RES-74-62.zh.txt A-RES-75-62.zh.txt
      resdiff diff OLD.txt NEW.txt --view summary --no-pager
      resdiff diff OLD.pdf NEW.pdf --format html -o diff.html
      resdiff diff 74/62 75/62 --lang zh --fail-on substantive
    """
    from .compare import compare, unrelated
    from .documents import load_versions, stdin_once
    from .errors import UsageError

    env = _env()
    if format in (DiffFormat.docx, DiffFormat.pdf) and not output and env.stdout_is_tty():
        raise UsageError(f"a {format.value} file is not for a terminal", hint="give -o FILE or redirect the output")
    stdin_once(old, new)
    language = _language(lang)
    with env.busy(f"comparing {os.path.basename(old)} and {os.path.basename(new)}", old, new):
        result = compare(*load_versions(old, new, language=language, warn=_warn(env, strict)))
    why = None if force else unrelated(result)
    if why:
        raise UsageError(why, hint="--force compares them anyway",
                         source=f"{os.path.basename(old)} and {os.path.basename(new)}")
    if context is None:  # a redline to print shows the whole text, the other views the changes
        context = WHOLE_TEXT if format is DiffFormat.pdf else 0
    shown = _diff_view(env, result, format, view, context=context, show_routine=show_routine, color=color,
                       output=output, hide_editorial=hide_editorial)
    env.emit(shown, output=output, inputs=(old, new), color=color, width=width, pager=pager)
    return exit_status(result, fail_on)


def _diff_view(env: ConsoleEnv, result, format: DiffFormat, view: View, *, context: int, show_routine: bool,
               color: Color, output: str | None, hide_editorial: bool = False):
    if format is DiffFormat.json:
        from .render.json_ import render_diff

        return render_diff(result)
    if format is DiffFormat.markdown:
        from .render.markdown import render_diff as markdown

        return markdown(result, context=context, hide_editorial=hide_editorial)
    if format is DiffFormat.html:
        from .render.html import render_diff as html

        return html(result, context=context, hide_editorial=hide_editorial)
    if format is DiffFormat.docx:
        try:
            from .render.docx import render_diff as docx
        except ImportError as e:  # an optional extra
            from .errors import UsageError

            raise UsageError(f"--format docx needs python-docx ({e.name} is missing)",
                             hint="pip install 'resdiff[docx]'") from None
        return docx(result, hide_editorial=hide_editorial)
    if format is DiffFormat.pdf:
        from .render.pdf import render_diff as pdf

        return pdf(result, context=context, hide_editorial=hide_editorial)
    from .render.terminal import diff as terminal

    markers = env.markers(color, output)
    hide = {"hide_editorial": hide_editorial}
    if view is View.side_by_side:
        return terminal.side_by_side_view(result, markers=markers, context=context, show_routine=show_routine,
                                          **hide)
    if view is View.summary:
        return terminal.summary_view(result, markers=markers, **hide)
    return terminal.diff_view(result, markers=markers, context=context, show_routine=show_routine, **hide)


def _series(env: ConsoleEnv, files: list[str], lang: str | None, strict: bool = False):
    """series' and blame's library call: the versions named (files, folders, symbols), loaded and ordered."""
    from .documents import load_all
    from .series import build_series

    docs = load_all(files, language=_language(lang), warn=_warn(env, strict),
                    progress=lambda total: env.progress(total, "loading"))
    with env.progress(len(docs) - 1, "comparing") as step:
        return build_series(docs, progress=step)


@_command("Show how each paragraph evolved over several versions.", reads_pdf=True)
def series(
    files: FilesArg,
    format: Annotated[SeriesFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help=_FORMAT_HELP + "terminal, json, markdown or html.")
    ] = SeriesFormat.terminal,
    steps: Annotated[bool, typer.Option("--steps", help="Add the clause-level diff of each step (in every "
                                        "format).")] = False,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    show_routine: StepsRoutineOpt = False,
    fail_on: FailOnOpt = FailOn.any,
    output: OutOpt = None,
    strict: StrictOpt = False,
) -> ExitStatus:
    """Order several versions by session and adoption date and show how each paragraph evolved: one
    row per paragraph, one column per version (● new, · same, ✎ modified, ~ routine, ✕ gone).

    Exit status: 0 no differences, 1 differences, 2 bad input.

    \b
    Examples:
      resdiff series samples/
      resdiff series 72-54.txt 73-54.txt 74-62.txt --steps --format html -o series.html
    """
    env = _env()
    result = _series(env, files, lang, strict)
    shown = _series_view(env, result, format, steps=steps, show_routine=show_routine, color=color, output=output)
    env.emit(shown, output=output, inputs=tuple(files), color=color, width=width, pager=pager)
    return exit_status(result, fail_on)


def _series_view(env: ConsoleEnv, result, format: SeriesFormat, *, steps: bool, show_routine: bool, color: Color,
                 output: str | None):
    if format is SeriesFormat.terminal:
        from .render.terminal.series import series_view

        return series_view(result, markers=env.markers(color, output), steps=steps, show_routine=show_routine)
    from .render import html, json_, markdown

    render = {SeriesFormat.json: json_.render_series, SeriesFormat.markdown: markdown.render_series,
              SeriesFormat.html: html.render_series}[format]
    return render(result, steps=steps)


@_command("Show which resolution each clause of the newest version comes from.", reads_pdf=True)
def blame(
    files: FilesArg,
    format: Annotated[BlameFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help=_FORMAT_HELP + "terminal or json.")] = BlameFormat.terminal,
    lang: LangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    output: OutOpt = None,
    strict: StrictOpt = False,
) -> None:
    """Show the newest version, each paragraph and clause with the resolution whose wording it still
    carries; where the last change was routine, the resolution the wording comes from.

    \b
    Examples:
      resdiff blame samples/
      resdiff blame samples/ --format json
    """
    from .series import blame as blame_series

    env = _env()
    result = _series(env, files, lang, strict)
    paragraphs = blame_series(result)
    env.emit(_blame_view(result, paragraphs, format), output=output, inputs=tuple(files), color=color, width=width,
             pager=pager)


def _blame_view(result, paragraphs, format: BlameFormat):
    if format is BlameFormat.json:
        from .render.json_ import render_blame

        return render_blame(result, paragraphs)
    from .render.terminal.series import blame_view

    return blame_view(result, paragraphs)


@_command("Download official texts into the cache and print their paths.")
def fetch(
    symbols: Annotated[list[str], typer.Argument(metavar="SYMBOL...", help="Document symbols: 75/62 or "
                                                 "A/RES/75/62.", show_default=False)],
    lang: Annotated[str, typer.Option("--lang", metavar="LANG", help="Language: ar zh en fr ru es.")],
    offline: Annotated[bool, typer.Option("--offline", help="Use the cache only; never download.")] = False,
    url_template: Annotated[str | None, typer.Option("--url-template", metavar="URL", help="Where to download from; "
                                                     "{symbol} and {lang} are filled in (default: the ODS "
                                                     "access endpoint, or RESDIFF_FETCH_URL).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, metavar="SECONDS",
                                           help="Seconds before a silent server counts as failed.")] = 20.0,
    retries: Annotated[int, typer.Option("--retries", min=0, metavar="N",
                                         help="Attempts after the first one, with back-off.")] = 3,
) -> ExitStatus:
    """Download official texts into the user cache (or find them there), and print their paths.

    A symbol can then stand for a FILE in every command.

    \b
    Examples:
      resdiff fetch 74/62 75/62 --lang zh
      resdiff diff 74/62 75/62 --lang zh
    """
    from . import fetch as fetching

    env = _env()
    language = _language(lang)
    failed = False
    with env.progress(len(symbols), "fetching") as step:
        for got in fetching.fetch_each(symbols, language, before=lambda sym: step(f"fetching {sym}"),
                                       url_template=url_template, offline=offline, timeout=timeout,
                                       retries=retries, log=env.note):
            if isinstance(got, ResdiffError):
                env.report(got)
                failed = True
            else:
                env.print_now(str(got))
    return ExitStatus.BAD_INPUT if failed else ExitStatus.OK


@_command("Check two language versions of a resolution (or two folders) for mismatches.", reads_pdf=True)
def check(
    source: Annotated[str | None, typer.Argument(
        metavar="SOURCE", help="The source-language version, or a folder of them (a whole session).",
        show_default=False)] = None,
    target: Annotated[str | None, typer.Argument(
        metavar="TARGET", help="The target-language version of the same resolution, or a folder of them.",
        show_default=False)] = None,
    manifest: Annotated[str | None, typer.Option("--manifest", metavar="FILE",
                                                 help="A file listing the pairs to check, 'SOURCE<TAB>TARGET' a "
                                                 "line.")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N",
                                             help="Worker processes of a session (default: one per CPU this "
                                             "process may use; never more, nor more than documents).")] = None,
    executor: Annotated[Executor, typer.Option("--executor", metavar="ENGINE",
                                               help="What runs a session: processes (here) or dask (a local "
                                               "Dask cluster of --jobs workers, or --scheduler's; pip install "
                                               "'resdiff[dask]').")] = Executor.processes,
    scheduler: Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                                                  help="The Dask scheduler of a cluster to run the session on "
                                                  "(with --executor dask).")] = None,
    time_limit: Annotated[float, typer.Option("--time-limit", min=1, metavar="SECONDS",
                                              help="In a session, the longest a worker may spend on one document "
                                              "or pair; past it the worker is stopped and the document reported "
                                              "unreadable.")] = 300.0,
    previous: Annotated[tuple[str, str] | None, typer.Option(
        "--previous", metavar="OLD_SOURCE OLD_TARGET",
        help="The previous source and target versions: also check that every change was made "
        "in both languages (change parity).")] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", metavar="FORMAT",
                                                help=_FORMAT_HELP + "terminal, json, junit "
                                                "(a test case per paragraph pair), github (workflow "
                                                "annotations), sarif (2.1.0) or html (a report for "
                                                "translators: one page).")] = CheckFormat.terminal,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 on findings "
                                                     "of this severity or above: error, warning or note "
                                                     "(default: error, or the config's).")] = None,
    disable: Annotated[list[str] | None, typer.Option("--disable", metavar="RULE", help="Switch a rule off, "
                                                      "e.g. ordinal-mismatch (repeatable).")] = None,
    config: Annotated[str | None, typer.Option(
        "--config", metavar="FILE",
        help="A TOML file with [tool.resdiff] (default: .resdiff.toml or pyproject.toml here).")] = None,
    baseline: Annotated[str | None, typer.Option(
        "--baseline", metavar="FILE", help="Accept the findings recorded in this file.")] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", metavar="FILE", help="Record the findings of this run as accepted, in this file.")
    ] = None,
    glossary: Annotated[str | None, typer.Option(
        "--glossary", metavar="FILE", help="A terminology list: TBX (TBX-Basic, ISO 30042; what UNTERM and "
        "termbases export) or CSV with a header row of languages (en,fr,…): a source term not rendered by "
        "its target term is a finding (term-mismatch).")] = None,
    max_findings: Annotated[int | None, typer.Option(
        "--max-findings", min=0, metavar="N", help="Terminal: the findings shown a document pair, the rest "
        "counted (default: all for one pair, 20 a pair in a session; 0: all).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Check two texts that seem to be different resolutions "
                                        "(different symbols, sessions or titles) anyway.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 2 when a document breaks its own structure (a "
                                         "parse warning: docs/inputs.md) or contradicts --source-lang or "
                                         "--target-lang (else a warning).")] = False,
    source_lang: SourceLangOpt = None,
    target_lang: TargetLangOpt = None,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    output: OutOpt = None,
) -> ExitStatus:
    """Check two language versions of one resolution: structure, numbers, dates, symbols, footnotes.
    Two folders (or --manifest) check a whole session, documents paired by symbol.

    Exit status: 0 nothing at or above --fail-on, 1 findings, 2 bad input.

    \b
    Examples:
      resdiff check A-RES-75-62.en.txt A-RES-75-62.zh.txt
      resdiff check en/ zh/ --format sarif -o resdiff.sarif
      resdiff check EN ZH --previous OLD_EN OLD_ZH
      resdiff check EN.pdf FR.pdf --glossary unterm.tbx --format html -o report.html
    """
    from .config import fail_level, load_config, save_baseline, with_run_options
    from .session import check_paths, findings_of

    env = _env()
    cfg = with_run_options(load_config(config, baseline=baseline, disable=disable), force=force, strict=strict,
                           glossary=glossary)
    sl, tl = _language(source_lang), _language(target_lang)
    if scheduler and executor is not Executor.dask:
        raise typer.BadParameter("--scheduler names a Dask cluster: add --executor dask", param_hint="--scheduler")
    result, inputs = check_paths(source, target, manifest=manifest, previous=previous, config=cfg, jobs=jobs,
                                 source_lang=sl, target_lang=tl, warn=_warn(env, strict),
                                 progress=lambda total: env.progress(total, "checking"), executor=executor.value,
                                 scheduler=scheduler, time_limit=time_limit, note=env.note)
    if write_baseline:
        env.note(save_baseline(write_baseline, findings_of(result), inputs))
    level = fail_level(fail_on, cfg)
    env.emit(_check_report(result, format, level, max_findings), output=output, inputs=inputs, color=color,
             width=env.report_width(width, output), pager=pager)
    return exit_status(result, level, baseline_written=bool(write_baseline))


def _check_report(result, format: CheckFormat, level: str, max_findings: int | None = None):
    """A check's report, or a session's (two folders, a manifest)."""
    from .results import SessionResult

    session = isinstance(result, SessionResult)
    if format is CheckFormat.terminal:
        from .render.terminal import check as terminal

        if session:
            limit = 20 if max_findings is None else max_findings
            return terminal.session_view(result, fail_on=level, max_findings=limit)
        return terminal.check_view(result, fail_on=level, max_findings=max_findings)
    from .render import check_html, ci, json_

    render = ({CheckFormat.json: json_.render_session, CheckFormat.junit: ci.render_session_junit,
               CheckFormat.github: ci.render_session_github, CheckFormat.sarif: ci.render_session_sarif,
               CheckFormat.html: check_html.render_session_html}
              if session else
              {CheckFormat.json: json_.render_check, CheckFormat.junit: ci.render_junit,
               CheckFormat.github: ci.render_github, CheckFormat.sarif: ci.render_sarif,
               CheckFormat.html: check_html.render_check_html})
    return render[format](result, level)


@_command("Draft next year's translation from last year's.", reads_pdf=True)
def carry(
    files: Annotated[list[str], typer.Argument(
        metavar="[OLD_SOURCE] NEW_SOURCE [OLD_TARGET]",
        help="Last year's source-language text (e.g. English), this year's, and last year's official "
        "translation (e.g. Chinese); with --from, this year's text alone.", show_default=False)],
    from_dir: Annotated[str | None, typer.Option(
        "--from", metavar="DIR", help="A folder of earlier versions: last year's source and translation are "
        "the latest earlier version of the same series (title, agenda item) and its translation; which were "
        "chosen is said on stderr.")] = None,
    format: Annotated[CarryFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help=_FORMAT_HELP + "terminal (the report), json (the draft and report as data), draft (the working "
        "copy as text), xliff (XLIFF 2 for CAT tools) or tmx (the draft and last year's pairs as a translation "
        "memory).")
    ] = CarryFormat.terminal,
    source_lang: Annotated[str | None, typer.Option(
        "--source-lang", metavar="TAG", help="Language of the sources, a BCP 47 tag (en, en-GB); its language "
        "subtag chooses the conventions, the tag is written as given in XLIFF and TMX; detected when omitted.")
    ] = None,
    target_lang: Annotated[str | None, typer.Option(
        "--target-lang", metavar="TAG", help="Language of the target, a BCP 47 tag (zh-CN, es-419), as "
        "--source-lang.")] = None,
    tmx_segmentation: Annotated[TmxSegmentation, typer.Option(
        "--tmx-segmentation", metavar="UNIT", help="With --format tmx: one unit a paragraph, or a sentence where "
        "both sides have as many sentences.")] = TmxSegmentation.paragraph,
    color: ColorOpt = Color.auto,
    width: WidthOpt = None,
    pager: PagerOpt = None,
    output: OutOpt = None,
) -> None:
    """Draft next year's translation from last year's: carry every unchanged paragraph, make the routine
    updates in the target language, mark what must be translated.

    Exit status: 0 a draft was made, 2 bad input.

    \b
    Examples:
      resdiff carry A-RES-75-62.en.txt A-RES-76-xx.en.txt A-RES-75-62.zh.txt
      resdiff carry OLD_EN NEW_EN OLD_ZH -f draft -o A-RES-76-xx.zh.txt
      resdiff carry A-RES-76-xx.en.txt --from earlier/ --target-lang zh-CN -f xliff -o 76-xx.xlf
    """
    from .carry import carry as carry_over
    from .carry import last_year
    from .documents import load_document

    env = _env()
    (stag, sl), (ttag, tl) = _language_tag(source_lang, "--source-lang"), _language_tag(target_lang, "--target-lang")
    load = functools.partial(load_document, warn=env.warning)
    if len(files) != (1 if from_dir else 3):
        raise typer.BadParameter("give NEW_SOURCE with --from DIR, else OLD_SOURCE NEW_SOURCE OLD_TARGET "
                                 f"({len(files)} given)", param_hint="FILES")
    if from_dir:
        new = load(files[0], language=sl)
        old, target, chosen = last_year(new, from_dir, tl, warn=env.warning)
        env.note(chosen)
        inputs = (files[0], old.source, target.source)
    else:
        old, new, target = load(files[0], language=sl), load(files[1], language=sl), load(files[2], language=tl)
        inputs = tuple(files)
    result = carry_over(old, new, target, source_tag=stag, target_tag=ttag)
    env.emit(_carry_view(result, format, tmx_segmentation.value), output=output, inputs=inputs, color=color,
             width=env.report_width(width, output), pager=pager)


def _carry_view(result, format: CarryFormat, segmentation: str = "paragraph"):
    if format is CarryFormat.terminal:
        from .render.terminal.carry import carry_view

        return carry_view(result)
    if format in (CarryFormat.xliff, CarryFormat.tmx):
        from .render import cat

        return cat.render_xliff(result) if format is CarryFormat.xliff else cat.render_tmx(result, segmentation)
    from .render import draft, json_

    return {CarryFormat.json: json_.render_carry, CarryFormat.draft: draft.render_draft}[format](result)


@_command("Print the shell completion script for bash, zsh or fish.")
def completion(
    shell: Annotated[Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)],
) -> None:
    """Print the completion script of SHELL: commands, options, their values and file names complete
    with Tab.

    \b
    Examples:
      eval "$(resdiff completion bash)"                  # in ~/.bashrc
      resdiff completion zsh > "${fpath[1]}/_resdiff"    # then restart zsh
      resdiff completion fish > ~/.config/fish/completions/resdiff.fish
    """
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name="resdiff", complete_var="_RESDIFF_COMPLETE", shell=shell.value)
    _env().print(script.strip())


@_command("Show where the user cache is and what it holds, or clear it.")
def cache(
    info: Annotated[bool, typer.Option("--info", help="Show where the cache is and what it holds "
                                       "(the default).")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the Chinese word index (it is built again "
                                        "on first use); downloaded documents are kept.")] = False,
) -> ExitStatus | None:
    """The user cache: the Chinese word index, built on first use from jieba's dictionary, and the
    documents fetched (RESDIFF_CACHE_DIR moves it).

    \b
    Examples:
      resdiff cache
      resdiff cache --clear
    """
    from . import segment
    from .cache import cache_root

    env = _env()
    if clear:
        gone = segment.remove_stale()
        env.print(f"removed {len(gone)} file{'s' if len(gone) != 1 else ''} ({segment.megabytes(gone):.1f} MB) from "
                  f"{cache_root()}")
        if not info:
            return ExitStatus.OK
    env.print(segment.cache_listing(cache_root()))


def _terminated(signum, frame):
    """SIGTERM (and SIGHUP) unwind like an exception, so temporary files are removed on the way out."""
    raise SystemExit(killed_by(signum))


def _say(env: ConsoleEnv, message: str) -> None:
    from .errors import printable

    try:
        env.error(printable(message))
    except (OSError, ValueError, UnicodeError):
        pass


def _silence_stdout() -> None:
    from .output import silence_stdout

    silence_stdout()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command named on the command line: typer builds a click command, reading
    every parameter's annotations, for each registered command before it runs one, and building the
    nine costs a start-up 6% of its instructions. `resdiff`, `--help`, a name that is no command and
    shell completion get the whole app, so that help lists every command and errors read as before."""
    name = next((a for a in args if not a.startswith("-")), None)
    if name is None or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return app
    mine = [c for c in app.registered_commands if (c.name or c.callback.__name__.replace("_", "-")) == name]
    if not mine:
        return app
    import copy

    one = copy.copy(app)
    one.registered_commands = mine
    return one


def main() -> None:
    """The console script: usage errors, like input errors, are one line on stderr and exit 2; an
    unexpected error is one line too, with exit status 70, and a traceback only with --debug."""
    import signal

    env = ConsoleEnv()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(sig, _terminated)
    # click's UsageError, whether typer vendors click (0.29) or depends on it: found through typer's export
    usage_error = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    try:
        code = _app_for(sys.argv[1:])(standalone_mode=False, obj=env)
        env.stdout.flush()
    except usage_error as e:
        if type(e).__name__ == "NoArgsIsHelpError":  # plain `resdiff`: the help, as click prints it
            print(e.format_message(), file=env.stderr)
            sys.exit(ExitStatus.BAD_INPUT)
        where = f"resdiff {e.ctx.command_path.split(' ', 1)[1]}" if e.ctx and " " in e.ctx.command_path else "resdiff"
        message = e.format_message().replace("Value error, ", "")  # the validator's prefix says nothing
        _say(env, f"{message} (see '{where} --help')")
        sys.exit(ExitStatus.BAD_INPUT)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(ExitStatus.INTERRUPTED)
    except (BrokenPipeError, StdoutClosed):  # `resdiff diff … | head`: the output is cut short; say so, as cp does
        _silence_stdout()
        _say(env, "standard output: the reader closed the pipe before the end (output cut short)")
        sys.exit(ExitStatus.BAD_INPUT)
    except SystemExit:
        raise
    except Exception as e:
        if env.debug:
            import traceback

            traceback.print_exc()
            sys.exit(ExitStatus.BAD_INPUT if isinstance(e, (ResdiffError, OSError, UnicodeEncodeError))
                     else ExitStatus.INTERNAL_ERROR)
        _silence_stdout_if_broken(e)
        if isinstance(e, ResdiffError):
            _say(env, str(e))
        elif isinstance(e, UnicodeEncodeError):
            enc = getattr(env.stdout, "encoding", "?")
            _say(env, f"standard output cannot show this text (its encoding is {enc}; set PYTHONIOENCODING=utf-8, "
                 "or write to a file with -o)")
        elif isinstance(e, OSError):
            from .output import reason

            where = f"{os.fsdecode(e.filename)}: " if e.filename else ""
            _say(env, f"{where}{reason(e)}")
        else:
            detail = str(e).splitlines()[0][:200] if str(e) else ""
            _say(env, f"unexpected {type(e).__name__}{': ' + detail if detail else ''} (a bug in resdiff: run it "
                 "again with --debug for the traceback, and please report it)")
            sys.exit(ExitStatus.INTERNAL_ERROR)
        sys.exit(ExitStatus.BAD_INPUT)
    sys.exit(code if isinstance(code, int) else ExitStatus.OK)


def _silence_stdout_if_broken(e: Exception) -> None:
    if isinstance(e, OSError) and e.errno == errno.EPIPE:
        _silence_stdout()
