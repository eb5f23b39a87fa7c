"""Errors the library raises; the CLI turns them into one line on stderr and exit 2."""

from __future__ import annotations

import re

# What must not reach a terminal from a file name or a document: C0 and C1 controls (escape sequences,
# newlines that would break the one-line contract), bidi controls and isolates, noncharacters, and the
# lone surrogates that stand for bytes of a file name that is not UTF-8.
# (compiled by re on the first text that needs it: an ASCII text needs none, and a file name mostly is one)
_UNSAFE = ("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f"
           "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]")


def printable(text: str) -> str:
    """Text safe for one line of a terminal: each unsafe character shown as an escape (\\x1b,
    \\n, \\u202e); a byte of a non-UTF-8 file name as \\xNN, as Python and git show them."""
    def esc(m: re.Match) -> str:
        c = m.group()
        o = ord(c)
        if 0xDC80 <= o <= 0xDCFF:
            return f"\\x{o - 0xDC00:02x}"
        if c in "\n\r\t":
            return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[c]
        return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"

    if text.isascii() and text.isprintable():  # no control character (the only unsafe ones in ASCII)
        return text
    return re.sub(_UNSAFE, esc, text)


MAX_MESSAGE = 500  # characters of an error line: a longer one is cut in the middle


def cut(line: str, limit: int = MAX_MESSAGE) -> str:
    """A line of at most `limit` characters: one longer loses its middle (' … ' marks the cut), so that
    both the file it names (at the start) and what went wrong (at the end) stay."""
    if len(line) <= limit:
        return line
    head = (limit - 3) * 3 // 5
    return f"{line[:head]} … {line[len(line) - (limit - 3 - head):]}"


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
        return cut(printable(f"{where}{self.message}{hint}"))


class InputError(ResdiffError):
    """The input cannot be read: missing, unreadable, binary, undecodable, damaged."""


class NotAResolution(InputError):
    """The input was read but holds no resolution structure."""


class UsageError(ResdiffError):
    """The arguments do not fit together."""
