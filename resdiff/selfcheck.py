"""A parse that checks itself: the invariants a resolution's own structure keeps, checked on every parse.

A parse that breaks one is not printed with confidence: each violation is a `ParseWarning` with a stable
code, the paragraph (or footnote) it concerns and a sentence saying what is wrong. The codes:

- `no-operative`: no operative paragraph in a text long enough to have some;
- `op-numbering`: operative numbers do not run 1, 2, 3 … (a gap, a repeat, a number out of order);
- `sub-letters`: the lettered sub-paragraphs of an operative paragraph do not run (a), (b), (c) …;
- `marker-without-footnote`, `footnote-without-marker`: a footnote cited in the text has no footnote,
  or a footnote is cited nowhere;
- `no-closing`: an adopted resolution with its masthead but no closing (the plenary meeting);
- `text-after-closing`: text after the closing that is neither a footnote nor an annex;
- `furniture-in-paragraph`: page furniture (a job number, a barcode, the document's own symbol, a
  page number) inside a paragraph;
- `long-paragraph`: a paragraph many times longer than the others (paragraphs run together);
- `no-word-spaces`: a text in a spaced script whose words have lost the spaces between them (a
  monospace or code-block extraction): its paragraphs, dates and numbers cannot be read reliably.
"""

from __future__ import annotations

import re

from . import lang as L
from .model import OPERATIVE, PREAMBULAR, Metadata, Paragraph, ParseWarning

_FURNITURE_INSIDE = L.lazy_pattern(rf"(?<![\w/-]){L.JOB_NUMBER}(?:\s*\([A-Z]\))?(?![\w/-])|\*\d{{5,}}\*|"
                               rf"(?<!\w)(?:{L.PAGE})(?!\w)(?=\s+[A-Z])")
# what each form of _FURNITURE_INSIDE holds, found by a string search: a barcode's star, a page word, a job
# number's hyphen and five digits (a hyphen alone stands in most paragraphs: "Secretary-General")
_JOB_HYPHEN = L.lazy_pattern(r"-\d{5}")
_PAGE_WORDS = frozenset(L.PAGE_WORD.values())
_RAISED = L.lazy_pattern(f"[{L.SUPERSCRIPTS}]+")
LONG_FACTOR = 8  # a paragraph over this many times the median length …
LONG_MINIMUM = 3000  # … and over this many characters is paragraphs run together


def self_check(paragraphs: list[Paragraph], footnotes: list, metadata: Metadata, *, size: int,
               closing_found: bool, after_closing: list[str], masthead: bool) -> tuple[ParseWarning, ...]:
    """Every invariant a resolution keeps that this parse breaks, in document order of the checks."""
    out: list[ParseWarning] = []
    out += _no_operative(paragraphs, size)
    out += _numbering(paragraphs)
    out += _letters(paragraphs)
    out += _markers(paragraphs, footnotes)
    if masthead and metadata.adopted and not closing_found and not metadata.sponsors:
        out.append(ParseWarning("no-closing", None, "the closing (the plenary meeting and the date) was not "
                                "found after the last operative paragraph"))
    for line in after_closing[:1]:
        out.append(ParseWarning("text-after-closing", None, f"text after the closing, neither a footnote nor an "
                                f"annex: “{_excerpt(line)}”"))
    out += _furniture(paragraphs, metadata.symbol)
    out += _long(paragraphs)
    out += _spaceless(paragraphs, metadata.language)
    return tuple(out)


_RUN_OF_LETTERS = L.lazy_pattern(r"[^\W\d_]{25,}")


def _spaceless(paragraphs: list[Paragraph], language: str | None) -> list[ParseWarning]:
    """Latin, Cyrillic and Arabic script space their words; runs of 25 letters and more in most
    paragraphs are words run together."""
    if language == "zh" or not paragraphs:
        return []
    # a run of letters stands inside one of the text's pieces between spaces: searched only where one is long
    glued = [p for p in paragraphs if max(map(len, p.text.split()), default=0) >= 25
             and _RUN_OF_LETTERS.search(p.text)]
    if len(glued) < max(2, len(paragraphs) // 2):
        return []
    return [ParseWarning("no-word-spaces", glued[0].id, f"{len(glued)} of {len(paragraphs)} paragraphs run words "
                         f"together (“{_excerpt(_RUN_OF_LETTERS.search(glued[0].text).group(0), 40)}”): the text has "
                         "lost its word spaces (check compares its structure and footnotes, not its numbers, "
                         "dates or symbols); extract it again, or give the PDF")]


def _excerpt(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _no_operative(paragraphs: list[Paragraph], size: int) -> list[ParseWarning]:
    """Never a silent PP1 holding a whole document: a text longer than a page with no operative
    paragraph is said to be one, with the likely cause."""
    if size < 3000 or any(p.kind == OPERATIVE for p in paragraphs):
        return []
    pp = [p for p in paragraphs if p.kind == PREAMBULAR]
    if len(pp) == 1:
        return [ParseWarning("no-operative", None,
                             f"no operative paragraph found, and one preambular paragraph holds {len(pp[0].text):,} "
                             "characters: the layout of this text was not recognised (paragraphs neither indented, "
                             "nor numbered, nor separated by blank lines)")]
    return [ParseWarning("no-operative", None,
                         f"no operative paragraph found ({len(pp)} preambular): an operative part numbered '1.', "
                         "'2.' … was expected (is the text cut short, or not a resolution?)")]


def _numbering(paragraphs: list[Paragraph]) -> list[ParseWarning]:
    out = []
    expected = 1
    for p in paragraphs:
        if p.kind != OPERATIVE or p.letter is not None or p.number is None or not p.number.isdigit():
            continue
        n = int(p.number)
        if n != expected:
            what = "repeated" if n < expected else f"after {expected - 1}" if expected > 1 else "first"
            out.append(ParseWarning("op-numbering", p.id, f"operative paragraph {n} is {what}: "
                                    f"{expected} was expected"))
        expected = n + 1
    return out


def _letters(paragraphs: list[Paragraph]) -> list[ParseWarning]:
    out = []
    last: dict[str, str] = {}
    for p in paragraphs:
        if p.kind != OPERATIVE or p.letter is None or "(" in p.letter or len(p.letter) != 1:
            continue
        before = last.get(p.number or "")
        wanted = "a" if before is None else chr(ord(before) + 1)
        if p.letter != wanted:
            out.append(ParseWarning("sub-letters", p.id, f"sub-paragraph ({p.letter}) where ({wanted}) was expected"))
        last[p.number or ""] = p.letter
    return out


def _markers(paragraphs: list[Paragraph], footnotes: list) -> list[ParseWarning]:
    out = []
    cited: dict[str, str] = {}
    for p in paragraphs:
        for m in p.footnotes:
            cited.setdefault(m, p.id)
    # a raised number left in the text: a reference whose footnote was not found (the paragraphs searched one
    # by one only where the whole text holds one: most hold none, and a string search for each of the ten
    # characters reads them all, where the class is tried at every place; in an ASCII text, it answers at once)
    joined = "\n".join(p.text for p in paragraphs)
    if any(c in joined for c in L.SUPERSCRIPTS):
        for p in paragraphs:
            for m in _RAISED.finditer(p.text):
                cited.setdefault(m.group(0).translate(L.FROM_SUPERSCRIPT), p.id)
    have = {f.marker for f in footnotes}
    missing = [m for m in cited if m not in have]
    if missing and not have:
        out.append(ParseWarning("marker-without-footnote", cited[missing[0]],
                                f"the text cites {len(missing)} footnote(s) ({', '.join(missing)}) but holds no "
                                "footnote: their bodies are not in this text"))
    else:
        out += [ParseWarning("marker-without-footnote", cited[m], f"footnote {m} is cited here but not found")
                for m in missing]
    out += [ParseWarning("footnote-without-marker", f.id, f"footnote {f.marker} is cited nowhere in the text")
            for f in footnotes if f.marker not in cited]
    return out


def _furniture(paragraphs: list[Paragraph], symbol: str | None) -> list[ParseWarning]:
    out = []
    own = re.compile(rf"(?<![\w/]){re.escape(symbol)}(?![\w/])") if symbol else None
    # the paragraphs read one by one only where the whole text holds what a search below looks for (a few
    # searches in C read them all at once; most texts hold none)
    whole = "\n".join(p.text for p in paragraphs)
    if not ("*" in whole or _JOB_HYPHEN.search(whole) or any(w in whole for w in _PAGE_WORDS)
            or (own and symbol in whole)):
        return out
    for p in paragraphs:
        # each pattern searched only where its own characters stand (a search from every position, as a
        # look-behind first makes it, cost a tenth of a parse)
        t = p.text
        m = (_FURNITURE_INSIDE.search(t) if ("*" in t or _JOB_HYPHEN.search(t) or any(w in t for w in _PAGE_WORDS))
             else None) or (
            own.search(t) if own and symbol in t else None)
        if m:
            out.append(ParseWarning("furniture-in-paragraph", p.id,
                                    f"page furniture inside the paragraph: “{m.group(0)}”"))
    return out


def _long(paragraphs: list[Paragraph]) -> list[ParseWarning]:
    if len(paragraphs) < 3:
        return []
    typical = sorted(len(p.text) for p in paragraphs)[len(paragraphs) // 2]  # the median (statistics costs 5 ms)
    return [ParseWarning("long-paragraph", p.id, f"{len(p.text):,} characters, {len(p.text) / typical:.0f} times "
                         "a typical paragraph here: paragraphs may have run together")
            for p in paragraphs if len(p.text) > max(LONG_FACTOR * typical, LONG_MINIMUM)]
