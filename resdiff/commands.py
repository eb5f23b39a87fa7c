"""What `parse`, `diff` and `check` do with their arguments once the command line is read: read through
typer by cli.py, or by entry.py where the line is a plain one, without typer (most of a cold diff's
start-up). A choice arrives as its value: cli.py's StrEnum member is one."""

from __future__ import annotations

import os

from .render.formats import render
from .status import ExitStatus

WHOLE_TEXT = 1 << 30  # --context that shows every paragraph


def warnings(warn, strict: bool):
    """Where parse warnings go: `warn` (stderr); under --strict the first is an error (exit 2)."""
    from .documents import strict_warnings

    return strict_warnings(warn) if strict else warn


def parse(env, *, file: str, format: str, lang: str | None, color: str, width: int | None, pager: bool | None,
          output: str | None, strict: bool, language) -> None:
    """`resdiff parse`; `language` checks --lang (a usage error where it names no language)."""
    from .documents import load_document

    doc = load_document(file, language=language(lang), warn=warnings(env.warning, strict))
    env.emit(render("parse", format, doc), output=output, inputs=(file,), color=color, width=width, pager=pager)


def diff(env, *, old: str, new: str, format: str, view: str, context: int | None, lang: str | None, color: str,
         width: int | None, pager: bool | None, show_routine: bool, hide_editorial: bool, force: bool, fail_on: str,
         output: str | None, strict: bool, language) -> ExitStatus:
    """`resdiff diff`; `language` checks --lang (a usage error where it names no language)."""
    from .comparison import compare, unrelated
    from .documents import load_versions, stdin_once
    from .errors import UsageError

    if format in ("docx", "pdf") and not output and env.stdout_is_tty():
        raise UsageError(f"a {format} file is not for a terminal", hint="give -o FILE or redirect the output")
    stdin_once(old, new)
    language = language(lang)
    with env.busy(f"comparing {os.path.basename(old)} and {os.path.basename(new)}", old, new):
        result = compare(*load_versions(old, new, language=language, warn=warnings(env.warning, strict)))
    why = None if force else unrelated(result)
    if why:
        raise UsageError(why, hint="--force compares them anyway",
                         source=f"{os.path.basename(old)} and {os.path.basename(new)}")
    if context is None:  # a redline to print shows the whole text, the other views the changes
        context = WHOLE_TEXT if format == "pdf" else 0
    shown = render("diff", view if format == "terminal" else format, result, context=context,
                   show_routine=show_routine, markers=env.markers(color, output), hide_editorial=hide_editorial)
    env.emit(shown, output=output, inputs=(old, new), color=color, width=width, pager=pager)
    return result.exit_status(fail_on)


def check(env, *, source: str | None, target: str | None, manifest: str | None, jobs: int | None, executor: str,
          scheduler: str | None, time_limit: float, previous: tuple[str, str] | None, format: str, fail_on: str | None,
          disable: list[str] | None, config: str | None, baseline: str | None, write_baseline: str | None,
          glossary: str | None, max_findings: int | None, force: bool, strict: bool, source_lang: str | None,
          target_lang: str | None, color: str, width: int | None, pager: bool | None, output: str | None,
          language, engine) -> ExitStatus:
    """`resdiff check`; `language` checks --source-lang and --target-lang, `engine(executor, scheduler)` names
    the session's engine (each a usage error where the line is wrong)."""
    from .config import fail_level, load_config, save_baseline, with_run_options
    from .session import check_paths

    cfg = with_run_options(load_config(config, baseline=baseline, disable=disable), force=force, strict=strict,
                           glossary=glossary)
    sl, tl = language(source_lang), language(target_lang)
    level = fail_level(fail_on, cfg)
    draw = None
    if format == "json":  # a session's workers draw their pairs' entries of the report
        from .render.json_ import SessionEntries

        draw = SessionEntries(level)
    result, inputs = check_paths(source, target, manifest=manifest, previous=previous, config=cfg, jobs=jobs,
                                 source_lang=sl, target_lang=tl, warn=warnings(env.warning, strict),
                                 progress=lambda total: env.progress(total, "checking"),
                                 executor=engine(executor, scheduler), scheduler=scheduler,
                                 time_limit=time_limit, note=env.note, draw=draw)
    if write_baseline:
        env.note(save_baseline(write_baseline, result.paragraph_findings, inputs))
    shown = render("check", format, result, fail_on=level, max_findings=max_findings)
    env.emit(shown, output=output, inputs=inputs, color=color, pager=pager,
             width=env.report_width(width, output, shown))
    return result.exit_status(level, baseline_written=bool(write_baseline))
