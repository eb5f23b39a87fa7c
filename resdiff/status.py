"""Exit statuses: what a run tells the shell. Each command's result answers its own (`exit_status`): a diff's
and a series' under --fail-on any or substantive, a check's under a severity."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    # diff, series: differences (--fail-on any), or substantive ones (--fail-on substantive); check: findings
    # at or above --fail-on. One member: two names for 1 would make one an alias of the other.
    DIFFERENCES = 1
    BAD_INPUT = 2  # an input, the arguments or the output failed; one line on stderr says which
    INTERNAL_ERROR = 70  # EX_SOFTWARE (sysexits.h), a bug in resdiff: never 1, which means "differences"
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as a shell reports it


def changes_status(result, fail_on: str, what: str) -> ExitStatus:
    """A diff's or a series' status (`what` names it): 1 where it changed anything (--fail-on any), or
    anything substantive (--fail-on substantive)."""
    if fail_on not in ("any", "substantive"):
        raise ValueError(f"a {what} fails on any or substantive changes, not {fail_on!r}")
    found = result.has_substantive_changes if fail_on == "substantive" else result.has_changes
    return ExitStatus.DIFFERENCES if found else ExitStatus.OK


def killed_by(signum: int) -> int:
    """The status of a run ended by a signal (SIGTERM, SIGHUP), as a shell reports it."""
    return 128 + signum

