"""Exit statuses: what a run tells the shell, and the one rule from a result and --fail-on to it."""

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


def killed_by(signum: int) -> int:
    """The status of a run ended by a signal (SIGTERM, SIGHUP), as a shell reports it."""
    return 128 + signum


def exit_status(result, fail_on: str, *, baseline_written: bool = False) -> ExitStatus:
    """A result's exit status under --fail-on: for diff and series, `any` (every change) or `substantive`
    (routine updates alone exit 0); for check, a severity (error, warning, note) at or above which a
    finding fails the run. A check that recorded its findings as accepted (--write-baseline) passes."""
    if fail_on == "any":
        return ExitStatus.DIFFERENCES if result.has_changes else ExitStatus.OK
    if fail_on == "substantive":
        return ExitStatus.DIFFERENCES if result.has_substantive_changes else ExitStatus.OK
    if baseline_written:
        return ExitStatus.OK
    return ExitStatus.DIFFERENCES if result.failed(fail_on) else ExitStatus.OK
