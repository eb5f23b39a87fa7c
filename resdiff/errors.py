"""Errors the library raises; the CLI turns them into one line on stderr and exit 2."""

from __future__ import annotations


class ResdiffError(Exception):
    """Base error: a message naming the problem, an optional hint, the file concerned."""

    def __init__(self, message: str, *, hint: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class InputError(ResdiffError):
    """The input cannot be read: missing, unreadable, binary, undecodable, damaged."""


class NotAResolution(InputError):
    """The input was read but holds no resolution structure."""


class UsageError(ResdiffError):
    """The arguments do not fit together."""
