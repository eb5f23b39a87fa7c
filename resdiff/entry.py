"""The console script's first step: what needs no command-line parser is answered here, before typer
and the rest are imported (`resdiff --version` in a few milliseconds); so is a plain `parse`, `diff` or
`check` line (plain_line: typer's import is most of a cold diff's start-up, and the serial part of a
session's), and a help typer printed before in the same situation (help_cache). Everything else goes to
cli.py."""

from __future__ import annotations

import os
import sys

from . import help_cache

# A plain line: the command first, its arguments, and among its options only these, each given once as
# `--name value` with a valid value (none beginning with "-") or as a flag: what typer reads the same way.
# Anything else (--help, --name=value, -, --, a bad value, an option that repeats) is typer's to read and
# to answer. Option -> (parameter, what it takes: its choices, the least integer, str for any text, or the
# value the flag sets; None: an option left to typer, the line with it).
_OPTIONS = {"--lang": ("lang", str), "--color": ("color", ("auto", "always", "never")), "--width": ("width", 20),
            "--pager": ("pager", True), "--no-pager": ("pager", False), "-o": ("output", str),
            "--output": ("output", str), "--strict": ("strict", True)}
_DEFAULTS = {"lang": None, "color": "auto", "width": None, "pager": None, "output": None, "strict": False}
_DIFF_FORMATS = ("terminal", "json", "markdown", "html", "docx", "pdf")
_CHECK_FORMATS = ("terminal", "json", "junit", "github", "sarif", "html")
_LANGUAGES = ("lang", "source_lang", "target_lang")  # parameters that name a language
PLAIN = {  # command -> (its arguments, its parameters' defaults, its options): what cli.py declares
    "parse": (("file",), {"format": "terminal", **_DEFAULTS},
              {**_OPTIONS, "--format": ("format", ("terminal", "json")), "-f": ("format", ("terminal", "json"))}),
    "diff": (("old", "new"), {"format": "terminal", "view": "inline", "context": None, "show_routine": False,
                              "hide_editorial": False, "force": False, "fail_on": "any", **_DEFAULTS},
             {**_OPTIONS, "--format": ("format", _DIFF_FORMATS), "-f": ("format", _DIFF_FORMATS),
              "--view": ("view", ("inline", "side-by-side", "summary")), "--context": ("context", 0),
              "-C": ("context", 0), "--show-routine": ("show_routine", True),
              "--hide-editorial": ("hide_editorial", True), "--force": ("force", True),
              "--fail-on": ("fail_on", ("any", "substantive"))}),
    "check": (("source", "target"), {"manifest": None, "jobs": None, "executor": "processes", "scheduler": None,
                                     "time_limit": 300.0, "previous": None, "format": "terminal", "fail_on": None,
                                     "disable": None, "config": None, "baseline": None, "write_baseline": None,
                                     "glossary": None, "max_findings": None, "force": False, "strict": False,
                                     "source_lang": None, "target_lang": None, "color": "auto", "width": None,
                                     "pager": None, "output": None},
              {**{k: v for k, v in _OPTIONS.items() if k != "--lang"}, "--format": ("format", _CHECK_FORMATS),
               "-f": ("format", _CHECK_FORMATS), "--manifest": ("manifest", str), "--jobs": ("jobs", 1),
               "-j": ("jobs", 1), "--executor": ("executor", ("processes", "dask")), "--scheduler": None,
               "--time-limit": None, "--previous": None, "--fail-on": ("fail_on", ("error", "warning", "note")),
               "--disable": None, "--config": ("config", str), "--baseline": ("baseline", str),
               "--write-baseline": ("write_baseline", str), "--glossary": ("glossary", str),
               "--max-findings": ("max_findings", 0), "--force": ("force", True),
               "--source-lang": ("source_lang", str), "--target-lang": ("target_lang", str)}),
}
# typer reads these from the environment (the PDF limits; a shell asking for completions): then it reads the line
_ENVIRONMENT = ("RESDIFF_PDF_MEMORY", "RESDIFF_PDF_TIMEOUT")


def plain_line(args: list[str], environ=os.environ) -> tuple[str, dict] | None:
    """(the command, its parameters) where `args` is a plain line, else None."""
    if not args or args[0] not in PLAIN or any(k in environ for k in _ENVIRONMENT) \
            or help_cache.completing(environ):
        return None
    names, values, options = PLAIN[args[0]]
    values, given, arguments = dict(values), set(), []
    rest = iter(args[1:])
    for arg in rest:
        if not arg.startswith("-"):
            arguments.append(arg)
            continue
        name, takes = options.get(arg) or (None, None)
        if name is None or name in given:
            return None
        given.add(name)
        if type(takes) is bool:
            values[name] = takes
            continue
        value = next(rest, None)
        if value is None or value.startswith("-"):
            return None
        if isinstance(takes, tuple) and value not in takes:
            return None
        if isinstance(takes, int):
            if not (value.isascii() and value.isdigit()) or int(value) < takes:
                return None
            value = int(value)
        values[name] = value
    if len(arguments) != len(names):
        return None
    for lang in (values[k] for k in _LANGUAGES if values.get(k) is not None):
        from .lang import check_language

        try:
            check_language(lang)
        except ValueError:
            return None  # typer's usage error says so
    return args[0], {**values, **dict(zip(names, arguments, strict=True))}


def _language(value: str | None) -> str | None:
    """--lang as options.language gives it to a command (plain_line has checked that it names one)."""
    from .lang import check_language

    return None if value is None else check_language(value)


def _engine(executor: str, scheduler: None) -> str:
    """--executor as options.engine gives it to check (a plain line never holds --scheduler)."""
    return executor


def run_plain(args: list[str], env) -> int | None:
    """`resdiff ARGS` without typer where ARGS is a plain line: its exit status, as cli.run would give it; None
    where it is not one."""
    line = plain_line(args, env.environ)
    if line is None:
        return None
    from . import commands

    command, parameters = line

    def run():
        return env.status_of(getattr(commands, command), env, **parameters, language=_language,
                             **({"engine": _engine} if command == "check" else {}))

    return env.run(run, args)


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"resdiff {__version__}\n")  # what cli._version prints
        sys.stdout.flush()
        sys.exit(0)
    args = sys.argv[1:]
    asks_help = help_cache.is_help(args)
    if asks_help:  # what typer printed before for the same request, without typer
        status, situation = help_cache.answer(args)
        if status is not None:
            sys.exit(status)
    from .console_env import ConsoleEnv

    ConsoleEnv.unwind_on_termination()
    env = ConsoleEnv()
    status = run_plain(args, env) if args[:1] and args[0] in PLAIN else None
    if status is None:
        from .cli import run

        status = help_cache.rendered(args, situation, lambda: run(args, env)) if asks_help else run(args, env)
    sys.exit(status)
