"""Pure text passes: line joins, de-hyphenation, and the comparison form."""

from __future__ import annotations

import re
import unicodedata
from _thread import allocate_lock

from .notation import IDEOGRAPHIC_SPACE, WIDE, char_test, is_ideograph, lazy_pattern

# The wide scripts (notation's WIDE: ideographs, CJK punctuation, full-width forms). The classes of thousands
# of characters below cost milliseconds each to compile: they are compiled when first used, and the tests of
# one character are made without them.
_WIDE = WIDE
_FIRST_WIDE = min(_WIDE[0::3])
# A character at or above _FIRST_WIDE (U+2E80), written in UTF-8: a lead byte E3 to F4, or E2 followed by BA
# to BF (a lone surrogate, ED A0 to ED BF with surrogatepass, among them). Found in the encoded text with a
# class of a few bytes, where a class of characters up to U+10FFFF costs milliseconds to compile.
_FROM_WIDE_UTF8 = re.compile(rb"[\xe3-\xf4]|\xe2[\xba-\xbf]")
_SPACE_NEAR_WIDE = lazy_pattern(f"(?<=[{_WIDE}])\\s+|\\s+(?=[{_WIDE}])")
_SPACES = re.compile(r"\s+")
_CONTROL = lazy_pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff"
                        r"\ufffe\uffff\ud800-\udfff]")
# Each character of a text as one byte (its ASCII encoding, "?" for any other: one byte a character, at the
# character's index), then the ASCII digits as "0" and every other byte as "x": the runs of digits found with
# bytes.find (memchr), where a pattern's scan reads each character at several times the cost.
_DIGIT_BYTES = bytes(48 if 48 <= b <= 57 else 120 for b in range(256))  # "0" and "x"

# True when the first character of a text is set wide (what the one-character tests read)
is_wide = char_test(_WIDE)


def _has_wide(text: str) -> bool:
    """What max(text) >= _FIRST_WIDE says: a search of the UTF-8 bytes in C (max() builds an object for
    each character)."""
    return not text.isascii() and _FROM_WIDE_UTF8.search(text.encode("utf-8", "surrogatepass")) is not None


# Characters of text the loop below may read before _SPACE_NEAR_WIDE is compiled: about what compiling it
# costs (the loop reads a character some 0.1 us slower than the compiled pattern), so that a command on a
# few pages never pays for the pattern, and one on thousands of paragraphs pays once, not per paragraph.
_LOOP_BUDGET = [60_000]


def _drop_spaces_near_wide(text: str) -> str:
    """_SPACE_NEAR_WIDE.sub("", text): a run of spaces beside a wide character dropped."""
    if _LOOP_BUDGET[0] <= 0:
        return _SPACE_NEAR_WIDE.sub("", text)
    _LOOP_BUDGET[0] -= len(text)
    n = len(text)

    def run(m: re.Match) -> str:
        s, r = m.span()
        if (s and is_wide(text[s - 1])) or (r < n and is_wide(text[r])):
            return ""  # the whole run: after a wide character (the look-behind), or before one (the look-ahead)
        spaces = m.group()
        if IDEOGRAPHIC_SPACE not in spaces:
            return spaces
        # ideographic spaces inside the run: the pattern's steps, position by position
        kept, p = [], s
        while p < r:
            if p > s and is_wide(text[p - 1]):
                break  # the rest of the run follows a wide (ideographic) space
            q = text.rfind(IDEOGRAPHIC_SPACE, p + 1, r)  # the look-ahead's backtracking: the last one it can stop at
            if q > p:
                p = q
                continue
            kept.append(text[p])
            p += 1
        return "".join(kept)

    return _SPACES.sub(run, text)


class collection_paused:  # noqa: N801 (used as a function is)
    """The cycle collector held while a text is parsed or two are compared: that builds hundreds of thousands
    of objects and leaves next to no cycles, and each of the collector's full passes reads every object
    built so far (a tenth of the time at 100,000 paragraphs). What cycles there are go at its next pass.
    The collector is the process's: threads that parse at once (a Dask worker's) share one pause, and the
    last to leave puts back what the first found."""

    _lock = allocate_lock()  # threading.Lock() itself, without importing threading (a millisecond of a start)
    _inside = 0
    _was_enabled = False

    def __enter__(self) -> None:
        import gc

        cls = collection_paused
        with cls._lock:
            if cls._inside == 0:
                cls._was_enabled = gc.isenabled()
                gc.disable()
            cls._inside += 1

    def __exit__(self, *exc) -> None:
        import gc

        cls = collection_paused
        with cls._lock:
            cls._inside -= 1
            if cls._inside == 0 and cls._was_enabled:
                gc.enable()


def _may_space(text: str) -> bool:
    """False when the text has no white space (what \\s matches is what str.isspace() calls white space): every
    white-space character but the ASCII space is unprintable, and the two tests run in C some times faster than
    the pattern's search through a text of ideographs without a space, most of a Chinese resolution."""
    return " " in text or not text.isprintable()


_ONE_HYPHEN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})
_DASH_AS_HYPHEN = re.compile(r"(?<=[^\W\d_])\u2013(?=[^\W\d_])")  # "non–intervention": an en dash set as a hyphen


def line_ends(text: str) -> str:
    """The text with its CRLF and CR line ends as LF: the lines every reader and the parser read."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def fold(text: str) -> str:
    """Comparison form: what is not a change (spacing next to CJK, full width, wrapping, the form of a
    hyphen, a soft hyphen) folded away."""
    # each pass only where what it changes is there: a search of the text in C, where the passes (and max()
    # on a text of ideographs) cost most of a comparison
    if _may_space(text) and _SPACES.search(text) and _has_wide(text):  # no wide character, no space next to one
        text = _drop_spaces_near_wide(text)
    if "\u2010" in text or "\u2011" in text or "\u00ad" in text:
        text = text.translate(_ONE_HYPHEN)
    if "\u2013" in text:
        text = _DASH_AS_HYPHEN.sub("-", text)
    return " ".join(nfkc(text).split())  # runs of white space as one space, none at the ends (what \s+ reads)


# The full-width forms of the ASCII characters (U+FF01 to U+FF5E, the comma of a Chinese text among them):
# what NFKC changes most often. Each is one ASCII character after NFKC (0xFEE0 below it), and a starter as
# that character is: set as ASCII first, they leave NFKC's result as it was, and most texts are then found
# in that form already.
_FULL_WIDTH_ASCII = lazy_pattern(f"[{chr(0xFF01)}-{chr(0xFF5E)}]")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), which reads a text of ideographs some ten times slower than
    the quick check that finds it already in that form."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    for c in set(_FULL_WIDTH_ASCII.findall(text)):
        text = text.replace(c, chr(ord(c) - 0xFEE0))
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def punctuation_widths(text: str) -> list[bool]:
    """What the comparison form (fold) leaves out and a reader still sees: the width of each punctuation
    mark (the full-width comma against the ASCII one: an editorial correction, not no change). With equal
    comparison forms, equal lists mean no change a reader sees (the form of a hyphen and a soft hyphen are none)."""
    return [unicodedata.east_asian_width(ch) in "FW" for ch in text
            if not (ch.isspace() or ch.isalnum() or ch == "\u00ad")]


def strip_controls(text: str) -> str:
    """Remove control and bidi-override characters (terminal escapes among them)."""
    return _CONTROL.sub("", text)


def spaces_digits(text: str) -> bool:
    """True when the text sets ASCII digits off from ideographs by spaces, as UN PDFs do (one pass over its
    runs of digits: as fast as two compiled patterns over a long text, and nothing to compile)."""
    spaced, tight = _digit_counts(text)
    return spaced > tight


def _digit_counts(text: str) -> tuple[int, int]:
    """len(re.findall(f"[{WIDE}]{gap}[0-9]|[0-9]{gap}[{WIDE}]", text)) for a gap of " " and of "", in one pass
    over the runs of digits, without compiling the class: matches taken left to right, never overlapping,
    for each gap. Only the first and the last digit of a run of digits can be in one (a digit is never wide,
    nor is a space)."""
    spaced = tight = end_s = end_t = 0
    n = len(text)
    wide = _WideByCharacter()  # is_wide of each character read, asked once: a text uses few characters
    marks = text.encode("ascii", "replace").translate(_DIGIT_BYTES)
    e = 0
    while (s := marks.find(b"0", e)) >= 0:  # each run of digits, text[s:e]
        e = marks.find(b"x", s)
        if e < 0:
            e = n
        if s:
            c = text[s - 1]
            if c == " ":
                if s - 2 >= end_s and wide[text[s - 2]]:
                    spaced, end_s = spaced + 1, s + 1
            elif s - 1 >= end_t and wide[c]:
                tight, end_t = tight + 1, s + 1
        if e < n:
            c = text[e]
            if c == " ":
                if e - 1 >= end_s and e + 1 < n and wide[text[e + 1]]:
                    spaced, end_s = spaced + 1, e + 2
            elif e - 1 >= end_t and wide[c]:
                tight, end_t = tight + 1, e + 1
    return spaced, tight


class _WideByCharacter(dict):
    """is_wide of a character, kept once asked (a look-up in C, where is_wide is a call and a bisection)."""

    def __missing__(self, c: str) -> bool:
        self[c] = answer = is_wide(c)
        return answer


_HYPHEN_END = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")


def _last_word(text: str) -> str:
    """The end of `text` from the start of its last run of letters, digits and hyphens: the word and
    compound patterns of join_lines (letters and hyphens, ending at the end) can only match in it."""
    k = len(text)
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-\u00ad_"):
        k -= 1
    return text[k:]


def _written(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether the document writes this word, as it is or with its first letter in the other case: "space-" +
    "based" inside a sentence is the "Space-based" that opens another."""
    return word in vocabulary or f"{word[:1].swapcase()}{word[1:]}" in vocabulary


def join_lines(lines: list[str], *, wide_spacing: bool = False, vocabulary: frozenset[str] = frozenset(),
               compounds: frozenset[str] = frozenset(), suspending: frozenset[str] = frozenset()) -> str:
    """Join the visual lines of one paragraph as the script requires.

    No space between ideographs (a PDF breaks lines inside Chinese words), one space
    in Latin, Cyrillic and Arabic script, and a hyphenated line break undone when the
    next line starts in lower case. With ``wide_spacing`` a digit meeting an
    ideograph at a break gets the space the extractor puts there elsewhere. The
    document's own words (``vocabulary``) decide a break first: "decision-" + "making"
    stays hyphenated where the text writes "decision-making" elsewhere; after one of ``compounds``
    ("post", "quarante") the hyphen is the compound's own; before one of ``suspending`` ("and", "et") it
    is suspended ("gender-" + "and age-sensitive"). The language's tables are lang's.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        a, b = out[-1], line[0]
        # every test below looks at the end of `out` only (its last word at most), never the whole of
        # it: a paragraph of n lines joins in O(n), not O(n^2) (30,000-paragraph texts, long footnotes)
        if a in "-\u00ad" and b.islower() and _HYPHEN_END.search(out[-2:]):
            # "gender-" + "and age-sensitive" is a suspended hyphen; "post-" + "conflict" a
            # compound; anything else is a word broken at the line end.
            tail = _last_word(out)
            word = re.search(r"[^\W\d_]+(?=[-\u00ad]$)", tail)
            compound = re.search(r"[^\W\d_]+(?:-[^\W\d_]+)*(?=[-\u00ad]$)", tail)
            nxt = re.match(r"[^\W\d_]+", line)
            w, n = (word.group(0) if word else ""), (nxt.group(0) if nxt else "")
            if compound and _written(f"{compound.group(0)}-{n}", vocabulary):
                out += line  # "military-to-" + "military": the document writes "military-to-military"
            elif nxt and n in suspending:
                out += " " + line
            elif _written(f"{w}-{n}", vocabulary):
                out += line
            elif _written(f"{w}{n}", vocabulary):
                out = out[:-1] + line
            elif word and w.lower() in compounds:
                out += line
            else:
                out = out[:-1] + line
        elif (wide_b := is_wide(b)) and is_wide(a):  # (each character's width asked once)
            out += line
        elif a in "-/" and b.isalnum() and not wide_b:
            out += line  # a symbol or compound broken after its hyphen or slash
        elif wide_b or is_wide(a):
            wide, other = (b, a) if wide_b else (a, b)
            spaced = wide_spacing and other.isascii() and other.isalnum() and is_ideograph(wide)
            out += (" " if spaced else "") + line
        else:
            out += " " + line
    return out.replace("\u00ad", "") if "\u00ad" in out else out  # a soft hyphen only says where a word may break
