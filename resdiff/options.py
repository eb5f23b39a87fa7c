"""The command line's parts that commands share: how typer draws a command's help, the choices of each
option, the options and arguments several commands take, with their help, and the checks of a
language option. cli.py wires them into commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperCommand


class Command(TyperCommand):
    """A command whose help names each argument by its metavar alone, as git and gh write it: `resdiff
    diff [OPTIONS] OLD NEW`, `FILE...`, never typer's {OLD} or a type (<str>)."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        # a metavar is written as given (FILE..., [OLD_SOURCE] NEW_SOURCE [OLD_TARGET]); a bare name says
        # that it repeats
        names = [(p.metavar or p.human_readable_name + ("..." if p.nargs != 1 else ""), p)
                 for p in self.get_params(ctx) if isinstance(p, TyperArgument)]
        return [self.options_metavar] + [n if p.required else f"[{n}]" for n, p in names]

    def format_options(self, ctx, formatter) -> None:
        params = self.get_params(ctx)
        arguments = [(p.metavar, f"{p.help}  [required]" if p.required else p.help)
                     for p in params if isinstance(p, TyperArgument)]
        options = [p.get_help_record(ctx) for p in params if not isinstance(p, TyperArgument)]
        for title, rows in (("Arguments", arguments), ("Options", [r for r in options if r])):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def choices(name: str, *values: str) -> type[StrEnum]:
    """An option's allowed values, as the enum typer wants."""
    return StrEnum(name, {v.replace("-", "_"): v for v in values})


Color = choices("Color", "auto", "always", "never")
ParseFormat = choices("ParseFormat", "terminal", "json")
DiffFormat = choices("DiffFormat", "terminal", "json", "markdown", "html", "docx", "pdf")
SeriesFormat = choices("SeriesFormat", "terminal", "json", "markdown", "html")
BlameFormat = choices("BlameFormat", "terminal", "json")
CheckFormat = choices("CheckFormat", "terminal", "json", "junit", "github", "sarif", "html")
CarryFormat = choices("CarryFormat", "terminal", "json", "draft", "xliff", "tmx")
TmxSegmentation = choices("TmxSegmentation", "paragraph", "sentence")
FailOn = choices("FailOn", "any", "substantive")
Severity = choices("Severity", "error", "warning", "note")
View = choices("View", "inline", "side-by-side", "summary")
Shell = choices("Shell", "bash", "zsh", "fish")


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
                                               "'less -FRX' (default: on a terminal, when longer than the screen).")]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", metavar="WHAT", help="Exit 1 on any change (any), or on "
                                           "substantive changes only (substantive; routine updates exit 0).")]
FilesArg = Annotated[list[str], typer.Argument(metavar="FILE...", help="Versions: files in any order, or a folder "
                                               "of them (.txt .pdf .docx .html); a symbol such as 75/62 is taken "
                                               "from the cache.", show_default=False)]
StepsRoutineOpt = Annotated[bool, typer.Option("--show-routine", help="With --steps, show routine updates in full.")]

# diff's own options
ViewOpt = Annotated[View, typer.Option(
    "--view", metavar="VIEW", help="Terminal view: inline (a redline), side-by-side (old and new in two "
    "columns) or summary (one row per changed paragraph).")]
ContextOpt = Annotated[int | None, typer.Option("--context", "-C", min=0, metavar="N",
                                                help="Unchanged paragraphs shown around each change (default "
                                                "0; a PDF redline shows the whole text).")]
ShowRoutineOpt = Annotated[bool, typer.Option("--show-routine", help="Show routine updates (numbers, "
                                              "dates, recalled resolutions) in full.")]
HideEditorialOpt = Annotated[bool, typer.Option("--hide-editorial", help="Hide editorial corrections (letter "
                                                "case, hyphens, dashes, quotes, spacing, footnote-marker "
                                                "places): shown as the new text; still counted.")]
DiffForceOpt = Annotated[bool, typer.Option("--force", help="Compare two versions even where their titles differ "
                                            "and little aligns (two different resolutions).")]

# check's own options
GlossaryOpt = Annotated[str | None, typer.Option(
    "--glossary", metavar="FILE", help="A terminology list: TBX (TBX-Basic, ISO 30042; what UNTERM and "
    "termbases export) or CSV with a header row of languages (en,fr,…): a source term not rendered by "
    "its target term is a finding (term-mismatch).")]
MaxFindingsOpt = Annotated[int | None, typer.Option(
    "--max-findings", min=0, metavar="N", help="Terminal: the findings shown a document pair, the rest "
    "counted (default: all for one pair, 20 a pair in a session; 0: all).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Check two texts that seem to be different resolutions "
                                        "(different symbols, sessions or titles) anyway.")]
CheckStrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 2 when a document breaks its own structure (a "
                                              "parse warning: docs/inputs.md) or contradicts --source-lang or "
                                              "--target-lang (else a warning).")]


def language(value: str | None) -> str | None:
    if value is None:
        return None
    from .lang import check_language

    try:
        return check_language(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--lang") from None


def language_tag(value: str | None, option: str) -> tuple[str | None, str | None]:
    """(a BCP 47 tag as given, its UN language), or (None, None) where the option is not given."""
    if value is None:
        return None, None
    from .lang import language_tag

    try:
        return language_tag(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint=option) from None


# --- a session's engine, and the limits a PDF is read under ---------------------------------------------

Executor = choices("Executor", "processes", "dask")


def seconds(param: typer.CallbackParam, value: float | None) -> float | None:
    """A limit in seconds that is a number of seconds: nan (which every comparison lets through, and which then
    means no limit), inf and 1e300 (which the clock's arithmetic cannot take: a crash report) are refused."""
    if value is not None and not value < 1e6:
        raise typer.BadParameter(f"{value:g} is no number of seconds under 1000000", param_hint=param.opts[0])
    return value


JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes of a "
                                             "session (default: one per CPU this process may use; never more, "
                                             "nor more than documents).")]
ExecutorOpt = Annotated[Executor, typer.Option("--executor", metavar="ENGINE", help="What runs a session: "
                                               "processes (here) or dask (a local Dask cluster of --jobs "
                                               "workers, or --scheduler's; pip install 'resdiff[dask]').")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT", help="The Dask "
                                                  "scheduler of a cluster to run the session on (with --executor "
                                                  "dask).")]
TimeLimitOpt = Annotated[float, typer.Option("--time-limit", min=1, metavar="SECONDS", callback=seconds, help="In a "
                                             "session, the "
                                             "longest a worker may spend on one document or pair; past it the "
                                             "worker is stopped and the document reported unreadable.")]


def engine(executor, scheduler: str | None) -> str:
    """The session's engine, by name; --scheduler only with --executor dask."""
    if scheduler and executor is not Executor.dask:
        raise typer.BadParameter("--scheduler names a Dask cluster: add --executor dask", param_hint="--scheduler")
    return executor.value


def pdf_size(value: str | None) -> int | None:
    if value is None:
        return None  # no limit given: the reading child's module (and pickle) stays unimported
    from .isolate import parse_size

    try:
        return parse_size(value)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--pdf-memory") from None


def pdf_limits() -> list:
    """--pdf-memory and --pdf-timeout, as parameters added to each command that reads documents."""
    import inspect

    memory = Annotated[str | None, typer.Option(
        "--pdf-memory", metavar="SIZE", envvar="RESDIFF_PDF_MEMORY", callback=pdf_size, show_default=False,
        help="Memory a PDF may take while it is read, in a child process (e.g. 512M, 2G; default 1G); past "
             "it, the PDF is refused.")]
    timeout = Annotated[float | None, typer.Option(
        "--pdf-timeout", metavar="SECONDS", envvar="RESDIFF_PDF_TIMEOUT", min=0.01, callback=seconds,
        show_default=False,
        help="CPU seconds a PDF may take to read (default 120; twice that on the clock); past it, the PDF is "
             "refused.")]
    kind = inspect.Parameter.KEYWORD_ONLY
    return [inspect.Parameter("pdf_memory", kind, default=None, annotation=memory),
            inspect.Parameter("pdf_timeout", kind, default=None, annotation=timeout)]
