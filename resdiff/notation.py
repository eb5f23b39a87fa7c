"""How UN documents are written, below any one language: the ranges of the scripts, the grammar of
document symbols, and patterns compiled on first use.

The foundation of the language home (`lang`): layer 0, so that `cache` (file names made of symbols) and
`normalize` (a neighbour of `lang`, which may not import it) build from the same pieces as every module
above. Modules above `lang` read these names through `lang`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

# a raised footnote reference, as every reader writes it: superscript digits
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPTS)
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


class lazy_pattern:  # noqa: N801 (used as re.compile is)
    """A regular expression compiled on first use: a large character class or a long alternation costs a
    command that never reads it nothing at start-up."""

    def __init__(self, pattern: str, flags: int = 0):
        self._args, self._compiled = (pattern, flags), None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        value = getattr(self._compiled, name)
        setattr(self, name, value)  # found without __getattr__ from now on
        return value

    @property
    def ready(self) -> bool:
        """Compiled already: a test made only to spare the compiling is no longer worth its cost."""
        return self._compiled is not None


def char_test(ranges: str) -> Callable[[str], bool]:
    """A test of a text's first character against ranges written for a character class ("a-zA-Z"): what
    ``re.compile(f"[{ranges}]").match(text) is not None`` says, without compiling the class (a class of
    thousands of ideographs takes milliseconds to compile; this takes microseconds to build)."""
    if len(ranges) % 3 or set(ranges[1::3]) != {"-"}:
        raise ValueError("ranges only, each written first-last")
    spans = sorted((ord(ranges[k]), ord(ranges[k + 2]) + 1) for k in range(0, len(ranges), 3))
    bounds = tuple(b for span in spans for b in span)  # inside a range: an odd number of bounds at or below

    def test(text: str) -> bool:
        return bool(text) and bisect_right(bounds, ord(text[0])) % 2 == 1

    return test


def utf8_span(first: str, last: str) -> re.Pattern[bytes]:
    """A pattern that finds, in ``text.encode("utf-8", "surrogatepass")``, a character from `first` to `last`
    (both written in three bytes in UTF-8: U+0800 to U+FFFF) where and only where ``[first-last]`` finds one
    in the text: a few classes of bytes, compiled in microseconds, where a class of thousands of characters
    costs milliseconds. Its lead byte starts each match, and a continuation byte never does."""
    return re.compile(_utf8_span_source(first, last))


def utf8_run(ranges: str) -> bytes:
    """The source of a pattern that finds, in ``text.encode("utf-8", "surrogatepass")``, a run of characters
    of these ranges (written for a character class, "a-zA-Z"; each character in three bytes in UTF-8)
    where and only where ``[ranges]+`` finds one in the text, its bounds those of the characters."""
    if len(ranges) % 3 or set(ranges[1::3]) != {"-"}:
        raise ValueError("ranges only, each written first-last")
    spans = [_utf8_span_source(ranges[k], ranges[k + 2], whole=True) for k in range(0, len(ranges), 3)]
    return b"(?:" + b"|".join(spans) + b")+"


def _utf8_span_source(first: str, last: str, whole: bool = False) -> bytes:
    lo, hi = first.encode("utf-8", "surrogatepass"), last.encode("utf-8", "surrogatepass")
    if len(lo) != 3 or len(hi) != 3 or lo > hi:
        raise ValueError("a span of characters U+0800 to U+FFFF, first to last")

    def span(a: bytes, b: bytes) -> str:  # the byte strings from a to b, all of one length
        if len(a) == 1:
            return f"[\\x{a[0]:02x}-\\x{b[0]:02x}]"
        if whole and a[1:] == b"\x80" * (len(a) - 1) and b[1:] == b"\xbf" * (len(b) - 1):  # every ending
            return f"[\\x{a[0]:02x}-\\x{b[0]:02x}]" + "[\\x80-\\xbf]" * (len(a) - 1)
        if a[0] == b[0]:
            return f"\\x{a[0]:02x}(?:{span(a[1:], b[1:])})"
        low, high = b"\x80" * (len(a) - 1), b"\xbf" * (len(a) - 1)
        parts = [f"\\x{a[0]:02x}(?:{span(a[1:], high)})"]
        if b[0] - a[0] > 1:  # a search need not read the continuation bytes; a run goes on after them
            rest = f"[\\x80-\\xbf]{{{len(a) - 1}}}" if whole else ""
            parts.append(f"[\\x{a[0] + 1:02x}-\\x{b[0] - 1:02x}]{rest}")
        parts.append(f"\\x{b[0]:02x}(?:{span(low, b[1:])})")
        return "|".join(parts)

    return span(lo, hi).encode("ascii")


# --- scripts: ranges to put inside [...] ---------------------------------------------------------

CJK_EXT_A = "\u3400-\u4dbf"
CJK_UNIFIED = "\u4e00-\u9fff"  # the common ideographs: what language detection counts
CJK_COMPAT = "\uf900-\ufaff"
IDEOGRAPHS = CJK_EXT_A + CJK_UNIFIED + CJK_COMPAT  # any Chinese character
# a character from the first ideograph's code point to the last's, found in a text's UTF-8: a text with none
# (English, Spanish, Russian, Arabic) holds no ideograph, and never needs the class of 28,000 compiled
IDEOGRAPH_SPAN_UTF8 = utf8_span(IDEOGRAPHS[0], IDEOGRAPHS[-1])
# runs of ideographs found in a text's UTF-8 (a few byte classes, compiled in a fraction of the time
# [IDEOGRAPHS]+ takes), compiled for a text that may hold one (IDEOGRAPH_SPAN_UTF8)
IDEOGRAPH_RUN_UTF8 = lazy_pattern(utf8_run(IDEOGRAPHS))
# Extension A through the unified block in one span (the Yijing signs between them included): the layout's
# test of a Chinese text
HAN_SPAN = f"{CJK_EXT_A[0]}-{CJK_UNIFIED[-1]}"
is_ideograph = char_test(IDEOGRAPHS)
ARABIC = "\u0600-\u06ff"
CYRILLIC = "\u0400-\u04ff"
# The scripts set wide (two columns, no spaces between words): CJK radicals, symbols and punctuation (the
# ideographic full stop, the title marks and corner brackets), kana, bopomofo, the ideographs, the vertical and
# compatibility forms, and the half- and full-width forms (the full-width comma, semicolon, colon and digits)
WIDE = ("\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff" + IDEOGRAPHS
        + "\ufe30-\ufe4f\uff00-\uffef")
# the one character both wide and a space (\s): the ideographic space
IDEOGRAPHIC_SPACE = "\u3000"
# A Chinese text's characters besides ASCII, broadly (CJK punctuation through the unified ideographs, and the
# half- and full-width forms): what a guessed decoding of a Chinese text must give almost only
CJK_TEXT = "\u3000-\u9fff\uff00-\uffef"
# The ideographs jieba's dictionary splits (the unified block as its own pattern ends it)
JIEBA_IDEOGRAPHS = "\u4e00-\u9fd5"
# The letters of the scripts written right to left, Hebrew through Arabic Extended-A
RIGHT_TO_LEFT_SCRIPTS = "\u0590-\u08ff"


# --- document symbols ------------------------------------------------------------------------------
# A/RES/75/62, A/RES/ES-11/1, A/RES/48/246, drafts A/ES-11/L.7 and A/C.1/75/L.41, reports A/75/399 and
# A/48/826/Add.1, revisions A/48/L.21/Rev.1. Named pieces, then the shapes built from them: each use
# (a whole line, a resolution in a masthead, a token of the diff, a fact to compare, a file name) needs
# its own shape, and every shape is written here once.

ORGAN_LETTERS = "ASE"  # General Assembly, Security Council, Economic and Social Council
_ORGAN = rf"(?:{'|'.join(ORGAN_LETTERS)})"
_SPECIAL = r"(?:ES|S)-\d{1,2}"  # an (emergency) special session: ES-11
_COMMITTEE = r"C\.\d/"  # C.1/
_SESSION_AFTER_FIRST = r"\d{0,2}"  # a session's digits after its first (SHORT_SYMBOL_AFTER_FIRST)
_SESSION = rf"\d{_SESSION_AFTER_FIRST}"  # 75
_NUMBER = r"\d{1,4}[A-Z]?"  # 62, 246B
_DRAFT = r"L\.\d+"  # L.7
_REVISION = r"/(?:Rev|Add|Corr)\.\d+"  # /Rev.1, /Add.1
_AFTER_RES = (rf"(?:{_SPECIAL}/)?(?:{_COMMITTEE})?(?:{_SESSION}/)?(?:{_DRAFT}|{_NUMBER})"
              rf"(?:{_REVISION})*")

# what follows the organ's letter in a UN symbol: /ES-11/L.7, /RES/75/62 (the letter set apart from it)
AFTER_SYMBOL_ORGAN = _AFTER_RES
# a whole UN symbol (a page's running head): A/RES/75/62, A/C.1/75/L.41, A/48/826/Add.1
UN_SYMBOL = rf"{_ORGAN}/(?:RES/)?{_AFTER_RES}"
# a resolution of the General Assembly: A/RES/75/62, A/RES/ES-11/1
RES_SYMBOL = rf"A/RES/{_AFTER_RES}"
# the session a resolution's symbol names: A/RES/75/62 → 75 (group 1); an (emergency) special session's,
# A/RES/ES-11/1, matches with no group: the parser reads no number for it
RES_SESSION = rf"A/RES/(?:{_SPECIAL}|({_SESSION}))/"
# a resolution's short form: 75/62, 48/246B
SHORT_SYMBOL = rf"{_SESSION}/{_NUMBER}"
# the number a resolution's title line opens with ("75/62. Title", "ES-11/1. Title"): session and number
TITLE_NUMBER = rf"({_SPECIAL}|{_SESSION})/(\d{{1,4}})"
# a committee report cited after an agenda item: "(A/75/399)" (parse reads it after the bracket)
REPORT_SYMBOL = r"A/\d+/[\w./-]*\w"
# what a cached file may be named after (cache: a file name cannot leave the cache): A/RES/75/62, 75/62,
# A/C.1/75/62
CACHE_SYMBOL = rf"(?:[A-Z]{{1,4}}(?:\.\d+)?/)*(?:RES/)?{SHORT_SYMBOL}"

# Loose symbols of any series, as text cites them: CCM/MSP/2016/9, A/HRC/RES/45/1, E/CN.6/2020/3. A series
# of up to eight letters (an organ or a body, perhaps numbered: C.1), then parts after slashes.
_SERIES_AFTER_FIRST = r"[A-Z]{0,7}(?:\.\d+)?"  # a series' letters after its first (LOOSE_SYMBOL_AFTER_FIRST)
_SERIES = rf"[A-Z]{_SERIES_AFTER_FIRST}"
_SERIES_ANY_CASE = r"[A-Za-z]{1,8}(?:\.\d+)?"
_PART = r"[A-Za-z0-9.()\-]"
_PARTS = rf"(?:/{_PART}*[A-Za-z0-9)])+"  # each part ends on a letter, a digit or a bracket
_PARTS_RAGGED = rf"(?:/{_PART}+)+"  # a part may end on punctuation too
# a symbol cited in running text (a fact the language versions share)
LOOSE_SYMBOL = rf"{_SERIES}{_PARTS}"
# that symbol and the short one after their first character (a letter, a digit): for a pattern that opens
# with the character, which is tried only where one stands, where a lookbehind first is tried at every place
LOOSE_SYMBOL_AFTER_FIRST = rf"{_SERIES_AFTER_FIRST}{_PARTS}"
SHORT_SYMBOL_AFTER_FIRST = rf"{_SESSION_AFTER_FIRST}/{_NUMBER}"
# a symbol as one token of the diff, in any case
SYMBOL_TOKEN = rf"{_SERIES_ANY_CASE}{_PARTS}"
# numbers joined by slashes: 63/71, 2016/9/1
NUMBER_PATH = r"\d+(?:/\d+)+"
# a job number, "20-16878": the translation job a text was printed under
JOB_NUMBER = r"\d{2}-\d{5}"
# what a routine update may change: a symbol, its trailing punctuation with it, or numbers joined by slashes
ROUTINE_SYMBOL = rf"{_SERIES_ANY_CASE}{_PARTS_RAGGED}|{NUMBER_PATH}"
