"""The command line: arguments -> one library call -> one renderer (render/formats.py) -> one exit status.
A command returns its result's ExitStatus and reads and writes through the ConsoleEnv of the run
(console_env.py), the one main() passes to the app, or a test's: it travels in click's context, so that
two runs in one process share nothing."""

# no `from __future__ import annotations`: the commands' annotations are built as the module runs, from its
# bytecode, where as strings each would be compiled by eval() at every start (inspect.signature(eval_str=True))
import functools
import inspect
import os
import sys
from typing import Annotated

import typer

from . import __version__, commands
from . import options as opt
from .commands import warnings as _warnings
from .console_env import ConsoleEnv
from .options import language as _language
from .options import language_tag as _language_tag
from .render.formats import render
from .status import ExitStatus

if "_RESDIFF_COMPLETE" in os.environ:  # a shell asking for completions (see `resdiff completion`)
    from typer.completion import completion_init

    completion_init()


def _version(ctx: typer.Context, value: bool) -> None:
    if value:
        ctx.ensure_object(ConsoleEnv).print(f"resdiff {__version__}")
        raise typer.Exit(ExitStatus.OK)


def _main(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version.")] = False,
) -> None:
    ctx.ensure_object(ConsoleEnv).debug = debug  # the run's environment: main()'s, a test's, or a new one


def _new_app() -> typer.Typer:
    return typer.Typer(name="resdiff", help="Compare versions of United Nations General Assembly resolutions, "
                       "clause by clause.", callback=_main, add_completion=False, no_args_is_help=True,
                       pretty_exceptions_show_locals=False, rich_markup_mode=None)


app = _new_app()  # every command: the top-level help, completion, a command line that names none
_COMMANDS: dict[str, tuple[str, object]] = {}  # name -> (short help, the function registered)


@functools.cache
def _app_of(name: str) -> typer.Typer:
    """The app of one command: typer builds all it holds at each run (cli_startup.py --build: 29 ms, 6 alone)."""
    one, (short_help, run) = _new_app(), _COMMANDS[name]
    one.command(short_help=short_help, cls=opt.Command)(run)
    return one


def _command(short_help: str, *, reads_pdf: bool = False):
    """A command of the app: its first parameter is the run's ConsoleEnv, taken from click's context (the
    command line never sees it); what it returns is its exit status (None: OK); a library error it raises
    is one line on stderr and exit status 2 (with --debug, the traceback). `reads_pdf`: the command also
    takes --pdf-memory and --pdf-timeout, the limits a PDF is read under (isolate.py)."""
    def register(command):
        @functools.wraps(command)
        def run(ctx: typer.Context, **arguments) -> None:
            env = ctx.find_object(ConsoleEnv)
            limits = (arguments.pop("pdf_memory"), arguments.pop("pdf_timeout")) if reads_pdf else ()

            def limited():
                if any(v is not None for v in limits):  # isolate is imported only where a limit is set
                    from .isolate import set_limits

                    set_limits(*limits)
                return command(env, **arguments)

            raise typer.Exit(env.status_of(limited) or ExitStatus.OK)

        sig = inspect.signature(command, eval_str=True)
        _, *params = sig.parameters.values()  # typer gives the context in the environment's place
        context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
        run.__signature__ = sig.replace(parameters=[context, *params, *(opt.pdf_limits() if reads_pdf else ())])
        _COMMANDS[command.__name__.replace("_", "-")] = (short_help, run)
        return app.command(short_help=short_help, cls=opt.Command)(run)

    return register


@_command("Show the structure of one resolution: metadata, paragraphs, footnotes.", reads_pdf=True)
def parse(
    env: ConsoleEnv,
    file: Annotated[str, typer.Argument(metavar="FILE", help="The resolution: text, PDF, DOCX or HTML; - for "
                                        "standard input.", show_default=False)],
    format: Annotated[opt.ParseFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="Output format: terminal (a readable outline) or json (docs/contract.md).")] = opt.ParseFormat.terminal,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    output: opt.OutOpt = None,
    strict: opt.StrictOpt = False,
) -> None:
    """Read one resolution and show its structure: metadata, preambular (PP) and operative (OP)
    paragraphs, footnotes.

    \b
    Examples:
      resdiff parse A-RES-75-62.zh.txt
      resdiff parse A-RES-75-62.en.pdf --format json -o 75-62.json
    """
    commands.parse(env, file=file, format=format, lang=lang, color=color, width=width, pager=pager, output=output,
                   strict=strict, language=_language)


@_command("Show what changed between two versions, clause by clause.", reads_pdf=True)
def diff(
    env: ConsoleEnv,
    old: Annotated[str, typer.Argument(metavar="OLD", help="The older version (a file, - for standard input, "
                                       "or a symbol such as 74/62).", show_default=False)],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The newer version.", show_default=False)],
    format: Annotated[opt.DiffFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output format: terminal, json (docs/contract.md), markdown "
        "(renders on GitHub), html (one self-contained page), docx (Word with tracked changes, a reviewer for "
        "each kind) or pdf (a printable redline); docx and pdf need -o FILE or a pipe.")] = opt.DiffFormat.terminal,
    view: opt.ViewOpt = opt.View.inline,
    context: opt.ContextOpt = None,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    show_routine: opt.ShowRoutineOpt = False,
    hide_editorial: opt.HideEditorialOpt = False,
    force: opt.DiffForceOpt = False,
    fail_on: opt.FailOnOpt = opt.FailOn.any,
    output: opt.OutOpt = None,
    strict: opt.StrictOpt = False,
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
    return commands.diff(env, old=old, new=new, format=format, view=view, context=context, lang=lang, color=color,
                         width=width, pager=pager, show_routine=show_routine, hide_editorial=hide_editorial,
                         force=force, fail_on=fail_on, output=output, strict=strict, language=_language)


@_command("Show how each paragraph evolved over several versions.", reads_pdf=True)
def series(
    env: ConsoleEnv,
    files: opt.FilesArg,
    format: Annotated[opt.SeriesFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output format: terminal, json, markdown or html.")
    ] = opt.SeriesFormat.terminal,
    steps: Annotated[bool, typer.Option("--steps", help="Add the clause-level diff of each step (in every "
                                        "format).")] = False,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    show_routine: opt.StepsRoutineOpt = False,
    fail_on: opt.FailOnOpt = opt.FailOn.any,
    output: opt.OutOpt = None,
    strict: opt.StrictOpt = False,
) -> ExitStatus:
    """Order several versions by session and adoption date and show how each paragraph evolved: one
    row per paragraph, one column per version (● new, · same, ✎ modified, ~ routine, ✕ gone).

    Exit status: 0 no differences, 1 differences, 2 bad input.

    \b
    Examples:
      resdiff series samples/
      resdiff series 72-54.txt 73-54.txt 74-62.txt --steps --format html -o series.html
    """
    from .series import load_series

    result = load_series(files, language=_language(lang), warn=_warnings(env.warning, strict), progress=env.progress)
    shown = render("series", format, result, steps=steps, show_routine=show_routine,
                   markers=env.markers(color, output))
    env.emit(shown, output=output, inputs=tuple(files), color=color, width=width, pager=pager)
    return result.exit_status(fail_on)


@_command("Show which resolution each clause of the newest version comes from.", reads_pdf=True)
def blame(
    env: ConsoleEnv,
    files: opt.FilesArg,
    format: Annotated[opt.BlameFormat, typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output format: terminal or json.")] = opt.BlameFormat.terminal,
    lang: opt.LangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    output: opt.OutOpt = None,
    strict: opt.StrictOpt = False,
) -> None:
    """Show the newest version, each paragraph and clause with the resolution whose wording it still
    carries; where the last change was routine, the resolution the wording comes from.

    \b
    Examples:
      resdiff blame samples/
      resdiff blame samples/ --format json
    """
    from .series import blame as blame_series
    from .series import load_series

    result = load_series(files, language=_language(lang), warn=_warnings(env.warning, strict), progress=env.progress)
    paragraphs = blame_series(result)
    env.emit(render("blame", format, result, paragraphs), output=output, inputs=tuple(files), color=color,
             width=width, pager=pager)


@_command("Download official texts into the cache and print their paths.")
def fetch(
    env: ConsoleEnv,
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

    language = _language(lang)
    with env.progress(len(symbols), "fetching") as step:
        failed = fetching.fetch_all(symbols, language, before=lambda sym: step(f"fetching {sym}"), found=env.print_now,
                                    failed=env.report, url_template=url_template, offline=offline, timeout=timeout,
                                    retries=retries, log=env.note)
    return ExitStatus.BAD_INPUT if failed else ExitStatus.OK


@_command("Check two language versions of a resolution (or two folders) for mismatches.", reads_pdf=True)
def check(
    env: ConsoleEnv,
    source: Annotated[str | None, typer.Argument(
        metavar="SOURCE", help="The source-language version, or a folder of them (a whole session).",
        show_default=False)] = None,
    target: Annotated[str | None, typer.Argument(
        metavar="TARGET", help="The target-language version of the same resolution, or a folder of them.",
        show_default=False)] = None,
    manifest: Annotated[str | None, typer.Option("--manifest", metavar="FILE",
                                                 help="A file listing the pairs to check, 'SOURCE<TAB>TARGET' a "
                                                 "line.")] = None,
    jobs: opt.JobsOpt = None,
    executor: opt.ExecutorOpt = opt.Executor.processes,
    scheduler: opt.SchedulerOpt = None,
    time_limit: opt.TimeLimitOpt = 300.0,
    previous: Annotated[tuple[str, str] | None, typer.Option(
        "--previous", metavar="OLD_SOURCE OLD_TARGET",
        help="The previous source and target versions: also check that every change was made "
        "in both languages (change parity).")] = None,
    format: Annotated[opt.CheckFormat, typer.Option("--format", "-f", metavar="FORMAT",
                                                help="Output format: terminal, json, junit "
                                                "(a test case per paragraph pair), github (workflow "
                                                "annotations), sarif (2.1.0) or html (a report for "
                                                "translators: one page).")] = opt.CheckFormat.terminal,
    fail_on: Annotated[opt.Severity | None, typer.Option("--fail-on", metavar="SEVERITY", help="Exit 1 on findings "
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
    glossary: opt.GlossaryOpt = None,
    max_findings: opt.MaxFindingsOpt = None,
    force: opt.ForceOpt = False,
    strict: opt.CheckStrictOpt = False,
    source_lang: opt.SourceLangOpt = None,
    target_lang: opt.TargetLangOpt = None,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    output: opt.OutOpt = None,
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
    return commands.check(env, source=source, target=target, manifest=manifest, jobs=jobs, executor=executor,
                          scheduler=scheduler, time_limit=time_limit, previous=previous, format=format,
                          fail_on=fail_on, disable=disable, config=config, baseline=baseline,
                          write_baseline=write_baseline, glossary=glossary, max_findings=max_findings, force=force,
                          strict=strict, source_lang=source_lang, target_lang=target_lang, color=color, width=width,
                          pager=pager, output=output, language=_language, engine=opt.engine)


@_command("Draft next year's translation from last year's.", reads_pdf=True)
def carry(
    env: ConsoleEnv,
    files: Annotated[list[str], typer.Argument(
        metavar="[OLD_SOURCE] NEW_SOURCE [OLD_TARGET]",
        help="Last year's source-language text (e.g. English), this year's, and last year's official "
        "translation (e.g. Chinese); with --from, this year's text alone.", show_default=False)],
    from_dir: Annotated[str | None, typer.Option(
        "--from", metavar="DIR", help="A folder of earlier versions: last year's source and translation are "
        "the latest earlier version of the same series (title, agenda item) and its translation; which were "
        "chosen is said on stderr.")] = None,
    format: Annotated[opt.CarryFormat, typer.Option(
        "--format", "-f", metavar="FORMAT",
        help="Output format: terminal (the report), json (the draft and report as data), draft (the working "
        "copy as text), xliff (XLIFF 2 for CAT tools) or tmx (the draft and last year's pairs as a translation "
        "memory).")
    ] = opt.CarryFormat.terminal,
    source_lang: Annotated[str | None, typer.Option(
        "--source-lang", metavar="TAG", help="Language of the sources, a BCP 47 tag (en, en-GB); its language "
        "subtag chooses the conventions, the tag is written as given in XLIFF and TMX; detected when omitted.")
    ] = None,
    target_lang: Annotated[str | None, typer.Option(
        "--target-lang", metavar="TAG", help="Language of the target, a BCP 47 tag (zh-CN, es-419), as "
        "--source-lang.")] = None,
    tmx_segmentation: Annotated[opt.TmxSegmentation, typer.Option(
        "--tmx-segmentation", metavar="UNIT", help="With --format tmx: one unit a paragraph, or a sentence where "
        "both sides have as many sentences.")] = opt.TmxSegmentation.paragraph,
    color: opt.ColorOpt = opt.Color.auto,
    width: opt.WidthOpt = None,
    pager: opt.PagerOpt = None,
    output: opt.OutOpt = None,
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
    shown = render("carry", format, result, segmentation=tmx_segmentation.value)
    env.emit(shown, output=output, inputs=inputs, color=color, width=env.report_width(width, output, shown),
             pager=pager)


@_command("Print the shell completion script for bash, zsh or fish.")
def completion(
    env: ConsoleEnv,
    shell: Annotated[opt.Shell, typer.Argument(metavar="SHELL", help="bash, zsh or fish.", show_default=False)],
) -> None:
    """Print the completion script of SHELL: commands, options, their values and file names complete
    with Tab.

    \b
    Examples:
      eval "$(resdiff completion bash)"                  # in ~/.bashrc
      resdiff completion zsh > "${fpath[1]}/_resdiff"    # then restart zsh
      resdiff completion fish > ~/.config/fish/completions/resdiff.fish
    """
    from typer.completion import get_completion_script

    script = get_completion_script(prog_name="resdiff", complete_var="_RESDIFF_COMPLETE", shell=shell.value)
    env.print(script.strip())


@_command("Show where the user cache is and what it holds, or clear it.")
def cache(
    env: ConsoleEnv,
    info: Annotated[bool, typer.Option("--info", help="Show where the cache is and what it holds "
                                       "(the default).")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the Chinese word index, the kept helps and where "
                                        "PDFium was found (each made again when next needed); downloaded "
                                        "documents are kept.")] = False,
) -> ExitStatus | None:
    """The user cache: the Chinese word index, built on first use from jieba's dictionary, the helps
    typer printed (kept to be printed again without it), where pypdfium2's PDFium library is (kept to be
    loaded again without importing pypdfium2), and the documents fetched (RESDIFF_CACHE_DIR moves it).

    \b
    Examples:
      resdiff cache
      resdiff cache --clear
    """
    from . import help_cache, pdfium, segment

    if clear:
        env.print(segment.clear())
        env.print(help_cache.clear())
        env.print(pdfium.forget_kept())
        if not info:
            return ExitStatus.OK
    env.print(segment.cache_listing())
    env.print(help_cache.listing())
    env.print(pdfium.kept_listing())


def main() -> None:
    """The console script: usage errors, like input errors, are one line on stderr and exit 2; an
    unexpected error is one line too, with exit status 70, and a traceback only with --debug."""
    ConsoleEnv.unwind_on_termination()
    sys.exit(run(sys.argv[1:], ConsoleEnv()))


def run(args: list[str], env: ConsoleEnv) -> int:
    """`resdiff ARGS` in the environment `env`: its exit status."""
    # the command's own app where the line names it after nothing but --debug (`--help diff`: the whole app's)
    at = next((i for i, a in enumerate(args) if not a.startswith("-")), len(args))
    one = at < len(args) and args[at] in _COMMANDS and all(a == "--debug" for a in args[:at])

    def command():
        try:
            return (_app_of(args[at]) if one else app)(args=args, standalone_mode=False, obj=env)
        except typer.Abort:
            return ExitStatus.INTERRUPTED

    return env.run(command, args)
