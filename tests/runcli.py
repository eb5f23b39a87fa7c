"""A command run as a test sees it: its exit status always checked, and a crash always a failure.

CliRunner gives a command that raised an unexpected exception the exit status 1, the status of a diff
that found changes: a test that checks only `exit_code == 1`, or only what stdout does not hold, passes
when `diff` crashes on its first line. `invoke` fails on any exception but the exit itself.
"""

from __future__ import annotations

import traceback

from typer.testing import CliRunner

from resdiff.cli import app


def invoke(args, status: int, **kwargs):
    """Run `resdiff ARGS` (CliRunner: env=, input=, obj= a ConsoleEnv) and check its exit status."""
    r = CliRunner().invoke(app, [str(a) for a in args], **kwargs)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise AssertionError(f"resdiff {args[0]} crashed:\n"
                             + "".join(traceback.format_exception(r.exception)))
    assert r.exit_code == status, f"exit status {r.exit_code}, not {status}:\n{r.output}"
    return r
