"""Lossless tokens and clauses: ''.join(tokens(text)) == text, always."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from .lang import (
    CLAUSE_ABBREVIATIONS,
    CLAUSE_STOPS_NARROW,
    CLAUSE_STOPS_WIDE,
    IDEOGRAPH_RUN_UTF8,
    IDEOGRAPH_SPAN_UTF8,
    JOB_NUMBER,
    NUMBER_PATH,
    PAIRED_MARKS,
    SYMBOL_TOKEN,
    is_ideograph,
    lazy_pattern,
)
from .segment import cut, reference_tokenizer

_TOKEN = re.compile(
    rf"""
      {SYMBOL_TOKEN}                      # symbols: A/RES/75/62, CCM/MSP/2016/9
    | {NUMBER_PATH}                       # 63/71
    | {JOB_NUMBER}                         # job numbers
    | \d+(?:[.,]\d+)*                     # 2,515  1.5  and in full-width digits
    | [^\W\d_]+(?:['’\-][^\W\d_]+)*       # words in any script
    | \s+
    | .
    """,
    re.VERBOSE | re.DOTALL,
)


@lru_cache(maxsize=65536)
def segment_ideographs(run: str) -> tuple[str, ...]:
    """jieba's words for a run of ideographs (HMM off: deterministic, no invented words)."""
    if len(run) == 1:
        return (run,)
    try:
        return tuple(cut(run))
    except sqlite3.DatabaseError:  # a damaged segmenter cache (a table missing): jieba itself, same words
        return tuple(reference_tokenizer().cut(run, HMM=False))


def tokens(text: str) -> list[str]:
    """Words, numbers and symbols as single tokens; whitespace and punctuation kept."""
    data = text.encode("utf-8", "surrogatepass")
    if not IDEOGRAPH_SPAN_UTF8.search(data):
        return _TOKEN.findall(text)
    out: list[str] = []
    pos = 0  # in data: the runs begin and end between characters, and _TOKEN looks at nothing outside its piece
    for m in IDEOGRAPH_RUN_UTF8.finditer(data):
        if m.start() > pos:
            out.extend(_TOKEN.findall(data[pos:m.start()].decode("utf-8", "surrogatepass")))
        out.extend(segment_ideographs(m.group(0).decode("utf-8", "surrogatepass")))
        pos = m.end()
    if pos < len(data):
        out.extend(_TOKEN.findall(data[pos:].decode("utf-8", "surrogatepass")))
    return out


# --- clauses ------------------------------------------------------------------------
_OPENERS = PAIRED_MARKS
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_WIDE_STOPS = set(CLAUSE_STOPS_WIDE)
_NARROW_STOPS = set(CLAUSE_STOPS_NARROW)
_ABBREVIATIONS = lazy_pattern(  # read only after a full stop that may end a clause
    rf"(?:\b(?:{'|'.join(re.escape(w) for words in CLAUSE_ABBREVIATIONS.values() for w in words)})\.)$"
)


# every character clauses() reads (any other leaves its state as it was): found in C, the rest skipped
_MARKS = re.compile("[" + re.escape("".join(sorted({*_OPENERS, *_CLOSERS, *_WIDE_STOPS, *_NARROW_STOPS}))) + "]")


def clauses(text: str) -> list[str]:
    """Split a paragraph after clause punctuation (lang's CLAUSE_STOPS_WIDE and CLAUSE_STOPS_NARROW: the comma,
    semicolon, colon and full stop of each script) outside quotes and brackets."""
    out: list[str] = []
    depth: list[str] = []
    start = 0
    n = len(text)
    for m in _MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in _OPENERS and not (ch == "‘" and depth and depth[-1] == "’"):
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif ch in _CLOSERS:
            pass  # an unbalanced closer: ignore
        elif not depth and (ch in _WIDE_STOPS or (ch in _NARROW_STOPS and _narrow_stop(text, i))):
            j = i + 1
            while j < n and text[j].isspace():  # spaces, never a mark: the next mark is beyond them
                j += 1
            out.append(text[start:j])
            start = j
    if start < n:
        out.append(text[start:])
    return out


def _narrow_stop(text: str, i: int) -> bool:
    ch = text[i]
    nxt = text[i + 1 : i + 2]
    prev = text[i - 1 : i]
    if nxt and not nxt.isspace() and not is_ideograph(nxt):
        return False  # 1.5, A/C.1, 2,515, e.g.
    if ch == "." and _ABBREVIATIONS.search(text[max(0, i - 8) : i + 1]):
        return False
    if ch == "." and prev.isupper() and (i < 2 or not text[i - 2].isalpha()):
        return False  # initials: "J. Smith"
    return True
